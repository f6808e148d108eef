"""The headline: which header line is the article's title, and its decks and tags.

The header scan (header.py) collects headline-like lines as candidates: short, without a
sentence's closing punctuation, not a dateline alone. Which of them is the title is decided once
the whole header is read, because the form of one line does not say it: the headline is the first
candidate that is more than a label and not a strip of topics; those before it are section labels,
those after it subheadlines (or the writer's name alone under it); a version or rubric tag
("(LEAD)", "[Herald Interview]") is cut off it. Two further forms: a headline glued into the lead
with no space ("...in VietnamSeveral South Korean firms ..."), and on an HTML page a deck in
sentence case above the block's first paragraph.

Separate from the scan because choosing among candidates is its own concern, with its own
limits (MAX_TITLE_WORDS, MAX_TITLE_CHARS) shared by the caption and deck rules that ask whether a
line reads like a headline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vnrok_etl.clean.bylines import NAME_LINE
from vnrok_etl.clean.common import Draft, ends_terminal, replace_first_line
from vnrok_etl.clean.datelines import is_date_line, is_date_words
from vnrok_etl.clean.header_furniture import MAX_LABEL_WORDS, MIN_LEAD_WORDS, is_label
from vnrok_etl.clean.lead import dateline_match, is_dateline
from vnrok_etl.clean.lines import TIME_STAMP_LINE
from vnrok_etl.dates import parse_date

if TYPE_CHECKING:
    from vnrok_etl.clean.header import HeaderScan

# "Korean textile firms shift to recycled fibre in VietnamSeveral South Korean ...": a headline
# glued to the lead with no space; the lead begins at the capital that follows a lower-case letter.
GLUED_HEADLINE = re.compile(r"^(?P<headline>(?:\S+\s+){3,29}?\S*?[a-z]{3,})(?=[A-Z][a-z]*\s)")
GLUE = re.compile(r"[a-z]{3}[A-Z]")  # a necessary condition for GLUED_HEADLINE

# Version and rubric tags before a headline: "(LEAD) ...", "(2nd LD) ...", "[Herald Interview] ...";
# and a rubric word in capitals and a colon ("FEATURE: ...", the Taipei Times' and many papers'
# kickers; "ANALYSIS: ", "INTERVIEW: ", "EDITORIAL: ") or a wire's rubric glued by a hyphen
# ("EXCLUSIVE-...", "UPDATE 2-...", "FACTBOX-..."): the page's label for the story's kind.
HEADLINE_TAG = re.compile(
    r"^(?:\((?:LEAD|\d+(?:st|nd|rd|th)\s+LD|URGENT|News Focus|Yonhap Interview|Interview|Feature|"
    r"Yonhap Feature|EDITORIAL|Photo|News Analysis)\)|\[[^\]\n]{2,40}\]"
    r"|(?-i:(?:FEATURE|ANALYSIS|NEWS ANALYSIS|INTERVIEW|EDITORIAL|OPINION|COMMENTARY|PROFILE|EXPLAINER"
    r"|EXCLUSIVE|FOCUS|FACTBOX|UPDATE(?: \d{1,2})?)(?::(?=\s)|-(?=[A-Z0-9\"“‘]))))\s*",
    re.IGNORECASE,
)

# A line that is only a dateline ("HÀ NỘI —") is not a title.
DATELINE_ONLY = re.compile(r"^[^\W\d_][\w .'’()/-]{0,40}[—–-]$")

MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250

# "...in a row.Hanoi-based": a word closed by a sentence mark inside a would-be headline.
INNER_SENTENCE_MARK = re.compile(r"[a-z]{2}[.!?]")
SENTENCE_END_ANYWHERE = re.compile(r"[.!?]['\"”’)]*(?:\s|$)")
# A run of capitalised words this long is a strip of topics, not a headline (`_is_topic_strip`).
MIN_STRIP_WORDS = 10


def is_deck(line: str, following: str | None) -> bool:
    """A page's deck opening its block: a headline-like line in sentence case (more words than a
    label, no closing punctuation) above a paragraph of prose. As in a saved text, a subheading
    under the headline is the page's, not the article's; a standfirst that is a sentence stays.
    A live blog's first post may follow it under its time stamp."""
    return (
        following is not None
        and len(line.split()) > MAX_LABEL_WORDS
        and is_title_like(line)
        and not is_label(line)
        and any(word[:1].islower() for word in line.split())
        and (ends_terminal(following) or bool(TIME_STAMP_LINE.match(following)) or is_date_line(following))
    )


