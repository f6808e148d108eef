"""Figures, issue 17: reference year, target and forecast (figures/reference.py), each rule on at
least two forms, in sentences written for these tests (no real article text)."""

from __future__ import annotations

import datetime

import pytest

from vnrok_etl.figures import extract_figures

PUBLISHED = datetime.date(2025, 8, 8)


def figure(text: str, surface: str, published: datetime.date | None = PUBLISHED):
    return next(f for f in extract_figures(text, published) if f.text == surface)


# ---------------------------------------------------------------------------------------------
# Reference year: the figure's own clause


@pytest.mark.parametrize(
    ("text", "surface", "ref_year"),
    [
        ("In January-August 2014, rubber exports rose 11 percent.", "11 percent", 2014),
        ("Rubber exports rose 11 percent in January-August 2014.", "11 percent", 2014),
        ("In the five months of 2024, imports hit $12 billion.", "$12 billion", 2024),
        ("Imports hit $12 billion in the first five months of 2024.", "$12 billion", 2024),
        ("Sales were $3 billion as of June 2023.", "$3 billion", 2023),
        ("Exports rose 5 percent last year.", "5 percent", 2024),
        ("Last year, exports rose 5 percent and imports 4 percent.", "4 percent", 2024),
        ("Shipments grew 9 percent this year.", "9 percent", 2025),
        ("The firm hired 300 engineers in March.", "300 engineers", 2025),
        ("Output was 40 percent two years ago.", "40 percent", 2023),
        ("Exports rose 27% in the first nine months of the year.", "27%", 2025),
    ],
)
def test_the_reference_year_is_the_figures_own(text, surface, ref_year):
    assert figure(text, surface).ref_year == ref_year


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Since 1992, trade has grown to $80 billion.", "$80 billion"),
        ("Trade has grown 160-fold since ties were set up in 1992.", "160-fold"),
        ("It has become the fourth-largest buyer since the pact took effect in 2015.",
         "fourth-largest buyer"),
        ("Rice exports were 8 percent higher than in 2019.", "8 percent"),
    ],
)
def test_a_base_year_is_not_the_reference_year(text, surface):
    assert figure(text, surface).ref_year is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The firm, which entered the market in 2009, now runs 12 stores in Hanoi.", "12 stores"),
        ("A worker, who lost two fingers in 2022, was paid 150 million won.", "150 million won"),
        ("Lotte will open a mall in 2027, with an investment of US$560 million.",
         "US$560 million"),
        ("He came to Korea in 2009 and now runs six restaurants.", "six restaurants"),
    ],
)
def test_a_year_in_a_neighbouring_clause_is_not_the_reference_year(text, surface):
    assert figure(text, surface).ref_year is None


@pytest.mark.parametrize(
    ("text", "surface", "ref_year"),
    [
        ("Trade rose 18-fold by 2024, while investment has more than doubled.",
         "more than doubled", 2024),
        ("Imports hit $9 billion in 2023, and exports $5 billion.", "$5 billion", 2023),
        ("Revenue rose 40 percent in 2024, beating forecasts.", "40 percent", 2024),
    ],
)
def test_a_coordinated_clause_continues_the_time_frame_of_the_clause_before(
        text, surface, ref_year):
    assert figure(text, surface).ref_year == ref_year


@pytest.mark.parametrize(
    ("text", "surface", "ref_year"),
    [
        # "from" before a place is no base: the year after it is the figure's.
        ("Da Nang received 90,000 visitors from Japan in March.", "90,000 visitors", 2025),
        ("Yards plan to hire 700 fitters from Vietnam by the end of next year.", "700 fitters",
         2026),
        # An absolute construction continues the clause before it.
        ("Exports hit $9 billion in 2023, with rice making up 12 percent.", "12 percent", 2023),
        # Through a participle clause to the clause before it.
        ("About 2 million Thais came in 2022, making them the top group, while some 300,000 "
         "Lao visitors came too.", "some 300,000 Lao visitors", 2022),
        # A month or a season relative to the publication date.
        ("Factories raised pay by 7 percent this month.", "7 percent", 2025),
        ("He will plant 300 trees next spring.", "300 trees", 2026),
        # The nearer cue across "and" is the one of the figure's own verb.
        ("The firm sold 5,000 cars last year and aims to double that figure in 2026.", "double",
         2026),
    ],
)
def test_more_forms_of_the_figures_own_time_frame(text, surface, ref_year):
    assert figure(text, surface).ref_year == ref_year


