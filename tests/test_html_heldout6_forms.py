"""HTML forms first met in the sixth held-out set (tests/heldout6), each tested on a page of the
same form written in our own words: a headline named by the <title> between a section label and
the firm's name, a date element named by class or id, a CMS's midnight stamp for a day."""

from __future__ import annotations

from vnrok_etl.clean import clean_document

HEADLINE = "Vietnam tightens rules on Korean-invested solar farms' grid connections"
PARAGRAPHS = (
    "Vietnam's industry ministry issued a circular on Monday requiring solar farms owned by "
    "foreign investors, most of them Korean, to file new grid connection studies by next March.",
    "The circular replaces rules from 2020 and applies to farms larger than 50 megawatts, the "
    "ministry said in a note attached to the text.",
    "Investors that miss the deadline may have their power purchase contracts suspended.",
)


def page(head: str, top: str) -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><div class=\"sub-visual\"><h2>Insights</h2></div>"
        f"<div class=\"view\">{top}<div class=\"view-cont\">{paragraphs}</div></div></body></html>"
    )


def test_a_headline_the_title_names_after_a_section_label_is_the_title() -> None:
    html = page(
        f"<title>Legal Update | {HEADLINE} | LEE &amp; PARTNERS</title>",
        f"<p class=\"category\">Legal Update</p><h3 class=\"view-title\">{HEADLINE}</h3>",
    )
    article = clean_document(html, "n.html")
    assert article.title == HEADLINE
    assert article.paragraphs == PARAGRAPHS


def test_a_heading_that_only_opens_a_title_part_is_not_named_by_it() -> None:
    html = page(
        f"<title>Legal Update | {HEADLINE} | LEE &amp; PARTNERS</title>",
        "<h3 class=\"view-title\">Vietnam tightens rules</h3>",
    )
    assert clean_document(html, "n.html").title != "Vietnam tightens rules"


def test_a_date_element_named_by_class_or_id_gives_the_date() -> None:
    for top, day in (
        ("<p class=\"date\">2026.03.09</p>", "2026-03-09"),
        ("<span id=\"story_date\">2026.03.10</span>", "2026-03-10"),
        ("<table><tr><td class=\"ngay_tin\">11/03/2026</td></tr></table>", "2026-03-11"),
    ):
        html = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>{top}")
        article = clean_document(html, "n.html")
        assert str(article.published_date) == day, top
        assert article.paragraphs == PARAGRAPHS


def test_a_date_named_element_holding_more_than_a_date_gives_none() -> None:
    html = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p class=\"date\">Updated weekly since 2019</p>")
    assert clean_document(html, "n.html").published_date is None


def test_a_midnight_stamp_in_the_markup_is_the_day_it_names() -> None:
    html = page(
        f"<title>{HEADLINE}</title><meta property=\"article:published_time\" content=\"2026-03-09T00:00:00+10:00\">",
        f"<h1>{HEADLINE}</h1>",
    )
    article = clean_document(html, "n.html")
    assert str(article.published_date) == "2026-03-09"
    assert article.published_at is None


def test_a_stamp_with_a_time_stays_an_instant_in_vietnam_time() -> None:
    html = page(
        f"<title>{HEADLINE}</title><meta property=\"article:published_time\" content=\"2026-03-09T01:30:00+10:00\">",
        f"<h1>{HEADLINE}</h1>",
    )
    article = clean_document(html, "n.html")
    assert str(article.published_date) == "2026-03-08"
    assert article.published_at is not None


def test_a_date_named_element_beside_a_link_is_a_teasers_and_gives_none() -> None:
    html = page(
        f"<title>{HEADLINE}</title>",
        f"<h1>{HEADLINE}</h1><div class=\"side\"><span class=\"date\">2026.03.01</span> <a href=\"/y\">Other story</a></div>",
    )
    assert clean_document(html, "n.html").published_date is None


def test_a_byline_written_for_a_service_gives_the_writer() -> None:
    html = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><span class=\"story_author\">By Le Minh Chau for VOA Korean</span>")
    assert clean_document(html, "n.html").byline == "Le Minh Chau"


def test_a_labelled_author_with_an_institution_gives_the_writer() -> None:
    html = page(
        f"<title>{HEADLINE}</title>",
        f"<h1>{HEADLINE}</h1><div class=\"author-line\">Author: <a href=\"/author/kim-eun-ji/\">Kim Eun-ji</a>, KIEP</div>",
    )
    assert clean_document(html, "n.html").byline == "Kim Eun-ji"


def test_a_plone_page_description_under_the_headline_is_the_deck_not_the_lead() -> None:
    deck = "Owners of the largest farms say the deadline leaves them too little time."
    html = page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p class=\"documentDescription\">{deck}</p>")
    article = clean_document(html, "n.html")
    assert article.paragraphs == PARAGRAPHS
