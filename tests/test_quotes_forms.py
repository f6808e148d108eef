"""How English-language news reports speech: each rule of the quotes package on two or more forms.

Every passage here was written for this test (invented people and events, no real article's
words); each reproduces a form seen in real Viet Nam-Korea coverage. Expectations are what a
reader of the passage answers to "who said what".
"""

from __future__ import annotations

import pytest

from forms import article, quotes_of, who
from vnrok_etl.figures import extract_figures
from vnrok_etl.pipeline import attribute_figures
from vnrok_etl.quotes import extract_quotes
from vnrok_etl.records import Article, Quote


# --- direct speech ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraphs",
    [
        # curly open, straight close, no comma, role cue after
        ("Samsung Display CEO Choi Joo-ho toured the Bắc Ninh plant on Friday.",
         "“We will hire 2,000 more engineers here next year\" the CEO added."),
        # straight open, curly close, comma outside, role cue after
        ("RoK Ambassador Park Noh Wan opened the trade fair.",
         "\"Korean buyers came for Vietnamese fruit this year”, the ambassador said."),
        # both curly, comma inside, surname cue after
        ("Samsung Display CEO Choi Joo-ho toured the Bắc Ninh plant on Friday.",
         "“We will hire 2,000 more engineers here next year,” Choi said."),
    ],
)
def test_direct_quote_with_any_marks_and_a_role_or_surname_after(paragraphs) -> None:
    quote = quotes_of(*paragraphs)[-1]
    assert quote.kind == "direct"
    assert quote.speaker in {"Choi Joo-ho", "Park Noh Wan"}
    assert quote.text.startswith(("We will hire", "Korean buyers"))
    assert quote.speaker_type == "person"


@pytest.mark.parametrize(
    ("paragraph", "speaker", "title"),
    [
        ("“The two sides will open a consulate in Đà Nẵng,” said Park Noh Wan, RoK Ambassador to"
         " Viet Nam.", "Park Noh Wan", "Ambassador to Viet Nam"),
        ("“Students now ask for Korean before English,” said Nguyễn Thị Mai, a lecturer at a Hà"
         " Nội university, in an interview last week.", "Nguyễn Thị Mai", "lecturer"),
    ],
)
def test_inverted_speaker_with_an_apposition(paragraph: str, speaker: str, title: str) -> None:
    quote = quotes_of(paragraph)[0]
    assert (quote.kind, quote.speaker) == ("direct", speaker)
    assert title in (quote.speaker_title or "")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Professor Lee Sang-hoon said “the market is ready for Korean investors now.”",
        "Professor Lee Sang-hoon said, “The market is ready for Korean investors now.”",
        "“The market is ready for Korean investors now” Professor Lee Sang-hoon said.",
    ],
)
def test_direct_quote_cue_before_or_after_with_or_without_comma(paragraph: str) -> None:
    quote = quotes_of(paragraph)[0]
    assert (quote.kind, quote.speaker) == ("direct", "Lee Sang-hoon")
    assert quote.text.lower().startswith("the market is ready")


def test_continuation_paragraphs_keep_the_speaker() -> None:
    quotes = quotes_of(
        "“Korean firms want to stay in Viet Nam for the long run,” said trade official Kim Do-yeon."
        " “They see a stable market.",
        "“They also see a young workforce that keeps learning new skills every year.",
        "“And they see partners, not just suppliers,” she added.",
    )
    assert [q.speaker for q in quotes] == ["Kim Do-yeon"] * len(quotes)
    assert any(q.text.startswith("They also see") for q in quotes)


# --- reported speech --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "text"),
    [
        ("Professor Kim Tae-yong said Korean firms are moving supply chains south.",
         "Kim Tae-yong", "Korean firms are moving"),
        ("Mr. Trần Văn Hùng said that rice exports to Korea would grow this year.",
         "Trần Văn Hùng", "rice exports to Korea"),
        ("Ms Nguyen Thi Lan noted that Korean tourists now stay longer.",
         "Nguyen Thi Lan", "Korean tourists now stay"),
        ("Deputy PM Tran Hong Ha stressed that the metro line must open on time.",
         "Tran Hong Ha", "the metro line must"),
        ("CEO Jang Min-ho said the Hải Phòng factory will double its output.",
         "Jang Min-ho", "the Hải Phòng factory"),
        ("Ambassador Choi Young-sam was quoted as saying that the visa rules would ease.",
         "Choi Young-sam", "the visa rules would"),
        ("Yonhap quoted Minister Ahn Duk-geun as saying that chip exports hit a record.",
         "Ahn Duk-geun", "chip exports hit a"),
        ("Minister Nguyen Hong Dien told Korean investors that the country would cut red tape.",
         "Nguyen Hong Dien", "the country would cut"),
    ],
)
def test_reported_speech_after_the_cue(sentence: str, speaker: str, text: str) -> None:
    quote = quotes_of(sentence)[0]
    assert (quote.kind, quote.speaker, " ".join(quote.text.split()[:4])) == (
        "indirect", speaker, text,
    )


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "text"),
    [
        (("Economist Park Ji-won of the Korea Institute spoke at the forum.",
          "Viet Nam remains the top destination for Korean capital, Park noted."),
         "Park Ji-won", "Viet Nam remains the"),
        (("Demand for Korean classes keeps rising, said Nguyen Van Binh, director of a language"
          " centre in Đà Nẵng.",), "Nguyen Van Binh", "Demand for Korean classes"),
        (("According to Dr. Le Quoc Phuong, a former trade official, exports could rise by a"
          " fifth.",), "Le Quoc Phuong", "exports could rise by"),
        (("Dr. Le Quoc Phuong spoke to reporters.",
          "Exports could rise by a fifth, according to Phuong."), "Le Quoc Phuong",
         "Exports could rise by"),
        (("Minister Nguyen Hong Dien spoke at the event.",
          "He went on to say that the country would cut red tape."), "Nguyen Hong Dien",
         "the country would cut"),
    ],
)
def test_reported_speech_before_or_around_the_cue(paragraphs, speaker: str, text: str) -> None:
    quote = quotes_of(*paragraphs)[-1]
    assert (quote.kind, quote.speaker, " ".join(quote.text.split()[:4])) == (
        "indirect", speaker, text,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade will reach US$100 billion soon, Minister Tran Van Hung said, adding that Korean"
        " firms would lead the way.",
        "Minister Tran Van Hung said trade will reach US$100 billion soon, noting that Korean"
        " firms would lead the way.",
    ],
)
def test_adding_that_is_a_second_quote_of_the_same_speaker(sentence: str) -> None:
    quotes = quotes_of(sentence)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Tran Van Hung")] * 2
    assert quotes[1].text == "Korean firms would lead the way"


