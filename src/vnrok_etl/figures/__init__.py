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
after it decides the other kinds (``%``/percent, a currency word, ``-fold``/``times``, a time unit,
else a counted noun phrase), and a hedge right before it gives the qualifier. Superlatives with an
ordinal before them, ordinal places ("second place"), multiplier verbs ("doubled"), "tenfold",
shares in words ("one-third", "nine out of ten") and comparisons without a verb ("nearly double
the number") catch the amounts written without a cardinal.

One module per concern, each with its rules in its docstring and tested on forms written for it:

- ``separators``: a body that writes its numbers the Vietnamese way ("1.250 students", "20,5%") and
  never the English way is read as it means them, its surface text kept as printed.
- ``amounts``: amounts as printed; glued numbers ("and150 billion USD") and broken ones ("$21
  3.9 billion": one figure, qualifier ``doubtful``, no value; "1 200 workers" is 1,200); numbers
  read aloud as broadcast scripts print them ("6-point-3 percent", "8-hundred-87 dollars").
- ``kinds``: kind and unit, and **the rule for small counts**: a count is a figure when it counts
  something the sentence reports as a fact; who takes part in the reported event is not a
  statistic (the two parties of a bilateral relation, a small number of office-holders or their
  bodies: "the two PMs", "two Defence Ministries"). Also rates ("1,000 visitors per week": unit
  "visitor per week"), descriptors ("100 percent foreign-owned firms": no figure), durations of
  every time unit, ranks in words.
- ``word_figures``: figures printed in words: shares ("one-third", "half of the graduates", "nine
  out of ten"), comparisons with no verb ("nearly double the number"), spans with no number ("over
  the past decade", "more than an hour").
- ``elided``: units of elided nouns ("from 7,500 to about 10,000 people", "… followed by Binh
  Duong with 11", "arrivals rose 14% to nearly 470,000").
- ``qualifiers``: the hedge before (or "or more" after) an amount; "over" as a particle or as
  "during" before a duration is no hedge.
- ``reference``: reference year from the figure's own clause, base years skipped; **targets** are
  stated plans and agreed goals (a goal word, a goal verb with its value, or the future tense of
  the figure's clause: "will build a US$210 million plant"); **a forecast** ("expected to hit",
  "could reach", a need) is stored with ``is_target`` false and ``is_forecast`` true, never both.
- ``intents``: the goal, forecast, future-tense and turn words ``reference`` reads targets from,
  and a plan's size printed between commas before its future-tense predicate.
- ``subjects``: the noun phrase counted or measured.
- ``coordination``: every member of "8.4 and 7.5 times respectively" is its own figure with its own
  subject.
- ``context``/``build``/``words``: the per-call context, building the records, shared words.

Speed: the patterns that scan a whole body start with a character class, not ``\b``
(``numbers.at_word_start``, ``DIGITS_RE``), so the regex engine skips in C to the letters or digits
that can start a match instead of trying every position. Patterns whose first word is a whole
word (number words, superlatives) are not scanned at all: the body's ASCII words are split once
in C (``amounts.body_words``), str.find locates the ones that occur, and the pattern is tried
there only (``amounts.matches_at``: the same matches as the scan). Literal searches are skipped
when their words are absent; "the two" is rejected before its noun is read; what the figures of
one sentence read (year cues, clause breaks, goal and forecast words) is found once per sentence.

Deliberately not extracted (each a judgement call, tested in tests/test_figures*.py):
- vague amounts without a value: "millions of travellers", "dozens of", "double-digit growth";
- bare superlatives with no printed number ("the largest investor"): no number was given;
- ordinals of events ("14th Congress", "10th anniversary", "third consecutive championship");
- the schedule of an event ("a three-day visit"), a calendar period ("in the first seven months
  of this year"), ages and time ago ("30-year-old", "30 years ago");
- bare numbers that count nothing named ("rose to 15"), "one" on its own ("one of the largest"),
  frequencies below ten ("visited three times");
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from vnrok_etl.figures.amounts import (
    DIGIT_QUANTITY,
    body_words,
    spoken_numbers,
    word_quantities,
)
from vnrok_etl.figures.build import make_figure, without_overlaps
from vnrok_etl.figures.context import Context, may_match
from vnrok_etl.figures.coordination import distribute_subjects
from vnrok_etl.figures.kinds import (
    FOLD_LITERAL,
    FOLD_PREFIX,
    MULTIPLIER_LITERALS,
    MULTIPLIER_VERB,
    MULTIPLIER_WORDS,
    PLACE_LITERALS,
    PLACE_WORDS,
    RANKED,
    RANKED_LITERALS,
    RANKED_WORDS,
    figure_from_multiplier_verb,
    figure_from_place,
    figure_from_quantity,
    figure_from_rank,
    place_ranks,
    superlatives,
)
from vnrok_etl.figures.periods import with_clause_periods
from vnrok_etl.figures.separators import (
    english_reading,
    lone_vietnamese_reading,
    vietnamese_separators,
)
from vnrok_etl.figures.qualifiers import hedge_before
from vnrok_etl.figures.ranges import join_to_ranges
from vnrok_etl.figures.subjects import subject_before
from vnrok_etl.figures.word_figures import (
    figures_from_appositives,
    figures_from_bare_decades,
    figures_from_fractions,
    figures_from_frequency_words,
    figures_from_in_shares,
)
from vnrok_etl.numbers import UNIT_WORDS, parse_ordinal
from vnrok_etl.records import Figure
from vnrok_etl.sentences import body_sentences, lowered_body


def extract_figures(body: str, published: datetime.date | None = None) -> tuple[Figure, ...]:
    """Every figure in ``body`` in text order; ``published`` resolves "last year" and targets.

    It does not swallow its own bugs: an exception here becomes a rejection row naming the
    document (pipeline.py), where a silent empty result would lose its figures without a trace.
    """
    return _extract(body, published)


def _extract(body: str, published: datetime.date | None) -> tuple[Figure, ...]:
    if not body:
        return ()
    # "1.250 students", "20,5%": a body written the Vietnamese way is read as the page means it;
    # "nearly 3,6 billion USD" in a body that also prints "1,250": only those numbers swapped.
    # Either way the surface text stays as printed.
    reading = english_reading(body) if vietnamese_separators(body) else lone_vietnamese_reading(body)
    if reading is None:
        return _extract_read(body, published)
    return tuple(_as_printed(body, reading, f) for f in _extract_read(reading, published))


def _as_printed(printed: str, reading: str, figure: Figure) -> Figure:
    """``figure`` read from ``reading`` (separators swapped, same length) with its text and
    sentence taken back from the printed body at the same offsets."""
    length = len(figure.sentence)
    at = reading.rfind(figure.sentence, max(0, figure.end_char - length), figure.start_char + length)
    sentence = printed[at:at + length] if at >= 0 else figure.sentence
    return replace(figure, text=printed[figure.start_char:figure.end_char], sentence=sentence)


def _extract_read(body: str, published: datetime.date | None) -> tuple[Figure, ...]:
    spans = body_sentences(body)  # usually the split the quotation stage just made
    lowered = lowered_body(body)  # usually the copy the quotation stage just made
    ctx = Context(
        body=body,
        sentence_starts=[s for s, _ in spans],
        sentence_spans=spans,
        published_year=published.year if published else None,
        cues={},
        lowered=lowered,
        words=body_words(lowered) if len(lowered) == len(body) else frozenset(),
        published_month=published.month if published else None,
    )
    found: list[Figure] = []
    quantities = sorted(
        [*DIGIT_QUANTITY.finditer(body), *word_quantities(body, lowered, ctx.words)],
        key=lambda m: m.start()
    )
    if spoken := spoken_numbers(body, lowered, ctx.words):
        # "6-point-3 percent", "8-hundred-87 dollars": the amounts the other scans read inside
        # it are its parts.
        quantities = sorted(
            [m for m in quantities if not any(d.start() <= m.start() < d.end() for d in spoken)] + spoken,
            key=lambda m: m.start(),
        )
    for match in quantities:
        figure = figure_from_quantity(ctx, match, found)
        if figure:
            found.append(figure)
    for match in superlatives(ctx):
        figure = figure_from_rank(ctx, match, found)
        if figure:
            found.append(figure)
    if may_match(ctx, RANKED_WORDS, RANKED_LITERALS):
        for match in RANKED.finditer(body):
            found.append(make_figure(ctx, "rank", float(parse_ordinal(match["ord"]) or 0), None,
                                 "exact", None, match.start(), match.end()))
    if may_match(ctx, PLACE_WORDS, PLACE_LITERALS):
        for match in place_ranks(body):
            figure = figure_from_place(ctx, match)
            if figure:
                found.append(figure)
    if may_match(ctx, MULTIPLIER_WORDS, MULTIPLIER_LITERALS):
        for match in MULTIPLIER_VERB.finditer(body):
            figure = figure_from_multiplier_verb(ctx, match)
            if figure:
                found.append(figure)
    for match in FOLD_LITERAL.finditer(body):
        prefix = FOLD_PREFIX.search(body, max(0, match.start() - 12), match.start())
        if prefix:
            word = prefix["w"].lower()
            value = UNIT_WORDS.get(word) or {"hundred": 100, "thousand": 1000}[word]
            start, qualifier = hedge_before(body, prefix.start())
            found.append(make_figure(ctx, "multiplier", float(value), "times", qualifier,
                                 subject_before(body, start), start, match.end()))
    found.extend(figures_from_fractions(ctx))
    found.extend(figures_from_frequency_words(ctx))
    found.extend(figures_from_in_shares(ctx))
    found.extend(figures_from_appositives(ctx))
    found.extend(figures_from_bare_decades(ctx))
    figures = join_to_ranges(body, without_overlaps(found))
    return tuple(distribute_subjects(ctx, with_clause_periods(ctx, figures)))
