"""Which separators a body's numbers use: English (1,250.5) or Vietnamese (1.250,5).

Vietnamese papers writing in English often keep their own separators: a dot between thousands
and a comma before decimals ("1.250 students", "20,5%", "VND 2,5 billion"). "1.250" alone cannot
tell: in an English text it is one and a quarter. So the decision is the body's, from the numbers
that can be read only one way:

- Vietnamese only: a comma followed by one or two digits and no more, then a percent or a scale
  word ("20,5%", "2,5 billion"; an English thousands group always has three), or two dot groups
  of three ("1.250.000").
- English only: a dot followed by one or two digits ("1.5 billion"; "4.0" in "Industry 4.0" and
  a date's "18.11.2026" are no evidence) or by four or more, or a comma followed by exactly three
  digits ("1,250": the thousands comma every English page prints).

A body is read the Vietnamese way only when it has Vietnamese-only numbers and no English-only
ones; anything else (no evidence, or both kinds) is read the English way, as before. Only then,
the well-formed Vietnamese numbers ("1.250", "4.100", "1.250.000,5", "20,5") are rewritten with
their separators swapped into a copy of the body of the same length, which the figure scans read;
every figure's text and sentence are taken back from the printed body at the same offsets, so the
surface form stays as printed ("1.250 students", value 1250). Dates ("18.11.2026"), versions and
lists ("1,2,3") are not well-formed Vietnamese numbers and are left as they are.

A body read the English way (it also prints "1,250" or "1.5") may still hold numbers that only
the Vietnamese separators can read, copied from a Vietnamese source: a decimal comma before a
percent or a scale word with a whole part of one to three digits ("nearly 3,6 billion USD",
"11,4%", "1,5 million won"), and a thousands dot before a group of zeros ("$86.000", "1.000
tons": no English page prints three trailing decimal zeros). Those numbers, and only those, are
swapped (``lone_vietnamese_reading``); "1.250" and "2,50" stay English there, since the body's
own English numbers say how it writes. Decided 5 December on heldout7 (binhduong-01, bvu-01,
baothainguyen-01).
"""

from __future__ import annotations

import re

# One or two digits after a comma (no thousands group) before a percent or a scale word (a bare
# "2024,15" is more likely a lost space than a decimal), or two dot groups of three. Speed: each
# pattern opens with its separator, a literal re finds in C; the number before it is checked in
# Python (_number_before). A pattern opening with a lookbehind was tried at every character of
# every body: 0.23 ms a c1k document.
VIETNAMESE_COMMA = re.compile(r",\d{1,2}(?=[ ]?(?:%|per[ ]?cent|percent|billion|million|trillion|bn\b))")
VIETNAMESE_DOTS = re.compile(r"\.\d{3}\.\d{3}(?!\d|\.\d)")

# A dot before one or two digits (not "x.0", not a date's "18.11.2026"), or before four or more;
# a comma before exactly three digits.
ENGLISH_ONLY = re.compile(
    r"(?<![\d.])\d+\.(?!0(?!\d))\d{1,2}(?!\d|\.\d)|(?<![\d.])\d+\.\d{4,}|(?<![\d.,])\d{1,3},\d{3}(?!\d)"
)

# A well-formed Vietnamese number: thousands dots, an optional decimal comma; or a decimal comma.
VIETNAMESE_NUMBER = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2})(?![\d]|[.,]\d)"
)

_SWAP = str.maketrans(".,", ",.")

# A thousands dot before zeros only, not followed by more digits: "$86.000", "2.000.000".
ZERO_THOUSANDS = re.compile(r"\.000(?:\.000)*(?!\d|[.,]\d)")


def vietnamese_separators(body: str) -> bool:
    """Whether ``body`` writes its numbers the Vietnamese way (see the module docstring)."""
    return _vietnamese_only(body) and not ENGLISH_ONLY.search(body)


def _vietnamese_only(body: str) -> bool:
    """Whether ``body`` holds a number only the Vietnamese separators can read."""
    for pattern, most_digits in ((VIETNAMESE_COMMA, None), (VIETNAMESE_DOTS, 3)):
        for match in pattern.finditer(body):
            if _whole_start(body, match.start(), most_digits) is not None:
                return True
    return False


def english_reading(body: str) -> str:
    """``body`` with its Vietnamese numbers' separators swapped ("1.250" -> "1,250", "20,5" ->
    "20.5"), the same length, so that every offset still points at the printed text."""
    return VIETNAMESE_NUMBER.sub(lambda m: m.group().translate(_SWAP), body)


def lone_vietnamese_reading(body: str) -> str | None:
    """``body`` with only its numbers that no English reading makes sense of swapped (the module
    docstring's last paragraph), the same length; None when it has none."""
    spans = [
        (start, match.end())
        for pattern in (VIETNAMESE_COMMA, ZERO_THOUSANDS)
        for match in pattern.finditer(body)
        if (start := _whole_start(body, match.start(), 3)) is not None
    ]
    if not spans:
        return None
    parts, last = [], 0
    for start, end in sorted(spans):
        parts.append(body[last:start])
        parts.append(body[start:end].translate(_SWAP))
        last = end
    parts.append(body[last:])
    return "".join(parts)


def _whole_start(body: str, at: int, most_digits: int | None) -> int | None:
    """Where the whole part of a number ending at ``at`` starts (digits, at most ``most_digits``
    of them, with no digit, dot or comma before: not the tail of another number, "1,250,5"), or
    None."""
    start = at
    while start > 0 and body[start - 1].isdigit():
        start -= 1
    if start == at or (most_digits is not None and at - start > most_digits):
        return None
    if start and body[start - 1] in ".,":
        return None
    return start
