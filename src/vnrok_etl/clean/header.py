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
decide together (the headline among the candidates, the best date). The byline forms are
bylines.py's, the outlet's zone for printed dates is outlet_zone.py's, the forms of a date line
datelines.py's and of a caption captions.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnrok_etl.clean.captions import (
    IMAGE_FILENAME,
    caption_match,
    continues,
    credit_caption,
    portrait_caption,
    position_caption,
    scene_caption,
    split_alt_text,
    split_glued_caption,
    stock_caption,
)
from vnrok_etl.clean.bylines import (
    BYLINE_THEN_DATE,
    BYLINE_WITH_DATE,
    DATED_BYLINES,
    HANGUL_BYLINE_DATE,
    HANGUL_FIRST,
    NAME,
    NAME_LINE,
    REPORTER_TITLE,
    is_name,
    set_byline,
    take_byline,
)
from vnrok_etl.clean.common import (
    AGENCY_SET,
    AGENCY_TAG,
    KNOWN_PLACE_SPELLING,
    AGENCY_TAG_LINE,
    DOMAIN_SUFFIX,
    EMAIL_LINE,
    Draft,
    alternation,
    count_words,
    ends_terminal,
    fold_key,
    replace_first_line,
)
from vnrok_etl.clean.datelines import DATE_LINE, MONTHS, WEEKDAYS, is_date_line, is_date_words
from vnrok_etl.clean.lead import DATELINE, WIRE_DATELINE, is_dateline, set_wire_dateline
from vnrok_etl.clean.lines import TIME_STAMP_LINE, chrome_line, is_furniture, masthead_line
from vnrok_etl.clean.outlet_zone import ZONE_LABELS, OutletZone
from vnrok_etl.clean.tail import STANDALONE_AGENCY
from vnrok_etl.dates import SEOUL_TZ, FoundDate, parse_date
from vnrok_etl.profiles import AGENCY_NAMES, PORTAL_SUMMARY_NOTICES, SECTION_WORDS

