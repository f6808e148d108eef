"""Not an article: pages that hold only other articles' teasers, a tag's list, or nothing.

A saved tag page or related-news box has the shape of an article (lines of text, even sentences)
but no article: loading it would give a record whose "body" is a list of other stories. These
forms are rejected with their reason (a rejection row), never loaded:

- a text that opens with a tag heading ("Tag: Korean investors", "Topics: ...");
- a text that opens with a related-news heading ("Related news", "Read more") or that is only
  teaser items ("<Section> <headline> <standfirst>" on each line);
- a page whose only headline-like line is a tag (one or two words) above several one-sentence
  items on unrelated subjects: a tag's list of standfirsts.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.common import CleanError
from vnrok_etl.clean.header import DATE_MARKER
from vnrok_etl.clean.tail import RELATED_HEADING, TEASER_ITEM

TAG_HEADING = re.compile(r"^(?:tags?|topics?|keywords?)\s*:\s*\S", re.IGNORECASE)
MIN_TEASER_ITEMS = 2
# A tag page: a tag of at most this many words above at least MIN_TAG_ITEMS one-sentence items.
MAX_TAG_WORDS = 2
MIN_TAG_ITEMS = 3
INNER_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*\s+\S")


def reject_before_cleaning(blocks: list[list[str]]) -> None:
    """Raise CleanError when the text opens as a tag page or a teaser block."""
    lines = [line for block in blocks for line in block]
    if not lines:
        return
    first = lines[0]
    marker = DATE_MARKER.match(first)
    if marker:
        first = first[marker.end():].strip()
        lines = ([first] if first else []) + lines[1:]
        if not lines:
            return
        first = lines[0]
    if TAG_HEADING.match(first):
        raise CleanError("not an article: a tag page (it opens with its tag heading)")
    if RELATED_HEADING.match(first) and len(lines) > 1:
        raise CleanError("not an article: a teaser block (it opens with a related-news heading)")
    if len(lines) >= MIN_TEASER_ITEMS and all(TEASER_ITEM.match(line) for line in lines):
        raise CleanError("not an article: a teaser block (every line is a section, headline, standfirst)")


def reject_after_cleaning(title: str | None, paragraphs: list[str], dateline: str | None) -> None:
    """Raise CleanError when what is left is a tag above a list of one-sentence standfirsts."""
    if title is None or len(title.split()) > MAX_TAG_WORDS or dateline is not None:
        return
    if len(paragraphs) < MIN_TAG_ITEMS:
        return
    if all(not INNER_SENTENCE_END.search(paragraph) for paragraph in paragraphs):
        raise CleanError(f"not an article: a tag page ({title!r} above one-sentence standfirsts)")
