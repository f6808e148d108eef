"""Figure extraction: every number that matters in a clean body, exactly normalized.

Hand-written rather than built on quantulum3 because, measured on the seeds
(benchmarks/figures_vs_quantulum.py), quantulum3 reads "VND4,927 billion" as 927 billion with no
currency, reports "18-fold" as a bare 18, returns bare years (2030) and dates as quantities, and
has no notion of hedges ("around", "more than"), of what is counted ("Korean businesses"), of a
target year ("by 2030") or of ranks ("third-largest"); on the seeds its precision is 0.35 and it
is about a hundred times slower (benchmarks/README.md). News prose in this corpus uses a handful
of forms, so a few anchored patterns over the text around each number do better.

How it works: ``DIGIT_QUANTITY`` and ``WORD_QUANTITY`` find every amount (digits or number words,
a range, a scale word); a currency code or symbol right before it makes it money, the text right
after it decides the other kinds (``%``/percent, a currency word, ``-fold``/``times``,
years/decades, else a counted noun phrase), and a hedge right before it gives the qualifier.
``SUPERLATIVE`` with an ordinal before it (ranks), ``MULTIPLIER_VERB`` ("doubled") and
``FOLD_LITERAL`` ("tenfold") catch the amounts written without a cardinal. Dates, bare years,
ordinals of events, document numbers and "two countries" never become figures.
Reference years come from the nearest year cue in the same sentence ("by 2030", "in 2024",
"last year" against ``published``), skipping the base of a comparison ("over the same period
last year").

Speed: the patterns that scan a whole body start with a character class, not ``\b``
(``numbers.at_word_start``, ``DIGITS_RE``), so the regex engine skips in C to the letters or digits
that can start a match instead of trying every position (0.72 -> 0.50 ms/doc on the equivalence
corpus).

Deliberately not extracted (each a judgement call, tested in tests/test_figures.py):
- vague amounts without a value: "millions of travellers", "dozens of", "double-digit growth";
- fractions and shares in words: "nearly a quarter", "two-thirds", "half";
- bare superlatives with no printed number ("the largest investor"): no number was given;
- ordinals of events ("14th Congress", "10th anniversary", "third consecutive championship");
- days, weeks and months ("a three-day visit"): in this corpus they schedule events;
- ages and time ago ("30-year-old", "30 years ago"), bare numbers with no counted noun below a
  million ("rose to 15"), "one" on its own ("one of the largest investors").
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from vnrok_etl.numbers import (
    DIGITS_RE,
    LETTER_SCALES,
    MULTIPLIER_STEMS,
    ORDINAL_WORD_RE,
    SCALE_WORD_RE,
    UNIT_WORD_RE,
    UNIT_WORDS,
    WORDS_RE,
    at_word_start,
    parse_ordinal,
    scale_of,
    to_decimal,
)
from vnrok_etl.records import Figure
from vnrok_etl.sentences import body_sentences

# ---------------------------------------------------------------------------------------------
# Tables

CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "USD": "USD", "$": "USD", "VND": "VND", "₫": "VND", "KRW": "KRW", "₩": "KRW",
    "EUR": "EUR", "€": "EUR", "GBP": "GBP", "£": "GBP", "JPY": "JPY", "¥": "JPY", "CNY": "CNY",
    "RMB": "CNY", "S$": "SGD", "SGD": "SGD", "A$": "AUD", "AUD": "AUD", "HK$": "HKD",
    "HKD": "HKD", "THB": "THB", "INR": "INR", "CHF": "CHF",
}

CURRENCY_SUFFIXES: dict[str, str] = {
    "usd": "USD", "us dollars": "USD", "us dollar": "USD", "dollars": "USD", "dollar": "USD",
    "vnd": "VND", "dong": "VND", "đồng": "VND", "krw": "KRW", "won": "KRW", "eur": "EUR",
    "euros": "EUR", "euro": "EUR", "jpy": "JPY", "yen": "JPY", "cny": "CNY", "yuan": "CNY",
    "gbp": "GBP", "pounds sterling": "GBP", "sgd": "SGD", "aud": "AUD", "thb": "THB",
    "baht": "THB",
}

HEDGES: dict[str, str] = {
    "around": "approx", "about": "approx", "approximately": "approx", "nearly": "approx",
    "some": "approx", "roughly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "approx.": "approx",
    "over": "over", "more than": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "upwards of": "over", "at least": "over", "just over": "over",
    "well over": "over", "no less than": "over", "no fewer than": "over",
    "not less than": "over",
    "less than": "under", "fewer than": "under", "under": "under", "up to": "under",
    "below": "under", "at most": "under", "just under": "under", "as many as": "under",
    "as much as": "under", "no more than": "under", "not more than": "under",
}

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

# Irregular plurals, and invariant nouns that head a count without a plural -s.
IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff",
    "personnel": "personnel", "police": "police", "cattle": "cattle", "livestock": "livestock",
    "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "youth": "youth", "crew": "crew",
    "series": "series", "species": "species", "offspring": "offspring", "lives": "life",
}

# Words ending in -s that are never a plural noun heading a count.
NOT_PLURAL = frozenset(
    {
        "is", "was", "has", "does", "its", "this", "thus", "his", "hers", "ours", "yours",
        "theirs", "as", "us", "plus", "less", "unless", "across", "always", "perhaps", "whereas",
        "besides", "towards", "afterwards", "various", "numerous", "previous", "serious",
        "famous", "bus", "campus", "status", "bonus", "focus", "census", "consensus", "versus",
        "chaos", "gas", "yes", "sometimes", "nowadays", "overseas", "news",
    }
)

# Words that end a counted noun phrase: function words, auxiliaries, and the verbs that follow
# population counts in this corpus ("350,000 Vietnamese live, study and work").
STOP_WORDS = frozenset(
    {
        "of", "in", "on", "at", "to", "from", "by", "for", "with", "into", "onto", "over",
        "under", "between", "among", "across", "through", "during", "since", "until", "than",
        "as", "and", "or", "but", "nor", "while", "whereas", "that", "which", "who", "whom",
        "whose", "where", "when", "the", "a", "an", "this", "these", "those", "each", "every",
        "per", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "will",
        "would", "can", "could", "shall", "should", "may", "might", "must", "do", "does", "did",
        "live", "reside", "work", "study", "visit", "come", "go", "remain", "continue", "stay",
        "become", "make", "take", "attend", "join", "participate", "say", "it", "its", "their",
        "them", "they", "we", "our", "he", "she", "his", "her", "not", "also", "now", "still",
        "already", "respectively", "alone", "only", "just", "both", "all", "after", "before",
        "against", "within", "without", "about", "around", "like", "worldwide", "globally",
        "overall", "ever", "nationwide", "annually", "yearly", "so", "if", "then", "there",
        "here", "too", "very", "such", "because", "although", "though", "via", "toward",
        "towards", "upon", "including", "according", "compared", "more",
    }
)

# Prepositions that may start a short post-modifier of the counted noun ("operating in Việt Nam").
POSTMOD_PREPOSITIONS = frozenset({"in", "from", "on", "to", "at", "across", "of"})
DETERMINERS = frozenset(
    {"the", "a", "an", "each", "both", "all", "their", "its", "our", "his", "her", "this",
     "these", "those", "every", "some", "your", "my"}
)

# Backward noun phrases ("bilateral trade reached ...") stop at these.
CLAUSE_BOUNDARIES = frozenset(
    {
        "and", "or", "but", "while", "whereas", "that", "which", "who", "when", "where", "as",
        "if", "because", "since", "although", "though", "with", "after", "before", "than", "so",
        "then", "also", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can",
        "could", "said", "says", "noted", "added", "stressed", "affirmed", "it",
        "they", "we", "he", "she", "posted", "recorded", "earned", "attracted", "generated",
        "reported", "spent", "invested", "raised", "disbursed", "pledged", "signed", "hit",
        "reached", "totalled", "totaled", "exported", "imported", "received", "worth", "valued",
    }
)

# Verb-group words passed over, right before the amount, on the way back to its subject:
# "Rice prices were expected to double", "investment has more than doubled".
VERB_GROUP = frozenset(
    {"to", "be", "been", "is", "are", "was", "were", "has", "have", "had", "will", "would",
     "could", "can", "may", "might", "should", "must", "expected", "set", "likely", "projected",
     "forecast", "also", "still", "further", "almost", "nearly", "more", "than"}
)

# "27.3% over the same period last year": a year after these is the base of a comparison.
COMPARISON_BASE = re.compile(
    r"(?i)(?:same[ ]period|compared[ ](?:to|with)|than|from|against|since|versus|vs\.?)[ ]+$"
)

# Money/percent subjects that only restate the amount.
WEAK_SUBJECTS = frozenset(
    {"total", "sum", "amount", "figure", "value", "level", "it", "this", "record", "combined"}
)

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

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)

GROWTH_WORDS = (
    "increas\\w*|ris\\w*|rose|grew|grow\\w*|jump\\w*|expand\\w*|surg\\w*|multipl\\w*|soar\\w*|"
    "climb\\w*|boost\\w*|up|higher|larger|bigger|greater|more"
)

# Words that make a figure later in the sentence a target even without "by 2030". Verbs only
# with "to" after them: "investment plans" or "as expected" say nothing about the future.
TARGET_WORDS = (
    "targets?|goals?|objectives?|ambition|"
    "(?:aims?|aiming|aimed|plans?|planning|planned|seeks?|seeking|strives?|striving|expected|"
    "expects|projected|forecast|set|poised|hopes?|hoping)[ ]to"
)

MONEY_VERBS = (
    "(?:hit|reached|set) a (?:new )?record(?: high)? of|(?:worth |with )?a (?:combined )?total of|"
    "reached|reach|reaching|totall?ed|totals|total|totall?ing|hit|stood at|stands at|stand at|"
    "amounted to|amounts to|amount to|rose to|rising to|increased to|increasing to|grew to|"
    "growing to|fell to|dropped to|declined to|climbed to|jumped to|surged to|exceeded|surpassed|"
    "topped|valued at|worth|estimated at|was|were|is|are|of|to|at|rose by|increased by|grew by|"
    "fell by"
)

AUXILIARIES = "has|have|had|will|would|could|is|are|was|were|can|may|might"

VERB_AFTER_AMOUNT = (
    "increased|grown|grew|risen|rose|jumped|expanded|surged|multiplied|soared|climbed|"
    "increase|grow|rise|jump|expand|been|reached|reach"
)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# ---------------------------------------------------------------------------------------------
# Patterns

# An amount: digits or number words, an optional range ("7-8"), an optional scale ("billion",
# "bln", glued "bn"). Two scans (digits, words) because one alternation over both is three
# times slower. The lookahead refuses numbers glued to letters or slashes ("5G", "15/08/2025",
# "34-NQ/TW", "01:50") unless the glue is a money scale ("$5bn"); what comes before the digits
# ("G20", "VND4,927") is checked in code, with the currency prefix.
QUANTITY_TAIL = rf"""
    (?:(?P<dash>[ ]?[-–][ ]?)(?P<num2>{DIGITS_RE}))?
    (?:
        (?P<glued>bln|bn|mln|mn|tn|trn|k|m|b)(?!\w)
      | (?![\w/:]|[.,]\d|-[A-Z])(?:[ ](?P<scale>(?i:{SCALE_WORD_RE}))\b)?
    )
