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

import datetime

from vnrok_etl.figures.amounts import DIGIT_QUANTITY, WORD_QUANTITY
from vnrok_etl.figures.build import make_figure, without_overlaps
from vnrok_etl.figures.context import Context
from vnrok_etl.figures.coordination import distribute_subjects
from vnrok_etl.figures.kinds import (
    FOLD_LITERAL,
    FOLD_PREFIX,
    MULTIPLIER_LITERALS,
    MULTIPLIER_VERB,
    PLACE_LITERALS,
    PLACE_RANK,
    RANKED,
    RANKED_LITERAL,
    SUPERLATIVE,
    figure_from_multiplier_verb,
    figure_from_place,
    figure_from_quantity,
    figure_from_rank,
    figures_from_appositives,
    figures_from_bare_decades,
    figures_from_fractions,
)
from vnrok_etl.figures.qualifiers import hedge_before
from vnrok_etl.figures.subjects import subject_before
from vnrok_etl.numbers import UNIT_WORDS, parse_ordinal
from vnrok_etl.records import Figure
from vnrok_etl.sentences import body_sentences


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
    ctx = Context(
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
        figure = figure_from_quantity(ctx, match, found)
        if figure:
            found.append(figure)
    for match in SUPERLATIVE.finditer(body):
        figure = figure_from_rank(ctx, match, found)
        if figure:
            found.append(figure)
    if RANKED_LITERAL in body:
        for match in RANKED.finditer(body):
            found.append(make_figure(ctx, "rank", float(parse_ordinal(match["ord"]) or 0), None,
                                 "exact", None, match.start(), match.end()))
    if any(literal in body for literal in PLACE_LITERALS):
        for match in PLACE_RANK.finditer(body):
            figure = figure_from_place(ctx, match)
            if figure:
                found.append(figure)
    if any(literal in body for literal in MULTIPLIER_LITERALS):
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
    found.extend(figures_from_appositives(ctx))
    found.extend(figures_from_bare_decades(ctx))
    return tuple(distribute_subjects(ctx, without_overlaps(found)))