# Seeds 000, 003, 004: the text opens with " date 2025-08-08 " and the first paragraph follows on
# the same line.
DATE_MARKER = re.compile(r"^date:?[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?=[ \t]|$)")
# "ID : 91273", "Auther :": a labelled field of the page with a short value or none.
FIELD_LINE = re.compile(r"^[A-Z][A-Za-z]{1,12}\s?:\s*\S{0,12}$")
# "(EDITORIAL from the Korea Times on Nov. 14)": a note in brackets standing alone above the text.
BRACKETED_NOTE = re.compile(r"^\([^()]{3,120}\)$")
# "Korean textile firms shift to recycled fibre in VietnamSeveral South Korean ...": a headline
# glued to the lead with no space; the lead begins at the capital that follows a lower-case letter.
GLUED_HEADLINE = re.compile(r"^(?P<headline>(?:\S+\s+){3,29}?\S*?[a-z]{3,})(?=[A-Z][a-z]*\s)")
GLUE = re.compile(r"[a-z]{3}[A-Z]")  # a necessary condition for GLUED_HEADLINE
# "31.2 C": a weather reading; the place and the date after it are the page's, not the article's.
WEATHER = re.compile(r"^-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]$")
WEATHER_STRIP_LINES = 2
# "  • 승인 2024.09.03 10:12": a list bullet before a header line.
LEADING_BULLET = re.compile(r"^[•·▪]\s*")
# "... 17:42       Updated : Sept 14, 2023 - 17:42", "...15:33:39Updated: ...": a second label
# splits one line into two date lines; so does a label glued to a byline ("By X" + "Published").
SECOND_DATE_LABEL = re.compile(r"(?<=\S)\s*(?=(?:last\s+)?(?:updated?|published|posted|modified)(?:\s+on)?\s*:)", re.I)
# Yonhap's wire notes: "ATTN: UPDATES with ...; CHANGES headline", also in brackets.
# "Viet Nam News menu", "The Korea Times close": a saved menu bar prints the outlet's name with
# the label of the button beside it; the line is page furniture, never a headline.
MENU_CONTROL = re.compile(r"^(?P<name>.+?)\s+(?i:close|menu|open|search|toggle navigation)$")
# "By Nov 14, 2025 (Gmt+09:00)": a template that prints the byline's word and the date but left
# the writer's name empty; the line is a date line, and names no one.
EMPTY_BYLINE = re.compile(r"^(?i:by)\s+(?P<date>\S.*)$")
# "(Gmt+09:00)" after a date with no time of day: the offset says nothing about the day, and read
# with the date as midnight in that zone it would move the day back (`_date_text`).
BARE_ZONE = re.compile(r"\s*\(?\s*(?i:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?\s*$")
TIME_OF_DAY = re.compile(r"\d:\d\d")
# "Ngọc Lan |", "Minh Chau | 20/02/2025": a name, then the separator of the byline's next field
# (the date, printed or left empty).
NAME_THEN_BAR = re.compile(rf"^(?P<who>{NAME})\s*\|\s*(?P<date>[^|]*)$")
# "Posted : 2025-09-15 17:40", "Published: ...": the date the outlet says it published; it wins
# over an unlabelled date line, which on a saved page may be the day it was saved ("Wed,
# September 17, 2025 | 09:12" in the page's top bar).
# A meta line's segments: "Source: Xinhua| 2025-11-20 21:14:30|Editor: Wang Lin", "Seoul ● Tue, ...".
META_SEGMENT_SEPARATOR = re.compile(r"\s*[|●]\s*")
MAX_META_SEGMENTS = 5
# "Archive for December 2nd, 2025|Daily archive page", "Monthly Archives: March 2025": a blog's
# archive page heading above the posts it lists.
ARCHIVE_HEADING = re.compile(
    r"^(?:(?:daily|monthly|yearly)\s+)?archives?(?:\s+(?:for|of))?\s*:?\s*(?P<date>[^|]{3,40}?)\s*(?:\|.{0,40})?$",
    re.IGNORECASE,
)
CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9&'’-]*[A-Z](?:\s+[A-Z0-9&'’-]+){0,3}$")
MAX_CAPS_LABEL_CHARS = 40
MAX_BYLINE_LINE_CHARS = 120
META_SEGMENT_LABEL = re.compile(
    r"^(?:(?P<field>source|editor|editors|photo|category|section|filed under|posted in|tags?)\s*:\s*(?P<value>.{1,40})"
    r"|issue\s*(?:no\.?\s*)?#?\s*\d{1,5}|vol(?:ume)?\.?\s*\d{1,4}"
    r"|(?:(?:posted|written|published)\s+)?by\s+(?P<by>.{2,40}))$",
    re.IGNORECASE,
)
# "In Uncategorized on December 2, 2025 at 4:15 pm", "Posted on May 3, 2024 by Jane Doe": a blog
# theme's post meta line (WordPress prints the category, the date, the time and the author).
WORDPRESS_POSTED = re.compile(
    r"^(?:(?:posted|published|filed)\s+)?(?:(?:in|under)\s+[\w ,&'’-]{1,40}?\s+)?on\s+(?P<date>[^|]{6,40}?)"
    r"(?:,?\s+at\s+(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?))?(?:\s+by\s+(?P<who>[^|]{2,40}))?$",
    re.IGNORECASE,
)
PUBLISHED_LABEL = re.compile(r"^(?:published|posted)\b", re.IGNORECASE)
WIRE_NOTE = re.compile(r"^\(?ATTN\s*:.*$", re.IGNORECASE)
# Version and rubric tags before a headline: "(LEAD) ...", "(2nd LD) ...", "[Herald Interview] ...".
HEADLINE_TAG = re.compile(
    r"^(?:\((?:LEAD|\d+(?:st|nd|rd|th)\s+LD|URGENT|News Focus|Yonhap Interview|Interview|Feature|"
    r"Yonhap Feature|EDITORIAL|Photo|News Analysis)\)|\[[^\]\n]{2,40}\])\s*",
    re.IGNORECASE,
)
# "- Seoul shares end higher on chip rally": another article's headline in a list above the text.
HEADLINE_LIST_ITEM = re.compile(r"^[-•·*▪►]\s+\S")
# "Home / News / Politics", "Trending  Tet holiday  |  Korean Wave  |  Metro Line 1".
BREADCRUMB_SEPARATOR = re.compile(r"\s+(?:/|>|»|›|\|)\s+")
MAX_BREADCRUMB_PART_WORDS = 4
SLASH_SEPARATOR = re.compile(r"\s+/\s+")
# "WORDS ON THE STREET Hanoi Metro Line 3 Smart City Summit ...", "HOT TOPICS Tet 2026 ...": a
# strip of topics under a label in capitals (three words or more), no sentence punctuation: page
# furniture. A headline in capitals is capitals throughout; a dateline ("HCM CITY —") has a dash.
LABELLED_STRIP = re.compile(r"^(?:[A-Z][A-Z'’&]+\s+){2,}[A-Z][A-Z'’&]+\s+(?=[A-Z0-9][a-z0-9])[^.!?;:—–]*$")
# "Vietnam.vn - Nền tảng quảng bá Việt Nam", "example.com | News for expats": the site's domain
# and its slogan, the masthead of an aggregator's page.
DOMAIN_SLOGAN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|kr|asia|news)\s+[-–—|]\s+\S")
# "Báo Thanh NiênBáo Thanh Niên08/07/2025": the source paper's name printed twice (its logo's
# text and its link) glued to the day-first date it published: a date line.
DOUBLED_NAME_DATE = re.compile(r"^(?P<name>\S.{2,40}?)(?P=name)\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})$")
# "Wednesday, March 12 2025", "Friday , October 17 2025": a theme's today widget, the weekday
# and a date with no comma before the year and no time, above the headline. It is the day the
# page was saved, not the day it was published (as a weather strip's date): dropped, never a date.
TODAY_WIDGET = re.compile(
    rf"^(?i:{WEEKDAYS})\s?,\s+(?i:{MONTHS})\.?\s+\d{{1,2}}\s+\d{{4}}$"
)
# "1. Business", "  1. Culture/art": a numbered section label.
NUMBERED_LABEL = re.compile(r"^\d{1,2}\.\s+\S+(?:\s+\S+){0,2}$")
SECTION_LABEL = re.compile(rf"^(?:{alternation(SECTION_WORDS)})$", re.IGNORECASE)
# "| ... |": a cell of a table a photo and its caption were laid out in.
TABLE_CELL = re.compile(r"^\|\s*(?P<cell>.*?)\s*\|?$")
# A line with no Latin letter at all (Korean, Chinese): an ad, a language switch.
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ỹ]")
# A sentence in a script without Latin letters (Chinese, Japanese): letters, closed by a sentence
# mark; or a line as long as a lead. On an HTML page it is the block's text, not furniture
# (issue 16: Chinese news pages lost their whole body as "chrome" lines without a Latin letter).
OTHER_SCRIPT_SENTENCE = re.compile(r"^(?=.*[^\W\d_]{4}).*[。！？.!?]['\"”’」』)）]*$")
# A line that is only a dateline ("HÀ NỘI —") is not a title.
DATELINE_ONLY = re.compile(r"^[^\W\d_][\w .'’()/-]{0,40}[—–-]$")
SENTENCE_INSIDE = re.compile(r"[.!?…]['\"”’)\]]*\s+[A-Z\"“]")

