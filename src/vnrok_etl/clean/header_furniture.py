"""The header's lines that are not the article's: page furniture, labels and notes.

Above a saved article's headline and between it and the lead, a page prints lines that belong
to the site, not to the story, and they are recognised by form, never by outlet: chrome ("Back To
Top", a lone "X", an image file name, a live blog's time stamp), a line in another script (a
Korean ad or language switch), a masthead (the outlet's name alone, beside a menu button's label,
or a domain with its slogan), a section label or breadcrumb ("National", "1. Business", "Home /
News / Politics", a "HOT TOPICS ..." strip, "[Herald Interview]", a label in capitals), a wire note
("ATTN: CHANGES headline", "(EDITORIAL from ...)"), a list of other headlines, a labelled field
("ID : 91273"), a blog's archive heading, a weather strip and a today widget (the day the page was
saved, never the article's date), and a portal's machine summary (its notice and the sentences
under it, printed again from the article).

Separate from the scan (header.py), which decides in what order the kinds are tried, because
recognising furniture is one concern that grows with every new site; the line-level furniture
shared with the body (chrome, mastheads, time stamps) is lines.py's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vnrok_etl.clean.captions import IMAGE_FILENAME
from vnrok_etl.clean.common import (
    KNOWN_PLACE_SPELLING,
    Draft,
    alternation,
    count_words,
    ends_terminal,
    may_hold_words,
    replace_first_line,
)
from vnrok_etl.clean.datelines import MONTHS, WEEKDAYS, is_date_words
from vnrok_etl.clean.lines import (
    TIME_STAMP_LINE,
    chrome_line,
    is_furniture,
    masthead_line,
)
from vnrok_etl.profiles import SECTION_WORDS

if TYPE_CHECKING:
    from vnrok_etl.clean.header import HeaderScan

# "ID : 91273", "Auther :": a labelled field of the page with a short value or none.
FIELD_LINE = re.compile(r"^[A-Z][A-Za-z]{1,12}\s?:\s*\S{0,12}$")
# "(EDITORIAL from the Korea Times on Nov. 14)": a note in brackets standing alone above the text.
BRACKETED_NOTE = re.compile(r"^\([^()]{3,120}\)$")

# "31.2 C": a weather reading; the place and the date after it are the page's, not the article's.
WEATHER = re.compile(r"^-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]$")
WEATHER_STRIP_LINES = 2

# "Viet Nam News menu", "The Korea Times close": a saved menu bar prints the outlet's name with
# the label of the button beside it; the line is page furniture, never a headline.
MENU_CONTROL = re.compile(r"^(?P<name>.+?)\s+(?i:close|menu|open|search|toggle navigation)$")
# Speed: a MENU_CONTROL line ends with one of these words (a newline after it at most); the
# pattern, which tries every space of the line, is tried only then (16 µs on a lead's line).
MENU_CONTROL_WORDS = ("close", "menu", "open", "search", "navigation")
MENU_CONTROL_TAIL_CHARS = len("toggle navigation") + 2

# "Archive for December 2nd, 2025|Daily archive page", "Monthly Archives: March 2025": a blog's
# archive page heading above the posts it lists.
ARCHIVE_HEADING = re.compile(
    r"^(?:(?:daily|monthly|yearly)\s+)?archives?(?:\s+(?:for|of))?\s*:?\s*(?P<date>[^|]{3,40}?)\s*(?:\|.{0,40})?$",
    re.IGNORECASE,
)
CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9&'’-]*[A-Z](?:\s+[A-Z0-9&'’-]+){0,3}$")
MAX_CAPS_LABEL_CHARS = 40

# Yonhap's wire notes: "ATTN: UPDATES with ...; CHANGES headline", also in brackets.
WIRE_NOTE = re.compile(r"^\(?ATTN\s*:.*$", re.IGNORECASE)

# "- Seoul shares end higher on chip rally": another article's headline in a list above the text.
HEADLINE_LIST_ITEM = re.compile(r"^[-•·*▪►]\s+\S")
# "Home / News / Politics", "Trending  Tet holiday  |  Korean Wave  |  Metro Line 1".
BREADCRUMB_SEPARATOR = re.compile(r"\s+(?:/|>|»|›|\|)\s+")
MAX_BREADCRUMB_PART_WORDS = 4

# "WORDS ON THE STREET Hanoi Metro Line 3 Smart City Summit ...", "HOT TOPICS Tet 2026 ...": a
# strip of topics under a label in capitals (three words or more), no sentence punctuation: page
# furniture. A headline in capitals is capitals throughout; a dateline ("HCM CITY —") has a dash.
LABELLED_STRIP = re.compile(r"^(?:[A-Z][A-Z'’&]+\s+){2,}[A-Z][A-Z'’&]+\s+(?=[A-Z0-9][a-z0-9])[^.!?;:—–]*$")
# A site's weather widget above its masthead, saved with the page: a place, a temperature and
# the sky in a weather word ("Kuala Lumpur 31°C, Partly Cloudy", "Hanoi 24 °C | Light rain",
# "Seoul -3°C"). A headline with a temperature says more ("Hanoi 40°C heat wave closes schools").
WEATHER_WIDGET = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+-?\d{1,2}\s*°\s*[CF]"
    r"(?:\s*[,|·–-]?\s*(?i:(?:(?:partly|mostly|light|heavy|scattered|broken|few)\s+)?"
    r"(?:clear|sunny|cloudy|clouds|overcast|rain|showers?|thunderstorms?|storms?|fog|mist|haze|hazy"
    r"|snow|drizzle|windy|fair)))?$"
)
# A government portal's name as its masthead ("Binh Duong Provincial Portal", "DONG NAI PORTAL",
# "Ha Giang E-Portal", "Lao Cai Electronic Information Portal"): two to six capitalised words
# ending in "Portal". Only such a line right above the site's menu or language switch (a chrome
# line) is the masthead: a title-case headline may end in "Portal" too.
PORTAL_NAME = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,5}(?:(?:E-?|Electronic\s+Information\s+)?(?:Portal|PORTAL))$"
)
# "Vietnam.vn - Nền tảng quảng bá Việt Nam", "example.com | News for expats": the site's domain
# and its slogan, the masthead of an aggregator's page.
DOMAIN_SLOGAN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|kr|asia|news)\s+[-–—|]\s+\S")

# "Wednesday, March 12 2025", "Friday , October 17 2025": a theme's today widget, the weekday
# and a date with no comma before the year and no time, above the headline. It is the day the
# page was saved, not the day it was published (as a weather strip's date): dropped, never a date.
# Also the "D. M jS, Y" widget of WordPress news themes ("Thu. Dec 3rd, 2026", "Sat. Feb 24th,
# 2024"): the weekday abbreviated with a full stop and the day with its ordinal suffix.
TODAY_WIDGET = re.compile(
    rf"^(?:(?i:{WEEKDAYS})\s?,\s+(?i:{MONTHS})\.?\s+\d{{1,2}}\s+\d{{4}}"
    rf"|(?i:mon|tue|wed|thu|fri|sat|sun)\.\s+(?i:{MONTHS})\s+\d{{1,2}}(?i:st|nd|rd|th),\s+\d{{4}})$"
)
# "1. Business", "  1. Culture/art": a numbered section label.
NUMBERED_LABEL = re.compile(r"^\d{1,2}\.\s+\S+(?:\s+\S+){0,2}$")
SECTION_LABEL = re.compile(rf"^(?:{alternation(SECTION_WORDS)})$", re.IGNORECASE)

# A line with no Latin letter at all (Korean, Chinese): an ad, a language switch.
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ỹ]")
# A sentence in a script without Latin letters (Chinese, Japanese): letters, closed by a sentence
# mark; or a line as long as a lead. On an HTML page it is the block's text, not furniture
# (issue 16: Chinese news pages lost their whole body as "chrome" lines without a Latin letter).
OTHER_SCRIPT_SENTENCE = re.compile(r"^(?=.*[^\W\d_]{4}).*[。！？.!?]['\"”’」』)）]*$")

MAX_LABEL_WORDS = 3
# A lead is a paragraph of at least this many words; a label, a byline or a date line is shorter.
MIN_LEAD_WORDS = 12

# A portal's machine summary is a few sentences (Daum prints three).
MAX_SUMMARY_LINES = 5


def is_label(line: str) -> bool:
    """A section's name: at most MAX_LABEL_WORDS words, each capitalised ("Honorary Reporters",
    "Features"). A short headline is written in sentence case ("Pho meets kimchi")."""
    words = line.split()
    return len(words) <= MAX_LABEL_WORDS and all(word[:1].isupper() or not word[:1].isalpha() for word in words)


def take_portal_summary(blocks: list[list[str]], draft: Draft) -> bool:
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


def is_caps_label(line: str) -> bool:
    """One to four words in capitals, no sentence mark, not a place (a dateline's "SEOUL"): a
    section's or newsletter's label ("TOP STORY", "IN BRIEF", "WEEKLY DIGEST")."""
    return (
        len(line) <= MAX_CAPS_LABEL_CHARS
        and CAPS_LABEL.match(line) is not None
        and line.casefold() not in KNOWN_PLACE_SPELLING
    )


def is_other_script_text(line: str) -> bool:
    """A line without Latin letters that is text: a sentence, or at least MIN_LEAD_WORDS words
    (characters of an unspaced script counted as `count_words` counts them)."""
    return bool(OTHER_SCRIPT_SENTENCE.match(line)) or count_words(line) >= MIN_LEAD_WORDS


def furniture_rule(line: str, following: str | None, header: HeaderScan) -> str | None:
    """The rule for a header line of page furniture, labels or notes; None for anything else."""
    if chrome_line(line) or is_furniture(line) or " " not in line and IMAGE_FILENAME.match(line):
        return "chrome"
    if line[:1].isdigit() and TIME_STAMP_LINE.match(line):
        return "chrome"  # "9.38am BST": a live blog post's time stamp
    if not LATIN_LETTER.search(line):
        return "chrome"
    if masthead_line(line):
        return "masthead"
    if "°" in line and WEATHER_WIDGET.match(line):
        return "chrome"
    if (
        line[-6:].casefold() == "portal"
        and following is not None
        and PORTAL_NAME.match(line)
        and (chrome_line(following) or is_furniture(following))
    ):
        return "masthead"
    tail = line[-MENU_CONTROL_TAIL_CHARS:]
    control = MENU_CONTROL.match(line) if may_hold_words(tail, MENU_CONTROL_WORDS) else None
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
    # Speed: without a separator mark the line is one part; the split scans every space of it.
    has_mark = "/" in line or ">" in line or "|" in line or "»" in line or "›" in line
    parts = BREADCRUMB_SEPARATOR.split(line) if has_mark else (line,)
    if len(parts) >= 2 and all(len(part.split()) <= MAX_BREADCRUMB_PART_WORDS for part in parts):
        return "breadcrumb"
    return None


