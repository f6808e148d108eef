"""Figures printed in words rather than as an amount before a noun: shares ("one-third", "half
of the graduates", "nine out of ten"), comparisons with no verb ("nearly double the number", "second
only to …") and time spans with no number ("over the past decade", "more than an hour").
``figures.kinds`` classifies amounts; these are found by their own patterns, near their literal
words (``_around``).
"""

from __future__ import annotations

import re

from vnrok_etl.figures.build import make_figure
from vnrok_etl.figures.context import Context
from vnrok_etl.figures.kinds import FLY_BEFORE, duration_unit, with_rate
from vnrok_etl.figures.qualifiers import hedge_before
from vnrok_etl.figures.subjects import counted_phrase, of_phrase
from vnrok_etl.figures.words import STOP_WORDS
from vnrok_etl.numbers import (
    ORDINAL_WORD_RE,
    UNIT_WORD_RE,
    UNIT_WORDS,
    at_word_start,
    parse_ordinal,
)
from vnrok_etl.records import Figure

# "more than an hour", "less than a year": one time unit, found only with a hedge before it.
A_TIME_UNIT = re.compile(
    r"[Aa](?<![\w].)n?[ ](?P<u>hour|day|week|month|year|decade|minute|night)\b"
    r"(?![ ]+(?:ago|earlier|later|old|before|after)\b)(?![‐–-])"
)
A_TIME_LITERALS = tuple(f"{article} {unit}" for article in ("a", "an")
                        for unit in ("hour", "day", "week", "month", "year", "decade", "minute",
                                     "night"))
# The whole words of each: a literal whose words are not all in the body is not looked for.
A_TIME_WORDS = {literal: frozenset(literal.encode().split()) for literal in A_TIME_LITERALS}
# "over the past decade", "the next decade": a decade with no number printed.
BARE_DECADE = re.compile(
    r"(?i)\b(?:the|a)[ ]+(?:past|last|next|coming|previous|following)[ ]+"
    r"(?P<d>decade)\b"
)

# Shares in words are percentages: "one-third", "nearly a third", "two-thirds", "a quarter",
# "half of the graduates", "about half of them", "nine out of ten". Not "the first half" (a period), "one and a half",
# "half-year" or "a quarter of a century".
FRACTION = re.compile(
    at_word_start([r"one[‐–-]", r"two[‐–-]", r"three[‐–-]", r"one[ ]", r"two[ ]", r"three[ ]",
                   r"a[ ]"])
    + r"(?P<den>thirds?|quarters?|fifths?|tenths?)\b(?![ ‐–-](?:of[ ]a[ ]century|century))"
    + r"(?:(?<=[‐–-]third)|(?<=[‐–-]thirds)|(?<=[‐–-]quarter)|(?<=[‐–-]quarters)"
    + r"|(?<=[‐–-]fifth)|(?<=[‐–-]fifths)|(?<=[‐–-]tenth)|(?<=[‐–-]tenths)|(?=[ ]of\b))"
)
# A bare plural after "of" is a group too: "more than half of residents are past retirement age".
HALF_OF = re.compile(
    r"[Hh](?<![\w‐–-].)alf[ ]of[ ]+(?:(?:the|its|their|our|all|those)[ ]+|(?P<pronoun>them|it)\b"
    r"|(?=[a-z]+s\b))"
)
# "half of Vietnam’s rice", "half of the country's coffee exports": the share of what a named
# owner has, up to two lowercase words after the possessive (mass nouns, which counted_phrase
# does not read, included).
HALF_OF_POSSESSIVE = re.compile(
    r"[Hh](?<![\w‐–-].)alf[ ]of[ ]+(?:the[ ]+)?(?:[A-Z][\w-]*|[a-z]+)[’'][s][ ]+"
    r"(?P<noun>[a-z][a-z-]+(?:[ ](?![a-z]+ly\b)[a-z][a-z-]+)?)"
)
OUT_OF = re.compile(
    rf"(?P<n>(?i:{UNIT_WORD_RE})|\d{{1,3}})[ ]out[ ]of[ ](?P<m>(?i:{UNIT_WORD_RE})|\d{{1,4}})\b"
)
FRACTION_LITERALS = ("third", "quarter", "fifth", "tenth")
# Every match holds one of these whole words ("one-third", "two-thirds", "a quarter").
FRACTION_WORDS = frozenset(
    f"{word}{plural}".encode() for word in FRACTION_LITERALS for plural in ("", "s")
)
DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
NUMERATORS = {"one": 1, "two": 2, "three": 3, "a": 1}
PERIOD_HALF_BEFORE = re.compile(r"(?i)\b(?:first|second|last|latter|former)[ ]+$")
# "cut processing time by about half", "reduced emissions by nearly half": a change by a half,
# the share of what changes; "half" alone after "by" and its hedge, not "by half a point" or
# "by half past" (a half of something else, a time).
BY_HALF = re.compile(
    r"\bby[ ]+(?:(?:about|around|roughly|nearly|almost|some|more[ ]than|less[ ]than|over|at[ ]least|"
    r"close[ ]to)[ ]+)?(?P<half>half)\b(?![ -](?:a|an|the|of|past|its|their|his|her|[a-z]+ly)\b)"
)