"""
DIGIT_QUANTITY = re.compile(rf"(?P<num>{DIGITS_RE}){QUANTITY_TAIL}", re.VERBOSE)
WORD_QUANTITY = re.compile(rf"(?P<num>{WORDS_RE}){QUANTITY_TAIL}", re.VERBOSE)
CURRENCY_BEFORE = re.compile(
    rf"(?<![\w$€£¥₩₫])(?P<cur>{_alternation(CURRENCY_PREFIXES)})[ ]?$"
)

MONTH_WORD = re.compile(rf"(?:{MONTHS})\b")

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

# What follows an amount, tried in this order at the end of the amount.
PERCENT_AFTER = re.compile(
    r"(?i)[ ]?-?[ ]?(?P<u>percentage[ ]points?|percent|per[ ]cent|pct|%)(?!\w)"
)
CURRENCY_AFTER = re.compile(rf"(?i)[ ]?(?P<u>{_alternation(CURRENCY_SUFFIXES)})(?!\w)")
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

HEDGE_BEFORE = re.compile(rf"(?i)(?<![\w.])(?P<h>{_alternation(HEDGES)})[ ]+$")
LABEL_BEFORE = re.compile(r"(?<![\w])(?P<w>[A-Za-z]+\.?)[ ]?$")
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

NEXT_WORD = re.compile(r"[ \t]+(?P<w>[^\W\d_](?:[\w’'‐–-]*[^\W_])?)")
WORD = re.compile(r"[^\W\d_](?:[\w’'‐–-]*[^\W_])?|[^\w\s]")
YEAR_WORD = re.compile(r"(?:19|20)\d{2}\b")

SUBJECT_IN_AFTER = re.compile(r"[ ]+(?:in|of|worth[ ]of)(?=[ ])")
VERB_BEFORE = re.compile(
    rf"(?i)\b(?:(?:{AUXILIARIES})[ ]+(?:been[ ]+)?(?:(?:{MONEY_VERBS}|{VERB_AFTER_AMOUNT})"
    rf"(?:[ ]+(?:by|to|at))?[ ]+)?|(?:{MONEY_VERBS}|{VERB_AFTER_AMOUNT})(?:[ ]+(?:by|to|at))?[ ]+)$"
)


# ---------------------------------------------------------------------------------------------
# Records private to this module


@dataclass(frozen=True, slots=True)
class _Span:
    """A phrase inside the body: its text and offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Amount:
    """A number as printed, before we know what it measures."""

    start: int  # includes a currency code in front: "US$150 billion"
    end: int
    value: float  # fully scaled; the midpoint of a range
    currency: str | None  # ISO code when a currency stands in front
    is_range: bool
    is_scaled: bool  # written with a scale word: "4.6 million", "five million"
    is_lone_one: bool  # "one" / "1" on its own: mostly "one of", never a count here


