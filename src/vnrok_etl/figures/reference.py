"""Reference year, target and forecast: the period a figure is of, and whether it is a goal.

Rules (tests/test_figures_attributes.py):

- **Reference year from the figure's own clause.** A sentence is cut into clauses at ``;``/``:``,
  at a comma before a conjunction, "with", "which", "who" or a participle (", while", ", and", ", with an
  investment of", ", bringing"), before what the figure amounts to (", enough to", ", equivalent
  to", ", equal to"), at "and now", and a relative clause between commas ends at its second comma.
  The reference year is the nearest year cue in the figure's clause: a preposition with an
  optional period before the year ("in 2024", "by 2030", "in January-August 2014", "in the first five
  months of 2024", "the five months of 2024", "as of November 2024"), a month with no year ("in
  May": the publication year), "last/this/next/previous year", "this school year", "of the
  year", "two years ago", all resolved against the publication date (never the clock), and "a
  year earlier", counted back from the sentence's cue before it or else the publication date; so are
  "this/last/next month", "next spring" and "next/last/this March" (the March after, before
  or of the publication date). A span of years ("for 2026 to 2030", "between 2022 and
  last year") is no single reference year. A clause with no cue of its own continues the time
  frame of the clauses it is coordinated with, through participle clauses (", while investment has
  more than doubled" after "... by 2024"; ", with South Koreans accounting for 30 percent", an
  absolute construction, and ", with a target of 150 participants", the plan's target, but not
  ", with an investment of"), unless it says it is about now
  ("now", "so far", "still", "since"); a time adverbial that opens the sentence ("In 2024, ...", "Last
  year, ...") covers every clause of it. Where two cues are equally near, one across an "and"
  belongs to the other verb ("sold 5,000 last year and aims to double that in 2026"), and a cue
  after an "and" with a goal, forecast or future word between belongs to that plan ("has invested
  600 million USD and plans to raise it to 1 billion USD by 2025"). A second reporting or asking
  verb after ", and" opens another statement, which continues no time frame ("backed the goal
  of $150 billion by 2030, and asked for support for the 9,800 Korean firms"). Any other
  neighbouring clause never lends its year, with one exception: an anaphoric period ("in the period", "in the
  month", "during the nine months"), a sentence that continues the ranking before it ("It was
  followed by Laos with 9,100") and one about a part of the set counted before ("Of them, 72
  percent ...", "Among those who ...") take the year of the last dated sentence among the three
  before. A duration has no reference year.
  A quotation mark between a cue and the figure ends the cue's reach: when a quotation was
  said does not date what it says.
- **A base is not a reference.** A year after "since", "from", "than", "compared to/with",
  "against", "versus", "over" or "the same period of" is what the figure is compared with or
  counted from ("since 1992", "up 5 percent over 2023"), so is a year inside a "since" clause
  ("since the pilot began in 2024 the offices have exchanged …"), so is a year in a participle
  phrase of founding between commas ("The institute, opened in 2013, has taught …"), and so is a
  year after the figure with
  "since", "from", "compared" or "than" between them ("has become the fourth-largest since the
  pact took effect in 2015", "72 percent, up from 65 percent two years ago": "from" before an
  amount, not "visitors from Korea in January"); so is a year after a multiple of "the figure"/
  "the number" ("nearly triple the figure five years ago", not "aims to double that figure in
  2025"); an opening adverbial that starts with "since", "from", "after" or "before" gives no
  reference year either, and a year right after a decision's verb ("agreed in 2023 to") dates
  the decision.
- **Targets are stated plans and agreed goals** (one rule for every key of tests/corpus): a
  figure is a target when it is part of what someone has decided, planned, promised or agreed
  to do or reach. That is read from
  - a goal word before the figure in its statement (the sentence up to a turn: ";", "while",
    "but", "although", "where", ", with", a reporting participle ", noting that"): "target",
    "goal", "aim to/at/for", "plan to", "seek to", "strive to/for", "commit to", "pledge to",
    "hope to", "want", "call for", "determined to", "set out to", "ready/willing/prepared to",
    and an agreement with what it is to do a
    few words on ("agreed in 2023 to bring", "signed an agreement ... with X to train",
    "agreed on a ceiling of");
  - a goal verb with its object right before the amount ("to raise bilateral trade to US$20
    billion", "would cut fees by 25 percent"); an -ing goal verb only with "to"/"by" before
    the amount and not as a participle of result after a comma ("added 40 firms, bringing the
    total to 306" reports what happened);
  - the future tense of the figure's own clause, or of the clause a coordinated or participle
    clause continues: news reports a stated plan so, with or without its period ("will build a
    US$210 million plant", "would hire 2,000 engineers", "is set to open ... and employ 800",
    "will invest ..., raising its capacity to 1.6 million tonnes", "will have an annual capacity
    of 8 GWh"), and a phrase between commas sizing the subject of a future-tense predicate, its
    capacity, output or worth ("The plant, with a capacity of 20 GWh a year, would supply …",
    "the first phase, worth US$700 million, would start in 2026"; not its area or funding:
    "The new line, covering 42,000 square meters, will produce …"). "would have" is a
    counterfactual.
  - the count that is the subject of a future-tense predicate right after its noun phrase
    ("Six Korean banks will act as market makers", "… and four Vietnamese banks will act", "up
    to 12,000 workers from Vietnam will be allowed"), and the amount sizing such a subject
    ("The $38 million grant, to be spent over four years, will cover …"): a plan names who
    carries it out and what it costs as well as what it reaches.
  Not targets: what is reported as done or as it is (including a budget already "set aside"),
  the starting point of "from X to Y", what "already", a possessive or "the" before a hedged
  count names as existing ("the 1,800 employees already on its payroll", "the more than 300,000
  Vietnamese residents", "the foundation's
  five hospitals"), and a duration that is the goal's time frame ("over the next three years")
  rather than its value ("cut that to 18 months"). A year right after the decision's verb
  ("agreed in 2023", "signed in May") dates the decision, not the figure. A goal whose year is
  past at publication is reported as an actual.
- **Forecasts are predictions, not goals**: "expected to", "forecast", "projected", "predicted",
  "estimates"/"an estimated", "likely to", "poised to", "on track to", "set to" before a verb of
  a measure reaching a level ("set to hit $95 billion"), "could", "may", and a need ("will need
  40,000 drivers", "needs an estimated $135 billion"). A forecast is stored with ``is_target``
  false and ``is_forecast`` true. When both a goal and a forecast word stand before a figure,
  the nearer one decides; "expects to raise its investment to $20 billion" is the actor's own
  goal, "is expected to cut ... by 20%" a prediction.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.figures.intents import (
    ALREADY_AFTER,
    COMPARED_BEFORE,
    FROM_BEFORE,
    GOAL_VERB_TO,
    ING_GOAL_VALUE,
    POSSESSIVE_BEFORE,
    SECOND_REPORT,
    TO_AFTER,
    describes_future_subject,
    intents_of,
    other_turns,
)
from vnrok_etl.dates import MONTH_NUMBERS
from vnrok_etl.figures.words import AMOUNT_HEDGES, MONTHS
from vnrok_etl.numbers import UNIT_WORD_RE, UNIT_WORDS

# "27.3% over the same period last year", "since 1992": a year after these is a base.
COMPARISON_BASE = re.compile(
    r"(?i)(?:same[ ]period(?:[ ]of|[ ]in)?|compared[ ](?:to|with)|than|from|against|since|"
    r"versus|vs\.?|over|up[ ]from|down[ ]from)[ ]+$"
)

# "since the pilot began in 2024 the two offices have exchanged …", "since the pact took effect
# in 2015", "since the two ministries signed their memorandum on defence cooperation in 2021":
# a year inside a "since" clause (since, up to twelve words with no comma, the cue) dates the
# start of what is counted, a base as "since 2024" is.
SINCE_CLAUSE_BEFORE = re.compile(r"(?i)\bsince[ ]+(?:[^\s,;.]+[ ]+){1,12}$")
SINCE_CLAUSE_CHARS = 100

# "The institute, opened in 2013, has taught 4,100 learners so far": a year in a participle
# phrase of founding between commas after a noun dates that thing's start, not the figure.
FOUNDED_BEFORE = re.compile(
    r",[ ]+(?:first[ ]+)?(?:opened|founded|established|built|set[ ]up|launched|inaugurated|created)[ ]+$"
)

# "has trained more than 150 officers since 2019": counted from a year up to now.
SINCE_YEAR = re.compile(r"\bsince[ ]+(?:early[ ]+|late[ ]+|mid-?)?(?:19|20)\d{2}\b")

# "rose 3.5-fold between 2022 and last year": the second end of a span of years is no single
# reference year either (the first is no cue: "between" is no period preposition).
SPAN_BEFORE = re.compile(r"(?i)\bbetween[ ]+(?:19|20)\d{2}[ ]+and[ ]+$")

# Words of a period written between a preposition and its year: "in the first five months of",
# "during January-August", "as of the end of".
PERIOD_WORD = (
    rf"the|first|second|third|fourth|last|final|past|whole|entire|full|end|middle|beginning|"
    rf"start|early|late|mid|half|quarter|months?|weeks?|of|Q[1-4]|H[12]|\d{{1,2}}|"
    rf"(?i:{UNIT_WORD_RE})|(?:{MONTHS})\.?(?:[-–](?:{MONTHS})\.?)?"
)
YEAR_CUE = re.compile(
    rf"""
    \b(?P<prep>[Bb]y|[Ii]n|[Dd]uring|[Aa]s[ ]of|[Uu]ntil|[Tt]hrough(?:out)?|[Ff]or|[Oo]f)[ ]+
        (?:(?:{PERIOD_WORD})[ ,]+){{0,6}}?
        (?P<year>(?:19|20)\d{{2}})\b(?![-–]\d|[ ]to[ ](?:19|20)\d\d)
  | \b(?P<month>(?:{MONTHS})\.?(?:[-–](?:{MONTHS})\.?)?)[ ,]+(?P<myear>(?:19|20)\d{{2}})\b(?![-–]\d)
  | \b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)[ ]+(?:(?:school|fiscal|academic|financial)[ ]+)?year\b
  | \b(?P<relm>[Ll]ast|[Tt]his|[Nn]ext)[ ]+month\b
  | \b(?P<rels>[Ll]ast|[Tt]his|[Nn]ext)[ ]+(?:spring|summer|autumn|fall|winter)\b
  | \b(?P<relmo>[Ll]ast|[Tt]his|[Nn]ext)[ ]+(?P<relmonth>{MONTHS})\b
  | \b(?P<ago>(?i:{UNIT_WORD_RE})|\d{{1,2}}|a)[ ]+years?[ ]+(?P<back>ago|earlier)\b
  | \bof[ ]+(?P<the>the)[ ]+year\b
  | \b(?P<mprep>[Ii]n|[Aa]s[ ]of|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Ff]rom|[Dd]uring
                   |[Aa]t(?=[ ]the[ ](?:end|beginning)[ ]of\b))[ ]+
        (?:(?:early|late|mid|the[ ]end[ ]of|the[ ]beginning[ ]of)[ ‐-]*)?
        (?P<bare>{MONTHS})\b(?!\.?[ ,]*(?:\d|[Ll]ast|[Tt]his|[Nn]ext))
    """,
    re.VERBOSE,
)

MONTH_PREP_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]s[ ]of|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Ff]rom|[Dd]uring"
    # "at the end of June": "at" only before the end or beginning of a month
    r"|[Aa]t(?=[ ]the[ ](?:end|beginning)[ ]of\b))[ ]+"
    r"(?:(?:early|late|mid|the[ ]end[ ]of|the[ ]beginning[ ]of)[ ‐-]*)?$"
)


# "next March", "last December": a month named relative to the publication date.
RELATIVE_MONTH_BEFORE = re.compile(r"\b(?:[Ll]ast|[Tt]his|[Nn]ext)[ ]+$")


def by_first_character(alternatives: list[str]) -> str:
    r"""``a|b|...`` written to start with a character class: ``[1J](?:(?<=1)(?:9\d\d)|(?<=J)(?:une))``.
    The same matches, but the regex engine skips in C to the characters that can start one
    (numbers.at_word_start says why); four times faster for YEAR_ANCHOR."""
    rests: dict[str, list[str]] = {}
    for alternative in alternatives:
        rests.setdefault(alternative[0], []).append(alternative[1:])
    branches = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in rests.items())
    return f"[{''.join(rests)}](?:{branches})"


PERIOD_ANCHORS = frozenset({"month", "spring", "summer", "autumn", "fall", "winter"})
# Where a year cue can be: at a year, the word "year(s)" or a month name.
YEAR_ANCHOR = re.compile(by_first_character(
    [r"19\d\d\b", r"20\d\d\b", r"Years?\b", r"years?\b", *(rf"{month}\b" for month in MONTHS.split("|")),
     r"month\b", r"spring\b", r"summer\b", r"autumn\b", r"fall\b", r"winter\b"]
))

# Clause boundaries inside a sentence: a year cue on the other side belongs to another figure.
# ", enough to supply about 40% of the storage Vietnam plans to install by 2030", ", equivalent
# to ...": a phrase saying what the figure before it amounts to has its own time frame and
# figures, and continues the plan of the clause it describes.
CLAUSE_BREAK = re.compile(
    r"[;:]|,[ ]+(?:while|whereas|but|and|which|although|though|whilst|with|who)\b"
    r"|,[ ]+[a-z]+ing\b|[ ](?:while|whereas)[ ]|[ ]and[ ]now[ ]|[ ]who[ ]|[ ]where[ ]"
    r"|,[ ]+(?:enough|equivalent|equal)[ ]+to\b"
)
# ", with South Koreans accounting for 30 percent": an absolute construction (", with", a noun
# and a participle) continues the clause before it; ", with an investment of US$560 million"
# describes and does not.
WITH_BREAK = re.compile(r",[ ]+with\b")
# ", with 18,600 arrivals, up 41%": the amount restates the clause before, of its period.
WITH_AMOUNT = re.compile(rf"[ ]+(?:(?:{AMOUNT_HEDGES})[ ]+)?(?:US)?[$€£₩]?\d")
# ", with a target of 150 participants": the target of the plan before, in the plan's period.
WITH_GOAL = re.compile(r"[ ]+(?:an?|the)[ ]+(?:target|goal|aim)[ ]+of\b")
PARTICIPLE = re.compile(r"\b[a-z]{3,}(?:ing|ed)\b")
RELATIVE_BREAK = re.compile(r",[ ]+(?:which|who)")
COORDINATING_BREAK = re.compile(
    r",[ ]+(?:while|whereas|but|and|whilst)|[ ](?:while|whereas)[ ]|,[ ]+[a-z]+ing"
    r"|,[ ]+(?:enough|equivalent|equal)[ ]+to"
)
# A turn to another statement (";", "while", "whereas", "but", "although", "though", ", with"):
# goal and forecast words before it do not reach past it. Weaker than a clause break, so an
# elided clause keeps its governor ("aim to raise trade to $150 billion by 2030, and investment
# to $100 billion"). Found in the word pass (_intents) and by _semicolons_and_withs.
# "from" only before an amount ("up from 65 percent two years ago"), not "visitors from Korea in
# January" or "workers from Vietnam by the end of next year".
BASE_BETWEEN = re.compile(r"\b(?:[Ss]ince|compared|than)\b|\bfrom[ ]+(?:[a-z]+[ ]+)?(?:US)?[$€£₩]?\d")
# "nearly triple the figure five years ago", "double the number in 2015": the base compared with.
MULTIPLE_OF_BEFORE = re.compile(
    r"(?i)(?<!\bto[ ])(?<!will[ ])(?<!would[ ])"  # "aims to double that figure in 2025": a goal
    r"\b(?:double|twice|triple|treble|quadruple|times|half)[ ]+(?:the|that)[ ]+"
    r"(?:figure|number|level|amount|total|size|rate|share|value)[ ]+(?:of[ ]+|in[ ]+)?$"
)
# A clause that says it is about now, or about the time since, borrows no year from the clause
# it is coordinated with ("set up in 2022, and 340 students have graduated so far").
NOW_WORDS = re.compile(r"\b(?:since|now|so[ ]far|currently|today|to[ ]date|still)\b")
# "in the period", "in the month", "during the nine months": the period of an earlier sentence.
# A sentence that continues the ranking of the sentence before ("It was followed by Laos with
# 9,100"): its figures are of the same period, and count the same noun (elided.continued_unit).
FOLLOWED_BY = re.compile(r"(?i)(?:^|[ ])(?:was|were|is|are)?[ ]*followed[ ]by\b")
# "Of them, 72 percent said ...", "Among those who had visited, nine out of ten ...": a part of
# the set the sentence before counted, in its period.
OF_THEM = re.compile(r"(?:Of|Among)[ ](?:them|these|those)\b")
ANAPHORIC_PERIOD = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Oo]ver|[Ff]or)[ ]the[ ](?:same[ ])?(?:(?:first|past|last)[ ])?(?:\w+[ ])?"
    r"(?:period|month|months|quarter|half)\b(?![ ]of\b)"
)
# An opening adverbial that is a base or another event, not the figure's period.
OPENING_BASE = re.compile(r"(?i)(?:since|from|after|before|compared|unlike)\b")

# "agreed in 2023 to bring", "signed in May": the year dates the decision, not the figure.
DECISION_BEFORE = re.compile(
    r"(?i)\b(?:agreed|signed|pledged|committed|decided|approved|announced|promised)[ ]+$"
)


@dataclass(frozen=True, slots=True)
class Reference:
    """The attributes a figure takes from its sentence."""

    ref_year: int | None
    is_target: bool
    is_forecast: bool


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What every figure of one sentence reads, found once per sentence."""

    cues: list[re.Match]  # year cues that are not bases
    opening_end: int  # end of an opening time adverbial ("In 2024,"), else the sentence start
    breaks: list[tuple[int, int, bool]]  # clause breaks: start, end, coordinating
    turns: list[int]  # ends of turns (";", "while", "but", ", with" ...)
    goals: list[int]  # ends of goal words
    forecasts: list[int]  # ends of forecast words
    futures: list[int]  # ends of "will", "would", "shall"
    governing: list[int]  # ends of forecast words that make a goal verb after them a forecast
    goal_verbs: list[int]  # starts of goal verbs ("to raise", "bringing"): GOAL_VERB_TO's