# "nearly double the number a year earlier", "twice the number": a comparison with no verb.
MULTIPLIER_APPOSITIVE = re.compile(
    at_word_start([r"double", r"triple", r"treble", r"quadruple", r"twice"])
    + r"(?=[ ]+(?:the|that|its|their|what|as)\b)"
)
APPOSITIVE_LITERALS = ("double ", "twice ", "triple ", "treble ", "quadruple ")
APPOSITIVE_WORDS = frozenset({b"double", b"twice", b"triple", b"treble", b"quadruple"})
APPOSITIVE_VALUES = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
# "second only to visitors from Taiwan": a rank, its text up to what it is second to.
ONLY_TO = re.compile(
    rf"(?P<ord>(?i:{ORDINAL_WORD_RE}))[ ]only[ ]to[ ](?P<obj>[^,.;:]+?)"
    rf"(?=[,.;:]|[ ](?:among|in|by|with|after|and|according|as|for)\b|$)"
)


def figures_from_fractions(ctx: Context) -> list[Figure]:
    """Shares in words as percentages, rounded to one decimal as printed in keys ("one-third"
    is 33.3 percent): FRACTION, HALF_OF, HALF_OF_POSSESSIVE, BY_HALF, OUT_OF above."""
    body, found = ctx.body, []
    for m in _around(ctx, FRACTION, FRACTION_LITERALS, before=7, gate=FRACTION_WORDS):
        numerator = NUMERATORS[body[m.start():m.start("den")].strip(" ‐–-").lower()]
        value = round(100.0 * numerator / DENOMINATORS[m["den"].lower().rstrip("s")], 1)
        start, qualifier = hedge_before(body, m.start())
        found.append(make_figure(ctx, "percent", value, "percent", qualifier,
                                 of_phrase(body, m.end()), start, m.end()))
    for m in HALF_OF.finditer(body) if "alf of " in body else ():
        if PERIOD_HALF_BEFORE.search(body, max(0, m.start() - 10), m.start()):
            continue
        start, qualifier = hedge_before(body, m.start())
        if m["pronoun"]:
            # "about half of them", "less than half of it": the share of what was just named.
            found.append(make_figure(ctx, "percent", 50.0, "percent", qualifier, None, start, m.end()))
            continue
        phrase = counted_phrase(body, m.end() - 1)
        if phrase is None:
            continue
        found.append(make_figure(ctx, "percent", 50.0, "percent", qualifier, phrase[2], start,
                                 phrase[1].end))
    for m in HALF_OF_POSSESSIVE.finditer(body) if "alf of " in body else ():
        if PERIOD_HALF_BEFORE.search(body, max(0, m.start() - 10), m.start()):
            continue  # "the first half of Vietnam's fiscal year": a period
        noun = m["noun"]
        words = noun.split(" ")
        if len(words) == 2 and words[1] in STOP_WORDS:
            noun = words[0]  # "half of Vietnam's rice and ...": one word
        if noun in STOP_WORDS:
            continue
        start, qualifier = hedge_before(body, m.start())
        end = m.start("noun") + len(noun)
        found.append(make_figure(ctx, "percent", 50.0, "percent", qualifier, body[m.start("noun"):end],
                                 start, end))
    for m in BY_HALF.finditer(body) if "y half" in body or " half" in body and "by " in body else ():
        start, qualifier = hedge_before(body, m.start("half"))
        found.append(make_figure(ctx, "percent", 50.0, "percent", qualifier, None, start, m.end("half")))
    out_of = [body.find(" out of ")]
    while out_of[-1] >= 0:
        out_of.append(body.find(" out of ", out_of[-1] + 1))
    windows = (OUT_OF.search(body, max(0, at - 12), at + 20) for at in out_of[:-1])
    for m in (m for m in windows if m):
        n, d = (UNIT_WORDS.get(g.lower()) or int(g) if not g.isdigit() else int(g)
                for g in (m["n"], m["m"]))
        if not d or n > d:
            continue
        start, qualifier = hedge_before(body, m.start())
        found.append(make_figure(ctx, "percent", round(100.0 * n / d, 1), "percent", qualifier,
                                 None, start, m.end()))
    return found


