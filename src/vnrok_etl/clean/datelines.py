"""Date lines: a line that is only a printed date, with or without its label.

"Updated: 15/08/2025 09:10", "Friday, August 15, 2025", "Published : Sept 14, 2023 - 17:42",
"Today, 09:14 GMT+7", "Wednesday, 10:25", "11/20/2024 3:41:07 PM", "Nov 14, 2024 / 16:42":
whether such a line states a full date is parse_date's call; a line of date words without a year
is still a date line (it leaves the body, the date stays NULL).
"""

from __future__ import annotations

import re

DATE_LABEL = r"(?:(?:last\s+)?(?:published|updated?|posted|modified|date|written|created)(?:\s+on)?\s*:?|승인)"
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|today|yesterday"
DATE_WORD = (
    rf"(?:{MONTHS}|{WEEKDAYS}|am|pm|a\.m\.|p\.m\.|gmt|utc|kst|ict|pst|pdt|pt|est|edt|et"
    r"|\d{1,4}(?:st|nd|rd|th)?"
    r"|thứ\s+\w+|chủ\s+nhật|[.,:/+\-–—|()])"
)
DATE_WORDS = re.compile(rf"^(?:{DATE_WORD}\s*)+$", re.IGNORECASE)
# Speed: text that does not open with a date word is no date words (DATE_WORDS reads from its
# first character): one anchored try rules it out before DATE_IN_WORDS searches all of it.
FIRST_DATE_WORD = re.compile(DATE_WORD, re.IGNORECASE)
DATE_LINE = re.compile(rf"^(?:{DATE_LABEL}\s*)?(?P<date>\S.{{2,70}})$", re.IGNORECASE)
DATE_IN_WORDS = re.compile(rf"\b(?:{MONTHS}|{WEEKDAYS})\b|\d[/.:-]\d", re.IGNORECASE)
MAX_DATE_LINE_CHARS = 90
DIGIT = re.compile(r"\d")


def is_date_line(line: str) -> bool:
    """A line that is only a date, with or without its label."""
    if len(line) > MAX_DATE_LINE_CHARS or not DIGIT.search(line):
        return False  # every full date has digits; so does "Wednesday, 10:25"
    match = DATE_LINE.match(line)
    return match is not None and is_date_words(match.group("date"))


def is_date_words(text: str) -> bool:
    """Only date words (months, weekdays, numbers, zones, separators), with a month, a weekday or
    a digit-separator-digit among them."""
    if FIRST_DATE_WORD.match(text) is None:
        return False
    return bool(DATE_IN_WORDS.search(text)) and DATE_WORDS.match(text) is not None