def sentence_facts(ctx: Context, sentence: tuple[int, int]) -> SentenceFacts:
    """The facts of ``sentence``, cached in the context. Year cues are looked for only around
    their anchors (a year, "year(s)", a month name), which a pattern starting with a character
    class finds fast, instead of trying YEAR_CUE at every position of the sentence."""
    facts = ctx.cues.get(sentence[0])
    if facts is not None:
        return facts
    body = ctx.body
    cues: list[re.Match] = []
    seen: set[tuple[int, int]] = set()
    for anchor in YEAR_ANCHOR.finditer(body, *sentence):
        first = anchor.group()[0]
        if first not in "12Yy" and anchor.group() not in PERIOD_ANCHORS:
            # A month name: a cue only after a preposition ("in May", "as of June"); one with a
            # year after it is found from the year.
            prep = MONTH_PREP_BEFORE.search(body, max(sentence[0], anchor.start() - 26),
                                            anchor.start()) or RELATIVE_MONTH_BEFORE.search(
                body, max(sentence[0], anchor.start() - 6), anchor.start())  # "next March"
            if prep is None:
                continue
            cue = YEAR_CUE.match(body, prep.start())
            candidates = [cue] if cue else []
        else:
            reach = 48 if first in "12" else 24  # a period before a year is long
            window = (max(sentence[0], anchor.start() - reach), min(sentence[1], anchor.end() + 8))
            candidates = YEAR_CUE.finditer(body, *window)
        for cue in candidates:
            if cue.start() <= anchor.start() and anchor.end() <= cue.end() and cue.span() not in seen:
                seen.add(cue.span())
                if not COMPARISON_BASE.search(body, max(sentence[0], cue.start() - 22), cue.start()) \
                        and not MULTIPLE_OF_BEFORE.search(body, max(sentence[0], cue.start() - 30),
                                                          cue.start()) \
                        and not DECISION_BEFORE.search(body, max(sentence[0], cue.start() - 12),
                                                       cue.start()) \
                        and not SPAN_BEFORE.search(body, max(sentence[0], cue.start() - 20),
                                                   cue.start()) \
                        and not FOUNDED_BEFORE.search(body, max(sentence[0], cue.start() - 26),
                                                      cue.start()) \
                        and not ("ince " in body[max(sentence[0], cue.start() - SINCE_CLAUSE_CHARS):cue.start()]
                                 and SINCE_CLAUSE_BEFORE.search(
                                     body, max(sentence[0], cue.start() - SINCE_CLAUSE_CHARS), cue.start())):
                    cues.append(cue)
    cues.sort(key=lambda cue: cue.start())
    breaks = []
    for cut in CLAUSE_BREAK.finditer(body, *sentence):
        coordinating = COORDINATING_BREAK.fullmatch(cut.group()) is not None
        if coordinating and cut.group().endswith("and") and SECOND_REPORT.match(
            body, cut.end() + 1
        ):
            # "…by 2030, and asked for support for the some 9,800 Korean companies": a second
            # reporting or asking verb opens another statement, which keeps no year of the first.
            coordinating = False
        if WITH_BREAK.fullmatch(cut.group()):
            comma = body.find(",", cut.end(), sentence[1])
            coordinating = PARTICIPLE.search(body, cut.end(), comma if comma > 0 else sentence[1]) \
                is not None or WITH_AMOUNT.match(body, cut.end()) is not None \
                or WITH_GOAL.match(body, cut.end()) is not None
        breaks.append((cut.start(), cut.end(), coordinating))
        if RELATIVE_BREAK.fullmatch(cut.group()):
            # ", which entered the market in 2009, now runs ...": the relative clause ends at
            # the next comma.
            comma = body.find(",", cut.end(), sentence[1])
            if comma > 0:
                breaks.append((comma, comma + 1, False))
    breaks.sort()
    opening_end = sentence[0]
    comma = body.find(",", sentence[0], sentence[1])
    if comma > 0 and OPENING_BASE.match(body, sentence[0]):
        # "Since opening its office in 1994, KOICA has funded 130 projects": the adverbial's year
        # is where the count starts, not its reference.
        cues = [cue for cue in cues if cue.start() > comma]
    # The adverbial opens the sentence ("In 2024, ...", "Last year, ..."); "The centre opened in
    # 2020, and ..." is a clause of its own.
    if comma > 0 and cues and cues[0].end() <= comma and cues[0].start() - sentence[0] <= 3 \
            and not OPENING_BASE.match(
        body, sentence[0]
    ) and not any(cut_start < comma for cut_start, _, _ in breaks):
        opening_end = comma
    intents = intents_of(body, sentence)
    facts = SentenceFacts(
        cues=cues,
        opening_end=opening_end,
        breaks=breaks,
        turns=sorted([end for kind, _, end, _ in intents if kind == "turn"] + other_turns(
            body, sentence)),
        goals=[end for kind, _, end, _ in intents if kind == "goal"],
        forecasts=[end for kind, _, end, _ in intents if kind == "forecast"],
        # "would grow from 7,500 to about 10,000": a goal verb in the future tense is both.
        # The modal's end, not the goal verb's: "the number will double" is itself the figure.
        futures=[end if kind == "future" else start + len(word) for kind, start, end, word in intents
                 if kind == "future" or kind == "goalverb" and word in ("will", "would", "shall")],
        # "expected to cut" governs the goal verb after it; "expects to raise" is the actor's own
        # plan, so it is not listed here.
        governing=[end for kind, _, end, word in intents
                   if kind == "forecast" and word not in ("expect", "expects")],
        goal_verbs=[start for kind, start, _, _ in intents if kind == "goalverb"],
    )
    ctx.cues[sentence[0]] = facts
    return facts


