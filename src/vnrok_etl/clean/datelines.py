"""Date lines: a line that is only a printed date, with or without its label.

"Updated: 15/08/2025 09:10", "Friday, August 15, 2025", "Published : Sept 14, 2023 - 17:42",
"Today, 09:14 GMT+7", "Wednesday, 10:25", "11/20/2024 3:41:07 PM", "Nov 14, 2024 / 16:42":
whether such a line states a full date is parse_date's call; a line of date words without a year
is still a date line (it leaves the body, the date stays NULL).
"""

from __future__ import annotations

import re

# The label in English ("Updated:", "Posted date:", "Date posted:") or, on English pages of
# Vietnamese sites, in Vietnamese ("Ngày đăng:" posted on, "Cập nhật:" updated, "Ngày" day).
DATE_LABEL = (
    r"(?:(?:(?:last\s+)?(?:published|updated?|posted|modified|date|written|created)(?:\s+(?:on|date|posted))?"
    r"|ngày\s+(?:đăng|cập\s+nhật)|cập\s+nhật|ngày)\s*:?|승인)"
)
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|today|yesterday"
DATE_WORD = (
    rf"(?:{MONTHS}|{WEEKDAYS}|am|pm|a\.m\.|p\.m\.|gmt|utc|kst|jst|sgt|hkt|ict|pst|pdt|pt|est|edt|et"
    r"|bst|cet|cest"
    r"|\d{1,4}(?:st|nd|rd|th)?"
    r"|thứ\s+\w+|chủ\s+nhật|ngày|[.,:/+\-–—|()])"
)
DATE_WORDS = re.compile(rf"^(?:{DATE_WORD}\s*)+$", re.IGNORECASE)
# Speed: text that does not open with a date word is no date words (DATE_WORDS reads from its
# first character): one anchored try rules it out before DATE_IN_WORDS searches all of it.
FIRST_DATE_WORD = re.compile(DATE_WORD, re.IGNORECASE)
# A note after the date, behind a dash or a bar, that is not part of it: the time the page was
# updated ("Dec. 2, 2025 - Updated 09:41 UTC", NHK WORLD's header; "02 Dec 2025 06:00AM (Updated:
# 02 Dec 2025 08:14AM)", CNA's) or the print edition's page ("Wed, Dec 03, 2025 - Page 6 News
# List", the Taipei Times' archive; "Thu, Oct 9, 2025 | Page A4"). The date before it is the
# line's date.
NOTE_DATE_WORD = (
    rf"(?:\d|[:./,+\-– ]|(?:{MONTHS}|{WEEKDAYS}|am|pm|a\.m\.|p\.m\.|gmt|utc|kst|jst|sgt|hkt|ict|bst)\b)"
)
DATE_NOTE = (
    r"(?:\s+[-–—|]\s+|\s*(?=\())"
    rf"(?:\(?(?:last\s+)?updated?\s*:?\s*{NOTE_DATE_WORD}{{3,40}}\)?"
    r"|page\s+[A-Z]?\d{1,3}[A-Z]?(?:\s+[A-Za-z]+){0,3}"
    # A view counter beside the date ("Posted date: 24/11/2026 | Views: 87", "Lượt xem: 214").
    r"|(?:views?|view\s+counts?|lượt\s+xem)\s*:?\s*[\d.,]{1,9})"
)
DATE_LINE = re.compile(rf"^(?:{DATE_LABEL}\s*)?(?P<date>\S.{{2,70}}?)(?:{DATE_NOTE})?$", re.IGNORECASE)
# Speed: DATE_LINE's label alone, read at a line's start (`may_be_date_line`).
DATE_LABEL_START = re.compile(DATE_LABEL, re.IGNORECASE)
DATE_IN_WORDS = re.compile(rf"\b(?:{MONTHS}|{WEEKDAYS})\b|\d[/.:-]\d", re.IGNORECASE)
MAX_DATE_LINE_CHARS = 90
DIGIT = re.compile(r"\d")


def is_date_line(line: str) -> bool:
    """A line that is only a date, with or without its label."""
    if len(line) > MAX_DATE_LINE_CHARS or not DIGIT.search(line):
        return False  # every full date has digits; so does "Wednesday, 10:25"
    match = DATE_LINE.match(line)
    return match is not None and is_date_words(match.group("date"))


def may_be_date_line(line: str) -> bool:
    """A necessary condition for a DATE_LINE match whose date is_date_words: the line opens with
    a date word or with a label. Without a label the date starts the line, and a date word
    opening it opens the line (DATE_WORD reads no further than its match). DATE_LINE's lazy date
    tries every length up to 70 characters on a line that is no date (6 µs on a lead)."""
    return FIRST_DATE_WORD.match(line) is not None or DATE_LABEL_START.match(line) is not None


def is_date_words(text: str) -> bool:
    """Only date words (months, weekdays, numbers, zones, separators), with a month, a weekday or
    a digit-separator-digit among them."""
    if FIRST_DATE_WORD.match(text) is None:
        return False
    return bool(DATE_IN_WORDS.search(text)) and DATE_WORDS.match(text) is not None
