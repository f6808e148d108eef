"""Figure forms first met in the seventh held-out set (tests/heldout7), each tested on sentences in
our own words that differ from the held-out page: the rule must hold for the form, not the page."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures
from vnrok_etl.figures.separators import lone_vietnamese_reading

PUBLISHED = datetime.date(2026, 11, 20)


def figures(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(f.kind, f.text, f.value, f.unit) for f in extract_figures(text, PUBLISHED)]


def test_a_decimal_comma_is_read_as_one_even_in_a_body_that_prints_english_thousands() -> None:
    # "2,400 farmers" makes the body English; "4,7 billion" and "8,5%" can only be decimals.
    text = ("The cooperative has 2,400 farmers. Its exports reached nearly 4,7 billion USD, "
            "up 8,5% on the year before.")
    assert figures(text) == [
        ("count", "2,400 farmers", 2400.0, "farmer"),
        ("money", "nearly 4,7 billion USD", 4.7e9, "USD"),
        ("percent", "8,5%", 8.5, "percent"),
    ]
    # the stored sentence is the printed one
    assert "4,7 billion" in extract_figures(text, PUBLISHED)[1].sentence


def test_a_thousands_dot_before_zeros_is_read_as_thousands_in_an_english_body() -> None:
    text = "The school received 1,300 books and a grant of $45.000 from the fund."
    assert ("money", "$45.000", 45000.0, "USD") in figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "The index rose 1.250 points while 1,400 firms listed.",  # "1.250" stays English here
        "The record year was 2024,15 billion doses later.",  # four digits: a lost space, no decimal
        "Its score was 3.0005 on a scale of 5.",  # not a group of zeros
        "The rate was 2,50 on the list of 1,200 items.",  # no percent or scale word after it
    ],
)
def test_numbers_english_can_read_stay_english(text: str) -> None:
    assert lone_vietnamese_reading(text) is None


def test_metric_tons_written_m_slash_t_or_mt_are_tons() -> None:
    text = ("The port handled 12,600 M/T of cashew in October. "
            "Buyers ordered 950 MT of rice, up from 700 M/T last year.")
    assert figures(text) == [
        ("count", "12,600 M/T", 12600.0, "ton"),
        ("count", "950 MT", 950.0, "ton"),
        ("count", "700 M/T", 700.0, "ton"),
    ]


def test_mt_glued_inside_a_longer_word_is_no_unit() -> None:
    # "MTV" is a name, not metric tons: no count of tons is read from "30 MTV".
    assert all(unit != "ton" for _, _, _, unit in figures("The show drew 30 MTV crews to the city."))
