"""Amounts as printed: digits or number words, a range, a scale, a currency in front.

Glued and broken numbers (issue 17), each a general rule:

- A number glued to a lowercase function word after a lost space is read as if the space were
  there ("and150 billion USD", "to10,000 visitors"); glued to anything else ("G20", "COVID-19",
  "5G", "15/08") it is a name or a date, never an amount.
- Two digit groups separated by one space are one printed number. When the second group has
  exactly three digits and the first one to three, the space is a thousands separator
  ("1 200 workers" is 1,200). Anything else ("$21 3.9 billion") is a malformed number: it is
  reported once, over its whole span, with qualifier ``doubtful`` and no value, never as two
  figures that are each wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from vnrok_etl.figures.words import MONTHS, STOP_WORDS, alternation
from vnrok_etl.numbers import (
    DIGITS_RE,
    LETTER_SCALES,
    SCALE_WORD_RE,
    SCALE_WORDS,
    UNIT_WORD_RE,
    UNIT_WORDS,
    WORDS_RE,
    scale_of,
    to_decimal,
)

CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "USD": "USD", "$": "USD", "VND": "VND", "₫": "VND", "KRW": "KRW", "₩": "KRW",
    "EUR": "EUR", "€": "EUR", "GBP": "GBP", "£": "GBP", "JPY": "JPY", "¥": "JPY", "CNY": "CNY",
    "RMB": "CNY", "S$": "SGD", "SGD": "SGD", "A$": "AUD", "AUD": "AUD", "HK$": "HKD",
    "HKD": "HKD", "THB": "THB", "INR": "INR", "CHF": "CHF",
}


# Preceding words that make a number a label, not a figure ("Resolution 34", "District 1",
# "Industry 4.0 technologies", "the top three economies").
LABEL_WORDS = frozenset(
    {
        "resolution", "decree", "decision", "directive", "circular", "law", "no",
        "number", "article", "clause", "chapter", "section", "point", "item", "conclusion",
        "notice", "dispatch", "regulation", "route", "highway", "road", "room", "level",
        "phase", "gate", "line", "building", "district", "ward", "group", "zone", "lot",
        "block", "terminal", "platform", "vol", "volume", "page", "part", "tier", "class",
        "grade", "category", "type", "version", "covid", "channel", "team", "term", "session",
        "plenum", "congress", "apec", "asean", "g", "model", "unit", "division", "corps",
        "region", "battalion", "brigade", "squadron", "pier", "berth", "lane", "street",
        "avenue", "hall", "floor", "official", "letter", "paragraph", "annex", "appendix",
        "figure", "table", "summit", "program", "programme", "plan", "project", "station",
        "stage", "track", "episode", "season", "round", "nos", "vn", "hcm", "industry", "web",
        "vision", "cop", "formula", "top", "hotline",
    }
)


# An amount: digits or number words, an optional range ("7-8"), an optional scale ("billion",
# "bln", glued "bn"). Two scans (digits, words) because one alternation over both is three
# times slower. The lookahead refuses numbers glued to letters or slashes ("5G", "15/08/2025",
# "34-NQ/TW", "01:50") unless the glue is a money scale ("$5bn") or "fold" ("a 72fold rise", a
# common typo of "72-fold"); what comes before the digits
# ("G20", "VND4,927") is checked in code, with the currency prefix.
QUANTITY_TAIL = rf"""
    (?:(?P<dash>[ ]?[-–][ ]?)(?P<num2>{DIGITS_RE}))?
    (?:
        (?P<glued>bln|bn|mln|mn|tn|trn|k|m|b)(?!\w)
      | (?!(?!fold\b)[\w/:]|[.,]\d|-[A-Z])(?:[ -](?P<scale>(?i:{SCALE_WORD_RE}))\b)?
    )