# "one in three Korean travelers", "two in five households": a share printed as a ratio, with
# the group it is a share of; a proportion so printed is rounded, so approx.
IN_SHARE = re.compile(
    rf"(?<![\w-])(?P<n>(?i:{UNIT_WORD_RE})|\d{{1,2}})[ ]in[ ](?P<m>(?i:{UNIT_WORD_RE})|\d{{1,3}})(?=[ ]+[A-Za-z])"
)


# " in " and a number after it: a literal prefix, so re scans for it in C.
IN_NUMBER = re.compile(rf" in (?=[\dOoTtFfSsEeNn])(?:\d{{1,3}}|(?i:{UNIT_WORD_RE}))\b")


def _in_share_matches(body: str) -> list[re.Match]:
    found = []
    for number in IN_NUMBER.finditer(body):
        at = number.start()
        before = body.rfind(" ", max(0, at - 8), at)
        word = body[before + 1 if before >= 0 else max(0, at - 8):at].lstrip("\"“‘'([\n")
        if _number_word(word) and (m := IN_SHARE.match(body, at - len(word))):
            found.append(m)
    return found


def _number_word(word: str) -> bool:
    return word.isdigit() and len(word) <= 3 or word.lower() in UNIT_WORDS


def figures_from_in_shares(ctx: Context) -> list[Figure]:
    """'one in three Korean travelers' (IN_SHARE): percent, the noun phrase in its text."""
    body, found = ctx.body, []
    # Speed: the pattern is tried only where " in " stands between two number words or small
    # numbers (str.find and a word lookup), not scanned over the body (a fifth of the figures).
    for m in _in_share_matches(body):
        n, d = (UNIT_WORDS.get(g.lower()) if not g.isdigit() else int(g) for g in (m["n"], m["m"]))
        if not n or not d or n >= d:
            continue
        phrase = counted_phrase(body, m.end())
        if phrase is None:
            continue  # "one in ten" with no group named: "ranked one in ten" is no share
        start, qualifier = hedge_before(body, m.start())
        found.append(make_figure(ctx, "percent", round(100.0 * n / d, 1), "percent",
                                 "approx" if qualifier == "exact" else qualifier, phrase[2], start,
                                 phrase[1].end))
    return found


# "twice a week", "once a month": a frequency word with the period of a rate is a count, as
# "four times a week" is (kinds.kind_after); flights when the clause flies or names them.
FREQUENCY_WORD = re.compile(
    r"(?<![\w-])(?P<w>[Oo]nce|[Tt]wice|[Tt]hrice)[ ](?=(?:a|an|per|each|every)[ ](?:day|week|month|year)\b)"
)
FREQUENCY_VALUES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
FREQUENCY_WORDS = frozenset(word.encode() for word in FREQUENCY_VALUES)


