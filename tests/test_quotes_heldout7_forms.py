"""Quote forms first met in the seventh held-out set (tests/heldout7), each tested on paragraphs in
our own words that differ from the held-out page: the rule must hold for the form, not the page."""

from __future__ import annotations

import pytest

from forms import quotes_of, who
from vnrok_etl.speakers import ANONYMOUS_ROLE, parse_mention


@pytest.mark.parametrize(
    "mention", ["Worker C", "Another worker, D,", "a nurse, E", "Mr. K", "Ms. H", "The trainee F"]
)
def test_a_person_coded_by_a_letter_is_anonymous(mention: str) -> None:
    parsed = parse_mention(mention)
    assert parsed.name == "" and parsed.organisation is None


@pytest.mark.parametrize("mention", ["Park J.", "Kim A", "Lee Jae-myung", "Nguyen Van A-Lan"])
def test_names_with_an_initial_are_not_letter_codes(mention: str) -> None:
    # a family name before the letter, an initial with its period, a hyphenated given name
    assert parse_mention(mention).role != ANONYMOUS_ROLE


def test_a_letter_coded_speaker_is_nobody_even_after_a_named_one() -> None:
    quotes = quotes_of(
        "Nurse Tran Thi Mai said the ward was full every night.",
        'Worker C told the radio, "We slept in the van for a week."',
    )
    assert who(quotes) == [
        ("indirect", "Tran Thi Mai", "the ward was full"),
        ("direct", None, "We slept in the"),
    ]


def test_unveiled_and_expects_report_a_clause_only_with_that() -> None:
    quotes = quotes_of(
        "Ms. Do Thi Lan, head of the Department of Trade, unveiled that the port shipped "
        "2,000 containers of rice to Incheon this year.",
        "Professor Han Ji-woo expects that the two schools will swap 40 lecturers by 2028.",
    )
    assert who(quotes) == [
        ("indirect", "Do Thi Lan", "the port shipped 2,000"),
        ("indirect", "Han Ji-woo", "the two schools will"),
    ]


def test_unveiled_or_expects_without_that_report_nothing() -> None:
    quotes = quotes_of(
        "The governor unveiled the new ferry terminal on Monday.",
        "The hotel expects 300 guests from Busan in December.",
    )
    assert quotes == ()


def test_a_document_read_on_speaks_for_the_organisation_that_spoke_before() -> None:
    quotes = quotes_of(
        "Hoa Sen Textile Group said it would open a dyeing plant in Nam Dinh.",
        "The plant will cost about VND 900 billion, the disclosure continues.",
        "According to a quarterly filing published by the firm, exports to Korea doubled.",
    )
    assert who(quotes) == [
        ("indirect", "Hoa Sen Textile Group", "it would open a"),
        ("indirect", "Hoa Sen Textile Group", "The plant will cost"),
        ("indirect", "Hoa Sen Textile Group", "exports to Korea doubled"),
    ]


def test_continues_with_no_document_or_speaker_before_it_reports_nothing() -> None:
    assert quotes_of("Rain fell all week, and the trend continues.") == ()


def test_one_who_quotes_an_official_reports_another_official() -> None:
    # The quoting chairman is an official too; the one quoted is the governor he met.
    quotes = quotes_of(
        "Lim Dae-jun, chairman of the Korea Textile Exporters Group, visited Hue on Friday and met "
        "Le Van Khoa, governor of the province. Lim quoted the Vietnamese official as saying that "
        "the province will lease 80 hectares to Korean dyers.",
    )
    assert who(quotes) == [("indirect", "Le Van Khoa", "the province will lease")]


def test_an_official_quoted_by_an_outlet_stays_the_official_named_before() -> None:
    # The quoter is an outlet, not the official: the role resolves as before.
    quotes = quotes_of(
        "Deputy Minister Pham Quoc Huy met Korean investors on Monday.",
        "Yonhap quoted the official as saying that the port would open in May.",
    )
    assert who(quotes) == [("indirect", "Pham Quoc Huy", "the port would open")]