MAX_TITLE_WORDS = 30
# Longer header lines than this are the lead (or a caption glued to it): no label, byline or date.
MAX_HEADER_LINE_CHARS = 300
MAX_TITLE_CHARS = 250
MAX_LABEL_WORDS = 3
# What the header takes from an HTML block's first paragraphs: furniture no article begins with.
HTML_HEADER_RULES = frozenset(("breadcrumb", "chrome", "masthead"))
MIN_LEAD_WORDS = 12
# "...in a row.Hanoi-based": a word closed by a sentence mark inside a would-be headline.
INNER_SENTENCE_MARK = re.compile(r"[a-z]{2}[.!?]")
SENTENCE_END_ANYWHERE = re.compile(r"[.!?]['\"”’)]*(?:\s|$)")
MIN_STRIP_WORDS = 10
# A header is at most this many lines (Korea Herald's saved pages print a 27-line menu first).
MAX_HEADER_LINES = 60
# A portal's machine summary is a few sentences (Daum prints three).
MAX_SUMMARY_LINES = 5
# A caption sentence printed without a credit between the date line and the lead is short.
MAX_UNCREDITED_CAPTION_WORDS = 16




@dataclass(slots=True)
class _Header:
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


def take_front_matter(
    blocks: list[list[str]], draft: Draft, known_title: str | None, text: str = "", uri: str = ""
) -> list[list[str]]:
    """Parse the header lines off the front of `blocks` (see the module docstring)."""
    blocks = list(blocks)  # the inner lists are replaced, never changed (replace_first_line)
    header = _Header(
        candidates=[], dates=[], published=[], zone=OutletZone(text, uri), html=known_title is not None
    )
    for _ in range(MAX_HEADER_LINES):
        if not blocks:
            break
        line = blocks[0][0]
        following = _next_line(blocks)
        header.wrapped_next = len(blocks[0]) > 1
        if header.html:
            header.next_text = _next_text_line(blocks)
        if known_title is not None and fold_key(line) == fold_key(known_title):
            draft.drop("title", line)
            replace_first_line(blocks, "")
            continue
        if line.startswith(PORTAL_SUMMARY_NOTICES) and _take_summary(blocks, draft):
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
            if _is_label(short):  # "Honorary Reporters" above the page's date
                header.candidates.pop()
                draft.drop("section_label", short)
        header.last_rule = rule
        replace_first_line(blocks, rest)
    _choose_title(header, draft)
    if draft.title is None and not header.html and blocks:
        _split_glued_headline(blocks, draft)
    _choose_date(header, draft)
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


