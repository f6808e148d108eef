"""Figure forms first met in the second held-out set (tests/heldout2), each on two sentences in
our own words: shares "half of them/it", "more than N times" as a count of occurrences, and a
rate's period glued to its unit with a slash."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures

PUBLISHED = datetime.date(2025, 8, 8)


def found(text: str) -> list[tuple]:
    return [(f.kind, f.text, f.value, f.unit, f.qualifier) for f in extract_figures(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Korean firms applied for 300 licences and won about half of them.",
         ("percent", "about half of them", 50.0, "percent", "approx")),
        ("Demand for rice paper grew, but local mills met less than half of it.",
         ("percent", "less than half of it", 50.0, "percent", "under")),
    ],
)
def test_half_of_a_pronoun_is_a_share(text, figure) -> None:
    assert figure in found(text)


def test_the_second_half_of_it_is_a_period() -> None:
    assert all(kind != "percent" for kind, *_ in found("Sales recovered in the second half of it."))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The song has been played more than 400 times on Vietnamese radio.",
         ("count", "more than 400 times", 400.0, "time", "over")),
        ("The ferry crossed the strait more than 2,000 times last year.",
         ("count", "more than 2,000 times", 2000.0, "time", "over")),
    ],
)
def test_more_than_n_times_after_a_verb_of_doing_is_a_count(text, figure) -> None:
    assert figure in found(text)


def test_more_than_n_times_a_comparative_stays_a_multiplier() -> None:
    assert ("multiplier", "more than five times", 5.0, "times", "over") in found(
        "Rents in Seoul are more than five times higher than in Da Nang."
    )


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The factory turns out 20,000 units/month for export.",
         ("count", "20,000 units/month", 20000.0, "unit per month", "exact")),
        ("The new kiln fires 1,200 tonnes/day of clinker.",
         ("count", "1,200 tonnes/day", 1200.0, "tonne per day", "exact")),
    ],
)
def test_a_slash_period_glued_to_the_unit_is_a_rate(text, figure) -> None:
    assert figure in found(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The number of Korean students in Hue now passes 3,000.",
         ("count", "3,000", 3000.0, "student", "over")),
        ("Bookings for the Da Nang route topped 12,000 in March.",
         ("count", "12,000", 12000.0, "booking", "over")),
    ],
)
def test_a_bare_amount_that_a_verb_of_passing_measures(text, figure) -> None:
    assert figure in found(text)
