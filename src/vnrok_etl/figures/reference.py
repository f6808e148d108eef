"""Reference year and target: the period a figure is of, and whether it is a goal."""

from __future__ import annotations

import re

from vnrok_etl.figures.context import Context


# "27.3% over the same period last year": a year after these is the base of a comparison.
COMPARISON_BASE = re.compile(
    r"(?i)(?:same[ ]period|compared[ ](?:to|with)|than|from|against|since|versus|vs\.?)[ ]+$"
)


# Words that make a figure later in the sentence a target even without "by 2030". Verbs only
# with "to" after them: "investment plans" or "as expected" say nothing about the future.
TARGET_WORDS = (
    "targets?|goals?|objectives?|ambition|"
    "(?:aims?|aiming|aimed|plans?|planning|planned|seeks?|seeking|strives?|striving|expected|"
    "expects|projected|forecast|set|poised|hopes?|hoping)[ ]to"
)


YEAR_CUE = re.compile(
    r"""
    \b(?P<prep>[Bb]y|[Ii]n|[Dd]uring|[Aa]s[ ]of|[Uu]ntil|[Tt]hrough|[Ff]or)[ ]+
        (?:the[ ]+(?:end|middle|beginning|start|first[ ]half|second[ ]half|first[ ]quarter|
        second[ ]quarter|third[ ]quarter|fourth[ ]quarter|first[ ]\w+[ ]months)[ ]+of[ ]+)?
        (?P<year>(?:19|20)\d{2})\b(?![-–]\d)
  | \b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)[ ]+year\b
    """,
    re.VERBOSE,
)


TARGET_BEFORE = re.compile(rf"(?i)\b(?:{TARGET_WORDS})\b")


def reference_of(ctx: Context, sentence: tuple[int, int], start: int, end: int
               ) -> tuple[int | None, bool]:
    """(ref_year, is_target) from the nearest year cue in the sentence."""
    if sentence[0] not in ctx.cues:
        ctx.cues[sentence[0]] = (
            [cue for cue in YEAR_CUE.finditer(ctx.body, *sentence)
             if not COMPARISON_BASE.search(ctx.body, max(sentence[0], cue.start() - 20),
                                           cue.start())],
            [m.start() for m in TARGET_BEFORE.finditer(ctx.body, *sentence)],
        )
    cues, targets = ctx.cues[sentence[0]]
    best, best_distance = None, None
    for cue in cues:
        distance = max(cue.start() - end, start - cue.end(), 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = cue, distance
    target_words = any(offset < start for offset in targets)
    published = ctx.published_year
    if best is None:
        return None, target_words
    if best["rel"]:
        if published is None:
            return None, target_words
        shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[best["rel"].lower()]
        return published + shift, shift > 0 or (target_words and shift == 0)
    year = int(best["year"])
    prep = best["prep"].lower()
    if prep in ("by", "until", "through"):
        return year, published is None or year >= published
    future = published is not None and year > published
    return year, future or (target_words and (published is None or year >= published))
