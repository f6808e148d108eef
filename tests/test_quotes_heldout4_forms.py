"""Speech forms first met in the fourth held-out set (tests/heldout4), each tested on passages in
our own words (invented people and events) that differ from the held-out page: the rule must
hold for the form, not for the page."""

from __future__ import annotations

import pytest

from forms import quotes_of, who


@pytest.mark.parametrize(
    "paragraph",
    [
        "Speaking at the closing session, Governor Lim Soo-kyung welcomed the plan, saying that the "
        "province would lease the land for 50 years.",
        "Responding to Ambassador Nguyen Hoai Nam, Governor Lim Soo-kyung thanked the embassy, "
        "adding that the province would lease the land for 50 years.",
        "Agreeing with Minister Do Van Son, Governor Lim Soo-kyung highly valued the project, "
        "saying the province would lease the land for 50 years.",
    ],
)
def test_an_opening_participle_phrase_is_not_the_subject_of_a_trailing_participle_cue(paragraph) -> None:
    # The participle's subject is the clause's subject after the opening phrase; the capitalised
    # participle ("Speaking", "Agreeing") is no name, and a name inside the phrase is who was
    # spoken with.
    assert who(quotes_of(paragraph)) == [("indirect", "Lim Soo-kyung", "the province would lease")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Director Bae Ji-won informed the visiting mayors that the port would add two berths.",
         ("indirect", "Bae Ji-won", "the port would add")),
        ("Chairwoman Dinh Thi Hoa briefed Korean investors at the fair that the zone had 90 hectares left.",
         ("indirect", "Dinh Thi Hoa", "the zone had 90")),
        ("Consul Ha Minh Duc assured the families that every worker had been found safe.",
         ("indirect", "Ha Minh Duc", "every worker had been")),
    ],
)
def test_a_verb_of_telling_with_its_hearers_before_that_is_a_cue(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


def test_informed_about_without_a_clause_reports_no_statement() -> None:
    assert quotes_of("Director Bae Ji-won informed the mayors about the new berths.") == ()


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("“We fill every seat in winter,” Choi Hye-jin, sales manager of the airline, told reporters.",
         ("direct", "Choi Hye-jin", "We fill every seat")),
        ("“The road will be ready by June,” Le Van Thanh, Director of the Quang Nam Department of "
         "Transport, said on Friday.",
         ("direct", "Le Van Thanh", "The road will be")),
    ],
)
def test_a_full_name_and_its_apposition_after_the_quotation_is_the_speaker(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # the person before the first "of", when the rest names a body with "of"/"for" in it
        ("Associate Professor Bae Soo-jin of the University of Ulsan said, “Shipyards will keep hiring.”",
         ("direct", "Bae Soo-jin", "Shipyards will keep hiring.")),
        ("“The won will still be thin,” said Dr Hoang Minh Chau of the Institute for Regional Economic Studies.",
         ("direct", "Hoang Minh Chau", "The won will still")),
        # a title run with "of" before the name stays the person's title
        ("Minister of Home Affairs Pham Thi Thanh Tra said that 1,200 officials would train in Korea.",
         ("indirect", "Pham Thi Thanh Tra", "1,200 officials would train")),
    ],
)
def test_a_person_of_a_body_named_with_of_is_the_speaker(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Labour analysts cautioned that the new quota would fill within weeks.",
         ("indirect", None, "the new quota would")),
        ("Several economists point out that the weaker won helps Vietnamese exporters.",
         ("indirect", None, "the weaker won helps")),
        ("Kim Hye-ri admitted that the hotline had been slow to answer.",
         ("indirect", "Kim Hye-ri", "the hotline had been")),
    ],
)
def test_more_reporting_verbs_before_that(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


def test_the_quoted_title_of_a_source_s_report_is_no_speaker() -> None:
    found = who(quotes_of(
        "The Korea Trade-Investment Promotion Agency (KOTRA) published its forecast on Monday.",
        "According to KOTRA's report 'Vietnam Market Entry Guide 2027', Korean food exports grew 9%.",
    ))
    assert found == [("indirect", "Korea Trade-Investment Promotion Agency", "Korean food exports grew")]


def test_the_head_of_a_described_body_is_the_person_named_next_with_that_role() -> None:
    found = who(quotes_of(
        "Korean restaurants in Da Nang are short of cooks, according to the chairwoman of a local "
        "catering association.",
        "Vo Thi Lan, president of the Da Nang Catering Association, said members had 300 vacancies.",
    ))
    assert found[0] == ("indirect", "Vo Thi Lan", "Korean restaurants in Da")


def test_the_head_of_a_described_body_is_the_speaker_of_the_next_quotation() -> None:
    found = who(quotes_of(
        "Bookings for Jeju have doubled, according to the director of a Hanoi travel agency.",
        "“Families ask for Jeju first now,” Ngo Thanh Hai told reporters.",
    ))
    assert found[0] == ("indirect", "Ngo Thanh Hai", "Bookings for Jeju have")


def test_the_head_of_a_described_body_never_named_is_kept_without_a_speaker() -> None:
    assert who(quotes_of("Wages are rising, according to the director of a Korean vocational school.")) == [
        ("indirect", None, "Wages are rising")
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # a company's national arm speaks as that organisation
        ("Lotte Vietnam said in a statement that it would open two more malls.", "Lotte Vietnam"),
        ("Hyundai Motor Vietnam said that sales rose 9 percent.", "Hyundai Motor Vietnam"),
    ],
)
def test_a_company_s_national_arm_is_an_organisation(paragraph, speaker) -> None:
    assert [s for _, s, _ in who(quotes_of(paragraph))] == [speaker]


