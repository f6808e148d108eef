"""Items typed with a bullet at the end of an HTML article are its own text.

Written for these tests; the form is a release note (a blog post among mozilla/readability's
test pages) that closes with lines typed as "* change" inside one paragraph, and the same with
"- " in a list of its own. A saved text's closing list of headlines still goes.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document

LEAD = (
    "The city's library app gets its largest update this week, with a reading room map and "
    "a new way to renew loans from a phone, the library said on Tuesday."
)


def page(body: str) -> str:
    return (
        "<html><head><title>Library app update</title></head><body><article>"
        f"<h1>Library app update</h1><p>{LEAD}</p>{body}</article></body></html>"
    )


def test_bullet_lines_closing_a_paragraph_stay() -> None:
    article = clean_document(
        page("<p>Other changes:<br>* Faster search in the catalogue<br>* Larger print on the loan page</p>"),
        "https://example.org/blog/update.html",
    )
    assert "* Faster search in the catalogue" in article.body
    assert article.body.endswith("* Larger print on the loan page")


def test_dash_items_closing_the_article_stay() -> None:
    article = clean_document(
        page("<p>Also new in this release:</p><p>- A dark theme for evening reading</p><p>- Reminders before a loan is due</p>"),
        "https://example.org/blog/update.html",
    )
    assert article.body.endswith("- A dark theme for evening reading\n\n- Reminders before a loan is due")


def test_closing_headline_list_of_a_saved_text_still_goes() -> None:
    article = clean_document(
        f"Library app update\n\n{LEAD}\n\n- Five libraries to visit this winter\n\n- A guide to the city archive",
        "update.txt",
    )
    assert article.paragraphs == (LEAD,)
