"""Forms first met in the held-out set (tests/heldout), each tested here on a text of the same
form written in our own words (never the fixture's): the rule must hold for the form, not for
the one page it was found on.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document

LEAD = (
    "A Korean maker of solar glass will open its second plant in Bac Giang Province next spring, "
    "the company said on Tuesday, adding that about 1,200 local workers would be hired there."
)
MIDDLE = (
    "The plant will supply panel assemblers in northern Vietnam and ship part of its output to "
    "Japan, where demand for tempered glass has grown for three years in a row."
)


def test_capitals_byline_with_bracketed_email_closes_the_text() -> None:
    text = f"Solar glass maker picks Bac Giang\n\n{LEAD}\n\n{MIDDLE}\n\nBY KIM HA-NEUL [kim.haneul@example.kr]\n"
    article = clean_document(text, "t.txt")
    assert article.byline == "Kim Ha-neul"
    assert article.paragraphs[-1] == MIDDLE
    assert all("example.kr" not in paragraph for paragraph in article.paragraphs)


def test_byline_with_angle_bracketed_email() -> None:
    text = f"Solar glass maker picks Bac Giang\n\n{LEAD}\n\n{MIDDLE}\n\nBy Tran Thu Trang <trang.tt@example.vn>\n"
    article = clean_document(text, "t.txt")
    assert article.byline == "Tran Thu Trang"
    assert article.paragraphs[-1] == MIDDLE


def test_broadcast_reporter_signoff_closes_the_script() -> None:
    text = f"Solar glass maker picks Bac Giang\n\n{LEAD}\n\n{MIDDLE}\n\nLee Ji-won, KBS World News, Seoul.\n"
    article = clean_document(text, "t.txt")
    assert article.byline == "Lee Ji-won"
    assert article.paragraphs[-1] == MIDDLE


def test_a_closing_sentence_with_a_channel_is_not_a_signoff() -> None:
    closing = "Park said the plant, KBS News reported, would run on rooftop solar power."
    text = f"Solar glass maker picks Bac Giang\n\n{LEAD}\n\n{MIDDLE}\n\n{closing}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs[-1] == closing