@dataclass(frozen=True, slots=True)
class _Kind:
    """What an amount measures, and where its surface form ends."""

    kind: str
    unit: str | None
    end: int
    factor: float = 1.0  # decades -> years
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    """Per-call lookups shared by the classifiers: sentence spans and the publication year."""

    body: str
    sentence_starts: list[int]
    sentence_spans: list[tuple[int, int]]
    published_year: int | None
    # sentence start -> (year cues, offsets of target words): computed once per sentence
    cues: dict[int, tuple[list[re.Match], list[int]]]


# ---------------------------------------------------------------------------------------------
# Public API


def extract_figures(body: str, published: datetime.date | None = None) -> tuple[Figure, ...]:
    """Every figure in ``body`` in text order; ``published`` resolves "last year" and targets.

    It does not swallow its own bugs: an exception here becomes a rejection row naming the
    document (pipeline.py), where a silent empty result would lose its figures without a trace.
    """
    return _extract(body, published)


def _extract(body: str, published: datetime.date | None) -> tuple[Figure, ...]:
    if not body:
        return ()
    spans = body_sentences(body)  # usually the split the quotation stage just made
    ctx = _Context(
        body=body,
        sentence_starts=[s for s, _ in spans],
        sentence_spans=spans,
        published_year=published.year if published else None,
        cues={},
    )
    found: list[Figure] = []
    quantities = sorted(
        [*DIGIT_QUANTITY.finditer(body), *WORD_QUANTITY.finditer(body)], key=lambda m: m.start()
    )
    for match in quantities:
        figure = _from_quantity(ctx, match, found)
        if figure:
            found.append(figure)
    for match in SUPERLATIVE.finditer(body):
        figure = _from_rank(ctx, match, found)
        if figure:
            found.append(figure)
    if RANKED_LITERAL in body:
        for match in RANKED.finditer(body):
            found.append(_figure(ctx, "rank", float(parse_ordinal(match["ord"]) or 0), None,
                                 "exact", None, match.start(), match.end()))
    if any(literal in body for literal in MULTIPLIER_LITERALS):
        for match in MULTIPLIER_VERB.finditer(body):
            figure = _from_multiplier_verb(ctx, match)
            if figure:
                found.append(figure)
    for match in FOLD_LITERAL.finditer(body):
        prefix = FOLD_PREFIX.search(body, max(0, match.start() - 12), match.start())
        if prefix:
            word = prefix["w"].lower()
            value = UNIT_WORDS.get(word) or {"hundred": 100, "thousand": 1000}[word]
            start, qualifier = _hedge(body, prefix.start())
            found.append(_figure(ctx, "multiplier", float(value), "times", qualifier,
                                 _subject_before(body, start), start, match.end()))
    return tuple(_without_overlaps(found))