def is_title_like(line: str) -> bool:
    return not (
        len(line) > MAX_TITLE_CHARS
        or len(line.split()) > MAX_TITLE_WORDS
        or ends_terminal(line)
        or DATELINE_ONLY.match(line)
        or _opens_with_dateline(line)
    )


def _opens_with_dateline(line: str) -> bool:
    match = dateline_match(line)
    return match is not None and is_dateline(match, line[match.end():])


# "Hanoi, Gyeonggi to share know-how (14:05 04/12/2026)": a portal prints the publication time in
# brackets after the headline, on its line; the bracket is the date, not the headline's.
BRACKETED_DATE_TAIL = re.compile(r"\s*\((?P<date>[^()]{6,40})\)$")


def _take_bracketed_date(title: str, draft: Draft) -> str:
    """The headline without a bracketed date closing it (BRACKETED_DATE_TAIL, only date words in
    it); the date is the article's when no other was found."""
    tail = BRACKETED_DATE_TAIL.search(title) if title.endswith(")") else None
    if tail is None or not is_date_words(tail.group("date")):
        return title
    found = parse_date(tail.group("date"), "text", draft.zone.get() if draft.zone is not None else None)
    if found is None:
        return title
    draft.found_date = draft.found_date or found
    draft.drop("date_line", tail.group(0).strip())
    return title[: tail.start()]


def choose_title(header: HeaderScan, draft: Draft) -> None:
    """The headline is the first candidate longer than a label; the others are labels or decks."""
    candidates = header.candidates
    if not candidates:
        return
    longer = [index for index, line in enumerate(candidates) if len(line.split()) > MAX_LABEL_WORDS]
    headlines = [
        index for index in longer if not _is_topic_strip(candidates[index]) and not _is_ticker(candidates[index])
    ]
    chosen = (headlines or longer or [0])[0]
    for index, line in enumerate(candidates):
        if index == chosen:
            tag = HEADLINE_TAG.match(line)
            title = _take_bracketed_date(line[tag.end():].strip() if tag else line, draft)
            if tag:
                draft.drop("headline_tag", tag.group(0))
            if draft.title is None and title:
                draft.title = title
                draft.drop("title", title)
            elif title:
                draft.drop("title", title)
        elif index > chosen and draft.byline is None and NAME_LINE.match(line):
            draft.byline = line  # "Mai Anh" alone under the headline
            draft.drop("byline", line)
        else:
            draft.drop("section_label" if index < chosen else "subheadline", line)


# "Hot News Recruitment: Analyst | Brokerage-HCM|2|11/18/2026": a ticker's items joined by pipes,
# each with its fields and date; a headline holds neither a numeric date nor a run of pipes.
NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
MIN_TICKER_PIPES = 3


def _is_ticker(line: str) -> bool:
    """A news or jobs ticker's strip above the headline: several pipes, or a pipe and a numeric
    date (NUMERIC_DATE); a headline says what happened in words."""
    if "|" not in line:
        return False
    return line.count("|") >= MIN_TICKER_PIPES or NUMERIC_DATE.search(line) is not None


def _is_topic_strip(line: str) -> bool:
    """A strip of trending topics run together ("Hanoi Autumn Festival 2024 Red River Urban Axis
    Hanoi Metro Line 3"): many words, nearly all capitalised or numbers. A headline has lower-case
    words (sentence case), or is short."""
    words = line.split()
    if len(words) < MIN_STRIP_WORDS:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised >= len(words) - 1


def split_glued_headline(blocks: list[list[str]], draft: Draft) -> None:
    """A headline glued into the lead ("...in VietnamSeveral South Korean firms ..."): split it
    off when the part before the glue is headline-like and the lead goes on as a sentence."""
    line = blocks[0][0]
    # Speed: GLUED_HEADLINE's lazy words backtrack over the first thirty words of every lead;
    # the glue it looks for ("...in VietnamSeveral") is found first by one forward scan.
    if not GLUE.search(line):
        return
    match = GLUED_HEADLINE.match(line)
    if match is None:
        return
    headline = match.group("headline")
    rest = line[match.end():]
    if (
        not is_title_like(headline)
        or INNER_SENTENCE_MARK.search(headline)
        or len(rest.split()) < MIN_LEAD_WORDS
        or not SENTENCE_END_ANYWHERE.search(rest)
    ):
        return
    draft.title = headline
    draft.drop("title", headline)
    replace_first_line(blocks, rest)


