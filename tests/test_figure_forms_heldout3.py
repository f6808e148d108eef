"""Figure forms first met in the third held-out set (tests/heldout3), each tested on sentences in
our own words that differ from the held-out page: the rule must hold for the form, not the page."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures

PUBLISHED = datetime.date(2025, 12, 1)


def figures(text: str) -> list[tuple[str, str, float | None, str | None, str]]:
    return [(f.kind, f.text, f.value, f.unit, f.qualifier) for f in extract_figures(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the number of X" then a percentage, then the level after a comma.
        ("The number of visa applications filed in Busan grew by 20% this year, to nearly 9,000.",
         ("count", "nearly 9,000", 9000.0, "application", "approx")),
        # from A to B, both bare.
        ("The number of Korean golfers visiting Da Lat went from about 800 in 2022 to 2,600 this year.",
         ("count", "2,600", 2600.0, "golfer", "exact")),
        # a multiplier verb between the phrase and "from A in <year> to B".
        ("The number of Korean-run kindergartens in Hanoi almost doubled from 41 in 2019 to 79 in 2024.",
         ("count", "41", 41.0, "kindergarten", "exact")),
        # a multiplier verb before "the number of X … to N a year".
        ("The city wants to triple the number of exchange places for Korean students to 900 a year.",
         ("count", "900 a year", 900.0, "place per year", "exact")),
    ],
)
def test_a_number_of_phrase_lends_its_noun_to_the_amount_it_goes_to(text, expected) -> None:
    assert expected in figures(text)


def test_a_count_between_the_number_of_phrase_and_the_amount_wins() -> None:
    found = figures("The number of flights rose as 14 airlines added routes, to 310.")
    assert not any(unit == "flight" and text == "310" for _, text, _, unit, _ in found)


def test_more_standing_for_the_elided_noun_is_part_of_the_count() -> None:
    found = figures("The bank has 42 branches and will open 12 more next year.")
    assert ("count", "12 more", 12.0, "branch", "exact") in found
    # "more than" is a hedge, not the elided noun.
    assert ("count", "more than 40 branches", 40.0, "branch", "over") in figures("It has more than 40 branches.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customs clears the goods within three business days.", ("duration", "three business days", 3.0, "day", "under")),
        ("Refunds take up to 20 calendar days.", ("duration", "up to 20 calendar days", 20.0, "day", "under")),
    ],
)
def test_a_day_counted_on_working_or_calendar_days_is_a_duration(text, expected) -> None:
    assert expected in figures(text)


def test_an_area_printed_as_a_compound_adjective() -> None:
    assert ("count", "2,500-square-foot", 2500.0, "square foot", "exact") in figures(
        "The brand opened a 2,500-square-foot store in Hanoi."
    )


def test_a_latin_plural_in_title_case_keeps_its_complement() -> None:
    assert ("count", "four Memoranda of Cooperation", 4.0, "memorandum", "exact") in figures(
        "The two cities signed four Memoranda of Cooperation on Monday."
    )
