"""Figure forms first met in the sixth held-out set (tests/heldout6), each tested on sentences in
our own words that differ from the held-out page: the rule must hold for the form, not the page."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures
from vnrok_etl.figures.separators import english_reading, vietnamese_separators

PUBLISHED = datetime.date(2026, 11, 20)


def figures(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(f.kind, f.text, f.value, f.unit) for f in extract_figures(text, PUBLISHED)]


def test_a_body_with_vietnamese_separators_reads_them_as_the_page_means_them() -> None:
    # A decimal comma before a percent sign decides the body: its dotted thousands are thousands.
    text = ("The clinic treated 3.480 patients last year, and its revenue grew by 12,75%. "
            "The district will add VND 1,5 trillion and hire about 2.100 nurses.")
    assert figures(text) == [
        ("count", "3.480 patients", 3480.0, "patient"),
        ("percent", "12,75%", 12.75, "percent"),
        ("money", "VND 1,5 trillion", 1.5e12, "VND"),
        ("count", "about 2.100 nurses", 2100.0, "nurse"),
    ]
    # the sentence stored with a figure is the printed one, not the reading
    assert extract_figures(text, PUBLISHED)[0].sentence.startswith("The clinic treated 3.480 patients")


def test_two_dot_groups_decide_the_body_too() -> None:
    assert figures("The fund paid 1.250.000 dong to each of 3.200 families.") == [
        ("money", "1.250.000 dong", 1250000.0, "VND"),
        ("count", "3.200 families", 3200.0, "family"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no number that only one convention can read: English, one and a quarter
        ("The index rose 1.250 points on Monday.", ("count", "1.250 points", 1.25, "point")),
        # an English-only number in the same body keeps it English, even beside a comma decimal
        ("The index rose 1.250 points and turnover hit US$2.5 billion.", ("count", "1.250 points", 1.25, "point")),
        ("The firm has 1,400 staff and holds 1.250 shares.", ("count", "1.250 shares", 1.25, "share")),
    ],
)
def test_a_body_without_vietnamese_evidence_or_with_english_evidence_reads_english(text, expected) -> None:
    assert expected in figures(text)


@pytest.mark.parametrize(
    ("text", "vietnamese"),
    [
        ("Growth reached 7,2 percent.", True),
        ("Credit rose 14,3 per cent.", True),
        ("Exports were worth 3,25 billion USD.", True),
        ("Industry 4.0 hubs grew 20,5%.", True),  # "4.0" is a name, no evidence
        ("On 18.11.2026 growth was 20,5%.", True),  # a dotted date is no evidence
        ("In 2024,15 firms left.", False),  # a lost space, not a decimal comma
        ("Sales rose 20,5% to 1,250 units.", False),  # both kinds: English
        ("Articles 1,2 and 3 apply.", False),
    ],
)
def test_which_evidence_decides_the_body(text, vietnamese) -> None:
    assert vietnamese_separators(text) is vietnamese


def test_the_reading_keeps_every_offset_and_leaves_dates_alone() -> None:
    text = "On 18.11.2026 it paid 1.250,5 USD and 2,5 billion."
    reading = english_reading(text)
    assert len(reading) == len(text)
    assert reading == "On 18.11.2026 it paid 1,250.5 USD and 2.5 billion."


def targets(text: str) -> list[tuple[str, bool]]:
    return [(f.text, f.is_target) for f in extract_figures(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "shorten / extend / expand … to <amount>" in a plan: the amount is its goal
        ("The agency said it would shorten visa checks for nurses to 10 days.", [("10 days", True)]),
        ("The city will extend the bike scheme to 12 districts.", [("12 districts", True)]),
        ("The chain plans on expanding its network to 40 stores.", [("40 stores", True)]),
        # reported as done or as a limit in the present: no goal
        ("The firm extended its lease by two years in 2024.", [("two years", False)]),
        ("Permits can be extended to two years.", [("two years", False)]),
    ],
)
def test_a_goal_verb_of_length_or_reach_before_its_amount_makes_a_target(text, expected) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry will grant VND50 billion to the clinics, and suggested that the province add "
         "30 beds.", [("VND50 billion", True), ("30 beds", False)]),
        ("Hanil said it would open two labs, and proposed that each side send 15 engineers a year.",
         [("two labs", True), ("15 engineers a year", False)]),
    ],
)
def test_a_proposal_after_a_plan_is_no_part_of_the_plan(text, expected) -> None:
    assert targets(text) == expected


def years(text: str) -> list[tuple[str, int | None]]:
    return [(f.text, f.ref_year) for f in extract_figures(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long "since" clause inside a reported clause: its year is where the count starts
        ("She said that since the two hospitals signed their first training agreement in 2019, "
         "140 nurses have finished the course.", [("140 nurses", None)]),
        # a participle phrase of founding between commas dates the thing founded
        ("The Korean Cultural Centre in Da Nang, founded in 2016, has hosted about 900 events.",
         [("about 900 events", None)]),
        ("The clinic, first opened in 2011, treats 300 patients a week.", [("300 patients a week", None)]),
        # the year of the figure's own clause stays
        ("The plant opened in 2013 with 400 workers.", [("400 workers", 2013)]),
    ],
)
def test_a_year_that_dates_a_start_is_no_reference_year(text, expected) -> None:
    assert years(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two banks agreed to triple their joint lending.", [("triple", True)]),
        ("Both provinces signed a deal on Friday to double direct flights.", [("double", True)]),
        ("Exports doubled last year.", [("doubled", False)]),
    ],
)
def test_an_agreement_makes_its_infinitive_multiplier_a_target(text, expected) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new portal will cut waiting times by nearly half.", [("percent", "nearly half", 50.0, "percent")]),
        ("Freight costs fell by half in the spring.", [("percent", "half", 50.0, "percent")]),
        ("The policy rate was cut by half a point.", []),  # half of a point, not of the rate
        ("By half past nine the hall was full.", []),  # a time
    ],
)
def test_a_change_by_half_is_a_share(text, expected) -> None:
    assert figures(text) == expected
