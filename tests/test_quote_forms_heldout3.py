"""Speech forms first met in the third held-out set (tests/heldout3), each tested on passages in
our own words (invented people and events) that differ from the held-out page: the rule must
hold for the form, not for the page."""

from __future__ import annotations

import pytest

from forms import quotes_of, who
from vnrok_etl.quotes import extract_quotes
from vnrok_etl.records import Article, Quote, RemovedSpan


def interview(removed: tuple[RemovedSpan, ...], *paragraphs: str) -> tuple[Quote, ...]:
    article = Article("A headline", None, None, None, None, None, None, "interview", paragraphs, (), removed)
    return extract_quotes(article)[0]


QA = (
    "Why did your university open a campus in Da Nang?",
    "Our students asked for it. Many of them already work with Vietnamese engineers.",
    "How many students will go there next year?",
    "About two hundred, mostly in materials science.",
)


def test_a_titled_name_above_the_headline_is_the_interviewee() -> None:
    removed = (
        RemovedSpan("section_label", "IN CONVERSATION"),
        RemovedSpan("section_label", "Prof. Kang Min-seo"),
        RemovedSpan("title", "A headline"),
    )
    found = who(interview(removed, *QA))
    assert [speaker for _, speaker, _ in found] == ["Kang Min-seo", "Kang Min-seo"]


def test_a_name_printed_after_the_headline_is_no_interviewee() -> None:
    # A credit line under the headline names the writers, not the guest.
    removed = (RemovedSpan("title", "A headline"), RemovedSpan("section_label", "Dr. Kang Min-seo"))
    assert {speaker for _, speaker, _ in who(interview(removed, *QA))} == {None}


def test_the_interviewers_closing_thanks_is_no_answer() -> None:
    removed = (RemovedSpan("section_label", "Prof. Kang Min-seo"), RemovedSpan("title", "A headline"))
    found = who(interview(removed, *QA, "Many thanks for talking to us, Professor!"))
    assert len(found) == 2
    assert not any(text.startswith("Many thanks") for _, _, text in found)


def test_thanks_that_answer_a_question_stay_an_answer() -> None:
    removed = (RemovedSpan("section_label", "Prof. Kang Min-seo"), RemovedSpan("title", "A headline"))
    found = who(interview(removed, *QA, "Anything you would like to add?", "Thanks to our partners in Da Nang, we are ready."))
    assert ("interview", "Kang Min-seo", "Thanks to our partners") in found


def test_a_mission_named_by_its_country_keeps_where_it_is() -> None:
    found = who(quotes_of(
        "The Embassy of Indonesia in the Republic of Korea said on Monday that it would open a visa desk in Busan.",
        "According to the embassy, the desk will serve about 400 seafarers a month.",
    ))
    assert [speaker for _, speaker, _ in found] == ["Embassy of Indonesia in the Republic of Korea"] * 2


def test_a_mission_in_a_city_announcing_that() -> None:
    found = who(quotes_of("The Embassy of Vietnam in Seoul announced that its hotline will run around the clock."))
    assert found == [("indirect", "Embassy of Vietnam in Seoul", "its hotline will run")]


def test_a_described_ministry_of_another_field_is_not_the_one_named_before() -> None:
    found = who(quotes_of(
        "The Ministry of Foreign Affairs said the visa waiver would be extended to the end of 2027.",
        "Tourist arrivals from Korea rose 12% in October, the culture ministry said.",
    ))
    assert [speaker for _, speaker, _ in found] == ["Ministry of Foreign Affairs", "culture ministry"]


def test_a_described_ministry_of_the_same_field_is_the_one_named_before() -> None:
    found = who(quotes_of(
        "The Ministry of Labour, Invalids and Social Affairs said 9,000 workers would leave for Korea in March.",
        "Most of them will work on farms, according to the labor ministry.",
    ))
    assert {speaker for _, speaker, _ in found} == {"Ministry of Labour, Invalids and Social Affairs"}


