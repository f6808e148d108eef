"""Forms first met in the seventh held-out set (tests/heldout7), each tested here on a text of
the same form written in our own words (never the fixture's): the rule must hold for the form,
not for the one page it was found on.
"""

from __future__ import annotations

import datetime

from forms import cleaned
from vnrok_etl.clean import clean_document

HEADLINE = "Gyeonggi orchid growers study greenhouse methods in Lam Dong"
LEAD = (
    "A group of twenty orchid growers from Gyeonggi province spent three days in Lam Dong this "
    "week, visiting greenhouses that export cut flowers to Japan and the Republic of Korea."
)
MIDDLE = (
    "The head of the provincial agriculture department said that Lam Dong shipped about 14 million "
    "stems of orchids abroad last year and hoped to sell more to Korean wholesalers."
)
CLOSING = "The growers invited Lam Dong's cooperatives to a flower fair in Goyang next spring."


# Closing furniture of a portal's CMS: rating widget, reader box, uploader account, session notice


def test_a_portals_rating_widget_reader_box_and_session_notice_are_dropped() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "Author: admin",
        "Total notes of this article: 3 in 1 rating",
        "Click on stars to rate this article",
        "Reader comments",
        "You did not use the site, Click here to remain logged. Timeout: 30 second",
    )
    assert article.paragraphs[-1] == CLOSING
    body = "\n".join(article.paragraphs)
    for furniture in ("Author: admin", "Total notes", "rate this article", "Reader comments", "Timeout"):
        assert furniture not in body, furniture


def test_prose_about_ratings_readers_and_authors_stays() -> None:
    near_misses = (
        "Readers commented on the fair's website that the prices were too high for small shops.",
        "Reader comments on the portal were divided between growers and the wholesalers in Seoul.",
        "The author of the study, a Dalat University lecturer, said the orchids need cooler nights.",
        "Total exports of this flower rose by a fifth in the first ten months, the department said.",
    )
    article = cleaned(HEADLINE, LEAD, MIDDLE, *near_misses, CLOSING)
    assert list(article.paragraphs[-5:]) == [*near_misses, CLOSING]


# Markup residue: a Word namespace declaration that lost its "<"


def test_an_office_namespace_declaration_glued_to_text_is_dropped() -> None:
    for glued, residue in (
        (CLOSING + "?xml:namespace>", "?xml:namespace>"),
        ('<?xml:namespace prefix = o ns = "urn:schemas-microsoft-com:office:office" />' + CLOSING, "xml:"),
    ):
        article = cleaned(HEADLINE, LEAD, MIDDLE, glued)
        assert article.paragraphs[-1] == CLOSING, glued
        assert residue not in "\n".join(article.paragraphs)


def test_prose_about_an_xml_namespace_stays() -> None:
    prose = (
        "The customs office said its new declaration form uses an XML namespace shared with "
        "Korean customs, so that both sides can read each other's files."
    )
    article = cleaned(HEADLINE, LEAD, prose, CLOSING)
    assert prose in article.paragraphs


# Dates: a Vietnamese weekday by its number and the word "Ngày"; a date labelled in Vietnamese


def test_a_vietnamese_weekday_by_number_with_ngay_before_the_date_is_read_with_its_time() -> None:
    for line, at in (
        ("Thứ 3, Ngày 06/10/2026, 09:30", datetime.datetime(2026, 10, 6, 9, 30)),
        ("Thứ Hai, ngày 05/10/2026 14:05", datetime.datetime(2026, 10, 5, 14, 5)),
    ):
        article = cleaned(HEADLINE, line, LEAD, MIDDLE, CLOSING)
        assert article.published_at is not None and article.published_at.replace(tzinfo=None) == at, line
        assert article.paragraphs[0] == LEAD, line


def test_a_date_labelled_ngay_dang_or_posted_date_is_the_date_and_leaves_the_body() -> None:
    for line in ("Ngày đăng: 06/10/2026", "Posted date: 06/10/2026 | Views: 431"):
        article = cleaned(HEADLINE, line, LEAD, MIDDLE, CLOSING)
        assert article.published_date == datetime.date(2026, 10, 6), line
        assert article.paragraphs[0] == LEAD, line


def test_a_paragraph_opening_with_ngay_as_a_name_stays_text() -> None:
    prose = "Ngày hội việc làm 2026, the job fair of the province, drew about 40 Korean firms."
    article = cleaned(HEADLINE, LEAD, MIDDLE, prose, CLOSING)
    assert prose in article.paragraphs


# Site names printed above the headline: a weather widget, a government portal's name


def test_a_weather_widget_glued_to_the_saving_date_is_not_the_title() -> None:
    for widget in ("Da Nang 29°C, Mostly Sunny", "Seoul -4 °C | Light snow", "Busan 12°C"):
        text = f" date 2026-01-14 {widget}\n\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
        article = clean_document(text, "w.txt")
        assert article.title == HEADLINE, widget
        assert article.paragraphs[0] == LEAD, widget


def test_a_headline_with_a_temperature_stays_the_title() -> None:
    headline = "Lam Dong 18°C nights draw Gyeonggi orchid growers to its greenhouses"
    article = cleaned(headline, LEAD, MIDDLE, CLOSING)
    assert article.title == headline


def test_a_portal_name_above_its_menu_is_the_masthead_not_the_title() -> None:
    for name, menu in (
        ("Lam Dong Provincial Portal", "Tiếng Việt | English"),
        ("QUANG NINH E-PORTAL", "Home"),
    ):
        text = f"{name}\n{menu}\nInvestment\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
        article = clean_document(text, "p.txt")
        assert article.title == HEADLINE, name
        assert name not in "\n".join(article.paragraphs)


def test_a_headline_ending_in_portal_stays_the_title() -> None:
    headline = "Korean Firms Welcome New Lam Dong Investment Portal"
    article = cleaned(headline, LEAD, MIDDLE, CLOSING)
    assert article.title == headline


# A caption in its own block under an image's file name, even last on the page


def test_the_line_under_an_image_name_block_is_its_caption_even_last() -> None:
    for name in ("lamdong hoa lan 4.jpg ", "orchid-farm_02.png"):
        text = "\n\n".join((HEADLINE, LEAD, MIDDLE, CLOSING, name, "Growers at a greenhouse in Da Lat")) + "\n"
        article = clean_document(text, "c.txt")
        assert article.paragraphs[-1] == CLOSING, name
        assert "Growers at a greenhouse" not in "\n".join(article.paragraphs), name


def test_a_sentence_under_an_image_name_block_stays_text() -> None:
    sentence = "The growers will return to Da Lat in March to sign supply contracts with three farms."
    text = "\n\n".join((HEADLINE, LEAD, MIDDLE, "lamdong hoa lan 4.jpg", sentence, CLOSING)) + "\n"
    article = clean_document(text, "c.txt")
    assert sentence in article.paragraphs


# A lead opening with the last word of the site's own name is the site's tag, not a dateline


def test_a_lead_tagged_with_the_sites_kind_word_has_no_dateline() -> None:
    text = (
        f"Lam Dong Provincial Portal\nHome\nInvestment\n{HEADLINE}\n\n"
        f"PORTAL - {LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
    )
    article = clean_document(text, "p.txt")
    assert article.dateline is None
    assert article.paragraphs[0] == LEAD


def test_a_place_in_the_mastheads_name_stays_the_dateline() -> None:
    text = f"Dalat City Portal\nHome\nInvestment\n{HEADLINE}\n\nDALAT - {LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "p.txt")
    assert article.dateline is not None and article.dateline.casefold() == "dalat"
    assert article.paragraphs[0] == LEAD
