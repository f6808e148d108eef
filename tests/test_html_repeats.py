"""Repeats on HTML pages: what the markup says recurs on purpose is never a repeated paragraph.

Pages written for these tests; each reproduces a form met on real pages: a table of contents
above the headings it lists, sections that each open with the same notice, a paragraph printed
twice in a row, a price list whose rows recur, a tutorial that runs one command twice, and the
pasted copy among the text (seed 001's form) that still goes.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document
from vnrok_etl.records import Article

LEAD = (
    "Korean volunteers from a Busan university spent two weeks building a reading room for a "
    "primary school in Lao Cai province, the provincial education department said on Monday."
)
SECOND = (
    "The reading room holds about 3,000 books in Vietnamese, Korean and English, most of them "
    "donated by families in Busan, and it will open to pupils every afternoon."
)
THIRD = "The volunteers also taught English and Korean songs to the pupils during their stay."
FOURTH = "The school plans to add a computer corner next year with support from the same university."


def page(body: str) -> Article:
    html = (
        "<!doctype html><html><head><title>Volunteers build a reading room</title></head><body>"
        f"<article><h1>Volunteers build a reading room</h1>{body}</article></body></html>"
    )
    return clean_document(html, "https://example.org/news/reading-room.html")


def repeats(article: Article) -> list[str]:
    return [span.text for span in article.removed if span.rule == "repeated_paragraph"]


def test_pasted_copy_among_the_text_still_goes() -> None:
    article = page(f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p><p>{SECOND}</p><p>{FOURTH}</p>")
    assert article.paragraphs == (LEAD, SECOND, THIRD, FOURTH)
    assert repeats(article) == [SECOND]


def test_shorter_copy_among_the_text_goes_for_the_fuller() -> None:
    article = page(f"<p>{LEAD}</p><p>{THIRD}</p><p>{FOURTH}</p><p>{THIRD} {SECOND}</p>")
    assert article.paragraphs == (LEAD, FOURTH, f"{THIRD} {SECOND}")


def test_copies_in_a_row_are_kept() -> None:
    article = page(f"<p>{LEAD}</p><p>{SECOND}</p><p>{SECOND}</p><p>{SECOND}</p><p>{THIRD}</p>")
    assert article.paragraphs == (LEAD, SECOND, SECOND, SECOND, THIRD)
    assert repeats(article) == []


def test_sections_opening_with_the_same_paragraph_keep_it() -> None:
    notice = "Registration closes on Friday and each pupil may borrow two books a week."
    article = page(
        f"<p>{LEAD}</p><h2>Morning classes</h2><p>{notice}</p><p>{SECOND}</p>"
        f"<h2>Afternoon classes</h2><p>{notice}</p><p>{THIRD}</p>"
    )
    assert article.body.count(notice) == 2
    assert repeats(article) == []


def test_headings_listed_in_a_contents_box_are_kept() -> None:
    article = page(
        f"<p>{LEAD}</p><ul><li>Building the room</li><li>Teaching the pupils</li></ul>"
        f"<h2>Building the room</h2><p>{SECOND}</p><h2>Teaching the pupils</h2><p>{THIRD}</p>"
    )
    assert article.body.count("Building the room") == 2
    assert article.body.count("Teaching the pupils") == 2
    assert repeats(article) == []


def test_recurring_table_rows_and_list_items_are_kept() -> None:
    article = page(
        f"<p>{LEAD}</p><table><tr><th>Week</th><th>Books</th></tr><tr><td>Total</td><td>1,500</td></tr>"
        f"<tr><td>Total</td><td>1,500</td></tr></table><p>{SECOND}</p>"
        f"<ul><li>Opens every afternoon</li><li>Free for pupils</li></ul><p>{THIRD}</p>"
        f"<ul><li>Opens every afternoon</li></ul><p>{FOURTH}</p>"
    )
    assert article.body.count("Total | 1,500") == 2
    assert article.body.count("Opens every afternoon") == 2
    assert repeats(article) == []


def test_a_command_run_twice_in_a_tutorial_is_kept() -> None:
    article = page(
        f"<p>{LEAD}</p><pre>$ library-sync --all</pre><p>{SECOND}</p>"
        f"<pre>$ library-sync --all</pre><p>{THIRD}</p>"
    )
    assert article.body.count("$ library-sync --all") == 2
    assert repeats(article) == []


def test_copies_in_blocks_apart_by_a_heading_left_out_of_the_text_are_kept() -> None:
    # The generic extractor reads the two <div>s and leaves out the <h2> between them: the
    # heading still makes them two sections.
    notice = "Each pupil may borrow two books a week and keep them for a fortnight at most."
    article = page(
        f"<div><p>{LEAD}</p><p>{SECOND}</p><p>{notice}</p></div>"
        "<h2>Afternoon classes</h2><div><p>In the afternoons, pupils from three villages, some of them "
        "walking for an hour, come to read, draw and, on Fridays, watch a film together.</p>"
        "<p>Teachers say that, since the room opened, pupils borrow more books, read aloud more "
        "often and, in their own words, like Mondays better.</p>"
        f"<p>{notice}</p></div>"
    )
    assert article.body.count(notice) == 2
    assert repeats(article) == []
