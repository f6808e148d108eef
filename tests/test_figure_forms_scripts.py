"""Figures as broadcast scripts, wires and plans print them: spoken decimals, what a figure
amounts to, a span of years, a capacity or multiplier in the future tense, a second statement
after ", and", the sources an attribution counts, and an amount whose noun is elided after a
second predicate.

Each rule on forms written for this test (invented events, no real article's words); the
held-out fixtures (tests/heldout/arirang-01, kedglobal-01, baoquocte-01, mofa-01, reuters-01,
joongang-07) hold other forms of the same rules.
"""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures

PUBLISHED = datetime.date(2025, 11, 14)


def figures(text: str) -> dict[str, tuple]:
    return {
        f.text: (f.kind, f.value, f.unit, f.qualifier, f.ref_year, f.is_target)
        for f in extract_figures(text, PUBLISHED)
    }


# --- spoken decimals and compounds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("Inflation eased to 3-point-9 percent in October.", "3-point-9 percent", "percent", 3.9, "percent"),
        ("Korean investment reached four-point-two billion dollars.", "four-point-two billion dollars",
         "money", 4.2e9, "USD"),
        ("The central bank cut its rate by 0 point 5 percent.", "0 point 5 percent", "percent", 0.5,
         "percent"),
        ("Remittances topped 16-point-1 billion U.S. dollars.", "16-point-1 billion U.S. dollars", "money",
         16.1e9, "USD"),
        # digits joined to "hundred"/"thousand" and the rest, as read aloud
        ("Each visa now costs 3-hundred-40 U.S. dollars.", "3-hundred-40 U.S. dollars", "money", 340.0, "USD"),
        ("The fair drew 4-thousand-120 visitors.", "4-thousand-120 visitors", "count", 4120.0, "visitor"),
    ],
)
def test_a_spoken_decimal_is_one_figure(text, surface, kind, value, unit) -> None:
    found = figures(text)
    assert surface in found, found
    assert found[surface][:3] == (kind, pytest.approx(value), unit)
    # Neither part is a figure of its own.
    assert len(found) == 1, found


def test_point_without_a_measure_after_it_is_no_decimal() -> None:
    found = figures("At one point two ministers left the room, and at one point 300 workers waited outside.")
    assert not any("point" in surface for surface in found), found


# --- what a figure amounts to, and spans of years --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # the plan's figure has no year of its own; the share it amounts to is of the year printed
        ("The wind farm will have a capacity of 600 megawatts, enough to power about 30% of the homes "
         "the province plans to connect by 2028.", "600 megawatts", "about 30%"),
        ("The depot will handle 2 million tonnes a year, equivalent to 15% of the port's cargo in "
         "2027.", "2 million tonnes a year", "15%"),
    ],
)
def test_a_phrase_saying_what_a_figure_amounts_to_has_its_own_year_and_continues_the_plan(
    text, first, second
) -> None:
    found = figures(text)
    assert found[first][4:] == (None, True), found
    assert found[second][4] in (2027, 2028) and found[second][5] is True, found


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Korean arrivals rose 2.4-fold between 2019 and last year.", "2.4-fold"),
        ("The group's Vietnamese revenue grew 35 percent between 2021 and this year.", "35 percent"),
    ],
)
def test_a_span_of_years_gives_no_reference_year(text, surface) -> None:
    assert figures(text)[surface][4] is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The new line will have an annual capacity of 20,000 vehicles.", "20,000 vehicles"),
        ("Once complete, the plant will have 1,200 workers.", "1,200 workers"),
    ],
)
def test_will_have_states_a_plan(text, surface) -> None:
    assert figures(text)[surface][5] is True


def test_would_have_is_still_a_counterfactual() -> None:
    assert figures("Without the deal the plant would have 1,200 workers.")["1,200 workers"][5] is False


@pytest.mark.parametrize(
    "text",
    [
        "The port will double its container berths by the end of the decade.",
        "Our members hope the number of Korean tour groups will triple within two years.",
    ],
)
def test_a_multiplier_verb_in_the_future_tense_is_a_plan(text) -> None:
    (multiplier,) = [f for f in extract_figures(text, PUBLISHED) if f.kind == "multiplier"]
    assert multiplier.is_target is True


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The minister backed the goal of $150 billion in trade by 2030, and asked for help for the"
         " 9,800 Korean firms in the country.", "9,800 Korean firms"),
        ("The envoy said exports would reach $40 billion in 2027, and thanked the 300 Vietnamese"
         " engineers at the plant.", "300 Vietnamese engineers"),
    ],
)
def test_a_second_reporting_verb_opens_a_statement_with_no_year_of_the_first(text, surface) -> None:
    assert figures(text)[surface][4] is None


@pytest.mark.parametrize(
    "text",
    [
        "The carrier will add flights to Cheongju, three officials familiar with the talks said.",
        "The lender has applied for approval, according to two sources close to the bank.",
    ],
)
def test_the_unnamed_sources_an_attribution_cites_are_no_count(text) -> None:
    assert figures(text) == {}


def test_people_counted_as_a_fact_still_are() -> None:
    found = figures("Two people were hurt and 300 people familiar with the area were moved to a school.")
    assert {"Two people", "300 people"} <= set(found), found


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The province has about 1,200 nurses now and needs 3,000 by 2028.", "3,000", "nurse"),
        ("The Bac Ninh plant employs 800 workers and will hire another 400 next year.", "400", "worker"),
    ],
)
def test_a_bare_amount_as_object_of_a_second_predicate_counts_the_noun_before(text, surface, unit) -> None:
    assert figures(text)[surface][2] == unit


@pytest.mark.parametrize(
    ("text", "surface", "is_target"),
    [
        ("The terminal, with an annual capacity of 1.5 million containers, will open in 2027.",
         "1.5 million containers", True),
        ("The second phase, valued at $310 million, would begin after the first is finished.",
         "$310 million", True),
        # the site or the money already granted is no part of the plan's size
        ("The campus, covering 18,000 square meters, will train nurses for Korean hospitals.",
         "18,000 square meters", False),
        ("The lab, funded with $2 million from a Korean grant, will study rice varieties.", "$2 million", False),
    ],
)
def test_a_plans_size_between_commas_before_a_future_predicate_is_a_target(text, surface, is_target) -> None:
    assert figures(text)[surface][5] is is_target


def test_a_verb_after_and_opens_a_second_predicate_not_a_second_noun() -> None:
    found = figures("The dealer sold 300 cars and wants 500 next year; the clinic hired 150 doctors and nurses.")
    assert {"300 cars", "500", "150 doctors and nurses"} <= set(found), found
    assert found["500"][2] == "car"
