"""Rates whose period is printed away from the amount: the unit keeps the period.

Decision (5 December, tests/corpus/README.md "Rates"): a count, an amount of money or a
percentage is a rate when its clause says how often, wherever the period stands, exactly as
when the period follows the amount ("1,000 visitors per week", kinds.with_rate). The reader of
"more than 250,000 certificates are issued each year", "every year about 6,000 patients travel
abroad" or "an annual capacity of 8 GWh" learns a yearly rate, the same fact as "250,000
certificates a year", so both get one unit. A yearly rate still meets a dated total ("5 million
visits in 2024": unit "visit") in one claim: claim_keys.yearly_as_total.

Two forms, both inside the figure's own clause (a comma, semicolon or "and" ends it, so
"…, spending an estimated 500 million USD" after "every year … travel abroad" stays "USD"):

- a recurring-period phrase anywhere in the clause: "each"/"every"/"per" and a period ("each
  year", "every month"), or "annually"/"yearly"; a sentence that opens with one ("Every year, …")
  lends it to its first clause. Not "a year earlier", "last year", "year on year": those date or
  compare, they do not recur;
- a period adjective heading the noun the amount is the value of, before the amount and at most
  60 characters from it with no other number, comma or "and" between: "annual capacity of",
  "monthly basic wage is now", "annual bus production at its Ninh Binh plant to".

A conversion right after a rate, in parentheses or between commas ("VND4.1 million ($184)",
"4.5 million dong, about $177, during …"), is the same rate.
Ranks, multipliers and durations never take a period; a unit that already has one keeps it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.records import Figure

RATE_KINDS = frozenset({"count", "money", "percent"})
# What stands between a rate and its conversion: "VND4.1 million ($184)", "4.5 million dong,
# about $177," (the conversion's hedge is part of its text; after a comma, only an amount in
# another currency is a conversion).
CONVERSION_OPENERS = frozenset({" (", ", "})
PERIOD_NOUNS = {"day": "day", "week": "week", "month": "month", "year": "year", "quarter": "quarter"}
RECURRING = re.compile(
    r"(?i)\b(?:(?:each|every|per)[ ]+(?P<p>day|week|month|year|quarter)\b(?![‐–-])"
    r"|(?P<adv>annually|yearly)\b)"
)
ADVERB_PERIODS = {"annually": "year", "yearly": "year"}
PERIOD_ADJECTIVE = re.compile(r"(?i)\b(?P<a>annual|yearly|monthly|weekly|daily|quarterly)[ ]+[a-z]")
ADJECTIVE_PERIODS = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                     "daily": "day", "quarterly": "quarter"}
# What ends a clause between a period phrase and an amount.
CLAUSE_BREAK = re.compile(r",[ ]|;|[ ]and[ ]|[ ]but[ ]|:")
ADJECTIVE_REACH = 60
# Words whose presence makes a period possible at all (a cheap test per body).
TRIGGER_WORDS = frozenset(
    word.encode() for word in ("each", "every", "per", "annually", "yearly", "annual", "monthly",
                               "weekly", "daily", "quarterly")
)
# What either form holds (str.find on the lowered body; checked exactly later).
SENTENCE_LITERALS = ("each ", "every ", "per ", "annual", "yearly", "monthly", "weekly", "daily",
                     "quarterly")
TRIGGER_LITERALS = ("each ", "every ", "per ", "annual", "yearly", "monthly", "weekly", "daily",
                    "quarterly", "Each ", "Every ", "Annual", "Monthly")


def with_clause_periods(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """``figures`` with the period of their clause added to the unit of every rate (see the
    module docstring); the others unchanged."""
    if ctx.words:
        if TRIGGER_WORDS.isdisjoint(ctx.words):
            return figures
    elif not any(literal in ctx.body for literal in TRIGGER_LITERALS):
        return figures
    # Speed: most sentences print no period word; look at a sentence's figures only if it does
    # (the words' offsets found in one scan of the body).
    lowered = ctx.lowered or ctx.body.lower()
    words = []
    for literal in SENTENCE_LITERALS:
        at = lowered.find(literal)
        while at >= 0:
            words.append(at)
            at = lowered.find(literal, at + 1)
    if not words:
        return figures
    words.sort()
    result = []
    for figure in figures:
        s_start, s_end = sentence_span(ctx, figure.start_char)
        index = bisect.bisect_left(words, s_start)
        worth = index < len(words) and words[index] < s_end
        result.append(_with_period(ctx, figure) if worth else figure)
    # "the monthly basic wage is now VND4.1 million ($184)": a conversion in parentheses right
    # after a rate is the same rate.
    for index in range(1, len(result)):
        before, figure = result[index - 1], result[index]
        if (
            before.unit and " per " in before.unit and figure.kind == before.kind
            and figure.unit and " per " not in figure.unit
            and (opener := ctx.body[before.end_char : figure.start_char]) in CONVERSION_OPENERS
            and (opener == " (" or figure.unit.split(" ", 1)[0] != before.unit.split(" ", 1)[0])
        ):
            result[index] = dataclasses.replace(figure, unit=f"{figure.unit} per {before.unit.rsplit(' per ', 1)[1]}")
    return result


def _with_period(ctx: Context, figure: Figure) -> Figure:
    if figure.kind not in RATE_KINDS or not figure.unit or " per " in figure.unit:
        return figure
    period = _clause_period(ctx, figure.start_char, figure.end_char)
    if period is None:
        return figure
    return dataclasses.replace(figure, unit=f"{figure.unit} per {period}")


def _clause_period(ctx: Context, start: int, end: int) -> str | None:
    body = ctx.body
    s_start, s_end = sentence_span(ctx, start)
    if s_end <= s_start:
        return None
    # The clause: from the last break before the amount to the first after it.
    clause_start = s_start
    for match in CLAUSE_BREAK.finditer(body, s_start, start):
        clause_start = match.end()
    after = CLAUSE_BREAK.search(body, end, s_end)
    clause_end = after.start() if after else s_end
    for match in RECURRING.finditer(body, clause_start, clause_end):
        if match.start() >= end or match.end() <= start:
            return _period_of(match)
    # "Every year, Viet Nam produces …": a fronted period lends itself to the first clause.
    if clause_start > s_start:
        opening = RECURRING.match(body, s_start + len(body[s_start:start]) - len(body[s_start:start].lstrip()))
        first_break = CLAUSE_BREAK.search(body, opening.end(), start) if opening is not None else None
        if (
            opening is not None and first_break is not None and first_break.start() == opening.end()
            and not CLAUSE_BREAK.search(body, first_break.end(), start)
        ):
            return _period_of(opening)
    # "an annual capacity of 8 GWh": a period adjective heading the amount's noun.
    reach = max(clause_start, start - ADJECTIVE_REACH)
    for match in PERIOD_ADJECTIVE.finditer(body, reach, start):
        between = body[match.end("a"):start]
        if not any(char.isdigit() for char in between) and not CLAUSE_BREAK.search(between):
            return ADJECTIVE_PERIODS[match["a"].lower()]
    return None


def _period_of(match: re.Match[str]) -> str:
    if match["adv"]:
        return ADVERB_PERIODS[match["adv"].lower()]
    return PERIOD_NOUNS[match["p"].lower()]
