"""Ranges written with words: "4,000 to 6,400 megawatts", "20 to 24 months", "between 2.6
million and 3.1 million won a month".

A range is one figure whatever joins its ends (tests/corpus keys: "22-23 million international
visitors" is one figure, value the midpoint, qualifier approx). The amount scanner reads the
hyphenated form; this joins the others, two forms:

- "<low> to <high>": the low end a bare number (digits, a scale word, no noun or currency of its
  own), the high end a count, a duration, money or a percentage whose noun, unit or currency then
  measures both ("300 to 400 workers", "20 to 24 months", "10 to 15 percent"). It is a change,
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
from vnrok_etl.records import Figure

BARE_NUMBER = re.compile(r"[\d.,]+(?:[ ](?:thousand|million|billion|trillion))?")
CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:from|between|rose|rises|rising|increased|increases|grew|grows|jumped|fell|falls|"
    r"dropped|climbed|declined|up|down|by)[ ]+$"
)
# "between" (and a hedge: "between about 300 and 400") right before the low end.
BETWEEN_BEFORE = re.compile(rf"(?i)\bbetween[ ]+(?:(?:{AMOUNT_HEDGES})[ ]+)?$")
# The kinds whose unit the high end of a range lends to its bare low end.
RANGE_KINDS = frozenset({"count", "duration", "money", "percent"})


def join_to_ranges(body: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` (in text order) with each "<number> to <figure>" and "between <number> and
    <figure>" pair made one range."""
    if " to " not in body and "between " not in body:
        return figures
    result: list[Figure] = []
    for figure in figures:
        first = result[-1] if result else None
        start = _range_start(body, first, figure) if first is not None else None
        if start is not None:
            result[-1] = dataclasses.replace(
                figure,
                text=body[start : figure.end_char],
                start_char=start,
                value=(first.value + figure.value) / 2,
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
        if not BARE_NUMBER.fullmatch(first.text) or (first.kind != "count" and first.kind != second.kind):
            return None
        if CHANGE_BEFORE.search(body, max(0, first.start_char - 16), first.start_char):
            return None
        return first.start_char
    if gap == " and ":
        between = BETWEEN_BEFORE.search(body, max(0, first.start_char - 40), first.start_char)
        if between is None:
            return None
        bare = BARE_NUMBER.fullmatch(first.text) is not None
        if not (bare or first.kind == second.kind and _same_unit(first.unit, second.unit)):
            return None
        return between.start()
    return None


def _same_unit(low: str | None, high: str | None) -> bool:
    """The high end's unit, or its rate ("between $2,000 and $3,500 a year": USD, USD per year)."""
    return low is not None and high is not None and (low == high or high.startswith(f"{low} per "))