def test_adding_that_after_a_direct_quote() -> None:
    quotes = quotes_of("“This is a historic day,” Minister Tran Van Hung said, adding that more"
                       " visits would follow.")
    assert who(quotes) == [
        ("direct", "Tran Van Hung", "This is a historic"),
        ("indirect", "Tran Van Hung", "more visits would follow"),
    ]


# --- who the speaker is -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Minister Nguyen Hong Dien said that exports rose.",
         "Ambassador Park Noh Wan also attended the ceremony.",
         "He added that Korean firms would invest more."),
        ("Minister Nguyen Hong Dien said that exports rose.",
         "Speaking next, Ambassador Park Noh Wan thanked the workers. He noted that Korean firms"
         " would invest more."),
    ],
)
def test_pronoun_is_the_person_just_named(paragraphs) -> None:
    assert quotes_of(*paragraphs)[-1].speaker == "Park Noh Wan"


def test_pronoun_skips_people_named_inside_the_quote_and_crosses_paragraphs() -> None:
    quotes = quotes_of(
        "Dr. Lee Min-ji, an economist at a Seoul university, has studied the market for years.",
        "Workers trained by Korean firms now earn more, she said.",
        "She added that President Lee Jae Myung's visit had helped.",
        "She stressed that training must continue.",
    )
    assert [q.speaker for q in quotes] == ["Lee Min-ji"] * 3


@pytest.mark.parametrize(
    ("intro", "sentence", "speaker"),
    [
        ("National Assembly Chairman Tran Thanh Man received the delegation.",
         "The top legislator said that the two parliaments would sign a new agreement.",
         "Tran Thanh Man"),
        ("Colonel Kim Dong-won, the RoK defence attaché in Hà Nội, joined the drill.",
         "The defence attaché noted that both navies would train together.",
         "Kim Dong-won"),
        ("Ms. Hoang Thu Trang, CEO of a logistics start-up, spoke first.",
         "The CEO said that Korean clients pay on time.", "Hoang Thu Trang"),
        ("Professor Lim Hye-jin spoke at the seminar.",
         "The professor stressed that language skills matter most.", "Lim Hye-jin"),
    ],
)
def test_role_tied_to_a_person_earlier_is_that_person(intro: str, sentence: str, speaker: str) -> None:
    quote = quotes_of(intro, sentence)[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "person")


@pytest.mark.parametrize(
    ("sentence", "printed"),
    [
        ("The ambassador said that visas would be easier to get.", "the ambassador"),
        ("He said that visas would be easier to get.", "he"),
        ("“Visas will be easier to get,” the official told reporters.", "the official"),
    ],
)
def test_unresolved_role_or_pronoun_keeps_null_and_the_printed_form(sentence: str, printed: str) -> None:
    quote = quotes_of("The weather in Hà Nội was mild.", sentence)[-1]
    assert quote.speaker is None
    assert (quote.speaker_printed or "").lower() == printed
    assert quote.speaker_type == "person"


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "printed"),
    [
        (("The Ministry of Industry and Trade said exports to Korea rose 10 percent.",),
         "Ministry of Industry and Trade", None),
        (("The Ministry of Industry and Trade (MoIT) held a press briefing on Monday.",
          "Exports to Korea rose 10 percent, the ministry noted."),
         "Ministry of Industry and Trade", None),
        (("The agency said that more flights would be added.",), None, "the agency"),
        (("Exports rose 10 percent, according to the General Statistics Office.",),
         "General Statistics Office", None),
    ],
)
def test_organisations_speak_with_their_type(paragraphs, speaker, printed) -> None:
    quote = quotes_of(*paragraphs)[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")
    assert (quote.speaker_printed or "").lower() == (printed or "")


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("The Viet Nam-RoK first summit of the year opened in Seoul.",
         "Viet Nam-RoK trade, the report said, grew fast."),
        ("Vietnamese said that the festival was crowded.",),
        ("Korean Air said that flights would resume.", "Deputy Minister said that it was good."),
    ],
)
def test_speakers_are_never_countries_adjectives_or_bare_titles(paragraphs) -> None:
    quotes, speakers = extract_quotes(article(*paragraphs))
    bad = {"Viet Nam-RoK", "Vietnam-RoK", "Vietnamese", "Korean", "Deputy Minister", "Minister"}
    assert not bad & {s.name for s in speakers}
    assert not bad & {q.speaker for q in quotes}


def test_known_people_table_is_not_needed_to_find_a_speaker() -> None:
    quotes, speakers = extract_quotes(
        article("Vice Chairwoman Đỗ Thị Hạnh of the Korea-Viet Nam Business Association said the"
                " group would open an office in Cần Thơ.")
    )
    assert quotes[0].speaker == "Đỗ Thị Hạnh"
    assert speakers[0].kind == "person"


# --- interviews -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["news", "interview"])
@pytest.mark.parametrize(
    ("question", "answer"),
    [("Q: ", "A: "), ("Question: ", "Answer: ")],
)
def test_interview_with_marked_questions_and_answers(kind: str, question: str, answer: str) -> None:
    quotes = quotes_of(
        "On the occasion of the trade week, a reporter talked with Korean Ambassador Park Noh Wan"
        " about the ties.",
        f"{question}How do you see the ties this year?",
        f"{answer}They have never been closer. Trade grew again.",
        "We also opened two new cultural centres.",
        f"{question}What comes next?",
        f"{answer}More students, more flights.",
        kind=kind,
    )
    assert who(quotes) == [
        ("interview", "Park Noh Wan", "They have never been"),
        ("interview", "Park Noh Wan", "We also opened two"),
        ("interview", "Park Noh Wan", "More students, more flights."),
    ]


def test_interview_answers_prefixed_with_the_interviewees_name() -> None:
    quotes = quotes_of(
        "Ambassador Vũ Hồng Nam of Viet Nam to Korea talks with our reporter ahead of the visit.",
        "Ambassador, how would you describe the relationship today?",
        "Ambassador Vũ Hồng Nam: It is broad and deep, and it keeps growing.",
        "Our two peoples share many values.",
        kind="interview",
    )
    assert who(quotes) == [
        ("interview", "Vũ Hồng Nam", "It is broad and"),
        ("interview", "Vũ Hồng Nam", "Our two peoples share"),
    ]


