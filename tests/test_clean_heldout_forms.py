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


def test_outlet_name_beside_a_menu_button_is_not_the_headline() -> None:
    text = (
        "Viet Nam News menu\n"
        "Home\n"
        "Economy\n"
        "Solar glass maker picks Bac Giang for its second plant\n\n"
        f"{LEAD}\n\n{MIDDLE}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.title == "Solar glass maker picks Bac Giang for its second plant"
    assert article.paragraphs[0] == LEAD


def test_published_label_wins_over_the_saved_pages_top_bar_date() -> None:
    text = (
        "Sat, March 1, 2025 | 10:05\n"
        "Economy\n"
        "Solar glass maker picks Bac Giang for its second plant\n"
        "Published: 2025-02-27 08:30\n"
        "Updated: 2025-02-27 11:00\n\n"
        f"{LEAD}\n\n{MIDDLE}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.title == "Solar glass maker picks Bac Giang for its second plant"
    assert article.published_at is not None
    assert (article.published_at.date().isoformat(), article.published_at.hour) == ("2025-02-27", 8)
    assert article.paragraphs[0] == LEAD


def test_byline_word_with_a_date_and_no_name() -> None:
    text = (
        "Solar glass maker picks Bac Giang for its second plant\n\n"
        "By Mar 3, 2025 (GMT+09:00)\n\n"
        f"{LEAD}\n\n{MIDDLE}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.byline is None
    assert article.published_date is not None and article.published_date.isoformat() == "2025-03-03"
    assert article.published_at is None
    assert article.paragraphs[0] == LEAD


def test_name_then_an_empty_bar_field_is_the_byline() -> None:
    text = f"Solar glass maker picks Bac Giang for its second plant\n\nThu Hương |\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.byline == "Thu Hương"
    assert article.paragraphs[0] == LEAD


def test_name_bar_date_gives_byline_and_date() -> None:
    text = f"Solar glass maker picks Bac Giang for its second plant\n\nMinh Chau | 20/02/2025\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.byline == "Minh Chau"
    assert article.published_date is not None and article.published_date.isoformat() == "2025-02-20"


WRAPPED_WIRE = """ date 2025-03-03 By Le Van Tam
| HAIPHONG/SEOUL, March 3
HAIPHONG/SEOUL, March 3 A Korean shipyard group
will take a majority stake in a repair yard near Haiphong
port, three people familiar with the talks said on Monday,
as it seeks room for vessels its home yards cannot take.
The group has asked the city for a lease on land beside
the yard, one of the people said.
The city's transport department did not reply to questions
sent by e-mail.
The yard employs about 900 people and repaired 140 ships
last year, according to its website.
(Additional reporting by Choi Min-jae in SEOUL;
Writing by Le Van Tam; Editing by Anna Brooks)
"""


def test_hard_wrapped_wire_story_is_an_article() -> None:
    article = clean_document(WRAPPED_WIRE, "wire.txt")
    assert article.title is None
    assert article.byline == "Le Van Tam"
    assert article.dateline == "Haiphong"  # an unknown spelling is kept, title-cased
    assert article.paragraphs[0].startswith("A Korean shipyard group will take a majority stake")
    assert article.paragraphs[-1].endswith("according to its website.")
    assert all("reporting by" not in paragraph.lower() for paragraph in article.paragraphs)
    assert all("HAIPHONG/SEOUL" not in paragraph for paragraph in article.paragraphs)


def test_capitals_and_a_month_without_a_day_are_no_wire_dateline() -> None:
    lead = "HANOI, June talks between the two ministries ended without a date for the next round, officials said."
    text = f"Talks end without a date\n\n{lead}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs[0] == lead


def test_outlet_name_run_together_as_a_tag_opening_the_lead() -> None:
    text = f"Solar glass maker picks Bac Giang for its second plant\n\nThe Koreaherald – {LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs[0] == LEAD
    assert article.source is None


def test_a_country_and_a_dash_opening_the_lead_stay() -> None:
    lead = "Vietnam – Korea trade rose by a tenth last year as electronics shipments recovered, customs data showed."
    text = f"Trade recovers\n\n{lead}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs[0] == lead


def test_caption_with_a_credit_wrapped_onto_the_next_line_is_split_from_the_paragraph() -> None:
    text = (
        "Solar glass maker picks Bac Giang for its second plant\n\n"
        f"{LEAD}\n\n"
        "Workers load glass sheets at the company's plant in Bac Ninh (Image:\n"
        "Company handout)\n"
        f"{MIDDLE}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.paragraphs == (LEAD, MIDDLE)
    assert any("Workers load glass sheets" in caption for caption in article.captions)


def test_a_title_and_a_name_alone_between_answers_is_a_portrait_caption() -> None:
    text = (
        "Solar glass maker picks Bac Giang for its second plant\n\n"
        f"{LEAD}\n\nDeputy Minister of Industry Tran Van Nam.\n\n{MIDDLE}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.paragraphs == (LEAD, MIDDLE)
    assert "Deputy Minister of Industry Tran Van Nam." in article.captions


def test_a_sentence_about_a_minister_is_no_caption() -> None:
    sentence = "Ambassador Park Ji-hoon met Governor Lee Min-ho of Bac Giang."
    text = f"Solar glass maker picks Bac Giang for its second plant\n\n{LEAD}\n\n{sentence}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs == (LEAD, sentence, MIDDLE)