# ---------------------------------------------------------------------------------------------
# Amounts


def _from_quantity(ctx: _Context, m: re.Match, found: list[Figure]) -> Figure | None:
    """An amount found by DIGIT_QUANTITY or WORD_QUANTITY, classified by its surroundings."""
    amount = _amount(ctx.body, m)
    if amount is None:
        return None
    kind = _money_or_percent(ctx.body, amount) or _kind_after(ctx, amount, found)
    if kind is None:
        return None
    start, qualifier = _hedge(ctx.body, amount.start)
    if qualifier == "exact" and amount.is_range:
        qualifier = "approx"  # "6-7 percent" is read as its midpoint
    subject = kind.subject
    if kind.kind == "money":
        subject = _money_subject(ctx.body, start, kind.end)
    elif kind.kind == "percent":
        subject = _of_phrase(ctx.body, kind.end) or _subject_before(ctx.body, start)
    elif kind.kind == "multiplier":
        subject = _subject_before(ctx.body, start)
    return _figure(ctx, kind.kind, amount.value * kind.factor, kind.unit, qualifier, subject,
                   start, kind.end)


def _amount(body: str, m: re.Match) -> _Amount | None:
    """The scaled value, with a currency code glued or spaced before it; None for what only
    looks like an amount: years, dates, "G20", scores, "5m" without a currency."""
    start, end = m.start(), m.end()
    currency = None
    if start and (body[start - 1] in "$€£¥₩₫ " or body[start - 1].isupper()) and (
        cur := CURRENCY_BEFORE.search(body, max(0, start - 5), start)
    ):
        currency, start = CURRENCY_PREFIXES[cur["cur"]], cur.start()
    elif start and (body[start - 1].isalnum() or body[start - 1] in "_.,/‐–-"):
        return None  # "G20", "COVID-19", the "08" of "15/08"
    num, num2 = m["num"], m["num2"]
    if (not currency and num2 is None and not m["scale"] and _is_year(num)
            and not PERCENT_AFTER.match(body, end) and not CURRENCY_AFTER.match(body, end)):
        return None  # a bare year is a reference period, never a figure (DESIGN.md)
    if _is_date(body, start, end):
        return None
    value = to_decimal(num)
    if value is None:
        return None
    if m["glued"] and not currency and m["glued"] in LETTER_SCALES:
        return None  # "5m" alone is metres, "4k" a resolution
    if num2 is not None:
        second = to_decimal(num2)
        if second is None or second <= value:
            return None  # "2-1" is a score, not a range
        if _is_year(num) or _is_year(num2):
            return None  # "2026–2030 period"
        value = (value + second) / 2
    scale = scale_of(m["glued"] or m["scale"])
    return _Amount(
        start=start,
        end=end,
        value=float(value * Decimal(scale)),
        currency=currency,
        is_range=num2 is not None,
        is_scaled=bool(m["scale"] or m["glued"])
        or any(word in num.lower() for word in ("million", "billion", "trillion")),
        is_lone_one=scale == 1.0 and num.strip().lower() in ("one", "1", "a"),
    )


