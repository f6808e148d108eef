"""Numbers as printed in English news: digits, number words, scale words, ordinals.

Kept apart from the figures package so the tables (number words, scales, ordinals) can be read and
extended on their own. Everything here is pure and never raises on text that matched the
patterns below: unparseable pieces give ``None``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12,
}

# Scale words and the abbreviations agencies print ("US$ 20 bln", "$5bn", "KRW 3 trln").
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9,
    "trillion": 1e12, "trln": 1e12, "tln": 1e12, "tn": 1e12,
}

# Single letters are a scale only glued to a money amount ("$5m", "$2b"); elsewhere "5 m" is metres.
LETTER_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}

# Multiplier verbs by stem: "doubled", "tripling", "to halve".
MULTIPLIER_STEMS: dict[str, float] = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0,
                                      "halv": 0.5}


def _longest_first(words) -> list[str]:
    return sorted((re.escape(w) for w in words), key=len, reverse=True)


def _alternation(words) -> str:
    # Longest first so "eighteen" is tried before "eight", "billion" before "bn".
    return "|".join(_longest_first(words))


def at_word_start(words) -> str:
    r"""Any of ``words`` (regex fragments, first character a lowercase letter taken in either case)
    at the start of a word: ``\b(?:[Tt]wo|[Tt]en|[Ff]ive)`` written as
    ``[TtFf](?<!\w.)(?:(?<=[Tt])(?:wo|en)|(?<=[Ff])(?:ive))``.

    Why: when a pattern starts with a character class, Python's regex engine skips in C to the
    next character of that class; a pattern starting with ``\b`` gets a full match attempt at every
    position of the body. ``(?<!\w.)`` after the first letter is the ``\b`` before it (the letter
    is a word character; at the start of the string the lookbehind cannot match, as ``\b`` holds
    there), and ``(?<=[Tt])`` ties each rest to its letter. Whole-body scans for superlatives,
    "ranked" and "doubled" got two to three times faster; for number words, whose first letters
    (e, t, a, o, n, s) are the commonest, only a fifth faster.
    """
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], []).append(word[1:])
    letters = "".join(letter.upper() + letter for letter in sorted(by_letter))
    branches = "|".join(
        f"(?<=[{letter.upper()}{letter}])(?:{'|'.join(rests)})"
        for letter, rests in sorted(by_letter.items())
    )
    return rf"[{letters}](?<!\w.)(?:{branches})"


UNIT_WORD_RE = _alternation(UNIT_WORDS)
SCALE_WORD_RE = _alternation(SCALE_WORDS)
ORDINAL_WORD_RE = _alternation(ORDINAL_WORDS)

# "4,927", "93.7", "150"; the thousands separator is the English comma (VNA/VNS English style).
# The first digit is factored out of "\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?" (same matches,
# same order of tries): a pattern starting with a character class lets the engine skip to digits.
DIGITS_RE = r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"

# "five", "Twenty-five", "two hundred and fifty thousand", "a million"; never a bare scale word
# ("millions of travellers" is vague, not a figure). "and" joins only after hundred/thousand, so
# "between two and three" stays two numbers.
# The first word is a whole unit word, or "a" before a scale word; it starts a word (at_word_start).
FIRST_NUMBER_WORDS = [
    *(word + r"\b" for word in _longest_first(UNIT_WORDS)), rf"a(?=[ ]+(?:{SCALE_WORD_RE})\b)"
]
WORDS_RE = (
    rf"{at_word_start(FIRST_NUMBER_WORDS)}"
    rf"(?:(?:[ -]+|(?<=hundred)[ ]and[ ]|(?<=thousand)[ ]and[ ])"
    rf"(?i:{UNIT_WORD_RE}|{SCALE_WORD_RE})\b)*"
)

WORD_SPLIT = re.compile(r"[\s-]+")


def parse_words(raw: str) -> float | None:
    """'five million' -> 5e6, 'twenty-five' -> 25, 'two hundred and fifty thousand' -> 250000."""
    total, current, seen = 0.0, 0.0, False
    for token in WORD_SPLIT.split(raw.lower().strip()):
        if token in ("", "and"):
            continue
        if token == "a":
            current, seen = 1.0, True
        elif token in UNIT_WORDS:
            current += UNIT_WORDS[token]
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in SCALE_WORDS:
            total += (current or 1.0) * SCALE_WORDS[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def to_decimal(raw: str) -> Decimal | None:
    """Digits or words as an exact Decimal, so that scaling stays exact: 268.1 trillion is
    268100000000000.0, not the 268100000000000.03 of float arithmetic."""
    raw = raw.strip()
    if raw[:1].isdigit():
        try:
            return Decimal(raw.replace(",", ""))
        except InvalidOperation:
            return None
    value = parse_words(raw)
    return None if value is None else Decimal(int(value)) if value == int(value) else None


def scale_of(word: str | None) -> float:
    """Multiplier for a scale word or glued letter ('billion', 'bln', 'm'); 1.0 for none."""
    if not word:
        return 1.0
    word = word.lower()
    return SCALE_WORDS.get(word) or LETTER_SCALES.get(word) or 1.0


def parse_ordinal(raw: str) -> int | None:
    """'third' -> 3, '10th' -> 10, '21st' -> 21."""
    raw = raw.lower()
    if raw in ORDINAL_WORDS:
        return ORDINAL_WORDS[raw]
    digits = raw.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None
