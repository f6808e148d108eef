"""Kinds and units: what an amount measures, from the words around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnrok_etl.figures.amounts import (
    Amount,
    CURRENCY_AFTER,
    CURRENCY_SUFFIXES,
    PERCENT_AFTER,
    is_label,
    read_amount,
)
from vnrok_etl.figures.build import make_figure
from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.figures.qualifiers import hedge_before
from vnrok_etl.figures.subjects import (
    counted_phrase,
    money_subject,
    of_phrase,
    post_modifier,
    subject_before,
    words_after,
)
from vnrok_etl.numbers import (
    MULTIPLIER_STEMS,
    ORDINAL_WORD_RE,
    UNIT_WORD_RE,
    at_word_start,
    parse_ordinal,
)
from vnrok_etl.records import Figure

DURATION_UNITS: dict[str, float] = {"year": 1.0, "years": 1.0, "decade": 10.0, "decades": 10.0}


# "two countries", "both sides": the two parties of a bilateral story, never a measured count.
PARTY_NOUNS = frozenset(
    {
        "country", "nation", "side", "leader", "people", "party", "government", "economy",
        "president", "minister", "delegation", "head", "capital", "korea", "state", "peoples",
        "chief", "sides",
    }
)


# Counted nouns that are really time or order words: "three days", "two times a year".
NON_COUNT_HEADS = frozenset(
    {"day", "week", "month", "hour", "minute", "second", "night", "time", "year", "decade",
     "percent", "per", "term", "round", "session", "edition", "occasion"}
)


GROWTH_WORDS = (
    "increas\\w*|ris\\w*|rose|grew|grow\\w*|jump\\w*|expand\\w*|surg\\w*|multipl\\w*|soar\\w*|"
    "climb\\w*|boost\\w*|up|higher|larger|bigger|greater|more"
)


FOLD_AFTER = re.compile(r"(?i)[ -]?fold\b")


TIMES_AFTER = re.compile(r"(?i)[ ]times\b")


TIMES_COMPARATIVE = re.compile(
    r"(?i)[ ]+(?:more|higher|larger|bigger|greater|faster|lower|smaller|as|that|the|over|"
    r"compared)\b"
)


DURATION_AFTER = re.compile(
    r"(?i)[ -](?P<u>years?|decades?)(?![\w-])(?![ ]+(?:old|ago|of[ ]age)\b)"
)


OF_PRONOUN = re.compile(r"[ ]+of[ ]+(?:them|those|whom|which|these)\b")


GROWTH_BEFORE = re.compile(rf"(?i)\b(?:{GROWTH_WORDS})\b(?:[ ]+\S+){{0,2}}[ ]+$")


# Ranks are found from the superlative (a cheap scan) and then the ordinal right before it.
SUPERLATIVE = re.compile(
    at_word_start(
        ["largest", "biggest", "highest", "lowest", "smallest", "greatest", "fastest", "leading",
         "richest", "poorest", "busiest", "strongest", "oldest", "longest", "most[ -][a-z]+"]
    )
    + r"\b"
)


ORDINAL_BEFORE = re.compile(
    rf"(?<![\w-])(?P<ord>(?i:{ORDINAL_WORD_RE})|\d{{1,2}}(?:st|nd|rd|th))[ -]+$"
)


RANKED = re.compile(
    rf"{at_word_start(['rank'])}(?:ed|s|ing)[ ]+"
    rf"(?P<ord>(?i:{ORDINAL_WORD_RE})|\d{{1,2}}(?:st|nd|rd|th))\b"
)


MULTIPLIER_VERB = re.compile(
    rf"(?P<stem>{at_word_start(MULTIPLIER_STEMS)})(?P<ending>e|ed|es|ing)\b(?![-‐])"
)


# Every match of RANKED contains "ank", every match of MULTIPLIER_VERB one of "oubl", "ripl", ...:
# testing a body for them is a few times cheaper than the scan, and most bodies have none.
RANKED_LITERAL = "ank"


MULTIPLIER_LITERALS = tuple(stem[1:] for stem in MULTIPLIER_STEMS)


# Base forms ("double", "triple") are adjectives too ("double taxation"): only after a modal/to.
MODAL_BEFORE = re.compile(
    r"(?i)\b(?:to|will|would|could|can|may|might|should|must|shall)[ ]+(?:\w+[ ]+)?$"
)


# "tenfold": found from the literal "fold" (fast), then the number word glued before it.
FOLD_LITERAL = re.compile(r"fold\b")


FOLD_PREFIX = re.compile(rf"(?i)(?<![\w-])(?P<w>{UNIT_WORD_RE}|hundred|thousand)$")


@dataclass(frozen=True, slots=True)
class Kind:
    """What an amount measures, and where its surface form ends."""

    kind: str
    unit: str | None
    end: int
    factor: float = 1.0  # decades -> years
    subject: str | None = None


def figure_from_quantity(ctx: Context, m: re.Match, found: list[Figure]) -> Figure | None:
    """An amount found by DIGIT_QUANTITY or WORD_QUANTITY, classified by its surroundings."""
    amount = read_amount(ctx.body, m)
    if amount is None:
        return None
    kind = money_or_percent(ctx.body, amount) or kind_after(ctx, amount, found)
    if kind is None:
        return None
    start, qualifier = hedge_before(ctx.body, amount.start)
    if qualifier == "exact" and amount.is_range:
        qualifier = "approx"  # "6-7 percent" is read as its midpoint
    subject = kind.subject
    if kind.kind == "money":
        subject = money_subject(ctx.body, start, kind.end)
    elif kind.kind == "percent":
        subject = of_phrase(ctx.body, kind.end) or subject_before(ctx.body, start)
    elif kind.kind == "multiplier":
        subject = subject_before(ctx.body, start)
    return make_figure(ctx, kind.kind, amount.value * kind.factor, kind.unit, qualifier, subject,
                   start, kind.end)


def money_or_percent(body: str, amount: Amount) -> Kind | None:
    """A currency before or after the amount, or a percent sign or word after it."""
    if amount.currency:
        suffix = CURRENCY_AFTER.match(body, amount.end)  # "US$ 5 billion USD" is rare but seen
        return Kind("money", amount.currency, suffix.end() if suffix else amount.end)
    if suffix := PERCENT_AFTER.match(body, amount.end):
        unit = "percentage point" if suffix["u"].lower().startswith("percentage") else "percent"
        return Kind("percent", unit, suffix.end())
    if suffix := CURRENCY_AFTER.match(body, amount.end):
        return Kind("money", CURRENCY_SUFFIXES[suffix["u"].lower()], suffix.end())
    return None


def kind_after(ctx: Context, amount: Amount, found: list[Figure]) -> Kind | None:
    """Multiplier, duration or count, from the words after an amount that is not money."""
    body, end = ctx.body, amount.end
    if is_label(body, amount.start):
        return None
    if suffix := FOLD_AFTER.match(body, end):
        return Kind("multiplier", "times", suffix.end())
    if suffix := TIMES_AFTER.match(body, end):
        if not (TIMES_COMPARATIVE.match(body, suffix.end()) or growth_before(body, amount.start)):
            return None  # "visited three times" is a frequency
        return Kind("multiplier", "times", suffix.end())
    if suffix := DURATION_AFTER.match(body, end):
        return Kind("duration", "year", suffix.end(), DURATION_UNITS[suffix["u"].lower()],
                     of_phrase(body, suffix.end()))
    if amount.is_lone_one:
        return None  # "one of the largest investors"
    if OF_PRONOUN.match(body, end):
        return Kind("count", antecedent_unit(ctx, amount.start, found), end)
    phrase = counted_phrase(body, end)
    if phrase is None:
        # "reaching 3 million in 2024": a scaled amount is a figure even with its noun elided;
        # "rose to 15" names nothing we can count.
        if not amount.is_scaled or amount.value < 1e6:
            return None
        hedge_start = hedge_before(body, amount.start)[0]
        return Kind("count", None, end, subject=subject_before(body, hedge_start))
    head, noun_phrase, subject = phrase
    if SUPERLATIVE.match(body, noun_phrase.start):
        return None  # "one of the 20 largest companies" is a rank group, not a count
    if head in NON_COUNT_HEADS or amount.value == 2 and head in PARTY_NOUNS:
        return None
    return Kind("count", head, noun_phrase.end, subject=subject)


def growth_before(body: str, start: int) -> bool:
    return GROWTH_BEFORE.search(body, max(0, start - 40), start) is not None


def antecedent_unit(ctx: Context, start: int, found: list[Figure]) -> str | None:
    """'... 250,000 Koreans in Vietnam, around 100,000 of them ...': the last count before."""
    sentence = sentence_span(ctx, start)
    for figure in reversed(found):
        if figure.kind == "count" and figure.start_char >= sentence[0]:
            return figure.unit
        if figure.start_char < sentence[0]:
            break
    return None


def figure_from_rank(ctx: Context, m: re.Match, found: list[Figure]) -> Figure | None:
    """'third-largest trading partner': the ordinal before a superlative, the noun after it."""
    ordinal = ORDINAL_BEFORE.search(ctx.body, max(0, m.start() - 16), m.start())
    if not ordinal:
        return None  # "the largest investor": no number printed
    value = float(parse_ordinal(ordinal["ord"]) or 0)
    words = words_after(ctx.body, m.end(), limit=3, stop_on_participle=False)
    end, subject = m.end(), None
    if words:
        end = words[-1].end
        noun = ctx.body[words[0].start:end]
        post = post_modifier(ctx.body, end)
        subject = noun + (ctx.body[end:post.end] if post else "")
    else:
        # "the fourth largest economy in Asia and the tenth largest worldwide": the noun is elided,
        # take it from the rank before in the same sentence.
        sentence = sentence_span(ctx, m.start())
        for figure in reversed([f for f in found if f.kind == "rank"]):
            if figure.start_char < sentence[0]:
                break
            superlative = SUPERLATIVE.search(figure.text)
            if superlative and figure.text[superlative.end():].strip():
                subject = figure.text[superlative.end():].strip()
                break
    return make_figure(ctx, "rank", value, None, "exact", subject, ordinal.start("ord"), end)


def figure_from_multiplier_verb(ctx: Context, m: re.Match) -> Figure | None:
    """'doubled', 'more than tripled', 'to double': a multiplier with no number printed."""
    if m["ending"] == "e" and not MODAL_BEFORE.search(ctx.body, max(0, m.start() - 30), m.start()):
        return None
    start, qualifier = hedge_before(ctx.body, m.start())
    # The figure is the verb itself: "Revenue tripled", "investment has more than doubled".
    subject = subject_before(ctx.body, start, verb_required=False)
    value = MULTIPLIER_STEMS[m["stem"].lower()]
    return make_figure(ctx, "multiplier", value, "times", qualifier, subject,
                   start, m.end())
