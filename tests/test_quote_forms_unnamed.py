"""Speech by people the text does not name, a broadcast script's soundbites, disclosed plans.

Every passage was written for this test (invented people and events); each reproduces a form seen
in real coverage: a TV script that pauses after "says...", a soundbite paragraph after the
sentence introducing its speaker, and unnamed groups with a complement ("investors in Binh
Duong", "two people familiar with the plan", "one of the sources"), and a plan made public
("unveiled the city's plan to …"). The held-out fixtures (tests/heldout/arirang-01, reuters-01,
kedglobal-01, koreatimes-06, baohoabinh-01, vir-03) hold other forms of the same rules.
"""

from __future__ import annotations

import pytest

from forms import quotes_of
from vnrok_etl.records import Quote
from vnrok_etl.sentences import split_sentences


def who(quotes: tuple[Quote, ...]) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.kind, q.speaker, q.speaker_printed, " ".join(q.text.split()[:4])) for q in quotes]


# --- a pause after the reporting verb ------------------------------------------------------------


@pytest.mark.parametrize("verb", ["adds", "told", "explained"])
def test_an_ellipsis_after_a_reporting_verb_is_a_pause_not_a_sentence_end(verb: str) -> None:
    text = f"Busan port director Jung Hae-won {verb}... Vietnamese cargo now fills two berths a week."
    assert len(split_sentences(text)) == 1
    # Any other ellipsis before a capital still ends its sentence.
    assert len(split_sentences("The fair closed early... Next year it moves to Da Nang.")) == 2


def test_a_paused_report_is_one_statement_of_its_speaker() -> None:
    (quote,) = quotes_of("Busan port director Jung Hae-won said... Vietnamese cargo now fills two berths a week.")
    assert (quote.kind, quote.speaker) == ("indirect", "Jung Hae-won"), who((quote,))
    assert quote.text.startswith("Vietnamese cargo")


# --- a soundbite after the sentence that introduces its speaker --------------------------------


@pytest.mark.parametrize(
    ("introduction", "speaker", "printed"),
    [
        # a feature: a named owner, then her words as a paragraph of their own
        ("Bakery owner Tran Thi Hoa says Korean tourists now queue before her shop opens.",
         "Tran Thi Hoa", None),
        # a TV script's vox pop: an unnamed group, then one of them on camera
        ("Korean students in Da Nang say the new direct flights changed their holidays.",
         None, "Korean students in Da Nang"),
    ],
)
def test_a_paragraph_that_is_only_a_quotation_belongs_to_the_reported_speaker_before_it(
    introduction: str, speaker: str | None, printed: str | None
) -> None:
    quotes = quotes_of(introduction, "\u201cWe used to change planes in Hanoi. Now it takes four hours.\u201d")
    assert [(q.kind, q.speaker, q.speaker_printed) for q in quotes] == [
        ("indirect", speaker, printed),
        ("direct", speaker, printed),
    ], who(quotes)


def test_a_quotation_with_text_after_it_is_not_a_soundbite_of_the_speaker_before() -> None:
    quotes = quotes_of(
        "Bakery owner Tran Thi Hoa says Korean tourists now queue before her shop opens.",
        "\u201cThey buy everything,\u201d a neighbour who sells coffee across the street told us.",
    )
    assert all(q.speaker != "Tran Thi Hoa" for q in quotes[1:]), who(quotes)


# --- unnamed groups with a complement ------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "printed", "speaker_type"),
    [
        ("Korean investors in Binh Duong said the new customs rules would save them a week.",
         "Korean investors in Binh Duong", "person"),
        ("Shrimp exporters across the Mekong Delta say freight to Busan has doubled since May.",
         "Shrimp exporters across the Mekong Delta", "person"),
        ("Economists at a Seoul brokerage said Vietnam's growth would stay above 6 percent.",
         "Economists at a Seoul brokerage", "person"),
        ("Hyundai Thanh Cong will add a second shift in Ninh Binh, two people familiar with the plan"
         " said on Friday.", "two people familiar with the plan", "person"),
        ("The carrier will add four weekly flights to Cheongju, one of the sources said.",
         "one of the sources", "person"),
        ("The carrier will add four weekly flights to Cheongju, according to officials close to the"
         " talks.", "officials close to the talks", "person"),
        ("Korean durian imports rose by half in the third quarter, according to sales data from"
         " Korean online retailers.", "Korean online retailers", "organisation"),
        # a share of a group: survey answers
        ("Of the 500 shoppers asked, 58 percent said they now buy Korean cosmetics online.",
         "58 percent", "person"),
        ("About a third of the member companies said they would move suppliers to Vietnam.",
         "About a third of the member companies", "organisation"),
        # one person so described
        ("Direct flights to Phu Quoc will resume in March, an official at the provincial tourism"
         " department said.", "an official at the provincial tourism department", "person"),
        ("A source close to the carrier said the order for ten jets was nearly done.",
         "A source close to the carrier", "person"),
    ],
)
def test_an_unnamed_group_with_a_complement_is_reported_without_a_speaker(
    paragraph: str, printed: str, speaker_type: str
) -> None:
    (quote,) = quotes_of(paragraph)
    assert (quote.kind, quote.speaker, quote.speaker_printed, quote.speaker_type) == (
        "indirect", None, printed, speaker_type
    ), who((quote,))


def test_the_place_or_employer_after_a_group_is_never_the_speaker() -> None:
    quotes = quotes_of(
        "Samsung Electronics opened a research centre in Hanoi in 2022.",
        "Engineers at Samsung Electronics said the centre now designs chips for phones.",
    )
    assert [q.speaker for q in quotes] == [None], who(quotes)


def test_the_two_sides_are_still_no_unnamed_group() -> None:
    assert quotes_of("The two sides in Hanoi said trade would reach $150 billion by 2030.") == ()


# --- a disclosed plan --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "speaker", "text"),
    [
        ("Tourism director Pham Thi Lan also unveiled the city's plan to light the Han River bridges"
         " every weekend.", "Pham Thi Lan", "the city's plan to light"),
        ("Ambassador Choi Young-sam announced the embassy's decision to extend visa hours.",
         "Choi Young-sam", "the embassy's decision to extend"),
    ],
)
def test_a_disclosure_verb_with_a_definite_plan_reports_the_plan(paragraph, speaker, text) -> None:
    (quote,) = quotes_of(paragraph)
    assert (quote.kind, quote.speaker) == ("indirect", speaker) and quote.text.startswith(text), who((quote,))


def test_an_indefinite_plan_stays_the_reporters_account() -> None:
    assert quotes_of("Lotte Mart announced a plan to open two stores in Da Nang.") == ()