"""


DIGIT_QUANTITY = re.compile(rf"(?P<num>{DIGITS_RE}){QUANTITY_TAIL}", re.VERBOSE)


WORD_QUANTITY = re.compile(rf"(?P<num>{WORDS_RE}){QUANTITY_TAIL}", re.VERBOSE)


# Numbers as they are spoken and as broadcast scripts print them (the read-aloud form):
# - a decimal: "6-point-3 percent", "two-point-five billion dollars", "3 point 5 percent"; the whole
#   part is digits or a number word, the decimals digits or one digit word, and a scale, percent
#   or currency must follow ("at one point two firms left" is no 1.2);
# - digits joined to "hundred"/"thousand" and the rest: "8-hundred-87 U.S. dollars" (887),
#   "2-thousand-655 dollars" (2,655).
# Found only where "point", "-hundred-" or "-thousand-" occur; an amount found by the other scans
# inside one is dropped for it.
DIGIT_WORD_RE = "|".join(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
SPOKEN_DECIMAL = re.compile(
    rf"""(?P<num>(?:\d+|(?i:{UNIT_WORD_RE}))[ -](?i:point)[ -](?:\d+|(?i:{DIGIT_WORD_RE}))\b){QUANTITY_TAIL}""",
    re.VERBOSE,
)
SPOKEN_COMPOUND = re.compile(
    rf"""(?P<num>\d{{1,3}}-(?i:hundred|thousand)-\d{{1,3}})(?![\d,.]\d){QUANTITY_TAIL}""", re.VERBOSE
)
SPOKEN_PARTS = re.compile(r"[ -]point[ -]", re.IGNORECASE)
SPOKEN_SCALES = {"hundred": 100, "thousand": 1000}


def spoken_numbers(body: str, lowered: str, words: frozenset[bytes]) -> list[re.Match]:
    """The matches of SPOKEN_DECIMAL and SPOKEN_COMPOUND in ``body``, in text order."""
    found: list[re.Match] = []
    if b"point" in words or not words:
        starts: set[int] = set()
        for separator in ("-point", " point"):
            _number_starts(lowered, separator, starts)
        found += [
            m for m in matches_at(SPOKEN_DECIMAL, body, starts)
            if m["scale"] or m["glued"] or PERCENT_AFTER.match(body, m.end())
            or CURRENCY_AFTER.match(body, m.end())
        ]
    if b"hundred" in words or b"thousand" in words or not words:
        starts = set()
        for separator in ("-hundred-", "-thousand-"):
            _number_starts(lowered, separator, starts)
        found += matches_at(SPOKEN_COMPOUND, body, starts)
    return sorted(found, key=lambda m: m.start())


def _number_starts(lowered: str, separator: str, starts: set[int]) -> None:
    """Where the number before each ``separator`` in ``lowered`` starts (its digits or word)."""
    at = lowered.find(separator)
    while at >= 0:
        first = at
        while first and (lowered[first - 1].isdigit() or "a" <= lowered[first - 1] <= "z"):
            first -= 1
        starts.add(first)
        at = lowered.find(separator, at + 1)


def spoken_value(num: str) -> Decimal | None:
    """"6-point-3" -> 6.3, "two-point-five" -> 2.5, "8-hundred-87" -> 887; None otherwise."""
    pieces = num.lower().split("-")
    if len(pieces) == 3 and pieces[1] in SPOKEN_SCALES:
        scale = SPOKEN_SCALES[pieces[1]]
        if not (pieces[0].isdigit() and pieces[2].isdigit()) or int(pieces[2]) >= scale:
            return None
        return Decimal(int(pieces[0]) * scale + int(pieces[2]))
    parts = SPOKEN_PARTS.split(num)
    if len(parts) != 2:
        return None
    whole, decimals = to_decimal(parts[0]), parts[1].lower()
    digits = decimals if decimals.isdigit() else str(UNIT_WORDS.get(decimals, ""))
    if whole is None or not digits.isdigit():
        return None
    return whole + Decimal(f"0.{digits}")


# Finding WORD_QUANTITY's matches without scanning the body with it. Its first word is a whole
# ASCII word (a unit word, or "a" before a scale word), so it is one of the body's words once
# every byte that is not an ASCII letter is read as a space: the set of those words (bytes.split
# in C) says which number words occur, str.find says where, and WORD_QUANTITY.match is tried
# there only. The scan tried the pattern at every a, e, n, o, s, t ... of the body (half of its
# letters) and was an eighth of the figure stage; this finds the same matches in a third of it.
_LETTER_BYTES = bytes(range(ord("a"), ord("z") + 1))
NOT_LETTER_TO_SPACE = bytes(b if b in _LETTER_BYTES else 32 for b in range(256))
FIRST_WORD_BYTES = frozenset(word.encode() for word in UNIT_WORDS)
SCALE_WORD_BYTES = frozenset(word.encode() for word in SCALE_WORDS)


# One entry: the quotation stage (cues.cue_word_starts) and then the figure stage ask for the
# same body's words, and building the set is most of its cost (0.06 ms a c1k body).
@lru_cache(maxsize=1)
def body_words(lowered: str) -> frozenset[bytes]:
    """The words of ``lowered`` (``body.lower()``): its runs of ASCII letters, as bytes."""
    return frozenset(lowered.encode().translate(NOT_LETTER_TO_SPACE).split())


def word_quantities(body: str, lowered: str, words: frozenset[bytes]) -> list[re.Match]:
    """The matches of WORD_QUANTITY.finditer(body), found as said above; ``lowered`` is
    ``body.lower()``, ``words`` its body_words."""
    if len(lowered) != len(body):
        return list(WORD_QUANTITY.finditer(body))  # a lowercase form of another length
    starts: set[int] = set()
    for word in FIRST_WORD_BYTES.intersection(words):
        word_starts(lowered, word.decode(), starts)
    for scale in SCALE_WORD_BYTES.intersection(words) if b"a" in words else ():
        # "a million": the "a" before a scale word, with spaces between
        scale_starts: set[int] = set()
        word_starts(lowered, scale.decode(), scale_starts)
        for at in scale_starts:
            before = len(lowered[:at].rstrip(" "))
            if before < at and lowered[before - 1:before] == "a":
                starts.add(before - 1)
    return matches_at(WORD_QUANTITY, body, starts)


def matches_at(pattern: re.Pattern, body: str, starts: set[int]) -> list[re.Match]:
    """What ``pattern.finditer(body)`` returns when its matches can start only at ``starts``:
    tried there in order, a start inside the previous match skipped."""
    found, end = [], 0
    for start in sorted(starts):
        if start >= end and (m := pattern.match(body, start)):
            found.append(m)
            end = m.end()
    return found


def word_starts(lowered: str, word: str, starts: set[int]) -> None:
    """Where ``word`` occurs in ``lowered`` with no ASCII letter right before it."""
    at = lowered.find(word)
    while at >= 0:
        if not (at and "a" <= lowered[at - 1] <= "z"):
            starts.add(at)
        at = lowered.find(word, at + 1)


CURRENCY_BEFORE = re.compile(
    rf"(?<![\w$€£¥₩₫])(?P<cur>{alternation(CURRENCY_PREFIXES)})[ ]?$"
)


# A number beside a month name is a calendar date: "August 10 to 13", "10 August", "May 5-6".
# Checked around each amount rather than masked in a separate pass over the body (speed);
# "15/08/2025" and "01:50" never match QUANTITY at all.
MONTH_BEFORE = re.compile(
    rf"\b(?:{MONTHS})\.?[ ](?:\d{{1,2}}(?:st|nd|rd|th)?[ ]?(?:[-–]|to|and)[ ]?)?$"
)


MONTH_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?(?:[ ]?(?:[-–]|to|and)[ ]?\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"[ ](?:of[ ])?(?:{MONTHS})\b"
)


LABEL_BEFORE = re.compile(r"(?<![\w])(?P<w>[A-Za-z]+\.?)[ ]?$")

# The lowercase word a number is glued to after a lost space: "and150", "to10,000".
GLUED_WORD = re.compile(r"(?<![\w’'-])(?P<w>[a-z]{2,})$")
# A second digit group one space after an amount: "1 200", "$21 3.9 billion".
NEXT_GROUP = re.compile(r"[ ](?=\d)")
THOUSANDS_GROUP = re.compile(r"\d{3}")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as printed, before we know what it measures."""

    start: int  # includes a currency code in front: "US$150 billion"
    end: int
    value: float | None  # fully scaled; the midpoint of a range; None when doubtful
    currency: str | None  # ISO code when a currency stands in front
    is_range: bool
    is_scaled: bool  # written with a scale word: "4.6 million", "five million"
    is_lone_one: bool  # "one" / "1" on its own: mostly "one of", never a count here
    is_doubtful: bool = False  # a malformed number ("$21 3.9 billion"): value unknown
    is_word: bool = False  # written in words: "five", "Twenty-six"


