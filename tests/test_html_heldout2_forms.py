"""HTML forms first met in the second held-out set (tests/heldout2), each tested on a page of the
same form written in our own words: a generic page's printed date and byline, an agency named in
the byline element, a dateline paragraph of its own, British dates."""

from __future__ import annotations

from vnrok_etl.clean import clean_document
from vnrok_etl.dates import parse_date

PARAGRAPHS = (
    "A cooperative of florists in Daegu has begun shipping cut roses to a wholesale market in "
    "Da Lat, betting that Vietnamese buyers will pay more for long-stemmed Korean varieties.",
    "The first cargo of 2,000 stems left Incheon last week, and the cooperative plans two "
    "shipments a month through the spring wedding season, its chairman told reporters.",
    "Growers in Da Lat said the roses would not compete with their own, which sell for less "
    "and are grown for the domestic market rather than for weddings in the capital.",
)


def page(header: str, before: str = "") -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><title>Roses for Da Lat</title></head><body>"
        f"<article><header><h1>Daegu florists send roses to Da Lat</h1>{header}</header>"
        f"<div class=\"story\">{before}{body}</div></article></body></html>"
    )


def test_a_printed_date_under_a_published_label_is_the_date() -> None:
    html = page('<div class="meta"><span class="upd">Updated Wed 4 Mar 2026 10.02 GMT</span>'
                '<span class="pub-first">First published on Tue 3 Mar 2026 18.30 GMT</span></div>')
    html = html.replace("pub-first", "first-published")
    article = clean_document(html, "roses.html")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2026-03-03T18:30:00+00:00"


def test_the_articles_time_without_datetime_attribute_is_the_date() -> None:
    article = clean_document(page("<time>March 02, 2026 09:15 AM</time>"), "roses.html")
    assert article.published_date.isoformat() == "2026-03-02"


def test_a_date_element_holding_more_than_a_date_is_not_read() -> None:
    article = clean_document(page('<div class="date-box">Roses and tulips, March 2026 special</div>'), "roses.html")
    assert article.published_date is None


def test_a_printed_by_name_in_an_author_element_is_the_byline() -> None:
    article = clean_document(page('<div class="post-author">By <a href="/a/le">Le Thu Ha</a></div>'), "roses.html")
    assert article.byline == "Le Thu Ha"
    assert all("Le Thu Ha" not in paragraph for paragraph in article.paragraphs)


def test_an_agency_in_the_byline_element_is_the_source() -> None:
    article = clean_document(page('<div class="byline">Associated Press</div>'), "roses.html")
    assert article.byline is None
    assert article.source == "AP"


def test_a_dateline_paragraph_of_its_own_is_the_dateline() -> None:
    article = clean_document(page("", before="<p>SEOUL, South Korea</p>"), "roses.html")
    assert article.dateline == "Seoul"
    assert article.paragraphs[0] == PARAGRAPHS[0]


def test_british_dotted_times_and_zone_names() -> None:
    found = parse_date("Sun 1 Mar 2026 23.45 BST", "text")
    assert found.published_at.isoformat() == "2026-03-01T23:45:00+00:00"
    assert parse_date("Sun 1 Mar 2026 23.45 GMT", "text").published_at.isoformat() == "2026-03-01T23:45:00+00:00"


def test_a_pool_photo_credit_via_an_agency_closes_a_caption() -> None:
    caption = "Florists pack roses at a farm in Daegu, Monday, March 2, 2026. Pool Photo via Yonhap Kim Ji-ho"
    text = f"Daegu florists send roses to Da Lat\n\n{PARAGRAPHS[0]}\n\n{caption}\n\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n"
    article = clean_document(text, "t.txt")
    assert caption in article.captions
    assert article.paragraphs == PARAGRAPHS


def deck_page(deck: str, stamp: str = "") -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><title>Roses for Da Lat</title></head><body><main>"
        "<h1>Daegu florists send roses to Da Lat</h1>"
        f"<div class=\"standfirst\"><p>{deck}</p></div>{stamp}<div class=\"story\">{body}</div></main></body></html>"
    )


def test_a_deck_without_closing_punctuation_is_not_body() -> None:
    deck = "Korean growers look for buyers among Vietnam's wedding planners and hotels"
    article = clean_document(deck_page(deck), "roses.html")
    assert article.paragraphs[0] == PARAGRAPHS[0]


def test_a_standfirst_sentence_stays_in_the_body() -> None:
    deck = "Korean growers are looking for buyers among Vietnam's wedding planners and hotels."
    article = clean_document(deck_page(deck), "roses.html")
    assert article.paragraphs[0] == deck


def test_live_blog_time_stamps_and_age_notes_are_chrome() -> None:
    deck = "Korean growers look for buyers among Vietnam's wedding planners and hotels"
    html = deck_page(deck, stamp="<p>This article is more than 2 years old</p><p>10.45am GMT</p>")
    article = clean_document(html, "roses.html")
    assert article.paragraphs == PARAGRAPHS


def test_a_time_stamp_line_in_a_saved_text_is_chrome() -> None:
    text = f"Daegu florists send roses to Da Lat\n\n{PARAGRAPHS[0]}\n\n14:05\n\n{PARAGRAPHS[1]}\n\n2.20 pm GMT+7\n\n{PARAGRAPHS[2]}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs == PARAGRAPHS