def test_a_nationality_before_a_ministry_of_a_field_owns_it() -> None:
    found = who(quotes_of(
        "The South Korean Ministry of Oceans and Fisheries said on Friday that 40 Vietnamese crew had been rescued.",
        "The crew will fly home on Sunday, according to the Ministry of Oceans and Fisheries.",
    ))
    assert [speaker for _, speaker, _ in found] == ["Ministry of Oceans and Fisheries"] * 2


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        # A group described by a relative clause between commas.
        ("The farmers, who grow coffee near Buon Ma Thuot, told reporters on Friday that prices had doubled.",
         "prices had doubled"),
        # A perfect tense with "long" between the group and its cue.
        ("Labor unions have long argued that the quota is too small.", "the quota is too"),
        # One unnamed representative of a named company.
        ("A representative of Lotte Mart said the chain would open two stores in Da Nang.", "the chain would open"),
    ],
)
def test_unnamed_speakers_keep_no_speaker(sentence, opening) -> None:
    found = who(quotes_of(sentence))
    assert found == [("indirect", None, opening)]
    assert quotes_of(sentence)[0].speaker_printed


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Chungcheong Province announced that it will open a help centre for Vietnamese brides.", "Chungcheong Province"),
        ("Yeongam County said on Monday it would house 200 shipyard workers from Vietnam.", "Yeongam County"),
    ],
)
def test_a_province_or_county_that_speaks_is_its_government(sentence, speaker) -> None:
    found = who(quotes_of(sentence))
    assert len(found) == 1 and found[0][1] == speaker
    assert quotes_of(sentence)[0].speaker_type == "organisation"


def test_calling_something_something_is_a_statement_from_its_object() -> None:
    found = who(quotes_of("Minister Park Ji-hoon called Vietnam a key partner in the region's supply chains."))
    assert found == [("indirect", "Park Ji-hoon", "Vietnam a key partner")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The consulate called the hotline a dozen times on Sunday.",
        "Kim called the ambassador a day later.",
        "The minister called for closer ties in education.",
    ],
)
def test_calling_a_number_of_times_or_for_something_is_no_statement(sentence) -> None:
    assert quotes_of(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "speaker", "opening"),
    [
        # A company with two suffixes and an apposition, "today" before the cue, an event announced.
        ("Daewon Steel Co., Ltd., a supplier of rebar to Vietnamese builders, today announced the completion of its mill in Hai Phong.",
         "Daewon Steel", "the completion of its"),
        ("Daewon Steel Co., Ltd. said it would hire 300 welders in Hai Phong.", "Daewon Steel", "it would hire 300"),
        ("Minto Foods on Friday announced the launch of a rice-noodle line for Korean supermarkets.",
         "Minto Foods", "the launch of a"),
    ],
)
def test_a_company_announcing_an_event(sentence, speaker, opening) -> None:
    assert who(quotes_of(sentence)) == [("indirect", speaker, opening)]


def test_an_indefinite_event_stays_the_reporters_account() -> None:
    assert quotes_of("Minto Foods announced an opening of two shops.") == ()


def test_a_group_restricted_by_a_relative_clause_keeps_no_speaker() -> None:
    sentence = (
        "Vietnamese students who spent last winter at a language school in Daegu under a city "
        "scholarship say the city felt like home."
    )
    assert who(quotes_of(sentence)) == [("indirect", None, "the city felt like")]


def test_official_figures_are_no_official_who_spoke_last() -> None:
    found = who(quotes_of(
        "“We need welders now,” said Lim Tae-ho, a shipyard director.",
        "Korea issued 9,400 welding visas to Vietnamese workers last year, according to official statistics.",
    ))
    assert found == [("direct", "Lim Tae-ho", "We need welders now")]


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        ("Retailers in Hanoi such as Lotte Mart and Emart said sales of Korean fruit had doubled.",
         "sales of Korean fruit"),
        ("At a seminar in Hue, leaders of tour operators such as Hanatour, Modetour and Yellow Balloon… all said "
         "that they would add charter flights.", "they would add charter"),
    ],
)
def test_a_group_with_examples_keeps_no_speaker(sentence, opening) -> None:
    assert who(quotes_of(sentence)) == [("indirect", None, opening)]


def test_the_two_leaders_are_still_the_events_parties() -> None:
    assert quotes_of("Leaders of the two countries said they would raise trade to 150 billion USD.") == ()


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“Prices doubled in a year,” rice farmer Nguyen Van Tam said.", "Nguyen Van Tam"),
        ("“We train them for six months first,” shipyard director Lim Tae-ho told reporters.", "Lim Tae-ho"),
    ],
)
def test_a_lowercase_description_before_the_speaker_after_a_quotation(paragraph, speaker) -> None:
    assert [(kind, who_) for kind, who_, _ in who(quotes_of(paragraph))] == [("direct", speaker)]


def test_a_linking_word_after_a_quotation_opens_no_attribution() -> None:
    assert quotes_of("“Prices doubled in a year,” and farmer Nguyen Van Tam agreed.") == ()