def _is_deck(line: str, following: str | None) -> bool:
    """A page's deck opening its block: a headline-like line in sentence case (more words than a
    label, no closing punctuation) above a paragraph of prose. As in a saved text, a subheading
    under the headline is the page's, not the article's; a standfirst that is a sentence stays.
    A live blog's first post may follow it under its time stamp."""
    return (
        following is not None
        and len(line.split()) > MAX_LABEL_WORDS
        and _is_title_like(line)
        and not _is_label(line)
        and any(word[:1].islower() for word in line.split())
        and (ends_terminal(following) or bool(TIME_STAMP_LINE.match(following)))
    )


def _is_label(line: str) -> bool:
    """A section's name: at most MAX_LABEL_WORDS words, each capitalised ("Honorary Reporters",
    "Features"). A short headline is written in sentence case ("Pho meets kimchi")."""
    words = line.split()
    return len(words) <= MAX_LABEL_WORDS and all(word[:1].isupper() or not word[:1].isalpha() for word in words)


def _next_line(blocks: list[list[str]]) -> str | None:
    if len(blocks[0]) > 1:
        return blocks[0][1]
    return blocks[1][0] if len(blocks) > 1 else None


def _take_header_line(line: str, following: str | None, draft: Draft, header: _Header) -> str | None:
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
        return _take_caption(line, following, draft, header) if not header.html else None
    glued = SECOND_DATE_LABEL.search(line) if _names_date_label(line) else None
    if glued and glued.start() > 0:
        # Two header lines glued together: take the first, leave the second to be read next.
        first, second = line[: glued.start()].strip(), line[glued.end():].strip()
        if _take_byline_or_date(first, draft, header):
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
    if bullet and is_name(line[bullet.end():]) and _is_bulleted_date(following):
        # "• Lee Jae-won" over "• 승인 2025.10.14 08:41": a CMS's article info list, the writer first.
        draft.byline = draft.byline or line[bullet.end():]
        draft.drop("byline", line)
        return ""
    if _take_byline_or_date(line, draft, header):
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
        rule = _furniture_rule(line, following, header)
        if rule in HTML_HEADER_RULES and not (rule == "chrome" and _is_other_script_text(line)):
            draft.drop(rule, line)
            return ""
        if _is_deck(line, header.next_text):
            draft.drop("subheadline", line)
            return ""
        return None
    if WEATHER.match(line):
        header.weather_strip = WEATHER_STRIP_LINES
        draft.drop("weather_strip", line)
        return ""
    rule = _furniture_rule(line, following, header)
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
    if header.candidates and following is not None and ends_terminal(line) and _is_byline_line(following):
        # A standfirst between the headline and the byline: the page's deck (the lead comes
        # after the byline), as an HTML page's deck above its first paragraph.
        draft.drop("subheadline", line)
        return ""
    caption_rest = _take_caption(line, following, draft, header)
    if caption_rest is not None:
        return caption_rest
    if _is_title_like(line) and following is not None:
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
        if _take_byline_or_date(rest, draft, header):  # "VNE – By Thanh Hang  March 18, 2024 ..."
            draft.header_source = draft.header_source or DOMAIN_SUFFIX.sub("", tag.group("tag"))
            draft.drop("agency_tag", tag.group(0))
            return ""
    return None