# --- not speech -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "The campaign, dubbed “Korea Week in Hà Nội”, drew 5,000 visitors, organisers said.",
        "Minister Tran Van Hung called it a “win-win” deal.",
        "The film “A Letter from Seoul” opened in Hồ Chí Minh City on Friday.",
        "Under the slogan “One market, one future”, the fair opened on Monday.",
        "She said the ‘state-level guest’ label matters.",
    ],
)
def test_terms_titles_and_slogans_are_not_direct_speech(paragraph: str) -> None:
    assert all(q.kind != "direct" for q in quotes_of(paragraph))


# --- figures ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Exports to Korea reached US$5 billion, Minister Tran Van Hung said.",
        "“Exports to Korea reached US$5 billion,” Minister Tran Van Hung said.",
        "Minister Tran Van Hung said that exports to Korea reached US$5 billion.",
    ],
)
def test_figure_in_a_quote_or_a_reported_clause_gets_the_speaker(paragraph: str) -> None:
    text = article(paragraph)
    quotes, _ = extract_quotes(text)
    figures = attribute_figures(extract_figures(text.body, None), quotes)
    assert [f.speaker for f in figures if f.kind == "money"] == ["Tran Van Hung"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "[Interview] Kim Soo-ah(Director, Busan Vietnamese Centre) : \"We teach 300 children every"
        " weekend.\"",
        "Kim Soo-ah: “We teach 300 children every weekend.”",
    ],
)
def test_speaker_named_before_a_colon(paragraph: str) -> None:
    quote = quotes_of(paragraph)[0]
    assert (quote.kind, quote.speaker, quote.text) == (
        "direct", "Kim Soo-ah", "We teach 300 children every weekend.",
    )


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("Vice Minister Park Sung-ho affirmed that the navies trust each other, and said the RoK"
         " would donate a second ship.", "the RoK would donate a second ship"),
        ("The Deputy PM welcomed the project, saying Viet Nam wants to build more batteries.",
         "Viet Nam wants to build more batteries"),
    ],
)
def test_a_second_cue_in_the_sentence_reports_more(sentence: str, second: str) -> None:
    quotes = quotes_of("Vice Minister Park Sung-ho and Deputy PM Tran Hong Ha met in Hà Nội.", sentence)
    assert quotes[-1].text == second
    assert quotes[-1].speaker in {"Park Sung-ho", "Tran Hong Ha"}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Its Vietnam director, Mr. Kwon Sang-min, said the company would hire more engineers.",
         "Kwon Sang-min"),
        ("The vice minister, who is touring the region, reportedly said that permits were slow.",
         "Park Sung-ho"),
    ],
)
def test_subject_with_an_apposition_or_relative_clause(sentence: str, speaker: str) -> None:
    quote = quotes_of("Vice Minister Park Sung-ho arrived on Monday.", sentence)[-1]
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Trade has carried our ties for thirty years,” Ambassador Park Noh Wan said. “Now people"
        " will carry them.”",
        '"Trade has carried our ties for thirty years," said Ambassador Park Noh Wan. "Now people'
        ' will carry them."',
    ],
)
def test_quotation_resumed_after_its_attribution_is_one_statement(paragraph: str) -> None:
    quote = only_quote(quotes_of(paragraph))
    assert (quote.kind, quote.speaker) == ("direct", "Park Noh Wan")
    assert quote.text.startswith("Trade has carried") and quote.text.endswith("will carry them.")


