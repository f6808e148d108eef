"""Figure forms first met in the fifth held-out set (tests/heldout5), each tested on sentences in
our own words that differ from the held-out page: the rule must hold for the form, not the page."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures

PUBLISHED = datetime.date(2026, 11, 20)


def figures(text: str) -> list[tuple[str, str, float | None, str | None, str]]:
    return [(f.kind, f.text, f.value, f.unit, f.qualifier) for f in extract_figures(text, PUBLISHED)]


def attributes(text: str) -> dict[str, tuple[int | None, bool]]:
    return {f.text: (f.ref_year, f.is_target) for f in extract_figures(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The cooperative wishes to plant 300 hectares of durian in Dak Lak.", "300 hectares of durian"),
        ("Daon Pharma intends to hire 250 pharmacists in the south.", "250 pharmacists"),
        ("As the province prepares to open three more border gates, traders are stocking up.",
         "three more border gates"),
    ],
)
def test_a_wish_an_intention_or_getting_ready_makes_a_plan(text, surface) -> None:
    assert attributes(text)[surface][1] is True


def test_a_wish_in_the_past_for_what_was_done_is_no_plan() -> None:
    # "wished" with no "to": a greeting, not a plan; the count is what happened.
    assert attributes("The ambassador wished the 40 graduates well.")["40 graduates"][1] is False


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("After the port opened four new berths, shipping lines added routes.", "four new berths"),
        ("The fund backed 12 startups, and investors followed.", "12 startups"),
        ("The ship carried 160 officers, cadets and crew.", "160 officers, cadets and crew"),
        ("The ship carried 160 officers, cadets, and crew.", "160 officers, cadets, and crew"),
    ],
)
def test_a_comma_joins_counted_nouns_only_in_a_list_closed_by_and(text, surface) -> None:
    assert [f[1] for f in figures(text)] == [surface]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new terminal cost nearly half a billion dollars.",
         ("money", "nearly half a billion dollars", 5e8, "USD", "approx")),
        ("Half a million Korean tourists visited Phu Quoc last year.",
         ("count", "Half a million Korean tourists", 5e5, "tourist", "exact")),
    ],
)
def test_half_a_scale_word_is_half_its_value(text, expected) -> None:
    assert figures(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("In some communes more than half of households have a member working in Korea.",
         "more than half of households"),
        ("Half of respondents said rents had risen.", "Half of respondents"),
    ],
)
def test_half_of_a_bare_plural_is_a_share(text, surface) -> None:
    assert [(f[0], f[1], f[2]) for f in figures(text)] == [("percent", surface, 50.0)]


def test_half_of_a_period_is_still_no_share() -> None:
    assert figures("They spent half of this year abroad.") == []


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The province ships about US$2 billion of seafood a year to Korea.", "about US$2 billion", "USD per year"),
        ("Korean buyers take VND900 billion of dragon fruit annually.", "VND900 billion", "VND per year"),
    ],
)
def test_what_an_amount_is_of_may_stand_between_it_and_its_period(text, surface, unit) -> None:
    assert {f[1]: f[3] for f in figures(text)}[surface] == unit


def test_an_of_phrase_before_a_time_ago_makes_no_rate() -> None:
    assert {f[1]: f[3] for f in figures("It sold $5 million of shrimp a week ago.")}["$5 million"] == "USD"


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Interns get a monthly stipend of 900,000 won, about $650, from the city.", "about $650", "USD per month"),
        ("Interns get a monthly stipend of 900,000 won (about $650).", "about $650", "USD per month"),
    ],
)
def test_a_conversion_after_a_rate_between_commas_is_the_same_rate(text, surface, unit) -> None:
    assert {f[1]: f[3] for f in figures(text)}[surface] == unit


def test_a_second_amount_in_the_same_currency_after_a_comma_is_no_conversion() -> None:
    found = {f[1]: f[3] for f in figures("Interns get a monthly stipend of 900,000 won, 200,000 won more than last year.")}
    assert found["200,000 won"] == "KRW"


def test_a_hyphened_length_after_during_the_is_a_duration() -> None:
    assert ("duration", "nine-month", 9.0, "month", "exact") in figures(
        "Welders are paid during the nine-month apprenticeship."
    )
    # "in the six months to June" stays a period, not a length
    assert [f[0] for f in figures("Exports rose 12 percent in the six months to June.")] == ["percent"]


@pytest.mark.parametrize(
    "text",
    ["The three ministries will meet again in March.", "Leaders of the four provinces signed the charter."],
)
def test_the_three_or_four_parties_named_before_are_no_count(text) -> None:
    assert figures(text) == []


def test_an_owners_three_plants_are_still_counted() -> None:
    assert ("count", "three plants", 3.0, "plant", "exact") in figures("Its three plants in Bac Ninh employ 9,000 people.")


def test_the_whole_after_among_counts_the_noun_of_the_part_before_it() -> None:
    found = figures("About 1,100 Korean engineers, among 4,000 in the province, work in electronics.")
    assert ("count", "4,000", 4000.0, "engineer", "exact") in found


@pytest.mark.parametrize(
    ("text", "surface", "year"),
    [
        # published 20 November 2026
        ("The airline will add 14 weekly flights next March.", "14 weekly flights", 2027),
        ("The port handled 3,000 containers last December.", "3,000 containers", 2025),
        ("The port handled 3,000 containers last October.", "3,000 containers", 2026),
        ("The school will take 120 students this September.", "120 students", 2026),
    ],
)
def test_a_month_named_relative_to_the_publication_date(text, surface, year) -> None:
    assert attributes(text)[surface][0] == year


def test_when_a_quotation_was_said_does_not_date_what_it_says() -> None:
    text = ("Speaking at a forum in Da Nang in October, Director Kim Soo-hyun said, “Our members "
            "have hired more than 2,000 Vietnamese engineers.”")
    assert attributes(text)["more than 2,000 Vietnamese engineers"][0] is None


def test_a_year_inside_the_quotation_still_dates_its_figure() -> None:
    assert attributes("“We sold 4,000 cars in 2025,” Director Kim Soo-hyun said in October.")["4,000 cars"][0] == 2025


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The default rate is now nearly double the rate of 2022.", "nearly double"),
        ("Rice exports reached triple the share of 2019.", "triple"),
    ],
)
def test_a_year_after_a_multiple_of_the_rate_or_share_is_a_base(text, surface) -> None:
    assert attributes(text)[surface][0] is None


def test_a_count_from_a_year_up_to_now_borrows_no_year_from_before_it() -> None:
    text = ("KOICA opened its Hanoi office in 1994 and has funded more than 130 projects in "
            "Vietnam since 2000.")
    assert attributes(text)["more than 130 projects"][0] is None


def test_a_subject_count_with_a_short_post_modifier_before_its_future_predicate_is_a_plan() -> None:
    text = "Under the new quota, up to 3,000 nurses from the Philippines will be allowed to work in Busan."
    assert attributes(text)["up to 3,000 nurses"][1] is True


def test_what_a_plan_is_compared_against_is_no_plan() -> None:
    text = "The city will issue 8,000 permits next year, against 5,200 this year."
    found = attributes(text)
    assert found["8,000 permits"][1] is True
    assert found["5,200"][1] is False


def test_a_where_clause_takes_no_year_from_the_clause_it_describes() -> None:
    text = ("The ministry began the scheme in 2019 in districts where about 30 percent of workers "
            "have jobs abroad.")
    assert attributes(text)["about 30 percent"][0] is None


def test_an_opening_year_still_covers_a_where_clause() -> None:
    text = "In 2024, Korea had 12 provinces where foreigners made up 5 percent of residents."
    assert attributes(text)["5 percent"][0] == 2024


@pytest.mark.parametrize(
    "text",
    [
        "Seoul signed the deal on Friday.\n\nThe $120 million loan will fund 40 new ferries.",
        "Seoul signed the deal on Friday. The $120 million loan, to be repaid over 30 years, will fund 40 new ferries.",
    ],
)
def test_the_amount_sizing_the_subject_of_a_future_predicate_is_a_plan(text) -> None:
    # at the start of a later sentence or paragraph as at the body's start
    assert attributes(text)["$120 million"][1] is True


def test_an_amount_sizing_the_subject_of_a_past_predicate_is_no_plan() -> None:
    assert attributes("The $120 million loan funded 40 new ferries.")["$120 million"][1] is False