def _money_or_percent(body: str, amount: _Amount) -> _Kind | None:
    """A currency before or after the amount, or a percent sign or word after it."""
    if amount.currency:
        suffix = CURRENCY_AFTER.match(body, amount.end)  # "US$ 5 billion USD" is rare but seen
        return _Kind("money", amount.currency, suffix.end() if suffix else amount.end)
    if suffix := PERCENT_AFTER.match(body, amount.end):
        unit = "percentage point" if suffix["u"].lower().startswith("percentage") else "percent"
        return _Kind("percent", unit, suffix.end())
    if suffix := CURRENCY_AFTER.match(body, amount.end):
        return _Kind("money", CURRENCY_SUFFIXES[suffix["u"].lower()], suffix.end())
    return None


def _kind_after(ctx: _Context, amount: _Amount, found: list[Figure]) -> _Kind | None:
    """Multiplier, duration or count, from the words after an amount that is not money."""
    body, end = ctx.body, amount.end
    if _is_label(body, amount.start):
        return None
    if suffix := FOLD_AFTER.match(body, end):
        return _Kind("multiplier", "times", suffix.end())
    if suffix := TIMES_AFTER.match(body, end):
        if not (TIMES_COMPARATIVE.match(body, suffix.end()) or _growth_before(body, amount.start)):
            return None  # "visited three times" is a frequency
        return _Kind("multiplier", "times", suffix.end())
    if suffix := DURATION_AFTER.match(body, end):
        return _Kind("duration", "year", suffix.end(), DURATION_UNITS[suffix["u"].lower()],
                     _of_phrase(body, suffix.end()))
    if amount.is_lone_one:
        return None  # "one of the largest investors"
    if OF_PRONOUN.match(body, end):
        return _Kind("count", _antecedent_unit(ctx, amount.start, found), end)
    phrase = _counted_phrase(body, end)
    if phrase is None:
        # "reaching 3 million in 2024": a scaled amount is a figure even with its noun elided;
        # "rose to 15" names nothing we can count.
        if not amount.is_scaled or amount.value < 1e6:
            return None
        hedge_start = _hedge(body, amount.start)[0]
        return _Kind("count", None, end, subject=_subject_before(body, hedge_start))
    head, noun_phrase, subject = phrase
    if SUPERLATIVE.match(body, noun_phrase.start):
        return None  # "one of the 20 largest companies" is a rank group, not a count
    if head in NON_COUNT_HEADS or amount.value == 2 and head in PARTY_NOUNS:
        return None
    return _Kind("count", head, noun_phrase.end, subject=subject)