def only_quote(quotes: tuple[Quote, ...]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Seoul now has 40 Vietnamese restaurants, according to travel platform Tripmate.", "Tripmate"),
        ("Seoul now has 40 Vietnamese restaurants, according to a report by the Korea Food"
         " Association.", "Korea Food Association"),
        ("Seoul now has 40 Vietnamese restaurants, data from the Korea Food Association showed.",
         "Korea Food Association"),
        ("According to consultancy Tripmate, Seoul now has 40 Vietnamese restaurants.", "Tripmate"),
    ],
)
def test_sources_that_are_organisations(sentence: str, speaker: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")
    assert quote.text.startswith("Seoul now has 40")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Hanvit Chemical Co. said Friday it will build a second plant in Bắc Giang.",
         "Hanvit Chemical"),
        ("The Korea Trade Promotion Agency (KTPA) said Tuesday that it will build a second plant"
         " in Bắc Giang.", "Korea Trade Promotion Agency"),
        ("It will build a second plant in Bắc Giang, its Ministry of Industry said in January.",
         "Ministry of Industry"),
    ],
)
def test_organisation_subjects_with_suffixes_days_and_owners(sentence: str, speaker: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")
    assert "build a second plant" in quote.text


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("Nguyen Thi Hoa has taught Korean in Huế for nine years. She talked with Daily Seoul"
         " about her students.", "Nguyen Thi Hoa"),
        ("Reporter Kim Ji-ah talks with Vu Van Long, who runs six restaurants in Incheon, about"
         " his path.", "Vu Van Long"),
        ("The Korea Post interviewed Ambassador Vu Van Long on Monday.", "Vu Van Long"),
    ],
)
def test_interviewee_is_who_talked_with_the_outlet_not_the_reporter(intro: str, speaker: str) -> None:
    quotes = quotes_of(intro, "Q: Why Huế?", "A: The people are kind.", kind="interview")
    assert [(q.kind, q.speaker) for q in quotes if q.kind == "interview"] == [("interview", speaker)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Do Thi Lan, dean of Korean studies at Hanoi University, met students.",
         "Demand keeps growing, the professor said."),
        ("Kim Tae-hyun, a sociologist at Hanyang University, spoke at the forum.",
         "Demand keeps growing, the professor said."),
    ],
)
def test_the_professor_is_the_university_person_named_before(paragraphs) -> None:
    quote = quotes_of(*paragraphs)[-1]
    assert quote.speaker in {"Do Thi Lan", "Kim Tae-hyun"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Minhmart, which runs 40 stores in Viet Nam, said its sales rose 21 percent last year.",
        "Minhmart, which runs 40 stores in Viet Nam, reported that its sales rose 21 percent.",
    ],
)
def test_a_which_clause_marks_an_organisation(sentence: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert (quote.speaker, quote.speaker_type) == ("Minhmart", "organisation")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Exports rose 9 percent, according to the Foreign Trade Agency (FTA).", "Foreign Trade Agency"),
        ("Exports rose 9 percent, according to Korea Customs Service data.", "Korea Customs Service"),
        ("According to Shinwoo Financial Group on the 10th, exports rose 9 percent.",
         "Shinwoo Financial Group"),
        ("Exports rose 9 percent, according to labor ministry data.", "labor ministry"),
        ("Exports rose 9 percent, the provincial Department of Finance said.", "Department of Finance"),
        ("Korea's health ministry estimates that exports rose 9 percent.", "health ministry"),
    ],
)
def test_sources_with_abbreviations_data_dates_and_qualifiers(sentence: str, speaker: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")
    assert quote.text.startswith(("Exports rose 9 percent", "exports rose 9 percent"))


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("Korean retail group Minhmart will open two stores in Huế.", "Minhmart"),
        ("Hanvit Chemical Co. opened a plant in Bắc Giang on Monday.", "Hanvit Chemical"),
    ],
)
def test_the_company_is_the_business_named_before(intro: str, speaker: str) -> None:
    quote = quotes_of(intro, "Each store will hire 200 workers, the company said.")[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")


@pytest.mark.parametrize(
    "title",
    [
        "Deputy Prime Minister Tran Van Quan’s interview with Daily Seoul",
        "Interview: Ambassador Tran Van Quan on the road ahead",
    ],
)
def test_interview_without_an_introduction_takes_the_interviewee_from_the_title(title: str) -> None:
    text = Article(title, None, None, None, None, None, None, "interview", (
        "Question 1: What do you expect this week?", "Answer:", "We expect concrete projects.",
    ))
    assert [(q.kind, q.speaker) for q in extract_quotes(text)[0]] == [("interview", "Tran Van Quan")]


@pytest.mark.parametrize("stray", ["President Vo Van An of Viet Nam", "By Thu Ha thuha@example.vn"])
def test_a_caption_or_byline_among_answers_is_no_answer(stray: str) -> None:
    quotes = quotes_of(
        "A reporter talked with Ambassador Tran Van Quan.",
        "Q: What comes next?", "A: More flights.", stray, "More students too.",
        kind="interview",
    )
    assert [q.text for q in quotes] == ["More flights.", "More students too."]


@pytest.mark.parametrize(
    ("sentence", "printed", "kind"),
    [
        ("Analysts said the deal could lift exports.", "Analysts", "person"),
        ("According to the organisers, the deal could lift exports.", "the organisers", "person"),
        ("Travel agencies say the deal could lift exports.", "Travel agencies", "organisation"),
    ],
)
def test_unnamed_groups_are_statements_without_a_speaker(sentence: str, printed: str, kind: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert (quote.speaker, quote.speaker_printed, quote.speaker_type) == (None, printed, kind)
    assert "the deal could lift exports" in quote.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders said the deal could lift exports.",
        "Both sides said the deal could lift exports.",
        "They said the deal could lift exports.",
    ],
)
def test_the_articles_own_parties_together_are_not_a_speaker(sentence: str) -> None:
    assert quotes_of("Minister Tran Van Hung met Ambassador Park Noh Wan.", sentence) == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Rents here are one-third of Hanoi’s,” a Minhmart official said.",
        "Rents here are one-third of Hanoi’s, an embassy official said.",
    ],
)
def test_an_indefinite_role_is_someone_new(paragraph: str) -> None:
    quote = quotes_of("Ambassador Park Noh Wan visited the store.", paragraph)[-1]
    assert quote.speaker is None
    assert quote.speaker_printed.startswith(("a ", "an "))


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Dao Van Hai, deputy director of the labour department, was quoted by the Labour newspaper"
         " as saying that overstays had fallen.", "Dao Van Hai"),
        ("“Overstays have fallen,” Nguyen Van Duc, 31, told reporters outside the court.",
         "Nguyen Van Duc"),
        ("Nguyen Van Duc, 31, said that overstays had fallen.", "Nguyen Van Duc"),
    ],
)
def test_quoted_by_an_outlet_and_an_age_after_the_name(sentence: str, speaker: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert quote.speaker == speaker
    assert quote.text.startswith(("overstays had fallen", "Overstays have fallen"))


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Consul General in Busan Nguyen Thi Thu Ha thanked the city, noting that 12,000 Vietnamese"
         " live there.", "Nguyen Thi Thu Ha"),
        ("“We wanted them to learn in a dry room,” said team leader Han Kyung-soo, a student.",
         "Han Kyung-soo"),
        ("Mr. Pham Viet Huong, the department's deputy director, told VietNamNet that 12,000"
         " Vietnamese live there.", "Pham Viet Huong"),
        ("12,000 Vietnamese live there, Vice Chairman Yoo Jung-joon told Deputy Prime Minister"
         " Nguyen Chi Dung on August 13.", "Yoo Jung-joon"),
    ],
)
def test_longer_titles_objects_and_middle_names(sentence: str, speaker: str) -> None:
    assert quotes_of(sentence)[-1].speaker == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        "⛄ “The children now have a dry place to learn,” he said.",
        "– “The children now have a dry place to learn,” he said.",
    ],
)
def test_a_symbol_before_a_quotation_does_not_hide_it(paragraph: str) -> None:
    quote = quotes_of("Ambassador Park Noh Wan opened the school.", paragraph)[-1]
    assert (quote.kind, quote.speaker) == ("direct", "Park Noh Wan")


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("Clinics will open in Long Bien, the municipal People’s Committee said.",
          "Chairman of the Hanoi People’s Committee Tran Van Minh visited the site."),
         "Hanoi People’s Committee"),
        (("The General Department of Vietnam Customs opened a desk in Seoul.",
          "Checks will take one day, the Vietnamese customs agency said."),
         "General Department of Vietnam Customs"),
        (("The Korea Customs Service and the General Department of Vietnam Customs met.",
          "Checks will take one day, the Vietnamese customs agency said."),
         "General Department of Vietnam Customs"),
        (("Students gathered at the Embassy of Việt Nam in Seoul on Sunday.",
          "Checks will take one day, the embassy said."), "Embassy of Việt Nam in Seoul"),
    ],
)
def test_organisation_referred_back_by_a_shorter_name_or_a_describing_word(paragraphs, speaker) -> None:
    quote = next(q for q in quotes_of(*paragraphs) if q.text.startswith(("Clinics", "Checks")))
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")