def test_a_country_with_its_compass_word_is_no_company() -> None:
    assert quotes_of("South Korea said that it would help.") == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "Few pass on the first try, the head of one language school said.",
        "Few pass on the first try, the director of a Korean language school told reporters.",
    ],
)
def test_a_trailing_cue_of_the_head_of_an_indefinite_body_is_a_statement_without_speaker(paragraph) -> None:
    # the person is described by the body he leads, not named; the body is not the speaker
    assert who(quotes_of(paragraph)) == [("indirect", None, "Few pass on the")]


def test_an_ampersand_between_capitals_joins_a_company_word() -> None:
    # "a Hyundai E&C official": one unnamed official of one company, as "a Samsung official"
    assert who(quotes_of("“We bid on three metro lines,” a Lotte E&C official said.")) == [
        ("direct", None, "We bid on three")
    ]


@pytest.mark.parametrize(
    ("first", "second", "speaker"),
    [
        # a company named by its trade is an organisation, and its first word alone names it after
        ("LG Display will add a second line in Hai Phong.", "LG said that the line would open in 2027.",
         "LG Display"),
        ("Hyosung Chemical opened a plant in Ba Ria - Vung Tau in 2024.",
         "Hyosung said that demand for plastics had risen.", "Hyosung Chemical"),
    ],
)
def test_a_company_named_by_its_trade_speaks_by_its_first_word_too(first, second, speaker) -> None:
    assert [s for _, s, _ in who(quotes_of(first, second))] == [speaker]


def test_the_head_of_a_body_named_in_full_is_the_person_named_later_as_its_head() -> None:
    found = who(quotes_of(
        "Vietnamese nurses will fill 600 more posts next year, said the head of the Busan Care "
        "Homes Association.",
        "Care homes in the city had 2,100 vacancies in October.",
        "Yoon Chae-won, president of the Busan Care Homes Association, said wages would rise.",
    ))
    assert found[0] == ("indirect", "Yoon Chae-won", "Vietnamese nurses will fill")


def test_the_head_of_a_body_named_in_full_is_not_the_head_of_another_body() -> None:
    found = who(quotes_of(
        "Exports will rise, said the head of the Vietnam Textile Association.",
        "Tran Van Minh, chairman of the Hanoi Garment Club, said orders were weak.",
    ))
    assert found[0] == ("indirect", "Vietnam Textile Association", "Exports will rise")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Korean lenders opened 14 branches this year, but analysts say most of them are small.",
        "Orders doubled, and Korean economists said the gains were fragile.",
    ],
)
def test_an_unnamed_group_after_a_conjunction_mid_sentence_is_a_speaker(paragraph) -> None:
    found = who(quotes_of(paragraph))
    assert len(found) == 1 and found[0][:2] == ("indirect", None)


def test_a_country_or_its_code_before_an_official_ministry_name_is_its_owner() -> None:
    found = who(quotes_of("Some 52,000 Koreans live in Da Nang, according to the RoK Ministry of Foreign Affairs."))
    assert found == [("indirect", "Ministry of Foreign Affairs", "Some 52,000 Koreans live")]
