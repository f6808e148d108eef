"""Inline SVG charts that summarise: their size depends on the periods and series, not the rows.

No script and no library: each chart is a string of SVG elements with a `<title>` per mark (a
browser shows it on hover), so the page opens offline and a screen reader reads the marks.
Every label that comes from the warehouse (sources, speakers, claim keys, currencies) is
escaped. Marks carry data-* attributes (series, period, counts) so tests read the chart from
the DOM Chromium builds.

- Articles per source over time: stacked bars per month or year (queries.choose_period).
- Money per year: for each year, actual and target amounts side by side as a box (quartiles)
  with whiskers (lowest to highest) and the median, on a log scale (amounts in one chart run
  from thousands to hundreds of billions). One mark per year and kind, however many figures.
- Top claims: small multiples, one per claim, the median and range of its values per year.
- Speakers over time: a grid, one row per speaker and one cell per period, darker for more quotes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from vnrok_etl.report.queries import Spread, Timeline
from vnrok_etl.report.text import e, human, number, short

PALETTE = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#a0aec0")
KIND_COLOURS = {"actual": "#2b6cb0", "target": "#dd6b20"}
FONT = 'font-family="system-ui, sans-serif"'


def _period_label(when: date, period: str) -> str:
    return str(when.year) if period == "year" else f"{when.year}-{when.month:02d}"


def _svg_open(chart_id: str, width: int, height: int, label: str, css: str = "chart") -> str:
    return (f'<svg id="{e(chart_id)}" class="{css}" xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{e(label)}" {FONT}>')


def _x_labels(count: int, left: float, slot: float, y: float, label_of, most: int = 12) -> list[str]:
    every = max(1, -(-count // most))
    return [
        f'<text x="{left + slot * (index + 0.5):.1f}" y="{y}" text-anchor="middle" font-size="11">'
        f"{e(label_of(index))}</text>"
        for index in range(0, count, every)
    ]


def timeline_chart(timeline: Timeline, chart_id: str, noun: str, label: str) -> str:
    """Stacked bars: one bar per period, one segment per series (the largest at the bottom)."""
    if not timeline.periods:
        return f'<p class="empty">No dated {e(noun)}s.</p>'
    left, top, plot_width, plot_height, bottom = 50, 34, 680, 200, 30
    slot = plot_width / len(timeline.periods)
    totals = [sum(timeline.counts.get((name, when), 0) for name in timeline.series) for when in timeline.periods]
    peak = nice_ceiling(max(totals))
    height = top + plot_height + bottom
    parts = [_svg_open(chart_id, left + plot_width + 20, height, label)]
    for step in range(5):
        y = top + plot_height - plot_height * step / 4
        parts.append(f'<line x1="{left}" x2="{left + plot_width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e8f0"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
                     f"{e(short(peak * step / 4))}</text>")
    for index, when in enumerate(timeline.periods):
        base = top + plot_height
        for colour, name in zip(PALETTE, timeline.series):
            count = timeline.counts.get((name, when), 0)
            if not count:
                continue
            size = plot_height * count / peak
            base -= size
            parts.append(
                f'<rect class="segment" data-series="{e(name)}" data-period="{when.isoformat()}" '
                f'data-count="{count}" x="{left + slot * index + slot * 0.1:.1f}" y="{base:.1f}" '
                f'width="{max(1.0, slot * 0.8):.1f}" height="{size:.1f}" fill="{colour}">'
                f"<title>{e(name)}, {_period_label(when, timeline.period)}: {plural_noun(count, noun)}</title></rect>"
            )
    parts += _x_labels(len(timeline.periods), left, slot, top + plot_height + 16,
                       lambda index: _period_label(timeline.periods[index], timeline.period))
    parts.append(_legend(list(zip(timeline.series, PALETTE)), left, 14))
    parts.append("</svg>")
    return "".join(parts)


def nice_ceiling(value: float) -> float:
    """The axis top: the smallest 1, 2, 2.5 or 5 times a power of ten at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def plural_noun(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _legend(items: Sequence[tuple[str, str]], x: float, y: float) -> str:
    parts = []
    for name, colour in items:
        parts.append(f'<rect x="{x:.0f}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14:.0f}" y="{y}" font-size="11">{e(name)}</text>')
        x += 24 + 7 * min(len(name), 24)
    return "".join(parts)


def money_chart(unit: str, spreads: Sequence[Spread]) -> str:
    """Per year, actual and target amounts as box and whiskers on a log scale (module doc)."""
    if not spreads:
        return f'<p class="empty">No dated money figures in {e(unit)}.</p>'
    years = [int(spread.period) for spread in spreads]
    first, last = min(years), max(years)
    slots = last - first + 1
    low = max(min(spread.low for spread in spreads), 1.0)
    high = max(max(spread.high for spread in spreads), low * 10)
    floor, ceiling = math.floor(math.log10(low)), math.ceil(math.log10(high))
    left, top, plot_width, plot_height, bottom = 60, 30, 680, 220, 30
    slot = plot_width / slots

    def y_of(value: float) -> float:
        position = (math.log10(max(value, 1.0)) - floor) / max(1, ceiling - floor)
        return top + plot_height - plot_height * position

    parts = [_svg_open(f"money-chart-{unit}", left + plot_width + 20, top + plot_height + bottom,
                       f"Money figures in {unit} per year: spread of actuals and targets", "chart money-chart")]
    for power in range(floor, ceiling + 1):
        y = y_of(10 ** power)
        parts.append(f'<line x1="{left}" x2="{left + plot_width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e8f0"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
                     f"{e(short(10 ** power))}</text>")
    width = min(14.0, slot * 0.35)
    for spread in spreads:
        index = int(spread.period) - first
        centre = left + slot * (index + (0.3 if spread.series == "actual" else 0.7))
        colour = KIND_COLOURS.get(spread.series, "#4a5568")
        tip = (f"{spread.period} {spread.series}s in {unit}: {spread.count:,} figure(s), median {human(spread.median)}, "
               f"middle half {human(spread.q1)}–{human(spread.q3)}, range {human(spread.low)}–{human(spread.high)}")
        box_top, box_bottom = y_of(spread.q3), y_of(spread.q1)
        parts.append(
            f'<g class="spread" data-year="{spread.period}" data-kind="{e(spread.series)}" data-count="{spread.count}" '
            f'data-median="{spread.median:g}"><title>{e(tip)}</title>'
            f'<line x1="{centre:.1f}" x2="{centre:.1f}" y1="{y_of(spread.high):.1f}" y2="{y_of(spread.low):.1f}" '
            f'stroke="{colour}"/>'
            f'<rect x="{centre - width / 2:.1f}" y="{box_top:.1f}" width="{width:.1f}" '
            f'height="{max(1.0, box_bottom - box_top):.1f}" fill="{colour}" fill-opacity="0.35" stroke="{colour}"/>'
            f'<line x1="{centre - width / 2:.1f}" x2="{centre + width / 2:.1f}" y1="{y_of(spread.median):.1f}" '
            f'y2="{y_of(spread.median):.1f}" stroke="{colour}" stroke-width="2"/></g>'
        )
    parts += _x_labels(slots, left, slot, top + plot_height + 16, lambda index: str(first + index), most=14)
    parts.append(_legend([("actual", KIND_COLOURS["actual"]), ("target", KIND_COLOURS["target"])], left, 14))
    parts.append(f'<text x="{left + 150}" y="14" font-size="11" fill="#4a5568">{e(unit)}, log scale</text></svg>')
    return "".join(parts)


def claim_chart(index: int, claim: str, spreads: Sequence[Spread]) -> str:
    """One small chart: a claim's median value per year, with the range as a vertical line."""
    left, top, plot_width, plot_height, bottom = 46, 24, 250, 90, 22
    parts = [_svg_open(f"claim-chart-{index}", left + plot_width + 10, top + plot_height + bottom,
                       f"Values of {claim} per year", "chart claim-chart")]
    parts.append(f'<text x="4" y="14" font-size="11" font-weight="600">{e(_clip(claim, 48))}<title>{e(claim)}</title></text>')
    if not spreads:
        parts.append(f'<text x="{left}" y="{top + 40}" font-size="11" fill="#718096">no dated values</text></svg>')
        return "".join(parts)
    years = [int(spread.period) for spread in spreads]
    first, last = min(years), max(years)
    slot = plot_width / (last - first + 1)
    low, high = min(spread.low for spread in spreads), max(spread.high for spread in spreads)
    span = (high - low) or abs(high) or 1.0

    def y_of(value: float) -> float:
        return top + plot_height - plot_height * (value - low) / span

    for value in (low, high):
        parts.append(f'<line x1="{left}" x2="{left + plot_width}" y1="{y_of(value):.1f}" y2="{y_of(value):.1f}" '
                     f'stroke="#e2e8f0"/><text x="{left - 4}" y="{y_of(value) + 4:.1f}" text-anchor="end" '
                     f'font-size="10">{e(short(value))}</text>')
    for spread in spreads:
        x = left + slot * (int(spread.period) - first + 0.5)
        tip = (f"{spread.period}: {spread.count:,} value(s), median {number(spread.median)}, "
               f"range {number(spread.low)}–{number(spread.high)}")
        parts.append(
            f'<g class="claim-point" data-year="{spread.period}" data-count="{spread.count}"><title>{e(tip)}</title>'
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(spread.high):.1f}" y2="{y_of(spread.low):.1f}" stroke="#90cdf4" '
            f'stroke-width="3"/><circle cx="{x:.1f}" cy="{y_of(spread.median):.1f}" r="3" fill="#2b6cb0"/></g>'
        )
    parts += _x_labels(last - first + 1, left, slot, top + plot_height + 15, lambda i: str(first + i), most=6)
    parts.append("</svg>")
    return "".join(parts)