@pytest.mark.parametrize(
    ("sentence", "speaker", "start"),
    [
        ("According to the Ministry of Trade, the two ministers are expected to sign a deal.",
         "Ministry of Trade", "the two ministers"),
        ("Cold storage is short, according to consultancy Savills Vietnam.", "Savills Vietnam",
         "Cold storage is short"),
        ("Firms plan to hire 25,000 workers, according to a survey by the Korea Chamber of Commerce"
         " in Vietnam (KoCham) released on March 6.", "Korea Chamber of Commerce in Vietnam",
         "Firms plan to hire"),
    ],
)
def test_organisation_sources_keep_their_clause_and_full_name(sentence: str, speaker: str, start: str) -> None:
    quote = only_quote(quotes_of(sentence))
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")
    assert quote.text.startswith(start)


@pytest.mark.parametrize(
    "middle",
    [
        "Hai made the remarks at a meeting with Korean investors.",
        "Later, Hai visited the site with reporters.",
    ],
)
def test_a_surname_alone_is_the_nearest_person_for_a_pronoun(middle: str) -> None:
    quotes = quotes_of(
        "Hanoi wants Korean partners, Vice Chairman Ha Minh Hai said.",
        "Vice Chairman Ha Minh Hai (R) and Lee Jong-hwan, CEO of Spark Asia, at the meeting.",
        middle,
        "The campus will host 200 startups, he said.",
    )
    assert quotes[-1].speaker == "Ha Minh Hai"


@pytest.mark.parametrize(
    "first",
    [
        "It is time for a new chapter, Vietnam's new Ambassador to Korea Vu Van Hoa said,"
        " highlighting Prime Minister Tran Van Son's visit to Seoul.",
        "It is time for a new chapter, Ambassador Vu Van Hoa said, citing Prime Minister Tran Van"
        " Son's visit to Seoul.",
    ],
)
def test_attribution_before_a_participle_and_a_possessive_is_no_antecedent(first: str) -> None:
    quotes = quotes_of(first, "“The visit reviews what we have achieved,” he said.")
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Vu Van Hoa"), ("direct", "Vu Van Hoa")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Talks start on Tuesday, according to South Korea’s Office for Policy Coordination.",
         "Office for Policy Coordination"),
        ("Talks start on Tuesday, according to Vietnam's Ministry of Planning.", "Ministry of Planning"),
    ],
)
def test_an_owner_before_an_organisation_is_not_its_name(sentence: str, speaker: str) -> None:
    assert only_quote(quotes_of(sentence)).speaker == speaker


@pytest.mark.parametrize(
    "second",
    [
        "The Vietnamese side praised the response, it said.",
        "It said that the Vietnamese side praised the response.",
    ],
)
def test_it_is_the_organisation_that_spoke_last(second: str) -> None:
    quotes = quotes_of("The vice ministers held talks on Monday, Seoul's defense ministry said.", second)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("defense ministry", "organisation")] * 2


@pytest.mark.parametrize("verb", ["cited", "quoted"])
def test_a_release_citing_a_person_as_saying(verb: str) -> None:
    quotes = quotes_of(
        "Foreign Minister Bui Thanh Son met his counterpart in Hanoi.",
        f"A ministry press release also {verb} Son as saying that Vietnam was willing to help.",
    )
    assert [(q.speaker, q.text) for q in quotes] == [("Bùi Thanh Sơn", "Vietnam was willing to help")]


@pytest.mark.parametrize(
    "first",
    [
        "Four insurers have asked Vietnam's finance ministry to open the pension market.",
        "Four insurers met the finance ministry on Monday.",
    ],
)
def test_the_ministry_is_the_one_described_before(first: str) -> None:
    quote = quotes_of(first, "Only 18% of workers are covered, according to the ministry.")[-1]
    assert (quote.speaker, quote.speaker_type) == ("finance ministry", "organisation")


@pytest.mark.parametrize(
    "second",
    [
        "It has built 40 schools, according to the agency’s Hanoi office.",
        "It has built 40 schools, its Hanoi office said.",
    ],
)
def test_a_part_speaks_for_the_organisation_it_belongs_to(second: str) -> None:
    quotes = quotes_of("The Korea Cooperation Agency (KCA) said it would fund more schools.", second)
    assert quotes[-1].speaker == "Korea Cooperation Agency"


# --- roles, businesses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "role"),
    [
        ("South Korea's Vice Trade Minister Yoon Ha-na arrived in Hanoi on Monday.", "The vice minister"),
        ("Vietnam's Deputy Labor Minister Tran Thi Kieu flew to Seoul on Monday.", "The deputy minister"),
    ],
)
def test_a_role_fits_a_title_with_a_portfolio_between_its_words(first: str, role: str) -> None:
    quote = quotes_of(first, f"{role}, who is on a three-day visit, said that both sides would meet again.")[-1]
    assert quote.speaker in {"Yoon Ha-na", "Trần Thị Kiều", "Tran Thi Kieu"}


def test_the_deputy_minister_is_not_the_deputy_prime_minister() -> None:
    quotes = quotes_of(
        "Deputy Prime Minister Le Van Tam opened the fair in Hanoi.",
        "The deputy minister said that more Korean firms had signed up this year.",
    )
    assert quotes[-1].speaker is None


@pytest.mark.parametrize(
    ("opening", "later"),
    [
        ("Pham Thi Mai has run a kimchi stall at Hanoi's Dong Xuan market since 2015.",
         "“Young people buy it every day now,” the owner said."),
        ("Park Ji-won said the new visa rules would help graduates.",
         "The economist added that wages in Bac Ninh had risen 8 percent."),
    ],
)
def test_an_occupation_names_the_untitled_person_the_article_is_talking_about(opening: str, later: str) -> None:
    quotes = quotes_of(opening, later)
    assert quotes[-1].speaker in {"Phạm Thị Mai", "Pham Thi Mai", "Park Ji-won"}


@pytest.mark.parametrize(
    "later",
    [
        "The deputy prime minister said that Korean investment would double.",
        "“Korean investment will double,” the minister said.",
    ],
)
def test_an_office_is_never_given_to_an_untitled_speaker(later: str) -> None:
    quotes = quotes_of("Nguyen Van Binh said exports to Korea had risen.", later)
    assert quotes[-1].speaker is None


