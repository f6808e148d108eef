"""Ranges written with words: "4,000 to 6,400 megawatts", "20 to 24 months", "between 2.6
million and 3.1 million won a month".

A range is one figure whatever joins its ends (tests/corpus keys: "22-23 million international
visitors" is one figure, value the midpoint, qualifier approx). The amount scanner reads the
hyphenated form; this joins the others, two forms:

- "<low> to <high>": the low end a bare number (digits, a scale word, no noun or currency of its
  own; or a number word or small number no figure was read for), the high end a count, a
  duration, money, a percentage or a multiplier whose noun, unit or currency then measures both
  ("300 to 400 workers", "20 to 24 months", "three to five years", "6 to 8 times higher"); or two
  ends that each print the unit ("$900 to $1,300 monthly"). It is a change,
  not a range, when "from" or a verb of change stands before the low end ("rose from 300 to 400
  workers", "grew 300 to 400": read as a change), so those stay two figures.
- "between <low> and <high>": the same two ends, or two ends that each print the unit ("between
  $2,000 and $3,500", "between 5% and 7%"); "between" says the two numbers bound one quantity, so
  the figure's text starts at "between"; the high end may add a rate ("… $3,500 a year"). Dates and years are no figures and never join ("between
  2020 and 2025").

The low end must be smaller than the high end; the joined figure keeps the high end's kind, unit,
reference year and target flag.
"""

from __future__ import annotations

import dataclasses
import re

from vnrok_etl.figures.words import AMOUNT_HEDGES
from vnrok_etl.numbers import UNIT_WORD_RE, UNIT_WORDS
from vnrok_etl.records import Figure

BARE_NUMBER = re.compile(r"[\d.,]+(?:[ ](?:thousand|million|billion|trillion))?")
CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:from|between|rose|rises|rising|increased|increases|grew|grows|jumped|fell|falls|"
    r"dropped|climbed|declined|up|down|by)[ ]+$"
)
# "between" (and a hedge: "between about 300 and 400") right before the low end.
BETWEEN_BEFORE = re.compile(rf"(?i)\bbetween[ ]+(?:(?:{AMOUNT_HEDGES})[ ]+)?$")
# The kinds whose unit the high end of a range lends to its bare low end.
RANGE_KINDS = frozenset({"count", "duration", "money", "percent", "multiplier"})
# A low end no figure was read for: a number word or a small number before "to" ("three to five
# years", "6 to 8 times higher").
LEADING_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
LOW_WORD_BEFORE = re.compile(rf"(?i)(?<![\w.,$])(?P<low>{UNIT_WORD_RE}|\d{{1,3}})[ ]to[ ]$")


def join_to_ranges(body: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` (in text order) with each "<number> to <figure>" and "between <number> and
    <figure>" pair made one range."""
    if " to " not in body and "between " not in body:
        return figures
    result: list[Figure] = []
    for figure in figures:
        first = result[-1] if result else None
        start = _range_start(body, first, figure) if first is not None else None
        if start is None and figure.kind in RANGE_KINDS and figure.value is not None and (
            low := _unread_low_end(body, figure, first)
        ):
            low_start, low_value = low
            result.append(dataclasses.replace(
                figure, text=body[low_start : figure.end_char], start_char=low_start,
                value=(low_value + figure.value) / 2,
                qualifier="approx" if figure.qualifier == "exact" else figure.qualifier,
            ))
            continue
        if start is not None:
            low = _scaled_low(first.value, figure) if _bare(first.text) else first.value
            result[-1] = dataclasses.replace(
                figure,
                text=body[start : figure.end_char],
                start_char=start,
                value=(low + figure.value) / 2,
                qualifier="approx" if figure.qualifier == "exact" else figure.qualifier,
            )
            continue
        result.append(figure)
    return result


def _range_start(body: str, first: Figure, second: Figure) -> int | None:
    """Where the range of ``first`` and ``second`` starts, or None when they are no range."""
    if second.kind not in RANGE_KINDS or first.value is None or second.value is None:
        return None
    if not first.value < second.value:
        return None
    gap = body[first.end_char : second.start_char]
    if gap == " to ":
        bare = _bare(first.text)
        if not (bare and (first.kind == "count" or first.kind == second.kind)
                or first.kind == second.kind and _same_unit(first.unit, second.unit)):
            return None
        if CHANGE_BEFORE.search(body, max(0, first.start_char - 16), first.start_char):
            return None
        return first.start_char
    if gap == " and ":
        between = BETWEEN_BEFORE.search(body, max(0, first.start_char - 40), first.start_char)
        if between is None:
            return None
        bare = _bare(first.text)
        if not (bare or first.kind == second.kind and _same_unit(first.unit, second.unit)):
            return None
        return between.start()
    return None


def _same_unit(low: str | None, high: str | None) -> bool:
    """The high end's unit, or its rate ("between $2,000 and $3,500 a year": USD, USD per year)."""
    return low is not None and high is not None and (low == high or high.startswith(f"{low} per "))


def _unread_low_end(body: str, figure: Figure, before: Figure | None) -> tuple[int, float] | None:
    """The start and value of a low end printed as a number word or a small bare number right
    before "<figure>" with "to" between, that no figure of its own was read for ("three to five
    years", "6 to 8 times higher"); None after "from" or a verb of change, or when a figure was
    read there."""
    if " to " not in body[max(0, figure.start_char - 4) : figure.start_char]:
        return None
    low = LOW_WORD_BEFORE.search(body, max(0, figure.start_char - 16), figure.start_char)
    if low is None or before is not None and before.end_char > low.start("low"):
        return None
    if CHANGE_BEFORE.search(body, max(0, low.start("low") - 16), low.start("low")):
        return None
    word = low["low"].lower()
    value = float(UNIT_WORDS[word]) if word in UNIT_WORDS else float(word)
    value = _scaled_low(value, figure)
    if not value < figure.value:
        return None
    return low.start("low"), value


def _scaled_low(value: float, high: Figure) -> float:
    """A bare low end shares the high end's scale word ("5 to 7 billion USD": 5 billion; "3 to 4
    million workers"), unless it printed its own ("2.1 million to 2.6 million won")."""
    printed = LEADING_DIGITS.search(high.text)
    if printed is None or high.value is None or value >= 1000:
        return value
    scale = high.value / float(printed.group().replace(",", ""))
    return value * scale if scale >= 1000 else value


HEDGE_PREFIX = re.compile(rf"(?i)(?:(?:{AMOUNT_HEDGES})[ ]+)?")


def _bare(text: str) -> bool:
    """A bare number, perhaps hedged ("about 2.1 million to 2.6 million won": the range's hedge)."""
    return BARE_NUMBER.fullmatch(text, HEDGE_PREFIX.match(text).end()) is not None