def test_last_month_in_january_is_last_year():
    found = figure("Wages rose 4 percent last month.", "4 percent", datetime.date(2024, 1, 20))
    assert found.ref_year == 2023


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # The opening adverbial of "since" says where the count starts.
        ("Since setting up its office in 2009, the agency has trained 4,000 nurses.",
         "4,000 nurses"),
        # A clause about now borrows no year.
        ("The centre opened in 2020, and 800 trainees have finished so far.", "800 trainees"),
        # "double the number in 2016" is the base of the comparison.
        ("Some 5,000 Thai students study here, about double the number in 2016.",
         "Some 5,000 Thai students"),
        # A span of years is no single reference year.
        ("For 2025 to 2029 the banks set a cap of 3 billion USD.", "3 billion USD"),
        # The year of the plan that follows "and", not of the figure before it.
        ("The group has put 450 million USD into Vietnam and plans to lift that to 800 million "
         "USD by 2027.", "450 million USD"),
        ("Exports reached $30 billion and are expected to top $40 billion in 2026.",
         "$30 billion"),
    ],
)
def test_starts_bases_and_spans_give_no_reference_year(text, surface):
    assert figure(text, surface).ref_year is None


def test_in_the_period_refers_to_the_year_of_the_sentence_before():
    text = ("Exports reached $3 billion in the first half of 2023. Seafood made up 900 million "
            "USD in the period.")
    assert figure(text, "900 million USD").ref_year == 2023


def test_up_from_a_base_with_its_own_year():
    text = "Of those asked, 72 percent approve, up from 65 percent two years ago."
    assert (figure(text, "72 percent").ref_year, figure(text, "65 percent").ref_year) == (
        None, 2023
    )


def test_relative_years_need_the_publication_date():
    assert figure("Exports rose 5 percent last year.", "5 percent", None).ref_year is None
    assert figure("Exports rose 5 percent last year.", "5 percent",
                  datetime.date(2019, 3, 1)).ref_year == 2018


def test_a_duration_has_no_reference_year():
    assert figure("In 2024 the team spent three weeks in Hue.", "three weeks").ref_year is None