def heatmap(timeline: Timeline, chart_id: str, label: str) -> str:
    """One row per series, one cell per period; the darker, the more quotes."""
    if not timeline.periods or not timeline.series:
        return '<p class="empty">No dated quotes by a named speaker.</p>'
    left, top, row_height, plot_width = 170, 10, 20, 600
    slot = plot_width / len(timeline.periods)
    peak = max(timeline.counts.values()) or 1
    height = top + row_height * len(timeline.series) + 24
    parts = [_svg_open(chart_id, left + plot_width + 10, height, label, "chart heatmap")]
    for row, name in enumerate(timeline.series):
        y = top + row * row_height
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end" font-size="11">{e(_clip(name, 26))}</text>')
        for index, when in enumerate(timeline.periods):
            count = timeline.counts.get((name, when), 0)
            if not count:
                continue
            shade = 0.15 + 0.85 * count / peak
            parts.append(
                f'<rect class="cell" data-series="{e(name)}" data-period="{when.isoformat()}" data-count="{count}" '
                f'x="{left + slot * index:.1f}" y="{y + 2}" width="{max(1.0, slot - 1):.1f}" height="{row_height - 4}" '
                f'fill="#2b6cb0" fill-opacity="{shade:.2f}"><title>{e(name)}, '
                f"{_period_label(when, timeline.period)}: {plural_noun(count, 'quote')}</title></rect>"
            )
    parts += _x_labels(len(timeline.periods), left, slot, height - 6,
                       lambda index: _period_label(timeline.periods[index], timeline.period))
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
