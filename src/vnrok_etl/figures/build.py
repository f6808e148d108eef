"""Building the Figure records: reference year and target attached, overlaps resolved."""

from __future__ import annotations

from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.figures.reference import reference_of
from vnrok_etl.records import Figure


def make_figure(ctx: Context, kind: str, value: float | None, unit: str | None, qualifier: str,
                subject: str | None, start: int, end: int) -> Figure:
    sentence = sentence_span(ctx, start)
    if sentence[0] == sentence[1]:
        sentence = (start, end)
    reference = reference_of(ctx, sentence, start, end, duration=kind == "duration")
    return Figure(
        kind=kind,
        value=None if value is None else float(value),
        unit=unit,
        qualifier=qualifier,
        subject=subject,
        # A length of time has no reference year: "in 2024" says when, not how long.
        ref_year=None if kind == "duration" else reference.ref_year,
        is_target=reference.is_target,
        is_forecast=reference.is_forecast,
        text=ctx.body[start:end],
        sentence=ctx.body[sentence[0]:sentence[1]],
        start_char=start,
        end_char=end,
    )


def without_overlaps(figures: list[Figure]) -> list[Figure]:
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