@pytest.mark.parametrize(
    "lead",
    [
        "Hanvit Steel Vina, a joint venture between Korea's Hanvit and Vietnam's Song Da Group, will "
        "double output at its Hai Duong mill, the company said on Friday.",
        "Hanvit Steel Vina will double output at its Hai Duong mill, which opened next to a Song Da"
        " Group plant, the firm said on Friday.",
    ],
)
def test_the_company_is_the_business_its_sentence_opens_with(lead: str) -> None:
    quote = quotes_of(lead)[-1]
    assert (quote.speaker, quote.speaker_type) == ("Hanvit Steel Vina", "organisation")


@pytest.mark.parametrize(
    "lead",
    [
        "Daeyang Optics expects its Bac Giang plant to double output, said Kim Soo-min, the company's CEO.",
        "Kim Soo-min, CEO of Daeyang Optics, said its Bac Giang plant would double output.",
    ],
)
def test_the_company_is_the_business_named_in_the_lead_or_by_its_chief(lead: str) -> None:
    quote = quotes_of(lead, "The new line will make lenses for phones, the company said.")[-1]
    assert (quote.speaker, quote.speaker_type) == ("Daeyang Optics", "organisation")


def test_a_dateline_is_no_business() -> None:
    quote = quotes_of("HAIPHONG, Oct. 5 -- Exports of lenses rose 12 percent, the company said.")[-1]
    assert quote.speaker is None


# --- broadcast soundbites ---------------------------------------------------------------------


def _broadcast(*soundbites: str) -> tuple[Quote, ...]:
    """A broadcaster's script of our own: labelled soundbites between narration paragraphs, run
    through the real cleaning (which removes the labels) and extraction."""
    from vnrok_etl.clean import clean_document

    narration = (
        "A Korean-run cooking school in Da Nang is training chefs for hotels in both countries, "
        "and its first class graduated this month after eight months of lessons.",
        "Most of the students come from fishing villages along the central coast.",
        "The school plans to open a second campus in Hue next spring.",
    )
    parts = [" date 2025-02-10 [Anchor Lead]", narration[0], "[Pkg]", narration[1]]
    for soundbite in soundbites:
        parts += [soundbite, narration[2]]
    return extract_quotes(clean_document("\n\n\n\n".join(parts), "kbs-like.txt"))[0]


@pytest.mark.parametrize(
    ("label", "speaker", "printed"),
    [
        ("[Soundbite] Choi Min-ho(Head Chef, Da Nang Kitchen Academy) :", "Choi Min-ho", None),
        ("[Soundbite] CHOI MIN-HO(HEAD CHEF) :", "Choi Min-ho", None),
        ("[Soundbite] (Student) :", None, "Student"),
        ("[Soundbite] Hotel Manager :", None, "Hotel Manager"),
    ],
)
def test_a_soundbite_is_said_by_whom_its_removed_label_names(label, speaker, printed) -> None:
    quotes = _broadcast(f'{label} "Our hotels need cooks who know both kitchens."')
    assert [(q.kind, q.speaker, q.speaker_printed, q.text) for q in quotes] == [
        ("direct", speaker, printed, "Our hotels need cooks who know both kitchens.")
    ]


def test_soundbites_pair_with_their_labels_in_order() -> None:
    quotes = _broadcast(
        '[Soundbite] (Student) : "My mother sells fish at the market."',
        '[Soundbite] Choi Min-ho(Head Chef) : "Twenty hotels have asked for our graduates."',
    )
    assert [(q.speaker, q.speaker_printed) for q in quotes] == [(None, "Student"), ("Choi Min-ho", None)]


def test_labels_that_do_not_pair_one_to_one_name_no_one() -> None:
    # Two whole quotations but one label: which one it names is unknown.
    quotes = _broadcast(
        '[Soundbite] Choi Min-ho(Head Chef) : "Twenty hotels have asked for our graduates."',
        '"Five of them are in Seoul."',
    )
    assert "Choi Min-ho" not in [q.speaker for q in quotes[:1]]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Kim Tae-yang has sold banh mi in Busan since 2019, with 40 customers a day."Most of them'
        ' are Korean students who lived in Saigon," he said. He plans a second shop.',
        "Kim Tae-yang has sold banh mi in Busan since 2019, with 40 customers a day.“Most of them"
        " are Korean students who lived in Saigon,” he said. He plans a second shop.",
    ],
)
def test_a_quotation_glued_to_the_sentence_before_opens_a_sentence(paragraph: str) -> None:
    assert who(quotes_of(paragraph)) == [("direct", "Kim Tae-yang", "Most of them are")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "printed"),
    [
        ("Exports of Korean cosmetics to Vietnam rose 14 percent in May, the trade ministry said Friday.",
         "trade ministry", None),
        ("Two more flights a week will link Busan and Da Nang from July, airline officials said Monday.",
         None, "airline officials"),
    ],
)
def test_a_weekday_alone_after_the_cue(sentence: str, speaker: str | None, printed: str | None) -> None:
    quote = quotes_of(sentence)[-1]
    assert (quote.speaker, quote.speaker_printed) == (speaker, printed)
    assert quote.text.startswith(("Exports of Korean", "Two more flights"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Orders for container ships doubled, according to the Korea Marine & Port Association.",
        "Orders for container ships doubled, the Korea Marine & Port Association said.",
    ],
)
def test_an_ampersand_joins_an_organisation_name(sentence: str) -> None:
    quote = quotes_of(sentence)[-1]
    assert (quote.speaker, quote.speaker_type) == ("Korea Marine & Port Association", "organisation")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Pepper exports to Korea fell 9 percent, the Vietnam Association of Spice Growers and"
         " Traders (VASGT) said.", "Vietnam Association of Spice Growers and Traders"),
        ("Pepper exports to Korea fell 9 percent, the Korea Federation of Food Importers said.",
         "Korea Federation of Food Importers"),
    ],
)
def test_a_body_whose_name_ends_in_a_plural_is_no_group(sentence: str, speaker: str) -> None:
    quote = quotes_of(sentence)[-1]
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")


