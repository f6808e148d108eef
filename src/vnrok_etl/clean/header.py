"""The header: the lines before the lead (date marker, byline, date line, title) and the dateline."""

from __future__ import annotations

import re

from vnrok_etl.clean.captions import IMAGE_FILENAME, caption_match
from vnrok_etl.clean.common import (
    AGENCY,
    KNOWN_PLACE_SPELLING,
    TERMINAL_PUNCTUATION,
    WHITESPACE,
    Draft,
    fold_key,
    replace_first_line,
)
from vnrok_etl.clean.lines import CHROME
from vnrok_etl.clean.tail import STANDALONE_AGENCY
from vnrok_etl.dates import parse_date

# Seeds 000, 003, 004: the text opens with " date 2025-08-08 " and the first paragraph follows on
# the same line.
DATE_MARKER = re.compile(r"^date:?[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?=[ \t]|$)")

# Seed 001: "by NDO 15/08/2025, 01:50", the date day-first in local time.
BYLINE_WITH_DATE = re.compile(
    r"^by\s+(?P<who>[^\d\n]{1,60}?)\s*[,|–—-]?\s*"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}(?:\s*[,|-]?\s*\d{1,2}:\d{2})?)\s*$",
    re.IGNORECASE,
)

# "By Minh Anh" alone on a header line: a byline without a date.
BYLINE_ONLY = re.compile(r"^by\s+(?P<who>[A-ZÀ-Ỹ][^\d.!?;:\n]{0,60})$")

# A header line that is only a date: "Updated: 15/08/2025 09:10", "Friday, August 15, 2025".
DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|date)\s*:?\s*)?"
    r"(?P<date>(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r"(?:\s*[,|-]?\s*\d{1,2}:\d{2}(?:\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2})?)?)\s*$",
    re.IGNORECASE,
)

# "by Lan Anh - NDO": the agency closing a byline is the source.
BYLINE_AGENCY = re.compile(rf"(?:^|[\s,/–—-])(?P<source>{AGENCY})$")

# Seeds 002, 003, 004: "HÀ NỘI — ", "Hanoi (VNA) - ", and relatives "Seoul (VNA) – ", "SEOUL — ",
# "Hanoi, August 12 (VNA) - ". The day in a dateline has no year and is never used as a date.
DATELINE = re.compile(
    rf"^(?P<place>[^\W\d_][^\W\d_'’.]*(?:[ '’.-]{{1,2}}[^\W\d_]+){{0,3}})"
    rf"(?:,\s*(?P<day>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}))?"
    rf"(?:\s*\((?P<agency>{AGENCY})\))?"
    rf"(?P<gap>\s*)(?P<dash>[—–]|--?)(?:[ \t]+|$)"
)

# A line that is only a dateline ("HÀ NỘI —") is not a title.
DATELINE_ONLY = re.compile(r"^[^\W\d_][\w .'’()/-]{0,40}[—–-]$")

MAX_TITLE_WORDS = 30

MAX_TITLE_CHARS = 250

MAX_HEADER_LINES = 5

DATELINE_SEARCH_PARAGRAPHS = 3


def take_front_matter(
    blocks: list[list[str]], draft: Draft, known_title: str | None
) -> list[list[str]]:
    """Header lines before the first paragraph, in any order: a date marker (seeds 000, 003, 004,
    followed by the first paragraph on the same line), a byline with its date (seed 001), a date
    line, and one title line (seeds 001, 002), or a repeat of the title the markup gave.
    """
    blocks = [list(block) for block in blocks]
    for _ in range(MAX_HEADER_LINES):
        if not blocks:
            break
        line = blocks[0][0]
        marker = DATE_MARKER.match(line)
        if marker:
            draft.found_date = draft.found_date or parse_date(marker.group("date"), "marker")
            draft.drop("date_marker", marker.group(0))
            rest = line[marker.end():].strip()
            replace_first_line(blocks, rest)
        elif known_title is not None and fold_key(line) == fold_key(known_title):
            draft.drop("title", line)
            replace_first_line(blocks, "")
        elif take_header_line(line, draft):
            replace_first_line(blocks, "")
        elif known_title is None and draft.title is None and is_title(blocks):
            draft.title = line
            draft.drop("title", line)
            replace_first_line(blocks, "")
        else:
            break
    return blocks


def take_header_line(line: str, draft: Draft) -> bool:
    byline = BYLINE_WITH_DATE.match(line)
    if byline:
        set_byline(byline.group("who"), draft)
        if draft.found_date is None:
            draft.found_date = parse_date(byline.group("date"), "byline")
        draft.drop("byline", line)
        return True
    byline_only = BYLINE_ONLY.match(line)
    if byline_only and len(byline_only.group("who").split()) <= 6:
        set_byline(byline_only.group("who"), draft)
        draft.drop("byline", line)
        return True
    date_line = DATE_LINE.match(line)
    if date_line:
        found = parse_date(date_line.group("date"), "text")
        if found is None:
            return False
        if draft.found_date is None:
            draft.found_date = found
        draft.drop("date_line", line)
        return True
    return False


def set_byline(who: str, draft: Draft) -> None:
    who = WHITESPACE.sub(" ", who).strip(" ,-–—|")
    draft.byline = who
    agency = BYLINE_AGENCY.search(who)
    if agency:
        draft.byline_source = agency.group("source")


def is_title(blocks: list[list[str]]) -> bool:
    """A first short one-line block without terminal punctuation, with text after it."""
    if len(blocks) < 2 or len(blocks[0]) != 1:
        return False
    line = blocks[0][0]
    return not (
        len(line) > MAX_TITLE_CHARS
        or len(line.split()) > MAX_TITLE_WORDS
        or TERMINAL_PUNCTUATION.search(line)
        or is_boilerplate_line(line)
        or DATELINE_ONLY.match(line)
    )


def is_boilerplate_line(line: str) -> bool:
    return bool(
        IMAGE_FILENAME.match(line)
        or caption_match(line)
        or CHROME.match(line)
        or STANDALONE_AGENCY.match(line)
    )


def take_dateline(paragraphs: list[str], draft: Draft) -> list[str]:
    """Strip the dateline from the first paragraph that opens with one (seed 002: the third)."""
    for index, paragraph in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        match = DATELINE.match(paragraph)
        if match is None or not is_dateline(match, paragraph[match.end():]):
            continue
        place = match.group("place")
        draft.dateline = KNOWN_PLACE_SPELLING.get(place.casefold()) or (
            place.title() if place.isupper() else place
        )
        draft.dateline_source = match.group("agency")
        draft.drop("dateline", match.group(0))
        rest = paragraph[match.end():].strip()
        return paragraphs[:index] + ([rest] if rest else []) + paragraphs[index + 1:]
    return paragraphs


def is_dateline(match: re.Match[str], rest: str) -> bool:
    """Only a place the way outlets print it: ALL CAPS, with an agency code, or a known city,
    followed by a capitalised sentence or by nothing (a dateline on its own line)."""
    first = rest.lstrip("\"“‘'(")[:1]
    if rest and not (first.isupper() or first.isdigit()):
        return False
    place = match.group("place")
    if match.group("agency"):
        return True
    if not match.group("gap"):  # "Seoul–Busan rail" is a compound, not a dateline
        return False
    if place.isupper() and len(place) >= 3:
        return True
    return match.group("dash") in "—–" and place.casefold() in KNOWN_PLACE_SPELLING
