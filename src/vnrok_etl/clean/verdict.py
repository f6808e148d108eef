"""Not an article: pages that hold only other articles' teasers, a tag's list, or nothing.

A saved tag page or related-news box has the shape of an article (lines of text, even sentences)
but no article: loading it would give a record whose "body" is a list of other stories. These
forms are rejected with their reason (a rejection row), never loaded:

- a text that opens with a tag heading ("Tag: Korean investors", "Topics: ...");
- a text that opens with a related-news heading ("Related news", "Read more"), unless its first
  item is a whole article (a listing page that prints its latest story in full under "Latest
  News": at least MIN_ARTICLE_PROSE_LINES lines of prose before the next headline), or that is only
  teaser items ("<Section> <headline> <standfirst>" on each line), or only headlines each above a
  one-sentence standfirst (and maybe a date line), or only bylined items;
- a page whose only headline-like line is a tag (one or two words) above several one-sentence
  items on unrelated subjects: a tag's list of standfirsts.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.common import CleanError, ends_terminal
from vnrok_etl.clean.datelines import is_date_line
from vnrok_etl.clean.header_furniture import MAX_LABEL_WORDS
from vnrok_etl.clean.header_meta import DATE_MARKER
from vnrok_etl.clean.tail import RELATED_HEADING, TEASER_ITEM

TAG_HEADING = re.compile(r"^(?:tags?|topics?|keywords?)\s*:\s*\S", re.IGNORECASE)
MIN_TEASER_ITEMS = 2
# A tag page: a tag of at most this many words above at least MIN_TAG_ITEMS one-sentence items.
MAX_TAG_WORDS = 2
MIN_TAG_ITEMS = 3
INNER_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*\s+\S")
# "Banking On Green Bonds: Two Korean lenders have joined ...": a contents page's item.
TITLED_ITEM = re.compile(r"^(?:[A-Z]\w*:\s+)?(?:[A-Z][\w'’&-]*\s+){2,10}[A-Z][\w'’&-]*:\s+\S")
# "By Reporter Yoo Min-ji The Vietnamese Women's Association ...": a tag page's bylined item.
BYLINED_ITEM = re.compile(r"^By\s+\S")
BULLET_ITEM = re.compile(r"^[•·▪*-]\s+(?P<headline>.{10,200})$")
BULLET_MARKS = "•·▪*-"  # Speed: BULLET_ITEM's first character


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
    if RELATED_HEADING.match(first) and len(lines) > 1 and not _first_item_is_an_article(lines[1:]):
        raise CleanError("not an article: a teaser block (it opens with a related-news heading)")
    if len(lines) >= MIN_TEASER_ITEMS and all(TEASER_ITEM.match(line) for line in lines):
        raise CleanError("not an article: a teaser block (every line is a section, headline, standfirst)")
    if len(lines) >= MIN_TAG_ITEMS and all(BYLINED_ITEM.match(line) for line in lines):
        raise CleanError("not an article: a tag page (every item opens with its own byline)")
    if _repeated_bullet_items(lines):
        raise CleanError("not an article: a teaser block (listed headlines, each repeated above its teaser)")
    if _headline_standfirst_pairs(lines):
        raise CleanError("not an article: a tag page (headlines, each above its one-sentence standfirst)")


# Lines of prose (a sentence of at least MIN_PROSE_LINE_WORDS words) an item needs, before the next
# headline, to be an article rather than a teaser (a headline and a standfirst).
MIN_ARTICLE_PROSE_LINES = 3
MIN_PROSE_LINE_WORDS = 12


def _first_item_is_an_article(lines: list[str]) -> bool:
    """Under the heading, one headline and then at least MIN_ARTICLE_PROSE_LINES lines of prose
    before the next headline-like line (bullets, date lines and other short lines in between
    are the item's furniture): the first item is a whole article, not a teaser."""
    headlines = prose = 0
    for line in lines:
        if line[:1] in BULLET_MARKS or is_date_line(line):
            continue
        if ends_terminal(line):
            prose += len(line.split()) >= MIN_PROSE_LINE_WORDS
            if prose >= MIN_ARTICLE_PROSE_LINES:
                return headlines == 1
        else:
            headlines += 1
            if headlines > 1:
                return False
    return False


def _repeated_bullet_items(lines: list[str]) -> bool:
    """"• <headline>" then "<headline> SEOUL, November 20 (AJP) - ..." at least MIN_TEASER_ITEMS
    times, and such items are most of the page: a writer's or section's list of teasers."""
    items = 0
    for line, following in zip(lines, lines[1:]):
        bullet = BULLET_ITEM.match(line) if line[:1] in BULLET_MARKS else None
        if bullet and following.startswith(bullet.group("headline")):
            items += 1
    return items >= MIN_TEASER_ITEMS and items * 3 >= len(lines)


def _headline_standfirst_pairs(lines: list[str]) -> bool:
    """Every line is a headline (no closing punctuation), a one-sentence standfirst under one,
    a date line, a list bullet or a label; with at least MIN_TAG_ITEMS headlines that each have a
    standfirst. An article has paragraphs of more than one sentence, or a dateline, or quotes.
    A line without closing punctuation whose next line goes on in lower case is a hard-wrapped
    sentence ("... Shinhan Bank" / "plans to raise ..."), never a headline: the text is prose."""
    headlines = standfirsts = 0
    previous_headline = False
    for index, line in enumerate(lines):
        if is_date_line(line) or len(line.split()) <= MAX_LABEL_WORDS:
            continue
        if not ends_terminal(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following[:1].islower():
                return False
            headlines += 1
            previous_headline = True
            continue
        if not previous_headline or INNER_SENTENCE_END.search(line) or '"' in line or "“" in line:
            return False
        standfirsts += 1
        previous_headline = False
    return standfirsts >= MIN_TAG_ITEMS and headlines >= standfirsts


def reject_after_cleaning(title: str | None, paragraphs: list[str], dateline: str | None) -> None:
    """Raise CleanError when what is left is a tag above a list of one-sentence standfirsts, or
    a magazine's contents: every paragraph "<A Headline In Capitals>: <its standfirst>"."""
    if _all_titled_items(paragraphs):
        raise CleanError("not an article: a teaser block (every item is a headline, a colon, a standfirst)")
    if title is None or len(title.split()) > MAX_TAG_WORDS or dateline is not None:
        return
    if len(paragraphs) < MIN_TAG_ITEMS:
        return
    if all(not INNER_SENTENCE_END.search(paragraph) for paragraph in paragraphs):
        raise CleanError(f"not an article: a tag page ({title!r} above one-sentence standfirsts)")


def _all_titled_items(paragraphs: list[str]) -> bool:
    """At least MIN_TAG_ITEMS paragraphs of more than MAX_LABEL_WORDS words, all TITLED_ITEMs."""
    items = 0
    for paragraph in paragraphs:
        # Speed: split stops after MAX_LABEL_WORDS words; the first item that is not titled ends
        # the search (an article's first paragraph, nearly always).
        if len(paragraph.split(None, MAX_LABEL_WORDS)) > MAX_LABEL_WORDS:
            if not TITLED_ITEM.match(paragraph):
                return False
            items += 1
    return items >= MIN_TAG_ITEMS