def _is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2199


def _is_label(body: str, start: int) -> bool:
    """'Resolution 34', 'No. 5', 'District 1': a number naming something, not measuring it."""
    before = LABEL_BEFORE.search(body, max(0, start - 20), start)
    return before is not None and before["w"].lower().rstrip(".") in LABEL_WORDS


def _is_date(body: str, start: int, end: int) -> bool:
    return (
        MONTH_BEFORE.search(body, max(0, start - 22), start) is not None
        or MONTH_AFTER.match(body, end) is not None
    )


def _growth_before(body: str, start: int) -> bool:
    return GROWTH_BEFORE.search(body, max(0, start - 40), start) is not None


def _hedge(body: str, start: int) -> tuple[int, str]:
    """Move ``start`` back over a hedge word right before the amount; return its qualifier."""
    match = HEDGE_BEFORE.search(body, max(0, start - 25), start)
    if not match:
        return start, "exact"
    return match.start("h"), HEDGES[match["h"].lower()]


def _antecedent_unit(ctx: _Context, start: int, found: list[Figure]) -> str | None:
    """'... 250,000 Koreans in Vietnam, around 100,000 of them ...': the last count before."""
    sentence = _sentence_span(ctx, start)
    for figure in reversed(found):
        if figure.kind == "count" and figure.start_char >= sentence[0]:
            return figure.unit
        if figure.start_char < sentence[0]:
            break
    return None


# ---------------------------------------------------------------------------------------------
# Ranks and multiplier words


def _from_rank(ctx: _Context, m: re.Match, found: list[Figure]) -> Figure | None:
    """'third-largest trading partner': the ordinal before a superlative, the noun after it."""
    ordinal = ORDINAL_BEFORE.search(ctx.body, max(0, m.start() - 16), m.start())
    if not ordinal:
        return None  # "the largest investor": no number printed
    value = float(parse_ordinal(ordinal["ord"]) or 0)
    words = _words_after(ctx.body, m.end(), limit=3, stop_on_participle=False)
    end, subject = m.end(), None
    if words:
        end = words[-1].end
        noun = ctx.body[words[0].start:end]
        post = _post_modifier(ctx.body, end)
        subject = noun + (ctx.body[end:post.end] if post else "")
    else:
        # "the fourth largest economy in Asia and the tenth largest worldwide": the noun is elided,
        # take it from the rank before in the same sentence.
        sentence = _sentence_span(ctx, m.start())
        for figure in reversed([f for f in found if f.kind == "rank"]):
            if figure.start_char < sentence[0]:
                break
            superlative = SUPERLATIVE.search(figure.text)
            if superlative and figure.text[superlative.end():].strip():
                subject = figure.text[superlative.end():].strip()
                break
    return _figure(ctx, "rank", value, None, "exact", subject, ordinal.start("ord"), end)


def _from_multiplier_verb(ctx: _Context, m: re.Match) -> Figure | None:
    """'doubled', 'more than tripled', 'to double': a multiplier with no number printed."""
    if m["ending"] == "e" and not MODAL_BEFORE.search(ctx.body, max(0, m.start() - 30), m.start()):
        return None
    start, qualifier = _hedge(ctx.body, m.start())
    # The figure is the verb itself: "Revenue tripled", "investment has more than doubled".
    subject = _subject_before(ctx.body, start, verb_required=False)
    value = MULTIPLIER_STEMS[m["stem"].lower()]
    return _figure(ctx, "multiplier", value, "times", qualifier, subject,
                   start, m.end())