def _take_summary(blocks: list[list[str]], draft: Draft) -> bool:
    """A portal's summary notice opening `blocks`, and the lines of text under it until the
    portal's next line of furniture (a line with no Latin letter): the article's sentences
    printed again. Only when that furniture line comes within MAX_SUMMARY_LINES lines of text:
    without it the lines under the notice are not known to be a summary, and stay."""
    lines = [line for block in blocks for line in block]
    text_lines = 0
    end = None
    for index, line in enumerate(lines[1:], start=1):
        if LATIN_LETTER.search(line):
            text_lines += 1
            if text_lines > MAX_SUMMARY_LINES:
                return False
        elif text_lines:
            end = index
            break
    if end is None:
        return False
    for index in range(end):
        if index == 0 or LATIN_LETTER.search(lines[index]):
            draft.drop("portal_summary", lines[index])
        else:
            draft.drop("chrome", lines[index])  # the notice's second line, in Korean
    for _ in range(end):
        replace_first_line(blocks, "")
    return True


def _take_dated_byline(
    match: re.Match[str] | None, line: str, draft: Draft, header: _Header, zone: object = None
) -> bool:
    """A byline with its date: the writer, and the date in `zone` (the outlet's by default)."""
    if match is None:
        return False
    set_byline(match.group("who"), draft)
    found = parse_date(match.group("date"), "byline", zone or header.zone.get())
    if found is not None:
        header.dates.append(found)
    draft.drop("byline", line)
    return True


def _date_text(text: str) -> str:
    """A printed date without the zone offset closing it when it states no time of day ("Nov 14,
    2025 (GMT+09:00)" is 14 November wherever it is read)."""
    zone = BARE_ZONE.search(text)
    if zone is None or TIME_OF_DAY.search(text[: zone.start()]):
        return text
    return text[: zone.start()]


def _names_date_label(line: str) -> bool:
    """A cheap necessary condition for SECOND_DATE_LABEL."""
    lowered = line.lower()
    return "updat" in lowered or "publish" in lowered or "posted" in lowered or "modified" in lowered