def read_amount(body: str, m: re.Match) -> Amount | None:
    """The scaled value, with a currency code glued or spaced before it; None for what only
    looks like an amount: years, dates, "G20", scores, "5m" without a currency."""
    start, end = m.start(), m.end()
    currency = None
    if start and (body[start - 1] in "$€£¥₩₫ " or body[start - 1].isupper()) and (
        cur := CURRENCY_BEFORE.search(body, max(0, start - 5), start)
    ):
        currency, start = CURRENCY_PREFIXES[cur["cur"]], cur.start()
    elif start and body[start - 1].islower() and (
        glue := GLUED_WORD.search(body, max(0, start - 12), start)
    ) and glue["w"] in STOP_WORDS:
        pass  # "and150 billion USD": a lost space
    elif start and (body[start - 1].isalnum() or body[start - 1] in "_.,/‐–-"):
        return None  # "G20", "COVID-19", the "08" of "15/08"
    num, num2 = m["num"], m["num2"]
    if (not currency and num2 is None and not m["scale"] and is_year(num)
            and not PERCENT_AFTER.match(body, end) and not CURRENCY_AFTER.match(body, end)):
        return None  # a bare year is a reference period, never a figure (DESIGN.md)
    if is_date(body, start, end):
        return None
    value = spoken_value(num) if "oint" in num or "-hundred-" in num or "-thousand-" in num else (
        to_decimal(num)
    )
    if value is None:
        return None
    if m["glued"] and not currency and m["glued"] in LETTER_SCALES:
        return None  # "5m" alone is metres, "4k" a resolution
    if num2 is not None:
        second = to_decimal(num2)
        if second is None or second <= value:
            return None  # "2-1" is a score, not a range
        if is_year(num) or is_year(num2):
            return None  # "2026–2030 period"
        value = (value + second) / 2
    scale = scale_of(m["glued"] or m["scale"])
    if num[:2].lower() == "a " and body.endswith(("half ", "Half "), max(0, start - 5), start):
        # "half a billion dollars", "half a million visitors": half the scale word.
        start, value = start - 5, value / 2
    if (num2 is None and scale == 1.0 and num[:1].isdigit() and NEXT_GROUP.match(body, end)
            and (joined := _joined(body, m, start, currency, num))):
        return joined
    return Amount(
        start=start,
        end=end,
        value=float(value * Decimal(scale)),
        currency=currency,
        is_range=num2 is not None,
        is_scaled=bool(m["scale"] or m["glued"])
        or any(word in num.lower() for word in ("million", "billion", "trillion")),
        is_lone_one=scale == 1.0 and num.strip().lower() in ("one", "1", "a"),
        is_word=not num[:1].isdigit(),
    )