# ---------------------------------------------------------------------------------------------
# Noun phrases


def _words_after(body: str, pos: int, limit: int, stop_on_participle: bool) -> list[_Span]:
    """Words right after ``pos`` up to a stop word, punctuation or ``limit`` words."""
    words: list[_Span] = []
    seen_head = seen_plural = False
    while len(words) < limit:
        match = NEXT_WORD.match(body, pos)
        if not match:
            break
        word = match["w"]
        lower = word.lower()
        head = _head_noun(word)
        if lower in STOP_WORDS:
            break
        if stop_on_participle and (seen_head and _is_participle(lower) or seen_plural and not head):
            # After a plural noun the next non-noun is the verb: "two peoples enjoy close bonds".
            # A demonym may still be a modifier: "Korean business groups", "Vietnamese live".
            break
        words.append(_Span(word, match.start("w"), match.end("w")))
        seen_head = seen_head or head is not None
        seen_plural = seen_plural or head is not None and _is_regular_plural(word)
        pos = match.end()
    return words


def _counted_phrase(body: str, pos: int) -> tuple[str, _Span, str] | None:
    """(head noun singular, the phrase up to the head, subject with a short post-modifier)."""
    if not NEXT_WORD.match(body, pos):
        return None
    words = _words_after(body, pos, limit=5, stop_on_participle=True)
    head_index, head = None, None
    for index, word in enumerate(words):
        singular = _head_noun(word.text)
        if singular:
            head_index, head = index, singular
    if head is None:
        return None
    phrase = _Span(body[words[0].start:words[head_index].end], words[0].start,
                   words[head_index].end)
    post = _post_modifier(body, phrase.end)
    subject = phrase.text + (body[phrase.end:post.end] if post else "")
    return head, phrase, subject


def _head_noun(word: str) -> str | None:
    """The singular of a word that can head a count ('businesses' -> 'business'), else None."""
    lower = word.lower()
    if "'" in word or "’" in word:
        return None  # "four no’s"
    if lower in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[lower]
    if lower.endswith("ese"):
        return lower  # Vietnamese, Chinese, Japanese: same form in the plural
    if word[:1].isupper() and lower.endswith("an") and len(lower) > 4:
        return lower  # "200,000 Korean reside in Viet Nam" (seed 001 prints the singular)
    if len(lower) < 3 or not lower.endswith("s") or lower.endswith("ss") or lower in NOT_PLURAL:
        return None
    if word.isupper():
        return lower[:-1]  # "SMEs" -> "sme"
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return lower[:-2]
    return lower[:-1]