def _take_byline_or_date(line: str, draft: Draft, header: _Header) -> bool:
    if line[:1] >= HANGUL_FIRST:  # "박서윤 2025. 4. 9. 16:42": a Korean site prints Korean time
        if _take_dated_byline(HANGUL_BYLINE_DATE.match(line), line, draft, header, SEOUL_TZ):
            return True
    for pattern in DATED_BYLINES:  # "by NDO 15/08/2025, 01:50", "Minh Vu 19:26, 2021/12/12"
        if _take_dated_byline(pattern.match(line), line, draft, header):
            return True
    empty = EMPTY_BYLINE.match(line) if line[:3].lower() == "by " else None
    if empty and is_date_words(empty.group("date")):  # "By Nov 14, 2025 (Gmt+09:00)": no name
        found = parse_date(_date_text(empty.group("date")), "byline", header.zone.get())
        if found is not None:
            header.dates.append(found)
        draft.drop("byline", line)
        return True
    if take_byline(line, draft):
        return True
    barred = NAME_THEN_BAR.match(line) if line.rstrip().endswith("|") or " | " in line else None
    if barred and is_name(barred.group("who")) and (
        not barred.group("date").strip() or is_date_words(barred.group("date").strip())
    ):
        if draft.byline is None:
            draft.byline = barred.group("who")
        date_text = barred.group("date").strip()
        found = parse_date(date_text, "byline", header.zone.get()) if date_text else None
        if found is not None:
            header.dates.append(found)
        draft.drop("byline", line)
        return True
    together = BYLINE_THEN_DATE.match(line)
    if together and is_date_words(together.group("date")):
        if draft.byline is None:
            draft.byline = together.group("who")
        zone = header.zone.get()
        found = parse_date(together.group("date"), "text", zone)
        if found is not None:
            header.dates.append(found)
        header.after_date_line = True
        draft.drop("byline", line)
        return True
    if EMAIL_LINE.match(line):
        draft.drop("byline_email", line)
        return True
    doubled = DOUBLED_NAME_DATE.match(line) if line[-5:-4] == "/" else None
    if doubled is not None:
        found = parse_date(doubled.group("date"), "text", header.zone.get())
        if found is not None:
            header.dates.append(found)
            header.after_date_line = True
            draft.drop("date_line", line)
            return True
    bullet = LEADING_BULLET.match(line)
    date_line = DATE_LINE.match(line[bullet.end():] if bullet else line)
    if date_line and is_date_words(date_line.group("date")):
        zone = header.zone.get()
        found = parse_date(_date_text(date_line.group("date")), "text", zone)
        if found is not None:
            header.dates.append(found)
            if PUBLISHED_LABEL.match(line[bullet.end():] if bullet else line):
                header.published.append(found)
        header.after_date_line = True
        draft.drop("date_line", line)
        return True
    if ("|" in line or "●" in line) and _take_segmented_meta(line, draft, header):
        return True
    posted = WORDPRESS_POSTED.match(line) if " on " in line[:60] else None
    if posted is not None and is_date_words(posted.group("date")):
        # "In Uncategorized on December 2, 2025 at 4:15 pm": a blog theme's post meta line
        time = f" {posted.group('time')}" if posted.group("time") else ""
        found = parse_date(posted.group("date") + time, "text", header.zone.get())
        if found is not None:
            header.dates.append(found)
            header.published.append(found)
            if posted.group("who") and is_name(posted.group("who")) and draft.byline is None:
                draft.byline = posted.group("who")
            draft.drop("date_line", line)
            return True
    parts = SLASH_SEPARATOR.split(line) if " / " in line else ()
    found = None
    if len(parts) >= 2 and is_date_line(parts[-1]):
        zone = header.zone.get()
        found = parse_date(DATE_LINE.match(parts[-1]).group("date"), "text", zone)
    if found is not None:
        # "FINANCE / Reporter Yoon Se-ra / 2025-02-11 09:14:36": section, writer and date on one line
        header.dates.append(found)
        for part in parts[:-1]:
            writer = REPORTER_TITLE.match(part)
            if writer and draft.byline is None and is_name(part[writer.end():]):
                draft.byline = part[writer.end():]
        draft.drop("date_line", line)
        return True
    zone_label = ZONE_LABELS.get(line.strip().casefold())
    if zone_label is not None:
        header.zone.override = zone_label
        draft.drop("zone_label", line)
        return True
    return False


def _is_bulleted_date(line: str) -> bool:
    bullet = LEADING_BULLET.match(line)
    return bullet is not None and is_date_line(line[bullet.end():])


def is_caps_label(line: str) -> bool:
    """One to four words in capitals, no sentence mark, not a place (a dateline's "SEOUL"): a
    section's or newsletter's label ("TOP STORY", "IN BRIEF", "WEEKLY DIGEST")."""
    return (
        len(line) <= MAX_CAPS_LABEL_CHARS
        and CAPS_LABEL.match(line) is not None
        and line.casefold() not in KNOWN_PLACE_SPELLING
    )


def _is_byline_line(line: str) -> bool:
    """Whether `line` is a byline alone (read on a scratch draft). Not a date line: VGP prints
    its date line under the lead, so a sentence above a date may be the lead itself."""
    return len(line) <= MAX_BYLINE_LINE_CHARS and take_byline(line, Draft())