def test_a_capitalised_plural_alone_is_still_a_group() -> None:
    quote = quotes_of("Pepper exports to Korea fell 9 percent, Analysts said.")[-1]
    assert (quote.speaker, quote.speaker_printed) == (None, "Analysts")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('SK Hynix declined to give the price but said it was "close to a deal with two partners."',
         "SK Hynix"),
        ("CJ Logistics would not name the buyer but said talks on the Hai Phong warehouse had ended.",
         "CJ Logistics"),
    ],
)
def test_but_said_shares_the_subject_and_an_acronym_names_a_company(sentence: str, speaker: str) -> None:
    quote = quotes_of(sentence)[-1]
    assert (quote.kind, quote.speaker, quote.speaker_type) == ("indirect", speaker, "organisation")


@pytest.mark.parametrize("name", ["KIM Min-seok", "HARI WON"])
def test_a_name_in_capitals_is_still_a_person(name: str) -> None:
    quote = quotes_of(f"Exports of rice to Korea will rise, {name} told reporters.")[-1]
    assert quote.speaker_type == "person"


# --- held-out forms (tests/heldout): names on second mention, sources read to their comma ------


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # Korean given name on second mention (VIR)
        (("Lee Seung-hoon, chairman of Korea Eximbank, met the minister on Monday.",
          "Seung-hoon said the bank was ready to lend more."), "Lee Seung-hoon"),
        # Vietnamese two-word given name on second mention
        (("Deputy Minister Nguyen Minh Hang opened the dialogue in Seoul.",
          "Minh Hang said Hanoi would host the next round."), "Nguyen Minh Hang"),
        # "The" as a middle name (Thế without marks), then the given name alone
        (("“We are ready,” said Bui The Duy, the deputy minister, in Seoul on Tuesday.",
          "“Korea can help us train engineers,” said The Duy."), "Bui The Duy"),
    ],
)
def test_a_given_name_on_second_mention_names_the_person(paragraphs: tuple[str, ...], speaker: str) -> None:
    quotes = quotes_of(*paragraphs)
    assert quotes and all(q.speaker == speaker for q in quotes), who(quotes)


def test_a_given_name_never_joins_a_different_family() -> None:
    # "Jae-won" is not Lee Seung-hoon's: a given name names only the person whose name ends with it.
    quotes = quotes_of(
        "Lee Seung-hoon, chairman of Korea Eximbank, met the minister on Monday.",
        "Jae-won said the bank was ready to lend more.",
    )
    assert all(q.speaker != "Lee Seung-hoon" for q in quotes), who(quotes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Deputy Minister of Foreign Affairs of Viet Nam Nguyen Minh Hang said that the talks went well.",
        "Ambassador of the Republic of Korea to Viet Nam Choi Young-sam said that the talks went well.",
    ],
)
def test_a_country_printed_before_a_name_is_not_part_of_it(sentence: str) -> None:
    (quote,) = quotes_of(sentence)
    assert quote.speaker in ("Nguyen Minh Hang", "Choi Young-sam"), who((quote,))


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Korea Economic Daily quoted SK hynix Vice Chairman Park Jung-ho as saying that the "
         "company is studying a plant in Vietnam.", "Park Jung-ho"),
        ("The RoK media quoted online travel agency Yanolja as saying that bookings rose 45 percent.",
         "Yanolja"),
    ],
)
def test_quoted_as_saying_skips_what_comes_before_the_one_quoted(sentence: str, speaker: str) -> None:
    (quote,) = quotes_of(sentence)
    assert quote.speaker == speaker and quote.text.startswith(("the company", "bookings")), who((quote,))


def test_a_one_word_organisation_speaks_again_under_its_name() -> None:
    quotes = quotes_of(
        "The RoK media quoted online travel agency Yanolja as saying that bookings rose 45 percent.",
        "Yanolja said its data shows travellers prefer resorts.",
    )
    assert [q.speaker for q in quotes] == ["Yanolja", "Yanolja"], who(quotes)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("According to the city's tourism department, Da Nang welcomed about 180,000 golf visitors.",
         "tourism department"),
        ("According to the Khanh Hoa provincial Department of Tourism, the number of visitors grew.",
         "Department of Tourism"),
        ("According to the Hanoi municipal People's Committee, the city will build two schools.",
         "People's Committee"),
    ],
)
def test_a_fronted_according_to_reads_its_source_to_the_comma(sentence: str, speaker: str) -> None:
    (quote,) = quotes_of(sentence)
    assert quote.speaker == speaker and not quote.text.startswith(("Da Nang,", "provincial")), who((quote,))


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "first_words"),
    [
        # the attribution, then a subordinate clause saying when or why (Korea Times)
        (("Hyosung Heavy Industries will spend 280 billion won to triple its output, the company "
          "said Monday, as demand for grid equipment surges.",), "Hyosung Heavy Industries",
         "Hyosung Heavy Industries will"),
        # the same with a title before the name (Korea Herald interview)
        (("Vietnam and Korea should turn their partnership into talent, Vietnam's new Ambassador "
          "to Korea Tran Duc Binh said, ahead of a forum in Seoul this week.",), "Tran Duc Binh",
         "Vietnam and Korea should"),
    ],
)
def test_a_subordinate_clause_after_the_attribution_is_not_speech(
    paragraphs: tuple[str, ...], speaker: str, first_words: str
) -> None:
    (quote,) = quotes_of(*paragraphs)
    assert quote.speaker == speaker and quote.text.startswith(first_words), who((quote,))


@pytest.mark.parametrize(
    "closing",
    ["”, said Mr. Park with a laugh.", "” said Mr. Park in an interview with a local paper."],
)
def test_how_the_speaker_said_it_ends_the_attribution(closing: str) -> None:
    (quote,) = quotes_of("Mr. Park Sung-ho runs a tour agency in Daegu.", "“A round here costs less." + closing)
    assert quote.speaker == "Park Sung-ho" and quote.kind == "direct", who((quote,))


def test_a_manner_phrase_is_no_licence_in_reported_speech() -> None:
    # "… told participants that … in Korean had tripled": the cue's subject is Kim, not a title.
    (quote,) = quotes_of(
        "The center's director, Kim Hye-won, told participants that the number of people taking "
        "the Test of Proficiency in Korean had tripled over the past decade."
    )
    assert quote.speaker == "Kim Hye-won", who((quote,))


@pytest.mark.parametrize("outlet", ["Kinh te & Do thi", "Tuoi Tre"])
def test_told_an_outlet_with_an_ampersand(outlet: str) -> None:
    (quote,) = quotes_of("Choi Jae-min plans to invest in Hanoi.", f'"Land is still affordable," Choi told {outlet}.')
    assert quote.speaker == "Choi Jae-min", who((quote,))


