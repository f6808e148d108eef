"""Forms first met in the third held-out set (tests/heldout3), each tested here on a text of the
same form written in our own words (never the fixture's): the rule must hold for the form, not
for the one page it was found on.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document

HEADLINE = "Gwangju potters open a kiln school for students from Hue"
LEAD = (
    "A group of potters in Gwangju will teach glazing to twenty ceramics students from Hue "
    "each spring, the city's culture office said on Wednesday."
)
MIDDLE = (
    "The students will spend eight weeks at a kiln village outside the city and show their work "
    "at a craft fair in October."
)
CLOSING = "Teachers from Hue said the course would help revive the old royal glazes of the city."


def _clean(*paragraphs: str, uri: str = "t.txt"):
    return clean_document("\n\n".join(paragraphs) + "\n", uri)


def test_a_wire_dateline_with_the_year_and_an_agency_in_brackets() -> None:
    article = _clean(HEADLINE, f"GWANGJU, Mar 4, 2025 (Reuters) – {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Gwangju"
    assert article.source == "Reuters"
    assert article.paragraphs[0] == LEAD


def test_a_release_wire_dateline_with_country_year_and_slashed_service() -> None:
    article = _clean(HEADLINE, f"BUSAN, South Korea, March 4, 2025 /GlobeNewswire/ -- {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Busan"
    assert article.source == "GlobeNewswire"
    assert article.paragraphs[0] == LEAD


def test_a_service_named_in_brackets_after_the_day() -> None:
    article = _clean(HEADLINE, f"HANOI, Jan. 9 (Asia Pacific Daily) — {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Hanoi"
    assert article.source == "Asia Pacific Daily"
    assert article.paragraphs[0] == LEAD


def test_a_bracketed_name_without_a_day_opens_no_dateline() -> None:
    lead = f"Potters (Gwangju Guild) – {LEAD}"
    article = _clean(HEADLINE, lead, MIDDLE, CLOSING)
    assert article.dateline is None
    assert article.paragraphs[0] == lead
