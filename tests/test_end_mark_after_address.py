"""VNA's end mark "/." is not a web address closed by a full stop.

Written for these tests; the form is a technical document's line "... is at
http://host/path/." (an IETF draft page among mozilla/readability's tests lost everything after
such a line), in an HTML page and in plain text.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document

FIRST = (
    "The two ministries published the draft rules for the joint research fund on Monday and "
    "asked universities in both countries to send their comments within a month."
)
ADDRESS = "The full list of drafts is at http://example.org/drafts/current/."
LAST = (
    "Comments received after the deadline will be read for the second round, which opens in "
    "the spring, the ministries said."
)


def test_address_then_full_stop_in_a_page_does_not_end_the_article() -> None:
    html = (
        "<html><head><title>Research fund drafts</title></head><body><article>"
        f"<p>{FIRST}</p><p>{ADDRESS}</p><p>{LAST}</p></article></body></html>"
    )
    article = clean_document(html, "https://example.org/news/drafts.html")
    assert article.paragraphs == (FIRST, ADDRESS, LAST)


def test_address_then_full_stop_in_text_does_not_end_the_article() -> None:
    article = clean_document(f"Research fund drafts\n\n{FIRST}\n\n{ADDRESS}\n\n{LAST}", "drafts.txt")
    assert article.paragraphs == (FIRST, ADDRESS, LAST)


def test_the_mark_after_a_sentence_still_ends_it() -> None:
    article = clean_document(
        f"Research fund drafts\n\n{FIRST}\n\n{LAST}/.\n\nOther headlines of the day in one line",
        "drafts.txt",
    )
    assert article.paragraphs == (FIRST, LAST)