def is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2199


def is_label(body: str, start: int) -> bool:
    """'Resolution 34', 'No. 5', 'District 1': a number naming something, not measuring it."""
    before = LABEL_BEFORE.search(body, max(0, start - 20), start)
    return before is not None and before["w"].lower().rstrip(".") in LABEL_WORDS


def is_date(body: str, start: int, end: int) -> bool:
    return (
        MONTH_BEFORE.search(body, max(0, start - 22), start) is not None
        or MONTH_AFTER.match(body, end) is not None
    )


CURRENCY_SUFFIXES: dict[str, str] = {
    "usd": "USD", "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "dollars": "USD", "dollar": "USD",
    "vnd": "VND", "dong": "VND", "đồng": "VND", "krw": "KRW", "won": "KRW", "eur": "EUR",
    "euros": "EUR", "euro": "EUR", "jpy": "JPY", "yen": "JPY", "cny": "CNY", "yuan": "CNY",
    "gbp": "GBP", "pounds sterling": "GBP", "sgd": "SGD", "aud": "AUD", "thb": "THB",
    "baht": "THB",
}

# What follows an amount, tried in this order at the end of the amount.
PERCENT_AFTER = re.compile(
    r"(?i)[ ]?-?[ ]?(?P<u>percentage[ ]points?|percent|per[ ]cent|pct|%)(?!\w)"
)
CURRENCY_AFTER = re.compile(rf"(?i)[ -]?(?P<u>{alternation(CURRENCY_SUFFIXES)})(?!\w)")


def _joined(body: str, m: re.Match, start: int, currency: str | None, num: str) -> Amount | None:
    """``m`` followed by a space and a second digit group: one number, as the module docstring
    says (a thousands group, else a malformed number). None when the second group is not an
    amount of its own (a year, a date)."""
    second = DIGIT_QUANTITY.match(body, m.end() + 1)
    if second is None or second["dash"]:
        return None
    amount = read_amount(body, second)
    if amount is None or amount.currency:
        return None
    if len(num) <= 3 and num.isdigit() and THOUSANDS_GROUP.fullmatch(second["num"]):
        raw = Decimal(num) * 1000 + Decimal(second["num"])
        value: float | None = float(raw * Decimal(scale_of(second["glued"] or second["scale"])))
        doubtful = False
    else:
        value, doubtful = None, True
    return Amount(start=start, end=amount.end, value=value, currency=currency, is_range=False,
                  is_scaled=amount.is_scaled, is_lone_one=False, is_doubtful=doubtful)

