"""The header: the lines before the lead, read as a block to parse, not as paragraphs.

Outlets print a varying stack of lines above the first paragraph; a saved page's text keeps them
all, one per line, often without blank lines between them and sometimes glued together. Each line
of that stack is one of a small number of kinds, recognised by its form, never by its outlet:

- a ` date YYYY-MM-DD` marker (the saving tool's), with the next line's text on the same line;
- page furniture: a masthead (the outlet's name alone), chrome ("Back To Top", "Link copied", a
  lone "X"), a line in another script (a Korean ad or language switch), a zone label ("Vietnam
  Time") that says in which zone the date line below it is printed;
- a section label or breadcrumb ("National", "1. Business", "Home / News / Politics", a
  "Trending a | b | c" strip, a run of menu words, "[Herald Interview]");
- a wire note ("ATTN: CHANGES headline") and a list of other headlines ("- Seoul shares end ...");
- a byline ("By X", "By X – Translated by Y", "By X / Outlet", "Posts X", "X 19:26, 2021/12/12",
  a Korean portal's "<name in Hangul> 2025. 4. 9. 16:42", an e-mail alone) and a date line ("Published : Sept 14, 2023 - 17:42  Updated : ...",
  "Sunday, November 27, 2022, 15:01 GMT+7", "Update: March, 10/2025 - 08:15", "Today, 09:14");
- an agency tag alone ("SGGP", "VOV.VN"): the source, never a place;
- a portal's machine summary: its notice ("자동요약 ...") and the English lines under it, up to the
  portal's next line of furniture: the article's own sentences, picked out and printed again;
- a photo caption in any form (with a credit tail, bracketed or not, alt text such as
  "<headline> ảnh 1<caption>", glued to the next sentence, a short caption sentence without a
  credit between the date line and the lead, or a scene caption, the present-tense sentence of
  what the photo shows, between the headline's lines and a lead that does not continue it);
- headline-like lines: short, without a sentence's closing punctuation. The headline is the first
  of them that is more than a label; those before it are labels, those after it subheadlines.

The first line that is none of these is the lead: the header ends there. Every header line leaves
the body (each logged with its rule); the headline becomes the title, the byline the byline, the
best date line the date (one that states a time of day beats the date-only marker), a bare agency
tag the source. The dateline that opens the lead ("City (VNA) –", "CITY —", "SEOUL, June 22
(Yonhap) --", a wire wrapper "VIETNAM, June 23 - " stacked above the real one) and a leading agency
tag ("VGP - ", "(VOVWORLD) - ") are taken from the first paragraphs by `lead.take_dateline`.

This module is the scan: which kind each line is, in what order, and what the header's lines
decide together. The kinds have their own modules: bylines and date lines (and the choice of the
best date) header_meta.py, furniture, labels and notes header_furniture.py, captions in the header
header_captions.py, the headline among the candidates headline.py; the byline forms are
bylines.py's, the outlet's zone for printed dates outlet_zone.py's, the forms of a date line
datelines.py's and of a caption captions.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnrok_etl.clean.bylines import BYLINE_WITH_DATE, is_name
from vnrok_etl.clean.common import (
    AGENCY_TAG,
    AGENCY_TAG_LINE,
    DOMAIN_SUFFIX,
    KNOWN_PLACE_SPELLING,
    Draft,
    ends_terminal,
    fold_key,
    replace_first_line,
)
from vnrok_etl.clean.datelines import is_date_line, is_date_words
from vnrok_etl.clean.header_captions import take_header_caption
from vnrok_etl.clean.header_furniture import (
    MAX_LABEL_WORDS,
    TODAY_WIDGET,
    WEATHER,
    WEATHER_STRIP_LINES,
    furniture_rule,
    is_caps_label,
    is_label,
    is_other_script_text,
    take_portal_summary,
)
from vnrok_etl.clean.header_meta import (
    DATE_MARKER,
    LEADING_BULLET,
    SECOND_DATE_LABEL,
    choose_date,
    is_bulleted_date,
    is_byline_line,
    names_date_label,
    take_byline_or_date,
)
from vnrok_etl.clean.headline import (
    choose_title,
    is_deck,
    is_title_like,
    split_glued_headline,
)
from vnrok_etl.clean.header_html import html_header_rule, lines_ahead
from vnrok_etl.clean.lead import WIRE_DATELINE, set_wire_dateline, take_agency_place_line
from vnrok_etl.clean.lines import TIME_STAMP_LINE, chrome_line, is_furniture, masthead_line
from vnrok_etl.clean.outlet_zone import OutletZone
from vnrok_etl.clean.tail import STANDALONE_AGENCY
from vnrok_etl.dates import FoundDate, parse_date
from vnrok_etl.profiles import PORTAL_SUMMARY_NOTICES

# "| ... |": a cell of a table a photo and its caption were laid out in.
TABLE_CELL = re.compile(r"^\|\s*(?P<cell>.*?)\s*\|?$")

# Longer header lines than this are the lead (or a caption glued to it): no label, byline or date.
MAX_HEADER_LINE_CHARS = 300

# What the header takes from an HTML block's first paragraphs: furniture no article begins with.
HTML_HEADER_RULES = frozenset(("breadcrumb", "chrome", "masthead"))

# A header is at most this many lines (Korea Herald's saved pages print a 27-line menu first).
MAX_HEADER_LINES = 60


@dataclass(slots=True)
class HeaderScan:
    """What the header scan has seen so far."""

    candidates: list[str]
    dates: list[FoundDate]
    published: list[FoundDate]  # dates under a "Published"/"Posted" label, also in `dates`
    zone: OutletZone
    after_date_line: bool = False
    html: bool = False
    dates_above_title: int = 0  # how many of `dates` were printed before any headline candidate
    weather_strip: int = 0  # lines left of a weather strip (place, today's date)
    last_rule: str = ""  # what the previous header line was
    wrapped_next: bool = False  # the next line is in the same block (no blank line between)
    next_text: str | None = None  # HTML: the next line that is not chrome (for a deck above it)
    title_key: str = ""  # HTML: the page's headline, folded (fold_key)
    ahead: tuple[str, ...] = ()  # HTML: the lines after this one (header_html.MAX_LEAD_LOOKAHEAD)


def take_front_matter(
    blocks: list[list[str]], draft: Draft, known_title: str | None, text: str = "", uri: str = ""
) -> list[list[str]]:
    """Parse the header lines off the front of `blocks` (see the module docstring)."""
    blocks = list(blocks)  # the inner lists are replaced, never changed (replace_first_line)
    header = HeaderScan(
        candidates=[], dates=[], published=[], zone=OutletZone(text, uri), html=known_title is not None
    )
    if known_title is not None:
        header.title_key = fold_key(known_title)
    for _ in range(MAX_HEADER_LINES):
        if not blocks:
            break
        line = blocks[0][0]
        following = _next_line(blocks)
        header.wrapped_next = len(blocks[0]) > 1
        if header.html:
            header.next_text = _next_text_line(blocks)
            header.ahead = lines_ahead(blocks)
        if known_title is not None and fold_key(line) == fold_key(known_title):
            draft.drop("title", line)
            replace_first_line(blocks, "")
            continue
        if line.startswith(PORTAL_SUMMARY_NOTICES) and take_portal_summary(blocks, draft):
            continue
        removed = len(draft.removed)
        candidates = len(header.candidates)
        dates = len(header.dates)
        rest = _take_header_line(line, following, draft, header)
        if not header.candidates and len(header.dates) > dates:
            header.dates_above_title = len(header.dates)
        if rest is None:
            break
        rule = (
            "candidate" if len(header.candidates) > candidates
            else draft.removed[-1].rule if len(draft.removed) > removed else ""
        )
        if rule == "date_line" and header.last_rule == "candidate" and header.candidates:
            short = header.candidates[-1]
            if is_label(short):  # "Honorary Reporters" above the page's date
                header.candidates.pop()
                draft.drop("section_label", short)
        header.last_rule = rule
        replace_first_line(blocks, rest)
    choose_title(header, draft)
    if draft.title is None and not header.html and blocks:
        split_glued_headline(blocks, draft)
    choose_date(header, draft)
    draft.zone = header.zone
    return blocks


MAX_CHROME_LOOKAHEAD = 4


def _next_text_line(blocks: list[list[str]]) -> str | None:
    """The line after the first one that is not a line of chrome ("Live feed", a time stamp),
    looking at most MAX_CHROME_LOOKAHEAD lines ahead."""
    lines = (line for block in blocks for line in block)
    next(lines, None)
    for _, line in zip(range(MAX_CHROME_LOOKAHEAD), lines):
        if not (chrome_line(line) or is_furniture(line) or (line[:1].isdigit() and TIME_STAMP_LINE.match(line))):
            return line
    return None


def _next_line(blocks: list[list[str]]) -> str | None:
    if len(blocks[0]) > 1:
        return blocks[0][1]
    return blocks[1][0] if len(blocks) > 1 else None


def _take_header_line(line: str, following: str | None, draft: Draft, header: HeaderScan) -> str | None:
    """Consume one header line: return what remains of it ("" for all), None if it is the lead."""
    framed = TABLE_CELL.match(line)
    if framed:  # "| caption / credit |": a saved table's cell; its content is read as a line
        cell = framed.group("cell")
        rest = _take_header_line(cell, following, draft, header) if cell else ""
        if rest is not None:
            draft.drop("table_frame", line.replace(framed.group("cell"), "").strip())
        return rest
    marker = DATE_MARKER.match(line)
    if marker:
        found = parse_date(marker.group("date"), "marker")
        if found is not None:
            header.dates.append(found)
        draft.drop("date_marker", marker.group(0))
        return line[marker.end():].strip()
    if len(line) > MAX_HEADER_LINE_CHARS:
        # Speed: a paragraph-length line is the lead, or a caption glued to it.
        return take_header_caption(line, following, draft, header) if not header.html else None
    glued = SECOND_DATE_LABEL.search(line) if names_date_label(line) else None
    if glued and glued.start() > 0:
        # Two header lines glued together: take the first, leave the second to be read next.
        first, second = line[: glued.start()].strip(), line[glued.end():].strip()
        if take_byline_or_date(first, draft, header):
            return second
    if header.weather_strip and not header.html:
        header.weather_strip -= 1
        if len(line.split()) <= MAX_LABEL_WORDS + 1 or is_date_words(line):
            draft.drop("weather_strip", line)  # the page's place and today's date, not a dateline
            return ""
    if not header.candidates and TODAY_WIDGET.match(line):
        draft.drop("page_date", line)
        return ""
    bullet = LEADING_BULLET.match(line) if following is not None else None
    if bullet and is_name(line[bullet.end():]) and is_bulleted_date(following):
        # "• Lee Jae-won" over "• 승인 2025.10.14 08:41": a CMS's article info list, the writer first.
        draft.byline = draft.byline or line[bullet.end():]
        draft.drop("byline", line)
        return ""
    if take_byline_or_date(line, draft, header):
        return ""
    stub = WIRE_DATELINE.match(line) if line[:2].isupper() else None
    if stub is not None and stub.end() == len(line):  # "SEOUL/HANOI, June 10" alone: the lead repeats it
        set_wire_dateline(stub, draft)
        return ""
    if header.html:
        # The markup chose the block; only unmistakable furniture above its first paragraph goes.
        if is_caps_label(line):
            draft.drop("section_label", line)  # "SEOUL-HANOI BRIEF": a name or label in capitals
            return ""
        rule = furniture_rule(line, following, header)
        if rule in HTML_HEADER_RULES and not (rule == "chrome" and is_other_script_text(line)):
            draft.drop(rule, line)
            return ""
        if is_deck(line, header.next_text):
            draft.drop("subheadline", line)
            return ""
        html_rule = html_header_rule(line, header)
        if html_rule is not None:
            draft.drop(html_rule, line)
            return ""
        return None
    if WEATHER.match(line):
        header.weather_strip = WEATHER_STRIP_LINES
        draft.drop("weather_strip", line)
        return ""
    if (
        header.candidates and following is not None and draft.byline is None
        and is_name(line) and is_date_line(following) and not masthead_line(line)
    ):
        # "<Headline>⏎<Dek>⏎Ha Thu Trang⏎December 2, 2025": a name alone over the date line,
        # under the headline, is the writer (a reader view's byline block), not a section's label.
        draft.byline = line
        draft.drop("byline", line)
        return ""
    rule = furniture_rule(line, following, header)
    if rule:
        if rule == "masthead" and header.candidates:
            draft.header_source = draft.header_source or line  # the outlet in the byline's place
        draft.drop(rule, line)
        return ""
    tagged = AGENCY_TAG_LINE.match(line)
    if tagged or STANDALONE_AGENCY.match(line):
        code = tagged.group("tag") if tagged else STANDALONE_AGENCY.match(line).group("source")
        draft.header_source = draft.header_source or DOMAIN_SUFFIX.sub("", code)
        draft.drop("agency_tag", line)
        return ""
    if header.candidates and following is not None and ends_terminal(line) and is_byline_line(following):
        # A standfirst between the headline and the byline: the page's deck (the lead comes
        # after the byline), as an HTML page's deck above its first paragraph.
        draft.drop("subheadline", line)
        return ""
    if take_agency_place_line(line, draft):  # "AFP, CAN THO, Vietnam" under the headline
        return ""
    if (
        following is not None and draft.dateline is None and line[:2].isupper() and line.isupper()
        and line.casefold() in KNOWN_PLACE_SPELLING
    ):
        # "ISTANBUL" alone on its line under the byline: a wire's dateline printed as a line of
        # its own (the desk's city, in capitals), the lead under it opening with no place.
        draft.dateline = KNOWN_PLACE_SPELLING[line.casefold()]
        draft.drop("dateline", line)
        return ""
    caption_rest = take_header_caption(line, following, draft, header)
    if caption_rest is not None:
        return caption_rest
    if is_title_like(line) and following is not None:
        if header.wrapped_next and following[:1].islower() and not BYLINE_WITH_DATE.match(following):
            return None  # a hard-wrapped paragraph's first line, not a headline
        if fold_key(line) in {fold_key(candidate) for candidate in header.candidates}:
            draft.drop("repeated_title", line)  # the headline printed again under the byline
            return ""
        header.candidates.append(line)
        return ""
    tag = AGENCY_TAG.match(line)
    if tag and not tag.group("tag")[:1].islower():
        rest = line[tag.end():]
        if take_byline_or_date(rest, draft, header):  # "VNE – By Thanh Hang  March 18, 2024 ..."
            draft.header_source = draft.header_source or DOMAIN_SUFFIX.sub("", tag.group("tag"))
            draft.drop("agency_tag", tag.group(0))
            return ""
    return None