# ---------------------------------------------------------------------------------------------
# Targets: planned and agreed goals


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The two sides agreed to raise bilateral trade to US$20 billion.", "US$20 billion"),
        ("They pledged towards bringing two-way trade to 60 billion USD.", "60 billion USD"),
        ("The ministry aims to train 5,000 nurses.", "5,000 nurses"),
        ("Hanoi will strive for $40 billion in exports.", "$40 billion"),
        ("The province targets growth of 9 percent.", "9 percent"),
        ("The bank will open 12 new branches next year.", "12 new branches"),
        ("The agency would send 30 instructors in 2026.", "30 instructors"),
        ("The government would cut fees by 25 percent.", "25 percent"),
        # A stated plan in the future tense, with or without its period.
        ("The mall will house 180 shops and a cinema.", "180 shops"),
        ("She said the lender would disburse US$40 million of the fund.", "US$40 million"),
        ("The dock is set to open in 2027 and employ about 600 people.", "about 600 people"),
        ("The firm will expand its mill, lifting its yearly output to 2 million tonnes.",
         "2 million tonnes"),
        ("Under the deal, Busan will lend the city US$5 million and send four experts.",
         "four experts"),
        ("The two provinces agreed in 2022 to swap 300 trainees by 2028.", "300 trainees"),
        ("The clinic signed an agreement on Friday with Da Nang Hospital to train 80 midwives.",
         "80 midwives"),
        ("We want 250 engineers here by 2027.", "250 engineers"),
        ("The master plan calls for wind capacity of 6,000 MW by 2030.", "6,000 MW"),
    ],
)
def test_goals_are_targets(text, surface):
    found = figure(text, surface)
    assert (found.is_target, found.is_forecast) == (True, False)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Trade is expected to hit $90 billion this year.", "$90 billion"),
        ("Analysts forecast growth of 6.5 percent in 2026.", "6.5 percent"),
        ("The pilot is expected to cut waiting time by up to 20%.", "up to 20%"),
        ("The ministry estimates the country will lack 70,000 nurses by 2030.", "70,000 nurses"),
        ("Trade could reach US$100 billion within two years.", "US$100 billion"),
        ("Two-way trade is set to hit $95 billion in 2026.", "$95 billion"),
        ("The forest would store an estimated 900 tons of carbon a year.",
         "an estimated 900 tons of carbon a year"),
        ("The sector will need an extra 40,000 drivers by 2031, a study found.",
         "40,000 drivers"),
    ],
)
def test_forecasts_are_not_targets(text, surface):
    found = figure(text, surface)
    assert (found.is_target, found.is_forecast) == (False, True)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Samsung expects to raise its investment to $20 billion.", "$20 billion"),
        ("The firm is expected to agree to hire 500 welders.", "500 welders"),
    ],
)
def test_the_nearer_of_a_goal_and_a_forecast_word_decides(text, surface):
    assert figure(text, surface).is_target is True


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Exports rose to $5 billion after the firm raised prices.", "$5 billion"),
        ("Under its investment plans, the firm spent $100 million.", "$100 million"),
        ("The plant houses 180 shops and a cinema.", "180 shops"),
        ("Gyeonggi has cut waiting time by 17% with the system.", "17%"),
        ("Korean yards need about 9,000 more welders by 2027.", "about 9,000 more welders"),
        ("Trade reached its goal of $50 billion in 2019.", "$50 billion"),
        # A participle of result after a comma reports what happened.
        ("Its suppliers added 12 local firms, bringing the total to 215.", "215"),
        ("The number of students taking the exam had doubled.", "doubled"),
        # The starting point of "from ... to ...".
        ("The workforce would rise from 3,200 people to 4,000 people by 2027.", "3,200 people"),
        # A possessive names what exists: "its nine plants" is no goal of the plan.
        ("The interns will rotate through the group's nine plants.", "nine plants"),
        # A reporting participle opens another statement.
        ("He said Hanoi wants more Korean suppliers, noting that they make up 31% of exports.",
         "31%"),
        ("Without the loan, costs would have risen 12 percent.", "12 percent"),
        ("The fund's clinics would open in a place where 5,000 migrants live.", "5,000 migrants"),
    ],
)
def test_actuals_descriptions_and_needs_are_not_targets(text, surface):
    assert figure(text, surface).is_target is False


def test_the_year_of_a_decision_is_not_the_figures():
    found = figure("The two provinces agreed in 2022 to swap 300 trainees.", "300 trainees")
    assert (found.ref_year, found.is_target) == (None, True)


def test_a_duration_is_a_target_only_as_the_goals_value():
    text = "The firms committed to train 900 engineers over the next three years."
    assert (figure(text, "900 engineers").is_target, figure(text, "three years").is_target) == (
        True, False
    )
    assert figure("We want to cut that to 18 months.", "18 months").is_target is True


def test_a_part_of_the_set_counted_before_is_of_its_period():
    text = ("The institute polled 900 traders in March. Of them, 64 percent expect higher sales, "
            "up from 50 percent a year ago. Among those who export, seven out of ten use Korean "
            "inputs.")
    assert (figure(text, "64 percent").ref_year, figure(text, "seven out of ten").ref_year) == (
        2025, 2025
    )


def test_a_ranking_continued_in_the_next_sentence_is_of_its_period():
    text = "Laos sent 4,000 arrivals in 2023. It was followed by Japan with 3,100."
    assert figure(text, "3,100").ref_year == 2023
