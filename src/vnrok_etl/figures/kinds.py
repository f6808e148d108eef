"""Kinds and units: what an amount measures, from the words around it.

Rules stated once here and applied to every amount (tests/test_figures_kinds.py):

- **Counts.** A count is a figure when it counts something the sentence reports as a fact
  (projects licensed, visitors received, documents signed, universities taking part). Who takes
  part in the event being reported is not a statistic: the two parties of a bilateral relation
  ("the two countries", "two peoples", "two sides", "two economies"), and a small number (under
  ten, in words or digits) of office-holders or of the bodies they lead ("the two PMs", "two
  Deputy PMs", "three ministers", "two officials", "two Defence Ministries", "two delegations").
  From ten up such a count is a statistic ("1,200 officials were trained").
  Nor is the number of unnamed sources an attribution cites ("two people with knowledge of the
  matter said", "three officials familiar with the talks"), under ten.
- **Descriptors are not statistics.** A percentage that qualifies a kind of firm or capital
  ("100 percent foreign-owned firms", "a 100%-Korean-invested company", "100 percent FDI
  enterprises") describes the thing; it measures nothing.
- **Rates keep their period in the unit.** A count or an amount of money followed by "per",
  "a", "an", "each" or "every" and a period, or by "annually", "monthly", ..., is a rate:
  "1,000 visitors per week" has unit "visitor per week", "$1.3 billion a year" "USD per year".
  The surface text stays the amount and its noun. A percentage is already a ratio: "7 percent a
  year" keeps unit "percent".
- **Ranks in words.** An ordinal before a superlative ("third-largest", "eighth largest"), a
  cardinal hyphened to one (the common misspelling "eight-largest"), an ordinal before
  "place"/"position"/"spot" ("second place", "the sixth position"), or after "rank(s/ed/ing)"
  ("ranked fifth"). "Three largest" without a hyphen is a group, not a rank; "in the first
  place" is an idiom.
- **Unit names what is counted.** The counted noun's singular ("2.5 million visitors" ->
  "visitor"); when the noun is elided ("the number of Korean tourists reached 4.6 million",
  "arrivals hit 2.5 million"), the head noun of the subject; a bare amount that a measure verb's
  subject reaches or numbers counts that subject ("Korean arrivals rose 14% from June to nearly
  470,000", "flights now number about 140 a week"), and "reach 120" after "92 partnerships"
  counts partnerships.
- **Times, titles and lists are not figures.** A length followed by "later"/"earlier" (without
  "than") says when ("six years later"; "three weeks earlier than usual" is a length); months
  after "in the" are a reporting period named before ("in the nine months"); a number word
  opening a quotation with a capitalised word after it is a title ("Two Rivers"); "Three
  things: ..." introduces a list.
- **Rates across a conversion.** "2.06 million won (US$1,500) a month": the period after the
  parentheses is the rate of both amounts.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from vnrok_etl.figures.amounts import (
    CURRENCY_AFTER,
    CURRENCY_SUFFIXES,
    PERCENT_AFTER,
    Amount,
    is_label,
    matches_at,
    read_amount,
    word_starts,
)
from vnrok_etl.figures.build import make_figure
from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.figures.coordination import coordination_start, next_member
from vnrok_etl.figures.elided import (
    antecedent_unit,
    elided_unit,
    number_of_unit,
    statement_unit,
    unit_of_subject,
)
from vnrok_etl.figures.qualifiers import hedge_before
from vnrok_etl.figures.subjects import (
    counted_phrase,
    head_noun,
    money_subject,
    of_phrase,
    post_modifier,
    subject_before,
    words_after,
)
from vnrok_etl.figures.words import NEXT_WORD
from vnrok_etl.numbers import (
    MULTIPLIER_STEMS,
    ORDINAL_WORD_RE,
    ORDINAL_WORDS,
    UNIT_WORD_RE,
    UNIT_WORDS,
    at_word_start,
    parse_ordinal,
    scale_of,
)
from vnrok_etl.records import Figure

# A duration's unit is its time word, singular; decades are counted in years.
DURATION_UNITS: dict[str, tuple[str, float]] = {
    "decade": ("year", 10.0), "year": ("year", 1.0), "month": ("month", 1.0),
    "week": ("week", 1.0), "day": ("day", 1.0), "night": ("night", 1.0),
    "hour": ("hour", 1.0), "minute": ("minute", 1.0),
}


def duration_unit(word: str) -> tuple[str, float]:
    """'decades' -> ('year', 10.0), 'weeks' -> ('week', 1.0)."""
    return DURATION_UNITS[word.lower().rstrip("s")]


# "two countries", "both sides": the two parties of a bilateral story, never a measured count.
PARTY_NOUNS = frozenset(
    {
        "country", "nation", "side", "people", "party", "government", "economy", "capital",
        "korea", "state", "peoples", "sides",
    }
)

# Office-holders and the bodies they lead: a small count of them is who attends, not a statistic.
OFFICE_NOUNS = frozenset(
    {
        "leader", "president", "vice-president", "minister", "pm", "premier", "deputy", "official",
        "officer", "ambassador", "envoy", "chairman", "chairwoman", "chairperson", "chair",
        "secretary", "head", "chief", "general", "delegation", "ministry", "government",
        "agency", "embassy", "spokesperson", "spokesman", "lawmaker", "legislator", "governor",
        "mayor", "commander", "diplomat", "counterpart", "host",
    }
)
SMALL_COUNT = 10
# The unnamed sources an attribution cites: "two people with knowledge of the matter", "three
# officials familiar with the talks", "two sources close to the company".
SOURCE_HEADS = frozenset({"person", "source", "official", "diplomat", "executive", "insider", "banker"})
SOURCES_AFTER = re.compile(
    r"[ ]+(?:(?:familiar|acquainted)[ ]+with|with[ ]+(?:direct[ ]+)?knowledge[ ]+of|close[ ]+to|"
    r"briefed[ ]+on|involved[ ]+in[ ]+the|who[ ]+(?:spoke|asked|declined|requested))\b"
)
# A hedge after the amount: "two weeks or more", "5,000 tonnes or less".
OR_MORE_AFTER = re.compile(r"[ ]+or[ ]+(?P<w>more|less|fewer)\b(?![ ]+than\b)")
# A number word that opens a quotation and a capitalised word after it: a title ("Two Rivers").
TITLE_OPENERS = "“\"‘'"
TITLE_WORD = re.compile(r"[ ][A-Z][a-z]")
# A definite determiner before "two" in words: the pair was named before ("the two cities", "our
# two parliaments", "the two of them"), nothing is counted; a length of time still is ("over the
# two years"). Larger counts after "the" still count ("the six tones").
DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|our|their|its|these|those|both|his|her|your)[ ]+$")

# "100 percent foreign-owned", "100%-Korean-invested", "100 percent FDI enterprises".
DESCRIPTOR_AFTER = re.compile(
    r"(?i)[ ‐–-]+(?:[A-Za-z]+[‐–-])?(?:owned|invested|funded|backed|capitali[sz]ed|foreign|FDI|"
    r"state)\b"
)

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "annum": "year",
           "quarter": "quarter", "annually": "year", "yearly": "year", "monthly": "month",
           "weekly": "week", "daily": "day"}
# "… a year", "… per trip", "… annually", and a slash glued to the unit ("300,000 tonne/year",
# "20,000 units/month"): the period of a rate.
RATE_AFTER = re.compile(
    r"(?i)(?:(?:[ ]+(?:per|a|an)[ ]+|/)(?P<p>day|week|month|year|annum|quarter)"
    r"|[ ]+per[ ]+(?P<per>[a-z]+)"
    r"|[ ]+(?P<adv>annually|yearly|monthly|weekly|daily))\b"
    r"(?![‐–-])(?![ ]+(?:earlier|ago|before|later|on|after|prior|from[ ]+(?:now|today|then))\b)"
)
# A conversion in parentheses between an amount and its period: "2.06 million won (US$1,500) a
# month". The period is the rate of both amounts.
CONVERSION_AFTER = re.compile(r"[ ]?\([^()\n]{1,30}\)(?=[ ])|\)(?=[ ])")
# What an amount is of, between it and its period: "US$40 billion of electronics a year".
STUFF_OF_AFTER = re.compile(
    r"[ ]of[ ]+(?:[a-z][a-z\-]+[ ]+)?[a-z][a-z\-]+"
    r"(?=[ ]+(?:a|an|per)[ ]|[ ]+(?:annually|yearly|monthly|weekly|daily)\b)"
)
# "14 weekly flights": the period as an adjective of the counted noun.
# Heads that say nothing of what is counted without the noun before them: a member of what, a
# position of what. That noun stays in the unit ("5,000 crew members": "crew member"; "30,000
# pallet positions": "pallet position", as tests/corpus keys it); an adjective does not ("new
# members", "Vietnamese members").
RELATIONAL_HEADS = frozenset({"member", "position"})
# Zones named by their kind, the kind word part of the name ("three industrial parks":
# "industrial park"; "two economic zones": "economic zone"), though it is an adjective.
ZONE_HEADS = frozenset({"park", "zone", "cluster", "estate", "complex"})
ZONE_KINDS = frozenset({"industrial", "economic", "high-tech", "hi-tech", "technology", "science",
                        "logistics", "processing", "residential", "eco-industrial"})
ADJECTIVE_ENDINGS = ("ed", "ing", "al", "ive", "ous", "ful", "ic", "an", "ese", "ish", "ary", "ent", "ant")
COMMON_ADJECTIVES = frozenset(
    {"new", "more", "other", "former", "current", "active", "senior", "junior", "full", "key",
     "top", "open", "vacant", "foreign", "local", "young", "old", "many", "few", "such", "core"}
)


def _noun_modifier(word: str) -> bool:
    """Whether a lowercase word before a relational head reads as a noun ("crew", "pallet",
    "staff", "board", "family") rather than an adjective."""
    return word.isalpha() and word not in COMMON_ADJECTIVES and (
        word.endswith("ment") or not word.endswith(ADJECTIVE_ENDINGS)
    )


RATE_ADJECTIVES = {"daily": "day", "weekly": "week", "monthly": "month", "annual": "year",
                   "yearly": "year"}

# "a 300-bed hospital", "a 1,500-megawatt plant": digits hyphened to a noun count that noun.
HYPHEN_NOUN = re.compile(r"[‐–-](?P<n>[a-z]{2,})\b(?![‐–-])")
# "18,000-square-meter", "a 500-square-foot shop": an area or volume as a compound adjective.
HYPHEN_AREA = re.compile(
    r"(?i)[‐–-](?P<n>square|cubic)[‐–-](?P<u>meter|metre|kilometer|kilometre|foot|feet|yard|mile)\b(?![‐–-])"
)
NOT_COMPOUND_NOUNS = frozenset(
    {"strong", "odd", "plus", "fold", "time", "times", "old", "point", "page", "year", "way",
     "tier", "step", "party", "sided", "lane", "storey", "story", "star", "digit", "member"}
)
# "add 60 more", "another 200 more": "more" standing for an elided noun (not "more than").
MORE_AFTER = re.compile(r"[ ]+more\b(?![ ]+than\b)(?=[ ]+(?:in|at|by|to|from|for|this|next|over)\b|[.,;:)]|$)")
# "22,400 MW", "20 GWh a year".
# Units are lowercase like every counted noun (checks.sql count_unit_is_lowercase_noun).
# Unit symbols printed after the amount; metric tons as trade notes print them ("41,215 M/T",
# "500 MT of rice") are tons, as "tons" written out are.
UNIT_ABBREVIATIONS = {"MW": "megawatt", "GW": "gigawatt", "kW": "kilowatt", "GWh": "gwh",
                      "MWh": "mwh", "TWh": "twh", "kWh": "kwh", "ha": "hectare",
                      "M/T": "ton", "MT": "ton"}
UNIT_ABBREVIATION = re.compile(r"[ ]?(?P<u>MW|GW|kW|GWh|MWh|TWh|kWh|ha|M/T|MT)\b")



# Counted nouns that are really time or order words: "three days", "two times a year".
NON_COUNT_HEADS = frozenset(
    {"day", "week", "month", "hour", "minute", "second", "night", "time", "year", "decade",
     "percent", "per", "term", "round", "session", "edition", "occasion", "thing"}
)


GROWTH_WORDS = (
    "increas\\w*|ris\\w*|rose|grew|grow\\w*|jump\\w*|expand\\w*|surg\\w*|multipl\\w*|soar\\w*|"
    "climb\\w*|boost\\w*|up|higher|larger|bigger|greater|more"
)


FOLD_AFTER = re.compile(r"(?i)[ -]?fold\b")


TIMES_AFTER = re.compile(r"(?i)[ ]times\b")
# A verb of flying or the flights themselves in the clause before "N times a week": the times
# are flights.
FLY_BEFORE = re.compile(r"(?i)\b(?:fly|flies|flew|flown|flying|flights?)\b[^.;:]*$")


TIMES_COMPARATIVE = re.compile(
    r"(?i)[ ]+(?:more|higher|larger|bigger|greater|faster|lower|smaller|as|that|the|over|"
    r"compared|what|its|their)\b"
)


# "five years", "18 consecutive months", "15 working days", "a four-week course", "three hours":
# a time unit after the amount, one adjective allowed between (a day counted only on business
# days is still a day); never an age ("30-year-old", "30 years old").
DURATION_AFTER = re.compile(
    r"(?i)(?:[ ](?:straight|consecutive|full|more|additional|long|whole|working|business|calendar)(?=[ ]))?"
    r"[ ‐–-](?P<u>years?|decades?|months?|weeks?|days?|nights?|hours?|minutes?)(?![\w‐–-])"
    # "six years later": when, not how long; "three weeks earlier than usual" is a length
    r"(?![ ]+(?:old|of[ ]age|ago|(?:later|earlier)(?![ ]+than\b))\b)"
)
# "a three-day official visit", "a two-week study trip", "a five-night package": the schedule of
# an event or product, not a figure.
EVENT_AFTER = re.compile(
    r"(?i)(?:[ ]+[a-z]+){0,2}?[ ]+(?:visit|trip|tour|stay|mission|package|holiday|vacation|cruise)s?\b"
)
# "the first seven months of this year", "the five months of 2024": a period of the calendar
# (when), not a length of time.
PERIOD_ORDINAL_BEFORE = re.compile(
    r"(?i)\b(?:in|during|throughout)[ ]+the[ ]+(?:first|last|final|opening|initial)[ ]+$"
)
# "with purchases of 48 million USD in the nine months": months after "in the" are the
# reporting period named before, not a length of time.
PERIOD_MONTHS_BEFORE = re.compile(r"(?i)\b(?:in|during)[ ]+the[ ]+$")
PERIOD_OF_AFTER = re.compile(r"(?i)[ ]+of[ ]+(?:the[ ]+|this[ ]+|last[ ]+|next[ ]+)?(?:year\b|\d{4}\b)")


OF_PRONOUN = re.compile(r"[ ]+of[ ]+(?:them|those|whom|which|these)\b")


# "more than" right before the amount is its hedge ("performed more than 150 times"), no growth.
GROWTH_BEFORE = re.compile(rf"(?i)\b(?:{GROWTH_WORDS})\b(?<!more)(?:[ ]+\S+){{0,2}}[ ]+$|\bmore\b(?![ ]+than[ ]+$)(?:[ ]+\S+){{0,2}}[ ]+$")


# Ranks are found from the superlative (a cheap scan) and then the ordinal right before it.
SUPERLATIVE = re.compile(
    at_word_start(
        ["largest", "biggest", "highest", "lowest", "smallest", "greatest", "fastest", "leading",
         "richest", "poorest", "busiest", "strongest", "oldest", "longest", "most[ -][a-z]+"]
    )
    + r"\b"
)


ORDINAL_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?P<ord>(?i:{ORDINAL_WORD_RE})|\d{{1,2}}(?:st|nd|rd|th))[ ‐–-]+"
    rf"|(?P<card>(?i:{UNIT_WORD_RE}))[‐–-])$"
)
# "second place", "the sixth position": a rank with no superlative.
# SUPERLATIVE's first word is a whole ASCII word: the body's words (Context.words) say which
# occur, str.find where, and SUPERLATIVE is tried there only; a fifth of the cost of scanning
# the whole body with it, whose first letters (l, m, s, h ...) are common ones.
SUPERLATIVE_WORDS = frozenset(
    word.encode() for word in ("largest", "biggest", "highest", "lowest", "smallest", "greatest",
                               "fastest", "leading", "richest", "poorest", "busiest", "strongest",
                               "oldest", "longest", "most")
)


def superlatives(ctx: Context) -> list[re.Match]:
    """The matches of SUPERLATIVE in the body, in text order (see SUPERLATIVE_WORDS)."""
    if not ctx.words:
        return list(SUPERLATIVE.finditer(ctx.body))  # body_words unknown
    starts: set[int] = set()
    for word in SUPERLATIVE_WORDS.intersection(ctx.words):
        word_starts(ctx.lowered, word.decode(), starts)
    return matches_at(SUPERLATIVE, ctx.body, starts)


PLACE_RANK = re.compile(
    rf"{at_word_start([w for w in ORDINAL_WORDS])}[ ‐–-](?P<w>place|position|spot)\b"
    rf"|(?<![\w])(?P<num>\d{{1,2}}(?:st|nd|rd|th))[ ‐–-](?P<w2>place|position|spot)\b"
)
PLACE_LITERALS = ("place", "position", "spot")
# Speed: what stands before the separator in a PLACE_RANK match, at most: the longest ordinal
# word ("seventeenth") or a number of two digits and its suffix ("12th").
PLACE_PREFIX_CHARS = max(max(len(word) for word in ORDINAL_WORDS), len("99th"))
PLACE_SEPARATORS = " ‐–-"


def place_ranks(body: str) -> list[re.Match]:
    """``list(PLACE_RANK.finditer(body))``, found without scanning the whole body with it.

    Every match ends in a place word (PLACE_LITERALS, as printed) with one separator before it
    and at most PLACE_PREFIX_CHARS characters before that: PLACE_RANK is tried at those
    positions only (`matches_at`). Its alternation opens with a letter class and a lookbehind,
    so re tries it at every position of the body (0.19 ms a body that says "took place").
    """
    starts: set[int] = set()
    for literal in PLACE_LITERALS:
        at = body.find(literal, 1)
        while at >= 0:
            if body[at - 1] in PLACE_SEPARATORS:
                starts.update(range(max(0, at - 1 - PLACE_PREFIX_CHARS), at - 1))
            at = body.find(literal, at + 1)
    return matches_at(PLACE_RANK, body, starts)


PLACE_IDIOM = re.compile(r"(?i)\bin[ ]the[ ]$")


RANKED = re.compile(
    rf"{at_word_start(['rank'])}(?:ed|s|ing)?[ ]+"
    rf"(?P<ord>(?i:{ORDINAL_WORD_RE})|\d{{1,2}}(?:st|nd|rd|th))\b"
)


MULTIPLIER_VERB = re.compile(
    rf"(?P<stem>{at_word_start(MULTIPLIER_STEMS)})(?P<ending>e|ed|es|ing)\b(?![-‐])"
)


# Every match of RANKED contains "ank", every match of MULTIPLIER_VERB one of "oubl", "ripl", ...:
# testing a body for them is a few times cheaper than the scan, and most bodies have none.
RANKED_LITERALS = ("ank",)


MULTIPLIER_LITERALS = tuple(stem[1:] for stem in MULTIPLIER_STEMS)
# The whole words every match of RANKED, PLACE_RANK and MULTIPLIER_VERB holds: with the body's
# words (Context.words) known, a set lookup replaces the substring tests above.
RANKED_WORDS = frozenset({b"rank", b"ranked", b"ranks", b"ranking"})
PLACE_WORDS = frozenset(literal.encode() for literal in PLACE_LITERALS)
MULTIPLIER_WORDS = frozenset(
    f"{stem}{ending}".encode() for stem in MULTIPLIER_STEMS for ending in ("e", "ed", "es", "ing")
)


# Base forms ("double", "triple") are adjectives too ("double taxation"): only after a modal/to.
MODAL_BEFORE = re.compile(
    r"(?i)\b(?:to|will|would|could|can|may|might|should|must|shall)[ ]+(?:\w+[ ]+)?$"
)


# "one direct flight a day", "one shipment a month": a singular noun (up to two words before it)
# with the period of a rate after it.
ONE_PER_PERIOD = re.compile(
    r"[ ]+(?:[a-z][a-z-]*[ ]+){0,2}?(?P<n>[a-z]{3,})(?=[ ]+(?:a|an|per|each|every)[ ]+(?:day|week|month|year)\b)"
)


# A base form is a verb too after a verb of perception and its object, with a time or the end of
# the clause after it, where an adjective would have its noun: "saw the number of Korean guests
# at its hotels triple this year", not "double taxation".
PERCEPTION_BEFORE = re.compile(r"(?i)\b(?:saw|see|sees|seen|seeing|watched|watch)\b[^.;:,]*$")
BASE_VERB_AFTER = re.compile(r"[ ]+(?:this|last|in|since|over|from|between|within|again|by|after)\b|[.,;]")


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
    kind, amount = _classified(ctx, amount, found)
    if kind is None or kind.kind == "percent" and is_descriptor(ctx.body, kind.end):
        return None
    start, qualifier = hedge_before(ctx.body, amount.start, duration=kind.kind == "duration")
    if qualifier == "exact" and amount.is_range:
        qualifier = "approx"  # "6-7 percent" is read as its midpoint
    end = kind.end
    if (after := OR_MORE_AFTER.match(ctx.body, end)) and qualifier == "exact":
        qualifier, end = ("over" if after["w"] == "more" else "under"), after.end()  # "two weeks or more"
    if amount.is_doubtful:
        qualifier = "doubtful"
    subject = kind.subject
    if kind.kind == "money":
        subject = money_subject(ctx.body, start, kind.end)
    elif kind.kind == "percent":
        subject = of_phrase(ctx.body, kind.end) or subject_before(ctx.body, start)
    elif kind.kind == "multiplier":
        subject = subject_before(ctx.body, start)
    unit = kind.unit
    value = None if amount.value is None else amount.value * kind.factor
    return make_figure(ctx, kind.kind, value, unit, qualifier, subject, start, end)


def _classified(ctx: Context, amount: Amount, found: list[Figure], depth: int = 0
                ) -> tuple[Kind | None, Amount]:
    """The kind of ``amount``; a bare member of a coordination takes the kind, unit and scale
    of the next member that has them (coordination.py): the amount is returned scaled."""
    member = None
    if amount.value is not None and not amount.is_scaled and depth < 8:
        member = next_member(ctx.body, amount.end)
    if member is not None:
        other = read_amount(ctx.body, member)
        if other is None:
            member = None
        elif other.is_scaled and other.value is not None and not amount.is_range:
            scale = scale_of(member["glued"] or member["scale"])
            amount = dataclasses.replace(amount, value=amount.value * scale, is_scaled=True)
    kind = money_or_percent(ctx.body, amount) or kind_after(ctx, amount, found)
    if member is not None and (kind is None or kind.kind == "count" and kind.unit is None):
        shared = _classified(ctx, other, found, depth + 1)[0]
        if shared is not None and shared.kind != "duration":
            currency = other.currency if shared.kind == "money" else None
            return Kind(shared.kind, currency or shared.unit, amount.end, shared.factor), amount
    return kind, amount


def money_or_percent(body: str, amount: Amount) -> Kind | None:
    """A currency before or after the amount, or a percent sign or word after it."""
    if amount.currency:
        suffix = CURRENCY_AFTER.match(body, amount.end)  # "US$ 5 billion USD" is rare but seen
        unit, end = with_rate(body, suffix.end() if suffix else amount.end, amount.currency)
        return Kind("money", unit, end)
    if suffix := PERCENT_AFTER.match(body, amount.end):
        unit = "percentage point" if suffix["u"].lower().startswith("percentage") else "percent"
        unit, end = with_rate(body, suffix.end(), unit)  # "10 percent a year"
        return Kind("percent", unit, end)
    if suffix := CURRENCY_AFTER.match(body, amount.end):
        unit, end = with_rate(body, suffix.end(), CURRENCY_SUFFIXES[suffix["u"].lower()])
        return Kind("money", unit, end)
    return None


def kind_after(ctx: Context, amount: Amount, found: list[Figure]) -> Kind | None:
    """Multiplier, duration or count, from the words after an amount that is not money."""
    body, end = ctx.body, amount.end
    if is_label(body, amount.start):
        return None
    if body[max(0, amount.start - 7):amount.start] == "out of ":
        return None  # "seven out of ten use ...": the share's denominator (figures_from_fractions)
    if amount.is_word and amount.start and body[amount.start - 1] in TITLE_OPENERS and (
        TITLE_WORD.match(body, end)
    ):
        return None  # titled "Two Rivers, One Current": a name, not a count
    if suffix := FOLD_AFTER.match(body, end):
        return Kind("multiplier", "times", suffix.end())
    if suffix := TIMES_AFTER.match(body, end):
        if not (TIMES_COMPARATIVE.match(body, suffix.end())
                or growth_before(body, coordination_start(body, amount.start))):
            unit, rate_end = with_rate(body, suffix.end(), "time")
            if amount.value is not None and (amount.value >= SMALL_COUNT or rate_end > suffix.end()):
                # "viewed 1.3 million times"; a frequency with its period is a schedule, however
                # small ("four times a week"); after a verb of flying it counts flights ("Korean
                # Air flies 28 times a week": unit "flight per week")
                if rate_end > suffix.end() and FLY_BEFORE.search(body, max(0, amount.start - 80), amount.start):
                    unit = "flight" + unit[len("time"):]
                return Kind("count", unit, rate_end)
            return None  # "visited three times" is a frequency, not a statistic
        return Kind("multiplier", "times", suffix.end())
    if suffix := DURATION_AFTER.match(body, end):
        if PERIOD_ORDINAL_BEFORE.search(body, max(0, amount.start - 24), amount.start) or (
            suffix["u"].lower().startswith("month") and suffix.group()[:1] not in "‐–-"
            # "during the six-month course" is a length: the hyphened adjective sizes a noun
            and PERIOD_MONTHS_BEFORE.search(body, max(0, amount.start - 12), amount.start)
        ) or (
            PERIOD_OF_AFTER.match(body, suffix.end())
        ):
            return None  # "in the first seven months of this year": when, not how long
        if suffix.group()[:1] in "‐–-" and EVENT_AFTER.match(body, suffix.end()):
            return None  # "a four-day visit"
        if amount.is_lone_one and hedge_before(body, amount.start)[1] == "exact":
            return None  # "three months one year and nine months the next": a time, not a length
        unit, factor = duration_unit(suffix["u"])
        unit, rate_end = with_rate(body, suffix.end(), unit)
        return Kind("duration", unit, rate_end, factor, of_phrase(body, suffix.end()))
    if amount.is_word and amount.value == 2 and (
        DEFINITE_BEFORE.search(body, max(0, amount.start - 8), amount.start)
    ):
        # "the two cities", "our two parliaments", "the two of them": things already named.
        # Checked before the noun is read: "the two" is the commonest amount in this corpus.
        return None
    if amount.is_word and amount.value in (3.0, 4.0) and (
        body.endswith(("the ", "The "), max(0, amount.start - 4), amount.start)
    ):
        # "the three countries aim to agree …": the parties named before, as "the two" are;
        # only after "the" ("its three plants" counts the owner's plants).
        return None
    if amount.is_lone_one:
        # "one of the largest investors" is no count; "one direct flight a day" is a schedule
        single = ONE_PER_PERIOD.match(body, end)
        if single is None or amount.start and body[amount.start - 1] == "-":
            return None
        unit, rate_end = with_rate(body, single.end("n"), single["n"].lower())
        return Kind("count", unit, rate_end)
    if suffix := HYPHEN_AREA.match(body, end):
        # "an 18,000-square-meter plant": the area is a count of its unit, as "18,000 square meters".
        unit = "foot" if suffix["u"].lower() == "feet" else suffix["u"].lower()
        return Kind("count", f"{suffix['n'].lower()} {unit}", suffix.end())
    if suffix := HYPHEN_NOUN.match(body, end):
        if amount.is_word or suffix["n"].lower() in NOT_COMPOUND_NOUNS:
            return None  # "two-way trade", "a 3,000-strong workforce"
        return Kind("count", head_noun(suffix["n"] + "s") or suffix["n"].lower(), suffix.end())
    if suffix := UNIT_ABBREVIATION.match(body, end):
        unit, rate_end = with_rate(body, suffix.end(), UNIT_ABBREVIATIONS[suffix["u"]])
        return Kind("count", unit, rate_end)
    if OF_PRONOUN.match(body, end):
        return Kind("count", antecedent_unit(ctx, amount.start, found), end)
    if (partitive := OF_POSSESSIVE.match(body, end)) and (
        phrase := counted_phrase(body, partitive.end())
    ):
        return Kind("count", phrase[0], phrase[1].end, subject=phrase[2])
    phrase = counted_phrase(body, end)
    if phrase is None:
        # "reaching 3 million in 2024": a scaled amount is a figure even with its noun elided;
        # "rose to 15" names nothing we can count.
        hedge_start = hedge_before(body, amount.start)[0]
        subject = subject_before(body, hedge_start)
        unit = unit_of_subject(subject)
        if not amount.is_scaled or amount.value is not None and amount.value < 1e6:
            unit = (
                elided_unit(ctx, amount, found) or number_of_unit(ctx, hedge_start, found)
                or statement_unit(ctx, hedge_start, end)
            )
            if unit is None:
                return None  # "rose to 15" names nothing we can count
        if more := MORE_AFTER.match(body, end):
            end = more.end()  # "plans to add 60 more in Vietnam": "more" is the elided noun's place
        unit, rate_end = with_rate(body, end, unit)
        return Kind("count", unit, rate_end, subject=subject)
    head, noun_phrase, subject = phrase
    if SUPERLATIVE.match(body, noun_phrase.start):
        return None  # "one of the 20 largest companies" is a rank group, not a count
    if head in NON_COUNT_HEADS or is_party_count(amount.value, head):
        return None
    if amount.value is not None and amount.value < SMALL_COUNT and head in SOURCE_HEADS and (
        SOURCES_AFTER.match(body, noun_phrase.end)
    ):
        return None  # "two people familiar with the matter said": who is cited, not a statistic
    for word in body[noun_phrase.start:noun_phrase.end].lower().split():
        if word in RATE_ADJECTIVES:
            head = f"{head} per {RATE_ADJECTIVES[word]}"  # "14 weekly flights"
    words = body[noun_phrase.start:noun_phrase.end].lower().split()
    if len(words) > 1 and words[-2] in ("square", "cubic"):
        head = f"{words[-2]} {head}"  # "42,000 square meters": unit "square meter"
    elif len(words) > 1 and head in RELATIONAL_HEADS and _noun_modifier(words[-2]):
        head = f"{words[-2]} {head}"  # "5,000 crew members", "30,000 pallet positions"
    elif len(words) > 1 and head in ZONE_HEADS and words[-2] in ZONE_KINDS:
        head = f"{words[-2]} {head}"  # "three industrial parks", "two economic zones"
    unit, rate_end = with_rate(body, noun_phrase.end, head)
    return Kind("count", unit, rate_end, subject=subject)


# "about 53,000 of its nationals": a partitive names the counted noun.
OF_POSSESSIVE = re.compile(r"[ ]+of[ ]+(?:its|their|our|his|her)(?=[ ][^\W\d])")


def is_party_count(value: float | None, head: str) -> bool:
    """The parties of the reported event (module docstring), not a statistic."""
    if value is None:
        return False
    return value == 2 and head in PARTY_NOUNS or value < SMALL_COUNT and head in OFFICE_NOUNS


def is_descriptor(body: str, end: int) -> bool:
    """'100 percent foreign-owned firms': the percentage qualifies a kind of firm."""
    return DESCRIPTOR_AFTER.match(body, end) is not None


def with_rate(body: str, end: int, unit: str | None) -> tuple[str | None, int]:
    """``unit`` with the period of a rate right after ``end`` ('visitor per week', 'USD per
    trip'), and where the figure's text ends (after the period)."""
    rate = RATE_AFTER.match(body, end)
    if rate is None and unit is not None and (conversion := CONVERSION_AFTER.match(body, end)):
        # "2.06 million won (US$1,500) a month": both amounts are monthly; the figure's text
        # stays the amount.
        rate = RATE_AFTER.match(body, conversion.end())
        if rate is not None:
            period = rate["p"] or rate["per"] or rate["adv"]
            return f"{unit} per {PERIODS.get(period.lower(), period.lower())}", end
    if rate is None and unit is not None and body.startswith(" of ", end) and (
        stuff := STUFF_OF_AFTER.match(body, end)
    ) and (rate := RATE_AFTER.match(body, stuff.end())) is not None:
        # "more than US$40 billion of electronics a year": what the amount buys or sells comes
        # between it and its period; the figure's text stays the amount.
        period = rate["p"] or rate["per"] or rate["adv"]
        return f"{unit} per {PERIODS.get(period.lower(), period.lower())}", end
    if rate is None or unit is None:
        return unit, end
    period = rate["p"] or rate["per"] or rate["adv"]
    period = PERIODS.get(period.lower(), period.lower())
    return f"{unit} per {period}", rate.end()


def growth_before(body: str, start: int) -> bool:
    return GROWTH_BEFORE.search(body, max(0, start - 40), start) is not None


def figure_from_rank(ctx: Context, m: re.Match, found: list[Figure]) -> Figure | None:
    """'third-largest trading partner': the ordinal before a superlative, the noun after it."""
    ordinal = ORDINAL_BEFORE.search(ctx.body, max(0, m.start() - 16), m.start())
    if not ordinal:
        return None  # "the largest investor": no number printed
    if ordinal["card"]:
        value = float(UNIT_WORDS[ordinal["card"].lower()])  # "eight-largest" (sic)
        rank_start = ordinal.start("card")
    else:
        value = float(parse_ordinal(ordinal["ord"]) or 0)
        rank_start = ordinal.start("ord")
    words = _rank_noun(ctx.body, words_after(ctx.body, m.end(), limit=3, stop_on_participle=False))
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
    return make_figure(ctx, "rank", value, None, "exact", subject, rank_start, end)


# Words that open a verb's object or infinitive: after them, a word in -s before them was a verb.
OBJECT_OPENERS = frozenset({"to", "the", "a", "an", "its", "their", "his", "her", "our", "with"})


def _rank_noun(body: str, words: list) -> list:
    """The rank's noun phrase without the verb that may follow it: "Asia's fourth-largest economy
    struggles to staff …" ends at "economy". A word in -s after a singular noun, followed by an
    infinitive's "to" or an object's determiner, is the subject's verb, not a plural noun."""
    for index in range(1, len(words)):
        word = words[index].text
        if not word.endswith("s") or head_noun(words[index - 1].text) is not None:
            continue
        following = NEXT_WORD.match(body, words[index].end)
        if following is not None and following["w"].lower() in OBJECT_OPENERS:
            return words[:index]
    return words


def figure_from_place(ctx: Context, m: re.Match) -> Figure | None:
    """'second place', 'the sixth position': a rank printed as an ordinal place."""
    if m["num"] is None and PLACE_IDIOM.search(ctx.body, max(0, m.start() - 8), m.start()) and (
        m.group().lower().startswith("first place")
    ):
        return None  # "in the first place"
    word = m["num"] or m.group().split()[0].split("-")[0]
    value = parse_ordinal(word.rstrip("‐–-"))
    if value is None:
        return None
    return make_figure(ctx, "rank", float(value), None, "exact", None, m.start(), m.end())


def figure_from_multiplier_verb(ctx: Context, m: re.Match) -> Figure | None:
    """'doubled', 'more than tripled', 'to double': a multiplier with no number printed."""
    if m["ending"] == "e" and not MODAL_BEFORE.search(ctx.body, max(0, m.start() - 30), m.start()) and not (
        BASE_VERB_AFTER.match(ctx.body, m.end())
        and PERCEPTION_BEFORE.search(ctx.body, max(0, m.start() - 80), m.start())
    ):
        return None
    start, qualifier = hedge_before(ctx.body, m.start())
    # The figure is the verb itself: "Revenue tripled", "investment has more than doubled".
    subject = subject_before(ctx.body, start, verb_required=False)
    value = MULTIPLIER_STEMS[m["stem"].lower()]
    return make_figure(ctx, "multiplier", value, "times", qualifier, subject,
                   start, m.end())