@pytest.mark.parametrize(
    "paragraphs",
    [
        # straight marks (Yonhap interview)
        ("Minister Nguyen Hong Dien spoke on Wednesday.", '"Korea has built reactors at home.',
         '"We want a partner that will train our people," Dien said.'),
        # curly marks, three paragraphs
        ("Minister Nguyen Hong Dien spoke on Wednesday.", "“Korea has built reactors at home.",
         "“That record matters to us.", "“We want a partner,” Dien said."),
    ],
)
def test_a_quotation_over_paragraphs_takes_the_speaker_named_at_its_end(paragraphs: tuple[str, ...]) -> None:
    quotes = quotes_of(*paragraphs)
    assert len(quotes) == len(paragraphs) - 1, who(quotes)
    assert all(q.speaker == "Nguyen Hong Dien" and q.kind == "direct" for q in quotes), who(quotes)


def test_an_unclosed_paragraph_without_a_closing_attribution_stays_unattributed() -> None:
    quotes = quotes_of("“Korea has built reactors at home.", "The minister left for Seoul on Friday.")
    assert quotes == (), who(quotes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chinh told the Korean executives that Vietnam would treat their success as its own, the newspaper added.",
        "Chinh said Vietnam would treat their success as its own, the paper reported.",
    ],
)
def test_reported_speech_inside_an_outlets_report_is_the_speakers(sentence: str) -> None:
    (quote,) = quotes_of("Prime Minister Pham Minh Chinh met chipmakers in Seoul.", sentence)
    assert quote.speaker in ("Phạm Minh Chính", "Pham Minh Chinh") and quote.text.startswith("Vietnam would"), who((quote,))


@pytest.mark.parametrize("cue", ["expressed hope that", "expressed the hope that", "expressed her hope that"])
def test_expressed_hope_with_or_without_a_determiner(cue: str) -> None:
    (quote,) = quotes_of(f"Vice Minister Park Yoon-joo {cue} the two countries would make steady progress.")
    assert quote.speaker == "Park Yoon-joo" and quote.text.startswith("the two countries"), who((quote,))


def _with_captions(captions: tuple[str, ...], *paragraphs: str) -> tuple[Quote, ...]:
    from vnrok_etl.records import RemovedSpan

    removed = tuple(RemovedSpan(rule="caption", text=caption) for caption in captions)
    return extract_quotes(Article(None, None, None, None, None, None, None, "news", paragraphs, removed=removed))[0]


@pytest.mark.parametrize(
    ("caption", "paragraph", "speaker"),
    [
        # KED Global: the CEO is named in full only under the photo
        ("LG Energy Solution CEO Kim Dong-myung (second from right) and officials in Hai Phong",
         '"Vietnam is the fastest-growing market in the region," Kim said at the ceremony.', "Kim Dong-myung"),
        # a Vietnamese name, last syllable as the surname
        ("Deputy Minister Nguyen Thi Thanh Hai speaks at the forum in Seoul on Tuesday.",
         "Hai said the ministry would open two more training centres.", "Nguyen Thi Thanh Hai"),
    ],
)
def test_a_surname_the_body_never_gives_in_full_is_the_one_its_caption_names(
    caption: str, paragraph: str, speaker: str
) -> None:
    (quote,) = _with_captions((caption,), "The company signed the deal on Thursday.", paragraph)
    assert quote.speaker == speaker, who((quote,))


def test_two_caption_people_of_one_surname_name_nobody() -> None:
    quotes = _with_captions(
        ("Kim Dong-myung (left) and Kim Jae-won at the ceremony",),
        '"Vietnam is the fastest-growing market in the region," Kim said at the ceremony.',
    )
    assert all(q.speaker is None for q in quotes), who(quotes)


@pytest.mark.parametrize("pause", ["...", "…"])
def test_a_broadcast_pause_after_said_is_no_punctuation(pause: str) -> None:
    (quote,) = quotes_of(f"South Korea's President Moon Jae-in said{pause} the two countries will expand trade.")
    assert quote.speaker == "Moon Jae-in" and quote.text.startswith("the two countries"), who((quote,))


@pytest.mark.parametrize(
    "paragraph",
    [
        # Hanoi Times: a reported statement, then a bare quotation in the same paragraph
        "Choi said that few cities had kept their factories open. “Korean investors have noticed.”",
        'Choi told reporters that Hanoi was ready. "We will open the line in May."',
    ],
)
def test_a_bare_quotation_after_a_reported_statement_is_the_same_speakers(paragraph: str) -> None:
    quotes = quotes_of("Choi Jae-min, director of Daon Medical, plans to invest.", paragraph)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Choi Jae-min"), ("direct", "Choi Jae-min")], who(quotes)


def test_a_reported_statement_does_not_lend_its_speaker_to_the_next_paragraph() -> None:
    quotes = quotes_of(
        "Bao said Vietnam would not export raw ore.",
        '"Processing, not mining, is the heart of this deal," an official who attended the talks told reporters.',
    )
    assert all(q.speaker != "Bao" for q in quotes[1:]), who(quotes)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A second legal suffix with or without its period, after a comma or after "Co.".
        ("Daebo Foods Co., Ltd said that its new line would open in March.", "Daebo Foods"),
        ("Daebo Foods Co. Ltd said that its new line would open in March.", "Daebo Foods"),
        ("Daebo Foods Co., Ltd., a snack maker, said that its new line would open in March.", "Daebo Foods"),
        # An introductory phrase and its comma are not part of the company's name.
        ("On Monday, Daebo Foods Co. said that its new line would open in March.", "Daebo Foods"),
        ("On March 3, Daebo Foods Co., Ltd said that its new line would open in March.", "Daebo Foods"),
    ],
)
def test_a_companys_suffixes_and_an_introductory_phrase_are_not_its_name(sentence: str, speaker: str) -> None:
    quote = only_quote(quotes_of("A factory opened in Long An.", sentence))
    assert (quote.speaker, quote.speaker_type) == (speaker, "organisation")
    assert quote.text.startswith("its new line")


def test_a_comma_inside_a_titles_complement_still_continues_the_title() -> None:
    sentence = "Minister of Agriculture, Forestry and Fisheries Song Mi-ryung said the quota would rise."
    quote = only_quote(quotes_of("A factory opened in Long An.", sentence))
    assert (quote.speaker, quote.speaker_title) == ("Song Mi-ryung", "Minister of Agriculture, Forestry and Fisheries")
