"""Figure forms first met in the fourth held-out set (tests/heldout4), each tested on sentences in
our own words that differ from the held-out page: the rule must hold for the form, not the page."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures

PUBLISHED = datetime.date(2026, 11, 20)


def figures(text: str) -> list[tuple[str, str, float | None, str | None, str]]:
    return [(f.kind, f.text, f.value, f.unit, f.qualifier) for f in extract_figures(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "between <low> and <high>": one figure, from "between", the high end's unit.
        ("Interpreters at the fair are paid between 1.2 million and 1.5 million won a week.",
         ("money", "between 1.2 million and 1.5 million won a week", 1.35e6, "KRW per week", "approx")),
        ("The new campus will take between 400 and 600 students.",
         ("count", "between 400 and 600 students", 500.0, "student", "approx")),
        # both ends print the unit; the high end may add a rate
        ("Rents in the Korean quarter run between $900 and $1,400 a month.",
         ("money", "between $900 and $1,400 a month", 1150.0, "USD per month", "approx")),
        ("Margins stayed between 4% and 6% all year.",
         ("percent", "between 4% and 6%", 5.0, "percent", "approx")),
        # "<low> to <high>" with a duration or money at the high end
        ("Work permits are now issued in 10 to 14 days.",
         ("duration", "10 to 14 days", 12.0, "day", "approx")),
        # both ends print the currency, the high end a rate
        ("Kitchen staff in Seoul earn $1,100 to $1,500 monthly.",
         ("money", "$1,100 to $1,500 monthly", 1300.0, "USD per month", "approx")),
        # a low end in words, or a small number no figure was read for
        ("Most engineers stay four to six years.", ("duration", "four to six years", 5.0, "year", "approx")),
        ("Rents in the new town are 2 to 3 times higher.", ("multiplier", "2 to 3 times", 2.5, "times", "approx")),
        # a hedged low end: the hedge is the range's
        ("Drivers there earn about 2.4 million to 2.9 million won.",
         ("money", "about 2.4 million to 2.9 million won", 2.65e6, "KRW", "approx")),
        # a bare low end shares the high end's scale word
        ("The fund will lend 4 to 6 trillion dong.",
         ("money", "4 to 6 trillion dong", 5e12, "VND", "approx")),
    ],
)
def test_a_range_in_words_is_one_figure(text, expected) -> None:
    found = figures(text)
    assert expected in found
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose from 300 to 400 containers a week.",  # a change, not a range
        "Between 2020 and 2024, the bank opened branches in Da Nang.",  # years are no figures
        "The course grew from three to five years.",  # a change, with a word low end
        "Pupils aged 7 to 11 took part.",  # ages are no figures
    ],
)
def test_a_change_or_a_span_of_years_is_no_range(text) -> None:
    assert not any(" to " in surface or " and " in surface for _, surface, *_ in figures(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the count before it: "of which", "of whom"
        ("The club has 2,400 members, of whom about 700 are Korean.",
         ("count", "about 700", 700.0, "member", "approx")),
        ("The port handled 96 ships last month, of which 31 came from Busan.",
         ("count", "31", 31.0, "ship", "exact")),
        # a gapped second object: verb and noun left out, its own complement kept
        ("The cooperative shipped 800 tonnes of dragon fruit to Incheon and 250 to Busan.",
         ("count", "250", 250.0, "tonne", "exact")),
        ("The school trained 120 nurses for hospitals and about 40 for care homes.",
         ("count", "about 40", 40.0, "nurse", "approx")),
    ],
)
def test_an_elided_count_takes_the_noun_of_the_count_it_is_part_of_or_parallel_to(text, expected) -> None:
    assert expected in figures(text)


def test_a_gapped_amount_needs_a_count_before_it() -> None:
    assert figures("The toll rose to 15 and 20 in Busan.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 4,500 Vietnamese came to Incheon for the festival.", "About 4,500 Vietnamese"),
        ("Nearly 700 Koreans took the Vietnamese-language exam.", "Nearly 700 Koreans"),
        ("Some 1,300 Vietnamese left for Korean farms in the spring.", "Some 1,300 Vietnamese"),
    ],
)
def test_an_irregular_past_verb_after_a_demonym_ends_the_counted_phrase(text, expected) -> None:
    assert expected in [surface for _, surface, *_ in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeju grows half of Korea’s tangerines.", "half of Korea’s tangerines"),
        ("Ca Mau supplies about half of the country's shrimp exports.", "about half of the country's shrimp exports"),
    ],
)
def test_half_of_a_possessive_is_a_share(text, expected) -> None:
    assert [f for f in figures(text) if f[1] == expected][0][2] == 50.0


def test_the_first_half_of_a_possessive_is_a_period() -> None:
    assert figures("In the first half of Korea's fiscal year, orders were slow.") == []


def attributes(text: str) -> dict[str, tuple[int | None, bool]]:
    return {f.text: (f.ref_year, f.is_target) for f in extract_figures(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a non-restrictive relative clause is in its own tense: the goal word before it does not reach it
        ("The ministry will target seafood processors, which employ about 400,000 people.",
         "about 400,000 people", (None, False)),
        ("The agency aims at small hotels, who host more than 2 million guests a year.",
         "more than 2 million guests a year", (None, False)),
        # the past "hoped to" states the plan as "hopes to" does
        ("The consulate hoped to place 120 interns with Korean firms.", "120 interns", (None, True)),
        # "called for help" is no goal, "calls for" with its amount is
        ("The crew called for help 14 times during the storm season of 2026.", "14 times", (2026, False)),
        ("The roadmap calls for 3,000 charging stations by 2030.", "3,000 charging stations", (2030, True)),
    ],
)
def test_goal_words_reach_only_their_own_statement(text, surface, expected) -> None:
    assert attributes(text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a year inside a "since" clause dates the start of a cumulative count
        ("Since the hotline opened in 2023 its staff have answered more than 52,000 calls.",
         "more than 52,000 calls", None),
        ("Officials said that since the route was launched in 2022 the airline had carried 640,000 passengers.",
         "640,000 passengers", None),
        # ", with a target of N" is the target of the plan before it, in the plan's period
        ("The province will host a job fair in March 2027, with a target of 2,000 applicants.",
         "2,000 applicants", 2027),
    ],
)
def test_reference_year_of_since_clauses_and_targets_after_with(text, surface, expected) -> None:
    assert attributes(text)[surface][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small frequency with its period is a schedule, counted; after a verb of flying, flights
        ("From March the carrier will fly three times a week to Cam Ranh.",
         ("count", "three times a week", 3.0, "flight per week", "exact")),
        ("Vietjet flies 35 times a week between Hanoi and Incheon.",
         ("count", "35 times a week", 35.0, "flight per week", "exact")),
        ("The cargo ship calls at Quy Nhon five times a month.",
         ("count", "five times a month", 5.0, "time per month", "exact")),
    ],
)
def test_a_frequency_with_its_period_is_a_count(text, expected) -> None:
    assert expected in figures(text)


def test_a_small_frequency_without_a_period_is_still_no_figure() -> None:
    assert figures("The minister has visited Ulsan four times.") == []


@pytest.mark.parametrize(
    ("text", "surface", "year"),
    [
        # "a year earlier" counts back from the sentence's cue before it
        ("In 2024 the port handled 1.2 million containers, against 950,000 containers a year earlier.",
         "950,000 containers", 2023),
        # else from the publication year (2026)
        ("Rooms are now booked at about 70% on weekends, compared with 55% two years earlier.", "55%", 2024),
    ],
)
def test_a_year_earlier_is_counted_back(text, surface, year) -> None:
    assert attributes(text)[surface][0] == year


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a relational head keeps the noun before it: a member of what, a position of what
        ("The shipyard hired 240 crew members from Nghe An.", "crew member"),
        ("The union elected nine board members on Friday.", "board member"),
        ("The new cold store adds 12,000 pallet positions.", "pallet position"),
        # an adjective or a demonym before it does not stay
        ("The association gained 800 new members this year.", "member"),
        ("The club has 150 Vietnamese members.", "member"),
    ],
)
def test_a_relational_head_keeps_its_noun_modifier(text, unit) -> None:
    assert [u for _, _, _, u, _ in figures(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "surface", "target"),
    [
        # the count that is the subject of a future-tense predicate is part of the plan
        ("From January, 12 Korean hospitals will accept Vietnamese interns.", "12 Korean hospitals", True),
        ("Three Korean lenders and two Vietnamese banks will share the loan.", "two Vietnamese banks", True),
        # not a subject inside a relative clause, nor a past statement
        ("The group, which runs 40 clinics, will open a school.", "40 clinics", False),
        # "the more than N": a population that exists, not what a plan reaches
        ("The bank will cut fees for the more than 200,000 Korean residents of Hanoi.",
         "more than 200,000 Korean residents", False),
    ],
)
def test_subject_counts_of_a_plan_and_existing_populations(text, surface, target) -> None:
    assert attributes(text)[surface][1] is target


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Bac Giang has opened four industrial parks since 2020.", "industrial park"),
        ("The coast now has two economic zones.", "economic zone"),
        ("The city also runs five parks.", "park"),
    ],
)
def test_a_zone_keeps_its_kind_word(text, unit) -> None:
    assert [u for _, _, _, u, _ in figures(text)] == [unit]


def test_a_rank_s_noun_phrase_ends_before_its_verb() -> None:
    found = figures("Japan, Asia's second-largest economy, and the region's third-largest economy "
                    "plans to hire more nurses.")
    assert "third-largest economy" in [surface for _, surface, *_ in found]


@pytest.mark.parametrize(
    ("text", "surface", "target"),
    [
        # ", as" opening a clause of reason or time is a turn: the plan's words do not reach it
        ("The ministry will double nursing scholarships, as the country's 12 medical universities "
         "struggle to fill places.", "12 medical universities", False),
        # ", as planned" and ", as well as" open no clause
        ("Trade will reach 160 billion USD by 2030, as planned.", "160 billion USD", True),
    ],
)
def test_as_opening_a_clause_is_a_turn(text, surface, target) -> None:
    assert attributes(text)[surface][1] is target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a frequency word with its period is a count; flights when the clause names them
        ("The new ferry to Jeju sails twice a week.", ("count", "twice a week", 2.0, "time per week", "exact")),
        ("Charter flights to Phu Quoc leave once a day in winter.",
         ("count", "once a day", 1.0, "flight per day", "exact")),
        # "one" with a singular noun and a rate is a schedule too
        ("In 2002 there was one cargo ship a month to Busan.",
         ("count", "one cargo ship a month", 1.0, "ship per month", "exact")),
        # a share printed as a ratio, with its group
        ("Two in five Korean visitors now book online.",
         ("percent", "Two in five Korean visitors", 40.0, "percent", "approx")),
        # a base form after a verb of perception and its object, a time after it
        ("Hoi An saw the number of Korean students at its schools double this year.",
         ("multiplier", "double", 2.0, "times", "exact")),
    ],
)
def test_frequencies_ratios_and_base_form_multipliers(text, expected) -> None:
    assert expected in figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "She has called twice since Monday.",  # no period: no figure
        "Samsung is one of the largest investors.",
        "Both countries see double taxation as a problem.",  # an adjective
    ],
)
def test_no_frequency_share_or_multiplier_without_its_form(text) -> None:
    assert figures(text) == []