def _take_segmented_meta(line: str, draft: Draft, header: _Header) -> bool:
    """A meta line of segments joined by bars or a round bullet, one of them a date and every other
    one a label: "Source: Xinhua| 2025-11-20 21:14:30|Editor: Wang Lin", "Issue #12 | Monday,
    March 3, 2025", "Posted by admin | 18/11/2025 | News", "2025-07-02 | Lee Min-ho", "Seoul ●
    Tue, December 2, 2025". Read: the date; a name (alone or after "by") as the byline, unless it
    is a site account ("admin"); "Source: <agency>" as the source; a known city as the dateline
    (the place the story was filed from, printed with its date). Editors, issue numbers and
    section names are furniture. Any segment of prose (a sentence, a long phrase) and the line
    stays: it is not a meta line.
    """
    segments = [segment.strip() for segment in META_SEGMENT_SEPARATOR.split(line)]
    segments = [segment for segment in segments if segment]
    if len(segments) < 2 or len(segments) > MAX_META_SEGMENTS:
        return False
    dates = [segment for segment in segments if is_date_line(segment)]
    if len(dates) != 1:
        return False
    byline = source = place = None
    for segment in segments:
        if segment is dates[0]:
            continue
        label = META_SEGMENT_LABEL.match(segment)
        if label is not None:
            if label.group("by") and is_name(label.group("by")):
                byline = label.group("by")
            value = (label.group("value") or "").strip()
            if label.group("field") and label.group("field").lower() == "source" and value:
                source = AGENCY_NAMES.get(fold_key(value)) or (value if value in AGENCY_SET else None)
            continue
        if is_name(segment):
            byline = byline or segment
        elif segment.casefold() in KNOWN_PLACE_SPELLING:
            place = KNOWN_PLACE_SPELLING[segment.casefold()]
        elif not _is_label(segment):
            return False
    found = parse_date(_date_text(DATE_LINE.match(dates[0]).group("date")), "text", header.zone.get())
    if found is not None:
        header.dates.append(found)
    if byline and draft.byline is None:
        draft.byline = byline
    if source:
        draft.header_source = draft.header_source or source
    if place and draft.dateline is None:
        draft.dateline = place
    header.after_date_line = True
    draft.drop("date_line", line)
    return True


def _is_other_script_text(line: str) -> bool:
    """A line without Latin letters that is text: a sentence, or at least MIN_LEAD_WORDS words
    (characters of an unspaced script counted as `count_words` counts them)."""
    return bool(OTHER_SCRIPT_SENTENCE.match(line)) or count_words(line) >= MIN_LEAD_WORDS


def _furniture_rule(line: str, following: str | None, header: _Header) -> str | None:
    """The rule for a header line of page furniture, labels or notes; None for anything else."""
    if chrome_line(line) or is_furniture(line) or " " not in line and IMAGE_FILENAME.match(line):
        return "chrome"
    if line[:1].isdigit() and TIME_STAMP_LINE.match(line):
        return "chrome"  # "9.38am BST": a live blog post's time stamp
    if not LATIN_LETTER.search(line):
        return "chrome"
    if masthead_line(line):
        return "masthead"
    control = MENU_CONTROL.match(line)
    if control and masthead_line(control.group("name")):
        return "chrome"  # "The Korea Times close": the outlet's name beside a menu button's label
    if WIRE_NOTE.match(line) or BRACKETED_NOTE.match(line):
        return "wire_note"
    if FIELD_LINE.match(line) and not is_date_words(line):
        return "chrome"
    if HEADLINE_LIST_ITEM.match(line) and not ends_terminal(line):
        return "headline_list"
    if NUMBERED_LABEL.match(line) or SECTION_LABEL.match(line):
        return "section_label"
    archive = ARCHIVE_HEADING.match(line) if line[:1] in "ADMYadmy" else None
    if archive is not None and is_date_words(archive.group("date")):
        return "chrome"  # a blog's archive page heading, not the post's headline
    if line.startswith("[") and line.endswith("]"):
        return "section_label"
    if LABELLED_STRIP.match(line):
        return "breadcrumb"
    if DOMAIN_SLOGAN.match(line):
        return "masthead"
    parts = BREADCRUMB_SEPARATOR.split(line)
    if len(parts) >= 2 and all(len(part.split()) <= MAX_BREADCRUMB_PART_WORDS for part in parts):
        return "breadcrumb"
    return None