def clauses_of(ctx: Context, sentence: tuple[int, int], start: int
               ) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The clause of ``sentence`` holding ``start``, and the clauses before it that it continues,
    nearest first: each coordinated (", and", ", while", ", but", a participle ...) with the one
    after it. An elliptical clause continues their time frame ("... by 2024, while investment
    has more than doubled"; "4.6 million visited last year, making them the largest group,
    while some 490,000 Vietnamese travelled to Korea")."""
    clause_start, clause_end = sentence
    chain: list[tuple[int, int]] = []
    previous_start = sentence[0]
    for cut_start, cut_end, coordinating in sentence_facts(ctx, sentence).breaks:
        if cut_end <= start:
            chain = [(previous_start, cut_start), *chain] if coordinating else []
            previous_start = clause_start = cut_end
        elif cut_start >= start:
            clause_end = cut_start
            break
    return (clause_start, clause_end), chain


def _nearest_cue(ctx: Context, cues: list[re.Match], clause: tuple[int, int], start: int,
                 end: int, intents: tuple[int, ...] = ()) -> re.Match | None:
    """The cue of ``clause`` nearest the figure; a cue after "since" that follows the figure is
    the start of a period the figure is counted from ("has become the fourth-largest since the
    pact took effect in 2015")."""
    best, best_distance = None, None
    for cue in cues:
        if not clause[0] <= cue.start() < clause[1]:
            continue
        if cue.start() >= end and BASE_BETWEEN.search(ctx.body, end, cue.start()):
            continue  # "72 percent, up from 65 percent two years ago": the base's year
        if cue.start() >= end and any(end < p <= cue.start() for p in intents) and (
            " and " in ctx.body[end:cue.start()]
        ):
            # "has invested 600 million USD and plans to raise it to 1 billion USD by 2025":
            # the year of the next predicate's plan or forecast, not of the figure
            continue
        between = ctx.body[cue.end():start] if cue.end() <= start else ctx.body[end:cue.start()]
        if "“" in between or "”" in between:
            # "at a seminar in Hanoi in November, said, “… have invested more than $3 billion …”":
            # when it was said does not date what the quotation says, nor the other way round.
            continue
        distance = max(cue.start() - end, start - cue.end(), 0)
        if cue.end() <= start and " and " in ctx.body[cue.end():start]:
            distance += 40  # "delivered 97,000 last year and aims to double that in 2025"
        if best_distance is None or distance < best_distance:
            best, best_distance = cue, distance
    return best


def _year_of(ctx: Context, cue: re.Match) -> int | None:
    """The year a cue names, relative cues resolved against the publication date."""
    published = ctx.published_year
    year = None
    if cue["bare"] or cue["the"]:
        year = published  # "in May", "the first nine months of the year": this year
    elif cue["ago"]:
        base = published if cue["back"] == "ago" else _earlier_base(ctx, cue)
        if base is not None:
            ago = cue["ago"].lower()
            year = base - (1 if ago == "a" else UNIT_WORDS.get(ago) or int(ago))
    elif cue["relm"]:
        if published is not None and ctx.published_month is not None:
            year = published + {"last": -1 if ctx.published_month == 1 else 0, "this": 0,
                                "next": 1 if ctx.published_month == 12 else 0}[cue["relm"].lower()]
    elif cue["rels"]:
        if published is not None:
            year = published + {"last": -1, "this": 0, "next": 1}[cue["rels"].lower()]
    elif cue["relmo"]:
        # "next March" in November is next year's March, in January this year's; "last March"
        # the other way round; "this March" is this year's.
        month = MONTH_NUMBERS.get(cue["relmonth"].lower())
        if published is not None and ctx.published_month is not None and month is not None:
            relation = cue["relmo"].lower()
            if relation == "next":
                year = published + (1 if month <= ctx.published_month else 0)
            elif relation == "last":
                year = published - (1 if month >= ctx.published_month else 0)
            else:
                year = published
    elif cue["rel"]:
        if published is not None:
            year = published + {"last": -1, "previous": -1, "this": 0, "next": 1}[
                cue["rel"].lower()
            ]
    else:
        year = int(cue["year"] or cue["myear"])
    return year


def _earlier_base(ctx: Context, cue: re.Match) -> int | None:
    """What "a year earlier" counts back from: the year of the nearest cue before it in its
    sentence ("occupancy of 75-80% in December, compared with about 60% a year earlier": December
    of the publication year, so the 60% is of the year before), else the publication year."""
    sentence = sentence_span(ctx, cue.start())
    before = [other for other in sentence_facts(ctx, sentence).cues
              if other.end() <= cue.start() and not (other["ago"] and other["back"] == "earlier")]
    return _year_of(ctx, before[-1]) if before else ctx.published_year


def _earlier_year(ctx: Context, before: int) -> int | None:
    """The year of the last dated sentence among the three before ``before``: what "in the
    period" or "in the month" refers back to. None when that sentence names several years."""
    index = bisect.bisect_left(ctx.sentence_starts, before)
    for sentence in reversed(ctx.sentence_spans[max(0, index - 3):index]):
        # a cue after "up from 65 percent" is that base's, not the sentence's period
        years = {_year_of(ctx, cue) for cue in sentence_facts(ctx, sentence).cues
                 if not BASE_BETWEEN.search(ctx.body, max(sentence[0], cue.start() - 30),
                                            cue.start())}
        if years:
            return years.pop() if len(years) == 1 else None
    return None


# A hedge that opens a figure's text ("more than 300,000 …").
DEFINITE_HEDGED = re.compile(rf"(?i)(?:{AMOUNT_HEDGES})[ ]")
# What may stand between a count that is a clause's subject and the modal of its predicate: its
# noun's words and a coordinated count ("six Korean banks and four Vietnamese banks will act").
# The count's short post-modifier may come between ("up to 12,000 workers from Vietnam will be
# allowed …").
SUBJECT_GAP = re.compile(
    # the head noun after an amount of money ("The $38 million grant will cover …"), and a
    # phrase between commas describing the subject (", to be spent over four years,")
    r"(?:[ ]+[a-z][a-z-]+)?(?:,[ ]+[^,;.“”\"]{3,60},)?"
    r"(?:[ ]+(?:from|in|of|at)[ ]+[\w’'-]+(?:[ ][\w’'-]+){0,2}?)?"
    r"(?:[ ]+(?:and|or)[ ]+[\w’'-]+(?:[ ][\w’'-]+){0,4}?)?[ ]+(?:will|would|shall)[ ]"
)
# What may open the clause before a count that is its subject: nothing, an opening phrase and its
# comma ("Under the arrangement, six Korean banks will …"), a determiner or a hedge.
SUBJECT_OPENING = re.compile(r"(?:^|,[ ]+|[.;:][ ]+)(?:(?:the|all|only|just|another|a[ ]further)[ ]+)?$", re.IGNORECASE)
SENTENCE_OPENING = re.compile(r"(?:(?:the|all|only|just|another|a[ ]further)[ ]+)?", re.IGNORECASE)


def _future_after_subject(ctx: Context, sentence: tuple[int, int], start: int, end: int) -> int | None:
    """The end of the modal when the figure is the subject of a future-tense predicate right
    after its noun phrase ("Six Korean banks will act as market makers", "… and four Vietnamese
    banks will act"): a plan names who will carry it out as its subject as well as its object.
    None otherwise."""
    body = ctx.body
    gap = SUBJECT_GAP.match(body, end)
    if gap is None:
        return None
    before = body[max(sentence[0], start - 40):start]
    if sentence[0] < start - 40 and not before.strip():
        return None
    # The sentence's own start opens the clause too, at a paragraph's start as at the body's.
    opening = SUBJECT_OPENING.search(body, max(sentence[0], start - 40), start) or (
        SENTENCE_OPENING.fullmatch(body, sentence[0], start))
    coordinated = re.search(r"[ ]and[ ]+$", before) is not None and _subject_count_before(body, sentence, start)
    if opening is None and start != sentence[0] and not coordinated:
        return None
    return gap.end() - 1


def _subject_count_before(body: str, sentence: tuple[int, int], start: int) -> bool:
    """Whether the words before "and" open the clause with a count ("six Korean banks and …")."""
    clause = body[max(sentence[0], body.rfind(",", sentence[0], start) + 1):start]
    return re.match(r"\s*(?:\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten)\b)", clause) is not None


def reference_of(ctx: Context, sentence: tuple[int, int], start: int, end: int,
                 duration: bool = False) -> Reference:
    """Reference year, target and forecast of the figure at ``start:end`` (rules above)."""
    facts = sentence_facts(ctx, sentence)
    cues, opening_end = facts.cues, facts.opening_end
    clause, previous = clauses_of(ctx, sentence, start)
    intents = (*facts.goals, *facts.forecasts, *facts.futures)
    best = _nearest_cue(ctx, cues, clause, start, end, intents)
    # "handed two ships to Vietnam in 2023 and has trained more than 150 officers … since 2019":
    # a count from a year up to now takes no year from before it.
    since = (best is None or best.end() <= start) and "since" in ctx.body[end:clause[1]] and (
        SINCE_YEAR.search(ctx.body, end, clause[1]) is not None)
    if since:
        best = None
    if best is None and previous and not since and not NOW_WORDS.search(ctx.body, clause[0], clause[1]):
        for before in previous:
            best = _nearest_cue(ctx, cues, before, start, end, intents)
            if best is not None:
                break
    if best is None and not since and opening_end > sentence[0] and start > opening_end:
        best = next(cue for cue in cues if cue.end() <= opening_end)
    turn = max((cut for cut in facts.turns if cut <= start), default=sentence[0])
    goal = max((g for g in facts.goals if turn <= g <= start), default=-1)
    reach = max(turn, start - 130)
    goal_verb = GOAL_VERB_TO.search(ctx.body, reach, start) if any(
        reach <= g < start for g in facts.goal_verbs
    ) else None
    if goal_verb and goal_verb.group()[0].islower() and goal_verb.group().split()[0].endswith(
        "ing"
    ) and (ctx.body[goal_verb.start() - 2:goal_verb.start()] == ", "
           or not ING_GOAL_VALUE.search(ctx.body, max(0, start - 40), start)):
        goal_verb = None  # "..., bringing the total to 306"; "taking the test had tripled"
    if goal_verb and duration and not ING_GOAL_VALUE.search(ctx.body, max(0, start - 40), start):
        goal_verb = None  # "to bring 10,000 workers ... over three years": the time frame
    # "cheaper for the more than 300,000 Vietnamese residents", "cut fees for the some 9,800 Korean
    # firms": "the" before a hedged count names a population that exists, not what a plan reaches.
    population = DEFINITE_HEDGED.match(ctx.body, start) is not None and (
        ctx.body[max(0, start - 4):start] in ("the ", "The "))
    if population:
        goal_verb, goal = None, -1
    if goal_verb and not any(goal_verb.start() - 2 <= f <= goal_verb.start() + 3
                             for f in facts.governing):
        goal = start  # "agreed to raise trade to"; not "expected to cut travel time by"
    elif duration:
        goal = -1  # "train 1,200 engineers over the next three years": the goal's time frame
    # "<= end": "an estimated 1,500 tons", the estimate printed as the figure's hedge.
    forecast = max((f for f in facts.forecasts if turn <= f <= end), default=-1)
    base = FROM_BEFORE.search(ctx.body, max(0, start - 6), start) is not None
    compared = COMPARED_BEFORE.search(ctx.body, max(0, start - 14), start) is not None
    if compared:
        goal, forecast = -1, -1
    existing = POSSESSIVE_BEFORE.search(ctx.body, max(0, start - 8), start) is not None or (
        ALREADY_AFTER.match(ctx.body, end) is not None) or population

    if base:
        # "would grow from 7,500 to about 10,000 by 2026": the starting point is no goal, and
        # the year after the "to" belongs to the end point.
        goal, forecast = -1, -1
        to = TO_AFTER.search(ctx.body, end, clause[1])
        if to:
            clause = (clause[0], to.start())
            best = _nearest_cue(ctx, cues, clause, start, end, intents)
    is_goal = goal > forecast
    is_forecast = forecast > goal
    # The future tense of the figure's own clause states a plan ("the bank would disburse
    # US$250 million"); a forecast word nearer the figure makes it a prediction.
    # A coordinated or participle clause continues the plan of the clause before it ("will
    # provide US$3.2 million ... and send eight engineers", "will invest ..., raising its
    # capacity to 1.6 million tonnes").
    own = (previous[0] if previous else clause)[0]
    future_tense = (
        any(max(turn, own) <= f <= start for f in facts.futures)
        or facts.futures and _future_after_subject(ctx, sentence, start, end) is not None
    ) and not (duration or base or existing or compared)
    if not future_tense and not (duration or base or existing) and facts.futures:
        future_tense = describes_future_subject(ctx.body, sentence, start, end)
    published = ctx.published_year
    year = None if best is None else _year_of(ctx, best)
    if existing and year is not None and published is not None and year > published:
        year = None  # what exists now is not of the plan's future year
    if year is None and best is None and not duration and (
        ANAPHORIC_PERIOD.search(ctx.body, clause[0], clause[1])
        or FOLLOWED_BY.search(ctx.body, sentence[0], min(start, sentence[0] + 20))
        or OF_THEM.match(ctx.body, sentence[0])
    ):
        year = _earlier_year(ctx, sentence[0])
    past = year is not None and published is not None and year < published
    future = year is not None and published is not None and year > published
    if past:
        return Reference(year, False, False)
    planned = future_tense and not is_forecast
    if is_goal or planned:
        return Reference(year, True, False)
    return Reference(year, False, is_forecast or future)
