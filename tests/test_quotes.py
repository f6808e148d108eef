"""Quotation extraction: the five seeds against hand-written expectations, and one case per pattern.

Seed expectations live in tests/golden/quotes_seeds.py, read off the articles by hand; the seeds
go through the real decode and clean stages, as in production.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from golden.quotes_seeds import NOT_SPEECH, QUOTES, SCARE_QUOTES
from vnrok_etl.clean import clean_document
from vnrok_etl.decode import decode_bytes
from vnrok_etl.quotes import extract_quotes
from vnrok_etl.records import Article, Quote

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_article(name: str) -> Article:
    path = SEEDS / name
    return clean_document(decode_bytes(path.read_bytes()), path.name)


def article(*paragraphs: str, kind: str = "news") -> Article:
    return Article(
        title=None,
        published_at=None,
        published_date=None,
        date_source=None,
        source=None,
        dateline=None,
        byline=None,
        kind=kind,
        paragraphs=paragraphs,
    )


def only(quotes: tuple[Quote, ...]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


def found(
    expected: list[tuple[str, str, str]], quotes: tuple[Quote, ...]
) -> list[tuple[str, str, str]]:
    """Expected quotes matched (kind, speaker, text start) by distinct extracted quotes."""
    left = list(quotes)
    matched = []
    for kind, speaker, start in expected:
        for quote in left:
            if quote.kind == kind and quote.speaker == speaker and quote.text.startswith(start):
                matched.append((kind, speaker, start))
                left.remove(quote)
                break
    return matched


# --- seeds ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_results() -> dict[str, tuple[Article, tuple]]:
    results = {}
    for name in QUOTES:
        seed = seed_article(name)
        results[name] = (seed, extract_quotes(seed))
    return results


def test_seeds_recall_with_right_speaker_is_at_least_95_percent(seed_results) -> None:
    expected = sum(len(items) for items in QUOTES.values())
    matched = sum(len(found(QUOTES[name], result[1][0])) for name, result in seed_results.items())
    assert matched / expected >= 0.95, (matched, expected)


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_seed_quotes_found_with_right_speaker(seed_results, name: str) -> None:
    quotes = seed_results[name][1][0]
    missing = [item for item in QUOTES[name] if item not in found(QUOTES[name], quotes)]
    assert not missing


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_seed_has_no_unexpected_quotes(seed_results, name: str) -> None:
    quotes = seed_results[name][1][0]
    assert len(quotes) == len(QUOTES[name]), [q.text[:60] for q in quotes]


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_seed_questions_and_scare_quotes_are_not_speech(seed_results, name: str) -> None:
    quotes = seed_results[name][1][0]
    for quote in quotes:
        assert not any(text in quote.text for text in NOT_SPEECH[name]), quote.text[:80]
        assert not any(quote.text.startswith(text) for text in SCARE_QUOTES[name]), quote.text[:80]
        assert not quote.text.rstrip("”’\"' ").endswith("?"), quote.text[:80]


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_seed_offsets_point_into_the_body(seed_results, name: str) -> None:
    seed, (quotes, _speakers) = seed_results[name]
    for quote in quotes:
        assert seed.body[quote.start_char : quote.end_char] == quote.text


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_seed_speakers_are_the_quoted_people_once_each(seed_results, name: str) -> None:
    quotes, speakers = seed_results[name][1]
    names = [speaker.name for speaker in speakers]
    assert len(names) == len(set(names))
    assert set(names) == {quote.speaker for quote in quotes}


def test_seed_speaker_aliases_titles_and_countries(seed_results) -> None:
    speakers = {s.name: s for s in seed_results["004_50867dec6f891f30.txt"][1][1]}
    to_lam = speakers["Tô Lâm"]
    assert {"Tô Lâm", "General Secretary Lâm", "Party chief Lâm"} <= set(to_lam.aliases)
    assert to_lam.country == "VN" and to_lam.title == "Party General Secretary"
    assert speakers["Lee Jae Myung"].country == "KR"
    assert "President Lee" in speakers["Lee Jae Myung"].aliases

    vu = only(seed_results["003_07cb4f2a5708c291.txt"][1][1])
    assert vu.name == "Nguyễn Minh Vũ"
    assert vu.title == "Permanent Deputy Minister of Foreign Affairs"
    assert "Deputy PM Vũ" in vu.aliases
    # A pronoun, a bare surname or "the official" names him only inside this one article.
    assert not {"Vũ", "the official", "the diplomat", "he"} & set(vu.aliases)

    speakers_001 = {s.name: s for s in seed_results["001_be396d5f3061c090.txt"][1][1]}
    assert "To Lam" in speakers_001["Tô Lâm"].aliases
    assert speakers_001["Kim Min Seok"].title == "Prime Minister"
    assert speakers_001["Kim Min Seok"].country == "KR"


def test_seed_cues_are_printed_verbs(seed_results) -> None:
    cues_003 = [q.cue for q in seed_results["003_07cb4f2a5708c291.txt"][1][0]]
    assert cues_003 == [
        "told the press",
        "according to",
        "assessed",
        "assessed",
        "said",
        "according to",
        "expressed his belief",
    ]
    interview = seed_results["000_67d74b846c6c8d2b.txt"][1][0]
    assert {q.cue for q in interview} == {None}
    titles_003 = [q.speaker_title for q in seed_results["003_07cb4f2a5708c291.txt"][1][0]]
    # Printed nearest the mention: the article calls him "Deputy PM" once, by mistake.
    assert titles_003[4] == "Deputy PM"
    assert titles_003[0] == "Permanent Deputy Minister of Foreign Affairs"


# --- direct speech ----------------------------------------------------------------------------


def test_direct_quote_with_colon_and_title() -> None:
    quotes, speakers = extract_quotes(
        article("RoK Prime Minister Kim Min Seok humorously remarked: “Koreans meet in Viet Nam.”")
    )
    quote = only(quotes)
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Kim Min Seok", "remarked")
    assert quote.text == "Koreans meet in Viet Nam."
    assert quote.speaker_title == "Prime Minister"
    assert only(speakers).country == "KR"


def test_direct_quote_pronoun_is_the_last_named_speaker() -> None:
    quotes, _ = extract_quotes(
        article(
            "Party General Secretary To Lam stressed that the RoK has been an inspiration.",
            "He praised the RoK, stating: “Your success is the result of effective governance.”",
        )
    )
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [
        ("indirect", "Tô Lâm", "stressed"),
        ("direct", "Tô Lâm", "stating"),
    ]


def test_direct_quote_with_post_posed_attribution() -> None:
    quotes, speakers = extract_quotes(
        article("“Korean firms will keep investing in Việt Nam for decades”, shared Han Jong-hee.")
    )
    quote = only(quotes)
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Han Jong-hee", "shared")
    assert quote.text == "Korean firms will keep investing in Việt Nam for decades"
    assert only(speakers).aliases == ("Han Jong-hee",)


def test_direct_quote_with_comma_inside_and_pronoun_after() -> None:
    quotes, _ = extract_quotes(
        article(
            "Deputy Minister Lê Thị Thu Hằng met the delegation.",
            "“We are ready to deepen cooperation,” she said.",
        )
    )
    quote = only(quotes)
    assert (quote.speaker, quote.cue, quote.text) == (
        "Lê Thị Thu Hằng",
        "said",
        "We are ready to deepen cooperation",
    )


def test_post_posed_attribution_with_time_or_a_following_clause() -> None:
    quotes, _ = extract_quotes(
        article(
            "“We will never give up,” Prime Minister Pham Minh Chinh told reporters on Monday.",
            "“This is a historic moment for both nations,” he said, adding that more visits will come.",
        )
    )
    # "adding that …" reports more of the same speaker's words (issue "Quotes and speakers").
    assert [(q.kind, q.speaker, q.cue, q.text) for q in quotes] == [
        ("direct", "Phạm Minh Chính", "told reporters", "We will never give up"),
        ("direct", "Phạm Minh Chính", "said", "This is a historic moment for both nations"),
        ("indirect", "Phạm Minh Chính", "adding", "more visits will come"),
    ]


def test_two_quotations_in_one_sentence() -> None:
    quotes, _ = extract_quotes(
        article("Prime Minister Kim Min Seok said: “We are close,” and added: “We will stay close.”")
    )
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Kim Min Seok", "said", "We are close"),
        ("Kim Min Seok", "added", "We will stay close."),
    ]


def test_straight_quotes_work_like_curly_ones() -> None:
    quote = only(
        extract_quotes(article('President Lee Jae Myung said: "We will win together."'))[0]
    )
    assert (quote.kind, quote.speaker, quote.text) == (
        "direct",
        "Lee Jae Myung",
        "We will win together.",
    )


def test_paragraph_opening_with_a_quotation_continues_the_speaker() -> None:
    quotes, _ = extract_quotes(
        article(
            "Prime Minister Kim Min Seok said: “Our peoples are close.”",
            "“Every year millions of Koreans travel to Viet Nam and feel at home there.”",
        )
    )
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Kim Min Seok")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "President Lee Jae Myung said: “We are ready. We will work together",  # never closed
        'President Lee Jae Myung said: “We are ready." And more ” text “',  # mixed and stray marks
        'President Lee Jae Myung said: "We are ready.” He left.',  # straight open, curly close
    ],
)
def test_unbalanced_or_mixed_quote_marks_do_not_crash(text: str) -> None:
    quotes, _ = extract_quotes(article(text))
    assert quotes and quotes[0].speaker == "Lee Jae Myung"
    assert quotes[0].text.startswith("We are ready")
    for quote in quotes:
        assert text[quote.start_char : quote.end_char] == quote.text


def test_cue_makes_speech_even_when_the_speaker_is_unknown() -> None:
    quote = only(
        extract_quotes(article("A senior source said: “The talks went very well indeed.”"))[0]
    )
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", None, "said")
    assert quote.text == "The talks went very well indeed."


def test_country_subject_is_not_a_person_named_nam() -> None:
    quotes, _ = extract_quotes(
        article(
            "Minister Nguyễn Văn Nam attended.", "Việt Nam affirmed that it values the partnership."
        )
    )
    assert quotes == ()


# --- not speech -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mentioning the RoK evokes the “Miracle on the Han River” — the story of a nation.",
        "The country consistently upholds its “four no’s” defence policy.",
        "The fact that the RoK invited him as its first “state-level guest” shows its regard.",
        "The private sector is becoming “one of the most important driving forces” of the economy.",
        "The forum, themed “Developing an inclusive and comprehensive digital economy and digital "
        "society to achieve double-digit GDP growth,” brought together leaders of ministries.",
        "They are reliable 'people’s diplomats' advancing our bilateral ties.",
    ],
)
def test_scare_quotes_and_titles_are_not_speech(text: str) -> None:
    assert extract_quotes(article(text)) == ((), ())


def test_scare_quote_inside_reported_speech_stays_indirect() -> None:
    quote = only(
        extract_quotes(
            article(
                "Minister Bui Thanh Son said that the “four no’s” policy builds strategic trust."
            )
        )[0]
    )
    assert (quote.kind, quote.speaker) == ("indirect", "Bùi Thanh Sơn")
    assert quote.text == "the “four no’s” policy builds strategic trust"


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders agreed that peace on the Korean Peninsula is essential.",
        "They also proposed that mechanisms and policies be improved.",
        "Leaders of both sides expressed their pride in the close relationship.",
        "Both sides affirmed that cooperation will deepen.",
        "The two leaders stressed that the partnership is strong.",
        "Việt Nam affirmed that it values the partnership.",
        "Viet Nam hopes the RoK will continue supporting training.",
    ],
)
def test_collective_subjects_are_not_attributed(text: str) -> None:
    assert extract_quotes(article("President Lee Jae Myung arrived in Hà Nội.", text)) == ((), ())


@pytest.mark.parametrize(
    ("text", "speaker", "printed", "said"),
    [
        ("The RoK government affirmed that it will support Vietnamese workers.",
         "RoK government", None, "it will support Vietnamese workers"),
        ("The country’s labor ministry said that the data would be released next week.",
         "labor ministry", None, "the data would be released next week"),
        ("The ministry said that the data would be released next week.",
         None, "The ministry", "the data would be released next week"),
    ],
)
def test_unnamed_organisation_statement(text, speaker, printed, said) -> None:
    # An organisation's statement is kept (issue "Quotes and speakers that generalize"), its
    # speaker the organisation as printed; a bare "the ministry" names none: NULL, as printed.
    quotes, speakers = extract_quotes(article("President Lee Jae Myung arrived in Hà Nội.", text))
    quote = only(quotes)
    assert (quote.speaker, quote.speaker_type, quote.speaker_printed) == (speaker, "organisation", printed)
    assert quote.text == said
    assert [(s.name, s.kind) for s in speakers] == ([(speaker, "organisation")] if speaker else [])


def test_attitude_with_noun_object_is_not_speech() -> None:
    quotes, _ = extract_quotes(
        article(
            "RoK Minister of Culture, Sports and Tourism Chae Hwi Young stated that ties are close.",
            "He highly appreciated Viet Nam's view of culture and arts as a key driver for growth.",
        )
    )
    assert [q.text for q in quotes] == ["ties are close"]


# --- reported speech --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "text"),
    [
        (
            "Bui Thanh Son affirmed that the visit demonstrates resolve.",
            "affirmed",
            "the visit demonstrates resolve",
        ),
        (
            "Minister Son underlined that trade is a core pillar.",
            "underlined",
            "trade is a core pillar",
        ),
        (
            "The Minister expressed his belief that, with strong will, ties will grow.",
            "expressed his belief",
            "with strong will, ties will grow",
        ),
        (
            "He proposed that the two countries upgrade mechanisms.",
            "proposed",
            "the two countries upgrade mechanisms",
        ),
        (
            "Sharing the key to success, the Deputy PM said Vietnam pursues peace.",
            "said",
            "Vietnam pursues peace",
        ),
        (
            "He voiced confidence that Việt Nam would soon become a hub.",
            "voiced confidence",
            "Việt Nam would soon become a hub",
        ),
        (
            "He stressed at the meeting that the RoK stands ready.",
            "stressed",
            "the RoK stands ready",
        ),
    ],
)
def test_reported_speech_after_a_cue(sentence: str, cue: str, text: str) -> None:
    quotes, _ = extract_quotes(
        article(
            "Deputy Prime Minister and Foreign Minister Bui Thanh Son gave an interview.", sentence
        )
    )
    quote = only(quotes)
    assert (quote.kind, quote.speaker, quote.cue, quote.text) == (
        "indirect",
        "Bùi Thanh Sơn",
        cue,
        text,
    )


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Prime Minister Phạm Minh Chính on Monday said that growth will reach 8 percent.", "said"),
        ("PM Phạm Minh Chính on August 12 stressed that growth will reach 8 percent.", "stressed"),
        ("Prime Minister Phạm Minh Chính told Việt Nam News that growth will reach 8 percent.",
         "told việt nam news"),
        ("Prime Minister Phạm Minh Chính said on Monday that growth will reach 8 percent.", "said"),
    ],
)
def test_dates_and_audiences_between_subject_cue_and_clause(sentence: str, cue: str) -> None:
    quote = only(extract_quotes(article(sentence))[0])
    assert (quote.speaker, quote.cue, quote.text) == (
        "Phạm Minh Chính", cue, "growth will reach 8 percent",
    )


def test_reported_speech_with_post_posed_attribution() -> None:
    body = (
        "The state visit will make a significant contribution to political trust, Permanent Deputy "
        "Minister of Foreign Affairs Nguyễn Minh Vũ told the press."
    )
    quote = only(extract_quotes(article(body))[0])
    assert (quote.kind, quote.speaker, quote.cue) == (
        "indirect",
        "Nguyễn Minh Vũ",
        "told the press",
    )
    assert quote.text == "The state visit will make a significant contribution to political trust"
    assert quote.speaker_title == "Permanent Deputy Minister of Foreign Affairs"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The RoK regards Việt Nam highly, according to Vũ.", "according to"),
        ("The RoK regards Việt Nam highly, according to the diplomat.", "according to"),
        ("The RoK regards Việt Nam highly, the official assessed.", "assessed"),
        ("The RoK regards Việt Nam highly, said Vũ.", "said"),
    ],
)
def test_post_posed_surname_and_role_resolve_to_the_person(sentence: str, cue: str) -> None:
    quotes, _ = extract_quotes(
        article(
            "Permanent Deputy Minister of Foreign Affairs Nguyễn Minh Vũ met reporters.", sentence
        )
    )
    quote = only(quotes)
    assert (quote.speaker, quote.cue, quote.text) == (
        "Nguyễn Minh Vũ",
        cue,
        "The RoK regards Việt Nam highly",
    )


def test_leading_according_to() -> None:
    quote = only(
        extract_quotes(article("According to Minister Nguyễn Hồng Diên, exports rose 12 percent."))[
            0
        ]
    )
    assert (quote.kind, quote.speaker, quote.cue, quote.text) == (
        "indirect",
        "Nguyễn Hồng Diên",
        "according to",
        "exports rose 12 percent",
    )


def test_long_title_with_of_the_is_kept_whole() -> None:
    _, speakers = extract_quotes(
        article(
            "Politburo member and permanent member of the Party Central Committee’s Secretariat "
            "Tran Cam Tu expressed his belief that preparations will be complete by December 31."
        )
    )
    speaker = only(speakers)
    assert speaker.name == "Trần Cẩm Tú"
    assert speaker.title == (
        "Politburo member and permanent member of the Party Central Committee’s Secretariat"
    )


def test_parenthetical_attribution_takes_the_whole_sentence() -> None:
    quotes, _ = extract_quotes(
        article(
            "Foreign Minister Bui Thanh Son spoke to Korean media.",
            "Vietnam, he noted, is ready to work with the new RoK administration.",
        )
    )
    quote = only(quotes)
    assert (quote.speaker, quote.cue) == ("Bùi Thanh Sơn", "noted")
    assert quote.text == "Vietnam, he noted, is ready to work with the new RoK administration"


def test_pronoun_follows_the_last_speaker_not_the_last_name() -> None:
    quotes, _ = extract_quotes(
        article(
            "President Lee voiced confidence that under General Secretary Lâm’s rule, it will grow.",
            "He stressed that the RoK stands ready.",
            kind="news",
        )
    )
    # Without a full name in the article, "President Lee" and "Lâm" cannot be resolved: the
    # statements are kept with no speaker and the subject as printed, never a guess.
    assert [(q.speaker, q.speaker_printed) for q in quotes] == [
        (None, "President Lee"), (None, "He"),
    ]
    quotes, _ = extract_quotes(
        article(
            "Party General Secretary Tô Lâm and President Lee Jae Myung held talks.",
            "President Lee voiced confidence that under General Secretary Lâm’s rule, it will grow.",
            "He stressed that the RoK stands ready.",
        )
    )
    assert [q.speaker for q in quotes] == ["Lee Jae Myung", "Lee Jae Myung"]


def test_role_descriptions_resolve_through_named_people() -> None:
    quotes, _ = extract_quotes(
        article(
            "Party General Secretary To Lam and RoK Prime Minister Kim Min-seok met in Seoul.",
            "The Vietnamese Party chief shared that Viet Nam has gained many achievements.",
            "The Party leader emphasised that semiconductors are a priority.",
        )
    )
    assert [q.speaker for q in quotes] == ["Tô Lâm", "Tô Lâm"]
    assert [q.speaker_title for q in quotes] == ["Party chief", "Party leader"]


def test_spellings_of_one_name_are_one_speaker() -> None:
    quotes, speakers = extract_quotes(
        article(
            "RoK Prime Minister Kim Min-seok welcomed the delegation.",
            "Kim Min Seok said that Korean firms will invest more.",
            "Prime Minister Kim noted that ties are at their best.",
        )
    )
    assert [q.speaker for q in quotes] == ["Kim Min Seok"] * 2
    speaker = only(speakers)
    assert {"Kim Min-seok", "Kim Min Seok", "Prime Minister Kim Min-seok", "Prime Minister Kim"} <= set(
        speaker.aliases
    )


def test_unknown_name_takes_the_diacritic_spelling() -> None:
    quotes, speakers = extract_quotes(
        article(
            "Ambassador Nguyen Van Thao met the press.",
            "Ambassador Nguyễn Văn Thảo stressed that the embassy will help workers.",
        )
    )
    assert only(quotes).speaker == "Nguyễn Văn Thảo"
    assert only(speakers).name == "Nguyễn Văn Thảo"


def test_subject_before_an_apposition() -> None:
    quotes, speakers = extract_quotes(
        article(
            "Nguyễn Văn Thảo, Director of the Department of Trade, said that exports rose.",
            "Ms Lan, a resident of Hà Nội, said that prices are stable.",
        )
    )
    quote, lan = quotes
    assert (quote.speaker, quote.speaker_title, quote.text) == (
        "Nguyễn Văn Thảo", "Director of the Department of Trade", "exports rose",
    )
    assert only(speakers).title == "Director of the Department of Trade"
    # "Ms Lan" is nobody the article names in full: her statement stays, with no speaker.
    assert (lan.speaker, lan.speaker_printed, lan.text) == (None, "Ms Lan", "prices are stable")


def test_unknown_person_gets_printed_name_title_and_country() -> None:
    quotes, speakers = extract_quotes(
        article("RoK Ambassador Choi Young Sam stressed that ties have never been stronger.")
    )
    assert only(quotes).speaker == "Choi Young Sam"
    assert only(speakers) == only(speakers).__class__(
        "Choi Young Sam", "Ambassador", "KR", ("Choi Young Sam", "Ambassador Choi Young Sam")
    )


# --- interviews -------------------------------------------------------------------------------


def test_interview_answers_belong_to_the_interviewee_and_questions_to_nobody() -> None:
    interview = article(
        "At the invitation of RoK President Lee Jae Myung, General Secretary Tô Lâm will visit. "
        "A correspondent interviewed the RoK president on the visit.",
        "What is the significance of the visit?",
        "It will be the first state visit hosted by my government.",
        "Have you ever heard people joke that Đà Nẵng is like Gyeonggi? Many Koreans go there.",
        "How do you assess cooperation?",
        "Trade reached $86.7 billion.",
        kind="interview",
    )
    quotes, speakers = extract_quotes(interview)
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [
        ("interview", "Lee Jae Myung", None)
    ] * 3
    assert [q.text[:8] for q in quotes] == ["It will ", "Have you", "Trade re"]
    assert only(speakers).name == "Lee Jae Myung"


def test_interview_kind_without_questions_reads_as_news() -> None:
    quotes, _ = extract_quotes(
        article(
            "Bui Thanh Son affirmed that the visit matters.", "It is a milestone.", kind="interview"
        )
    )
    assert [q.kind for q in quotes] == ["indirect"]


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraphs",
    [
        (),
        ("",),
        ("“",),
        ("”“\"'‘’",),
        ("He said: “",),
        (", said",),
        ("said that",),
        ("according to",),
        ("?", "?"),
        ("\n\n\n",),
    ],
)
def test_degenerate_bodies_do_not_raise(paragraphs: tuple[str, ...]) -> None:
    for kind in ("news", "interview"):
        quotes, _ = extract_quotes(article(*paragraphs, kind=kind))
        body = article(*paragraphs).body
        assert all(body[q.start_char : q.end_char] == q.text for q in quotes)


PIECES = list("abc ABC.,:;?!“”‘’\"'-—\n") + [
    "He said",
    " that ",
    "Tô Lâm",
    "Vũ",
    " told the press",
    "President Lee",
    ", according to ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), max_size=4),
    st.sampled_from(["news", "interview"]),
)
def test_any_text_never_raises_and_offsets_hold(paragraphs: list[str], kind: str) -> None:
    body_article = article(*paragraphs, kind=kind)
    quotes, speakers = extract_quotes(body_article)
    for quote in quotes:
        assert body_article.body[quote.start_char : quote.end_char] == quote.text
    assert {s.name for s in speakers} <= {q.speaker for q in quotes}


@pytest.mark.parametrize(
    "paragraph",
    [
        "President Lee Jae Myung said: “We go. ” " * 2000,  # one 80k-character sentence of quotes
        "the “four” and " * 5000,
        ", according to " * 5000,
        "He praised, stating that x, " * 3000,
        "President Lee Jae Myung, " * 3000 + "said that x.",
    ],
)
def test_long_paragraphs_stay_linear(paragraph: str) -> None:
    # A quadratic scan took minutes on the first of these; linear work takes well under a second.
    started = time.process_time()
    extract_quotes(article(paragraph))
    assert time.process_time() - started < 5