def _take_caption(line: str, following: str | None, draft: Draft, header: _Header) -> str | None:
    """A caption in the header: drop it and return what follows it on the line; None if not one."""
    alt = split_alt_text(line)
    if alt is not None:  # "<headline> ảnh 1<caption>": the headline copy may be the only one
        headline_copy, line = alt
        if not header.candidates and draft.title is None and _is_title_like(headline_copy):
            header.candidates.append(headline_copy)
        else:
            draft.drop("alt_text", headline_copy)
        glued = split_glued_caption(line)
        if glued is not None:
            draft.add_caption(glued[0])
            return glued[1]
        draft.add_caption(line)
        return ""
    glued = split_glued_caption(line)
    if glued is not None:
        caption, rest = glued
        draft.add_caption(caption)
        return rest
    if (
        caption_match(line) or credit_caption(line) or position_caption(line)
        or portrait_caption(line) or stock_caption(line)
    ):
        draft.add_caption(line)
        return ""
    if (
        header.after_date_line
        and header.last_rule == "date_line"
        and (header.candidates or draft.title)
        and following is not None
        and len(line.split()) <= MAX_UNCREDITED_CAPTION_WORDS
        and line.endswith(".")
        and not SENTENCE_INSIDE.search(line)
        and len(following.split()) > len(line.split())
        and not DATELINE.match(line)
    ):
        draft.add_caption(line)  # VNS: a one-sentence caption between the date line and the lead
        return ""
    if (
        (header.candidates or draft.title or header.after_date_line)
        and following is not None
        and scene_caption(line)
        and not continues(following)
        and (following == line or not scene_caption(following))  # a caption printed twice
    ):
        draft.add_caption(line)  # Korea.net: "Teachers from Vietnam pose at ..." above the lead
        return ""
    return None


def _is_title_like(line: str) -> bool:
    return not (
        len(line) > MAX_TITLE_CHARS
        or len(line.split()) > MAX_TITLE_WORDS
        or ends_terminal(line)
        or DATELINE_ONLY.match(line)
        or _opens_with_dateline(line)
    )


def _opens_with_dateline(line: str) -> bool:
    match = DATELINE.match(line)
    return match is not None and is_dateline(match, line[match.end():])


def _choose_title(header: _Header, draft: Draft) -> None:
    """The headline is the first candidate longer than a label; the others are labels or decks."""
    candidates = header.candidates
    if not candidates:
        return
    longer = [index for index, line in enumerate(candidates) if len(line.split()) > MAX_LABEL_WORDS]
    headlines = [index for index in longer if not _is_topic_strip(candidates[index])]
    chosen = (headlines or longer or [0])[0]
    for index, line in enumerate(candidates):
        if index == chosen:
            tag = HEADLINE_TAG.match(line)
            title = line[tag.end():].strip() if tag else line
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


def _is_topic_strip(line: str) -> bool:
    """A strip of trending topics run together ("Hanoi Autumn Festival 2024 Red River Urban Axis
    Hanoi Metro Line 3"): many words, nearly all capitalised or numbers. A headline has lower-case
    words (sentence case), or is short."""
    words = line.split()
    if len(words) < MIN_STRIP_WORDS:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised >= len(words) - 1


def _split_glued_headline(blocks: list[list[str]], draft: Draft) -> None:
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
        not _is_title_like(headline)
        or INNER_SENTENCE_MARK.search(headline)
        or len(rest.split()) < MIN_LEAD_WORDS
        or not SENTENCE_END_ANYWHERE.search(rest)
    ):
        return
    draft.title = headline
    draft.drop("title", headline)
    replace_first_line(blocks, rest)


def _choose_date(header: _Header, draft: Draft) -> None:
    """The first printed date that states a time of day; else the first date found. Dates under a
    "Published"/"Posted" label are read first: they say what the others only suggest. A date
    stated only above the headline gives way to one printed under it (a today widget)."""
    if draft.found_date is not None or not header.dates:
        return
    dates = header.published or header.dates
    above, under = header.dates[: header.dates_above_title], header.dates[header.dates_above_title:]
    if not header.published and above and under and all(found.published_at is None for found in above):
        # A bare date above the headline and another under it: the one above is the site's today
        # widget ("Sunday, November 30, 2025" in the top bar), the one under it the article's.
        dates = under
    timed = next((found for found in dates if found.published_at is not None), None)
    draft.found_date = timed or dates[0]