def _is_regular_plural(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith("ese") or lower in IRREGULAR_SINGULARS


def _is_participle(lower: str) -> bool:
    return len(lower) > 4 and lower.endswith(("ing", "ed"))


def _post_modifier(body: str, pos: int) -> _Span | None:
    """'operating in Việt Nam', 'from each country', 'married to Korean husbands'."""
    match = NEXT_WORD.match(body, pos)
    if match and _is_participle(match["w"].lower()):
        following = NEXT_WORD.match(body, match.end())
        if not following or following["w"].lower() not in POSTMOD_PREPOSITIONS:
            return None
        match = following
    if not match or match["w"].lower() not in POSTMOD_PREPOSITIONS:
        return None
    obj = _object_after(body, match.end())
    return _Span(body[pos:obj.end], pos, obj.end) if obj else None


def _object_after(body: str, pos: int) -> _Span | None:
    """A short object: optional determiner, then a name ('Việt Nam') or up to three words."""
    words: list[_Span] = []
    cursor, in_name = pos, False
    while len(words) < 4:
        match = NEXT_WORD.match(body, cursor)
        if not match:
            break
        word, lower = match["w"], match["w"].lower()
        if not words and lower in DETERMINERS:
            words.append(_Span(word, match.start("w"), match.end("w")))
            cursor = match.end()
            continue
        if lower in STOP_WORDS or _is_participle(lower):
            break
        if word[:1].isupper():
            in_name = True
        elif in_name and not (lower.endswith("s") and lower not in NOT_PLURAL):
            break  # "in Việt Nam continue to ...": a lowercase verb ends the name
        words.append(_Span(word, match.start("w"), match.end("w")))
        cursor = match.end()
    if not words or words[-1].text.lower() in DETERMINERS:
        return None
    if MONTH_WORD.match(words[0].text) or words[0].text.lower() in DETERMINERS and len(words) > 1 \
            and words[1].text.lower() in ("first", "second", "third", "fourth", "last", "past"):
        return None  # "vehicles in July", "in the first half": a time, not part of the subject
    if YEAR_WORD.match(body, pos + 1):
        return None
    return _Span(body[words[0].start:words[-1].end], words[0].start, words[-1].end)


def _of_phrase(body: str, pos: int) -> str | None:
    """'40 years of Doi Moi' -> 'Doi Moi'; '24.5 percent of total exports' -> 'total exports'."""
    match = NEXT_WORD.match(body, pos)
    if not match or match["w"] != "of":
        return None
    obj = _object_after(body, match.end())
    if not obj:
        return None
    text = _strip_determiners(obj.text)
    return text or None


def _money_subject(body: str, start: int, end: int) -> str | None:
    """What an amount is of: 'US$150 billion in bilateral trade', 'bilateral trade reached $X'."""
    after = SUBJECT_IN_AFTER.match(body, end)
    if after:
        words = []
        for word in _words_after(body, after.end(), limit=4, stop_on_participle=True):
            if word.text[:1].isupper():
                break
            words.append(word)
        if words and words[0].text.lower() not in DETERMINERS:
            return body[words[0].start:words[-1].end]
    return _subject_before(body, start)


def _subject_before(body: str, start: int, verb_required: bool = True) -> str | None:
    """The noun phrase before the verb that leads to the amount ('investment has more than')."""
    verb = VERB_BEFORE.search(body, max(0, start - 60), start)
    if not verb and verb_required:
        return None
    phrase_end = verb.start() if verb else start
    tokens = list(WORD.finditer(body, max(0, phrase_end - 120), phrase_end))
    kept: list[re.Match] = []
    tokens.reverse()
    while tokens and tokens[0].group().lower() in VERB_GROUP:
        tokens.pop(0)
    for token in tokens:
        text = token.group()
        lower = text.lower()
        if not text[:1].isalnum() or lower in CLAUSE_BOUNDARIES or _is_participle(lower) and (
            lower.endswith("ing")
        ):
            break
        kept.append(token)
        if len(kept) == 8:
            break
    if not kept:
        return None
    kept.reverse()
    phrase = _strip_determiners(body[kept[0].start():kept[-1].end()])
    if not phrase or phrase.lower() in WEAK_SUBJECTS:
        return None
    return phrase


def _strip_determiners(phrase: str) -> str:
    words = phrase.split(" ")
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# Assembly


def _sentence_span(ctx: _Context, offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(ctx.sentence_starts, offset) - 1
    if index >= 0 and ctx.sentence_spans[index][0] <= offset < ctx.sentence_spans[index][1]:
        return ctx.sentence_spans[index]
    # An offset between sentences (never a figure in practice): its paragraph-less neighbourhood.
    return (offset, offset)


def _reference(ctx: _Context, sentence: tuple[int, int], start: int, end: int
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


def _figure(ctx: _Context, kind: str, value: float, unit: str | None, qualifier: str,
            subject: str | None, start: int, end: int) -> Figure:
    sentence = _sentence_span(ctx, start)
    if sentence[0] == sentence[1]:
        sentence = (start, end)
    ref_year, is_target = _reference(ctx, sentence, start, end)
    return Figure(
        kind=kind,
        value=float(value),
        unit=unit,
        qualifier=qualifier,
        subject=subject,
        ref_year=ref_year,
        is_target=is_target,
        text=ctx.body[start:end],
        sentence=ctx.body[sentence[0]:sentence[1]],
        start_char=start,
        end_char=end,
    )


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    """Text order; where two figures overlap keep the longer (a rank over a count inside it)."""
    ordered = sorted(figures, key=lambda f: (f.start_char, -(f.end_char - f.start_char)))
    kept: list[Figure] = []
    for figure in ordered:
        if kept and figure.start_char < kept[-1].end_char:
            if figure.end_char - figure.start_char > kept[-1].end_char - kept[-1].start_char:
                kept[-1] = figure
            continue
        kept.append(figure)
    return kept
