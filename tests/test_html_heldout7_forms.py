"""HTML forms first met in the seventh held-out set (tests/heldout7), each tested on a page of
the same form written in our own words: a date element whose label is in Vietnamese on an English
page ("Ngày đăng:") or reads "Posted date:", and a view counter printed beside the date."""

from __future__ import annotations

import datetime

from vnrok_etl.clean import clean_document

HEADLINE = "Quang Ninh college and Korean shipbuilder open a welding training room"
PARAGRAPHS = (
    "A vocational college in Quang Ninh and a Korean shipbuilder opened a welding training room "
    "on Tuesday, with twelve booths paid for by the shipbuilder.",
    "The college said the first forty students would start in January and sit a Korean welding "
    "certificate test before the end of the course.",
    "Graduates who pass the test may apply for jobs at the shipbuilder's yards in Ulsan.",
)


def page(date_element: str) -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><div class=\"detail\">"
        f"<h2 class=\"detail-title\">{HEADLINE}</h2>{date_element}"
        f"<div class=\"detail-body\">{paragraphs}</div></div></body></html>"
    )


def test_a_date_labelled_in_vietnamese_or_as_posted_date_is_the_date() -> None:
    for element, day in (
        ("<span class=\"publish-date\">Ngày đăng: 07/10/2026</span>", datetime.date(2026, 10, 7)),
        ("<div class=\"item-date\">Posted date: 15/09/2026 | Views: 1.204</div>", datetime.date(2026, 9, 15)),
        ("<p class=\"post-date\">Date posted: 21/08/2026 Lượt xem: 56</p>", datetime.date(2026, 8, 21)),
    ):
        article = clean_document(page(element), "n.html")
        assert article.published_date == day, element
        assert article.title == HEADLINE
        assert article.paragraphs == PARAGRAPHS, element


def test_a_view_counter_alone_or_a_counted_title_is_no_date() -> None:
    for element in (
        "<span class=\"publish-date\">Lượt xem: 214</span>",
        "<div class=\"item-date\">Views: 2026</div>",
    ):
        article = clean_document(page(element), "n.html")
        assert article.published_date is None, element


# A page whose <title> is only the site's name, its headline in an element classed as a title


def board_page(title_element: str, home_link: str = '<a href="/"><span class="logo">MEKONG KOREANS</span></a>') -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><title>MEKONG KOREANS</title></head><body>"
        f"<div class=\"top\">{home_link}</div><div class=\"board\">"
        f"<div class=\"view_subtitle\">Community news</div>{title_element}"
        f"<div class=\"board_txt\">{paragraphs}</div></div></body></html>"
    )


def test_a_title_classed_element_is_the_headline_when_the_title_tag_is_the_logo() -> None:
    for element in (f"<div class=\"view_tit\">{HEADLINE}</div>", f"<p class=\"post-title\">{HEADLINE}</p>"):
        article = clean_document(board_page(element), "b.html")
        assert article.title == HEADLINE, element
        assert article.paragraphs == PARAGRAPHS, element


def test_a_title_tag_that_is_no_logo_stays_the_title() -> None:
    page = board_page(f"<div class=\"view_tit\">{HEADLINE}</div>", home_link='<a href="/">Home</a>')
    article = clean_document(page, "b.html")
    assert article.title == "MEKONG KOREANS"