def figures_from_frequency_words(ctx: Context) -> list[Figure]:
    """'twice a week', 'once a month' (FREQUENCY_WORD)."""
    body, found = ctx.body, []
    if ctx.words and FREQUENCY_WORDS.isdisjoint(ctx.words):
        return found  # Speed: most bodies print none of the words
    for m in FREQUENCY_WORD.finditer(body):
        unit, end = with_rate(body, m.end("w"), "time")
        if FLY_BEFORE.search(body, max(0, m.start() - 80), m.start()):
            unit = "flight" + unit[len("time"):]
        start, qualifier = hedge_before(body, m.start())
        found.append(make_figure(ctx, "count", FREQUENCY_VALUES[m["w"].lower()], unit, qualifier,
                                 None, start, end))
    return found


def figures_from_appositives(ctx: Context) -> list[Figure]:
    """'nearly double the number a year earlier', 'twice the number', and 'second only to X'."""
    body, found = ctx.body, []
    for m in _around(ctx, MULTIPLIER_APPOSITIVE, APPOSITIVE_LITERALS, before=1,
                     gate=APPOSITIVE_WORDS):
        start, qualifier = hedge_before(body, m.start())
        found.append(make_figure(ctx, "multiplier", APPOSITIVE_VALUES[m.group().lower()],
                                 "times", qualifier, None, start, m.end()))
    if " only to " in body:
        for m in ONLY_TO.finditer(body):
            found.append(make_figure(ctx, "rank", float(parse_ordinal(m["ord"]) or 0), None,
                                     "exact", m["obj"], m.start(), m.end()))
    return found


def figures_from_bare_decades(ctx: Context) -> list[Figure]:
    """'over the past decade', 'the next decade': a duration of ten years, its text 'decade';
    'more than an hour', 'within a year': one time unit with a hedge (unhedged, 'a year' is a
    rate or a time: 'twice a year', 'a year earlier')."""
    body, found = ctx.body, []
    found.extend(make_figure(ctx, "duration", 10.0, "year", "exact", None, m.start("d"), m.end("d"))
                 for m in _around(ctx, BARE_DECADE, ("decade",), before=24,
                                  gate=frozenset({b"decade"})))
    literals = A_TIME_LITERALS if not ctx.words else tuple(
        literal for literal in A_TIME_LITERALS if A_TIME_WORDS[literal] <= ctx.words
    )
    for m in _around(ctx, A_TIME_UNIT, literals, before=1):
        start, qualifier = hedge_before(body, m.start(), duration=True)
        if qualifier != "exact" and start < m.start():
            unit, factor = duration_unit(m["u"])
            found.append(make_figure(ctx, "duration", factor, unit, qualifier, None, start,
                                     m.end()))
    return found

def _around(ctx: Context, pattern: re.Pattern, literals: tuple[str, ...], before: int,
            after: int = 40, gate: frozenset[bytes] = frozenset()) -> list[re.Match]:
    """The matches of ``pattern`` that start near an occurrence of one of ``literals`` (any
    case): cheaper than scanning a whole body with a pattern whose first letters are common
    ones ("a", "t", "d"). The window reaches ``after`` characters past the literal, enough for
    the pattern's lookaheads."""
    body, lowered = ctx.body, ctx.lowered
    if gate and ctx.words and gate.isdisjoint(ctx.words):
        return []  # none of the words every match holds is in the body
    found: dict[int, re.Match] = {}
    for literal in literals:
        at = lowered.find(literal)
        while at >= 0:
            for m in pattern.finditer(body, max(0, at - before), min(len(body), at + after)):
                found.setdefault(m.start(), m)
            at = lowered.find(literal, at + 1)
    return [found[start] for start in sorted(found)]
