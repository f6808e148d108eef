"""The warehouse as one self-contained HTML page: counts, charts, figures, conflicts, quotes.

Why one file with inline CSS and SVG drawn here: the report is mailed around and opened on
laptops with no network, so it fetches nothing (no CDN, no fonts, no script at all), and a
Content-Security-Policy forbids scripts and remote loads in case anything slipped through.
Why no template engine: the page is a dozen small sections, and building it from functions that
escape every value on the way in keeps one rule easy to check: all article text (titles,
quotes, sentences, subjects, sources) goes through `html.escape`, because articles are input
from outside and a quote may well contain "<script>".

Everything comes from the analyst views (warehouse/views.sql) on a read-only connection, so the
report shows exactly what `vnrok-etl sql` would.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from vnrok_etl.claims import Claim, Conflict, ConflictSide, read_claims, read_conflicts
from vnrok_etl.warehouse import WarehouseError, connect

COUNTED_TABLES = (
    "articles", "article_sources", "figures", "quotes", "speakers", "speaker_aliases",
    "removed_spans", "captions", "rejections", "loads",
)
REQUIRED_VIEWS = (
    "figures_in_context", "quotes_by_speaker", "speaker_summary", "source_summary",
    "money_timeline", "figure_claims", "figure_conflicts", "stories",
)
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
BAR_COLOURS = {"actual": "#2b6cb0", "target": "#dd6b20"}  # money chart dots too
# A warehouse of 100,000 articles must still give a page a browser opens: long lists are cut,
# and the page says so (`vnrok-etl export` has every row).
MAX_FIGURES = 1000
MAX_CLAIMS = 300
MAX_QUOTES_PER_SPEAKER = 50
MAX_PRINTED_FORMS = 6
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c;
       margin: 0 auto; max-width: 1180px; padding: 24px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px;
     border-bottom: 2px solid #e2e8f0; padding-bottom: 4px; }
.meta { color: #4a5568; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f7fafc; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; }
.count { border: 1px solid #e2e8f0; border-radius: 6px; padding: 6px 12px; min-width: 110px; }
.count b { display: block; font-size: 22px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
figure { margin: 0; } figcaption { color: #4a5568; font-size: 13px; max-width: 560px; }
.conflict td { background: #fff5f5; } .sentence { color: #4a5568; font-size: 12px; }
.tag { border-radius: 4px; padding: 0 4px; font-size: 12px; background: #edf2f7; }
.tag.target { background: #feebc8; } .tag.bad { background: #fed7d7; } .tag.ok { background: #c6f6d5; }
details { margin: 4px 0; } summary { cursor: pointer; }
blockquote { margin: 4px 0 8px 16px; padding-left: 8px; border-left: 3px solid #cbd5e0; }
.empty, .cut { color: #718096; font-style: italic; }
"""


@dataclass(frozen=True, slots=True)
class SourceRow:
    source: str
    articles: int
    original_articles: int
    figures: int
    quotes: int


@dataclass(frozen=True, slots=True)
class MoneyPoint:
    year: int | None
    year_from: str | None
    published_date: date | None
    is_target: bool
    value: float
    unit: str
    subject: str | None
    text: str
    source: str | None


@dataclass(frozen=True, slots=True)
class FigureRow:
    published_date: date | None
    source: str | None
    title: str | None
    kind: str
    text: str
    value: float | None
    unit: str | None
    qualifier: str
    subject: str | None
    ref_year: int | None
    is_target: bool
    sentence: str
    is_copy: bool


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    speaker: str | None
    country: str | None
    quotes: int
    direct: int
    indirect: int
    interview: int
    stories: int
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    speaker: str | None
    kind: str
    cue: str | None
    text: str
    source: str | None
    published_date: date | None
    title: str | None


@dataclass(frozen=True, slots=True)
class ReportData:
    warehouse: str
    generated_at: datetime
    counts: tuple[tuple[str, int], ...]
    sources: tuple[SourceRow, ...]
    money: tuple[MoneyPoint, ...]
    figures: tuple[FigureRow, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    speakers: tuple[SpeakerRow, ...]
    quotes: tuple[QuoteRow, ...]
    figures_total: int
    claims_total: int
    conflicts_total: int


def write_report(warehouse: Path, out: str, now: datetime | None = None) -> Path:
    """Read the warehouse (read-only) and write the HTML report to `out`; returns its path."""
    path = Path(out).expanduser().resolve()
    if path.is_dir():
        raise WarehouseError(f"report path {path} is a directory: give a file name such as report.html")
    with connect(warehouse, read_only=True) as connection:
        data = read_report_data(connection, Path(warehouse).name, now or datetime.now(timezone.utc))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(data), encoding="utf-8")
    return path


def read_report_data(connection: duckdb.DuckDBPyConnection, name: str, now: datetime) -> ReportData:
    """Everything the report shows, as typed rows."""
    present = {row[0] for row in connection.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    missing = [view for view in REQUIRED_VIEWS if view not in present]
    if missing:
        raise WarehouseError(
            f"the warehouse has no view {', '.join(missing)}: run `vnrok-etl ingest` once to update it"
        )
    counts = tuple(
        (table, connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in COUNTED_TABLES
    )
    # Stories beside articles: syndicated copies are one story (stories.py).
    counts = counts[:1] + (("stories", connection.execute("SELECT count(*) FROM stories").fetchone()[0]),) + counts[1:]
    sources = tuple(SourceRow(*row) for row in connection.execute(
        "SELECT source, articles, original_articles, figures, quotes FROM source_summary"
    ).fetchall())
    money = tuple(MoneyPoint(*row) for row in connection.execute(
        """SELECT year, year_from, published_date, is_target, value, unit, subject, text, source
           FROM money_timeline WHERE value IS NOT NULL AND unit IS NOT NULL"""
    ).fetchall())
    figures = tuple(FigureRow(*row) for row in connection.execute(
        """SELECT published_date, source, title, kind, text, value, unit, qualifier, subject, ref_year,
                  is_target, sentence, duplicate_of IS NOT NULL
           FROM figures_in_context
           ORDER BY published_date NULLS LAST, source, article_id, start_char
           LIMIT ?""", [MAX_FIGURES]
    ).fetchall())
    speakers = tuple(SpeakerRow(*row[:7], tuple(row[7])) for row in connection.execute(
        "SELECT speaker, country, quotes, direct, indirect, interview, stories, sources FROM speaker_summary"
    ).fetchall())
    quotes = tuple(QuoteRow(*row) for row in connection.execute(
        """SELECT speaker, kind, cue, text, source, published_date, title FROM quotes_by_speaker
           QUALIFY row_number() OVER (PARTITION BY speaker
                                      ORDER BY published_date NULLS LAST, article_id, start_char) <= ?
           ORDER BY speaker NULLS LAST, published_date NULLS LAST, article_id, start_char""",
        [MAX_QUOTES_PER_SPEAKER],
    ).fetchall())
    totals = connection.execute(
        "SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM figure_claims),"
        " (SELECT count(*) FROM figure_conflicts)"
    ).fetchone()
    return ReportData(
        warehouse=name, generated_at=now, counts=counts, sources=sources, money=money,
        figures=figures, claims=tuple(read_claims(connection, MAX_CLAIMS)),
        conflicts=tuple(read_conflicts(connection, MAX_CLAIMS)), speakers=speakers, quotes=quotes,
        figures_total=totals[0], claims_total=totals[1], conflicts_total=totals[2],
    )


def render_report(data: ReportData) -> str:
    """The whole page. Every value from the warehouse is escaped by the helpers below."""
    sections = [
        _section("counts", "Counts", _counts(data.counts)),
        _section("charts", "Charts", '<div class="charts">'
                 + _figure_block(sources_chart(data.sources),
                                 "Articles per source as printed (VNA/VNS is VNS carrying a VNA story).")
                 + "".join(_figure_block(chart, caption) for chart, caption in money_charts(data.money))
                 + "</div>"),
        _section("conflicts", f"Conflicts ({data.conflicts_total})",
                 _conflicts_table(data.conflicts) + _cut(len(data.conflicts), data.conflicts_total)),
        _section("claims", f"Claims in two or more stories ({data.claims_total})",
                 _claims_table(data.claims) + _cut(len(data.claims), data.claims_total)),
        _section("figures", f"Figures ({data.figures_total})",
                 _figures_table(data.figures) + _cut(len(data.figures), data.figures_total)),
        _section("quotes", f"Quotes per speaker ({len(data.speakers)} speakers)",
                 _speakers_table(data.speakers) + _quotes_by_speaker(data.speakers, data.quotes)),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>vnrok-etl report: {_e(data.warehouse)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>vnrok-etl warehouse report</h1>\n"
        f'<p class="meta">Warehouse <code>{_e(data.warehouse)}</code>, generated '
        f"{_e(data.generated_at.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M UTC'))}.</p>\n"
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


# ─── charts ─────────────────────────────────────────────────────────────────────────────────────

def sources_chart(sources: Sequence[SourceRow]) -> str:
    """Horizontal bars, one per source: articles (figures and quotes in the label)."""
    if not sources:
        return '<p class="empty">No articles yet.</p>'
    label_width, bar_width, row_height, top = 90, 300, 30, 10
    most = max(row.articles for row in sources) or 1
    height = top * 2 + row_height * len(sources)
    parts = [
        f'<svg id="sources-chart" xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 320}" '
        f'height="{height}" role="img" aria-label="Articles per source">'
    ]
    for index, row in enumerate(sources):
        y = top + index * row_height
        width = max(2, round(bar_width * row.articles / most))
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" font-size="13">{_e(row.source)}</text>'
            f'<rect class="bar" data-source="{_e(row.source)}" x="{label_width}" y="{y + 5}" width="{width}" '
            f'height="{row_height - 10}" fill="#2b6cb0"><title>{_e(row.source)}: {row.articles} article(s)'
            f"</title></rect>"
            f'<text x="{label_width + width + 6}" y="{y + 19}" font-size="12" fill="#2d3748">'
            f"{row.articles} article{'s' if row.articles != 1 else ''}, {row.figures} figures, "
            f"{row.quotes} quotes</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def money_charts(points: Sequence[MoneyPoint]) -> list[tuple[str, str]]:
    """(svg, caption) per currency: one dot per money figure at the year it refers to."""
    charts = []
    for unit in sorted({point.unit for point in points}):
        dated = [point for point in points if point.unit == unit and point.year is not None]
        undated = sum(1 for point in points if point.unit == unit and point.year is None)
        caption = (
            f"Money figures in {unit} by the year they refer to (ref_year, else the publication year); "
            "orange dots are targets, blue dots actuals; one dot per figure of a story (syndicated copies once)."
        )
        if undated:
            caption += f" {undated} figure(s) with neither a reference year nor a publication date are not drawn."
        charts.append((money_chart(unit, dated), caption))
    if not charts:
        charts.append(('<p class="empty">No money figures yet.</p>', "Money figures over time."))
    return charts


def money_chart(unit: str, points: Sequence[MoneyPoint]) -> str:
    """One dot per money figure in one currency: x the year it refers to, y its value.

    Dots, not bars, so ten thousand figures still make a chart of fixed size; the years between
    the first and the last keep their place, so gaps in time show. Figures of one year are spread
    across the year's slot; values are printed beside the dots while there are few of them.
    """
    years = [point.year for point in points if point.year is not None]
    if not years:
        return f'<p class="empty">No dated money figures in {_e(unit)}.</p>'
    first, last = min(years), max(years)
    slots = last - first + 1
    scale, scale_name = _scale(max(point.value for point in points))
    peak = max(point.value for point in points) / scale or 1.0
    left, top, bottom, plot_height = 70, 40, 40, 220
    slot = min(90.0, max(16.0, 640 / slots))
    width = round(left + slot * slots + 30)
    height = top + plot_height + bottom
    labelled = len(points) <= 30
    radius = 5 if len(points) <= 200 else 3
    parts = [
        f'<svg id="money-chart-{_e(unit)}" class="money-chart" xmlns="http://www.w3.org/2000/svg" '
        f'width="{max(width, 320)}" height="{height}" role="img" aria-label="Money figures in {_e(unit)} by year">',
        f'<text x="4" y="16" font-size="12" fill="#4a5568">{_e(unit)} {_e(scale_name)}</text>',
    ]
    for step in range(5):
        y = top + plot_height - plot_height * step / 4
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e8f0"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{_number(peak * step / 4)}</text>'
        )
    every = -(-slots // 12)  # at most about twelve year labels
    for year in range(first, last + 1):
        centre = left + slot * (year - first + 0.5)
        if (year - first) % every == 0:
            parts.append(f'<text x="{centre:.1f}" y="{top + plot_height + 18}" text-anchor="middle" '
                         f'font-size="12">{year}</text>')
        group = sorted((point for point in points if point.year == year), key=lambda point: (point.is_target, -point.value))
        for index, point in enumerate(group):
            x = centre + (0.0 if len(group) == 1 else (index / (len(group) - 1) - 0.5) * 0.7 * slot)
            y = top + plot_height - plot_height * (point.value / scale) / peak
            colour = BAR_COLOURS["target" if point.is_target else "actual"]
            tip = (f"{point.text} ({point.subject or 'no subject'}); {point.source or 'unknown source'}, "
                   f"published {point.published_date or 'date unknown'}")
            parts.append(
                f'<circle class="money" data-year="{year}" data-target="{str(point.is_target).lower()}" '
                f'cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}" fill-opacity="0.85">'
                f"<title>{_e(tip)}</title></circle>"
            )
            if labelled:
                parts.append(f'<text x="{x + radius + 3:.1f}" y="{y + 4:.1f}" font-size="10">'
                             f"{_number(point.value / scale)}</text>")
    legend_x = left + 60
    for label, colour in (("actual", BAR_COLOURS["actual"]), ("target", BAR_COLOURS["target"])):
        parts.append(
            f'<circle cx="{legend_x + 5}" cy="12" r="5" fill="{colour}"/>'
            f'<text x="{legend_x + 14}" y="16" font-size="11">{label}</text>'
        )
        legend_x += 64
    parts.append(
        f'<line x1="{left}" x2="{width - 10}" y1="{top + plot_height}" y2="{top + plot_height}" stroke="#4a5568"/>'
        "</svg>"
    )
    return "".join(parts)


# ─── sections ───────────────────────────────────────────────────────────────────────────────────

def _counts(counts: Iterable[tuple[str, int]]) -> str:
    return '<div class="counts">' + "".join(
        f'<div class="count" data-table="{_e(table)}"><b>{count:,}</b>{_e(table)}</div>' for table, count in counts
    ) + "</div>"


def _conflicts_table(conflicts: Sequence[Conflict]) -> str:
    if not conflicts:
        return '<p class="empty">No claims disagree beyond rounding.</p>'
    rows = []
    for conflict in conflicts:
        kind = ("both can be true (different bounds)" if conflict.bounds_compatible
                else "contradiction")
        year = f" (compared for {conflict.compared_year})" if conflict.compared_year is not None else ""
        more = (f"<br>{conflict.distinct_values} different values, lowest and highest shown"
                if conflict.distinct_values > 2 else "")
        rows.append(
            '<tr class="conflict">'
            f"<td>{_e(conflict.subject_key + year)}<br><span class=\"tag\">{_e(conflict.claim_key)}</span>"
            f"{more}</td>"
            f'<td class="num low">{_e(format_value(conflict.kind, conflict.low.value, conflict.unit))}</td>'
            f"<td>{_side(conflict.low)}</td>"
            f'<td class="num high">{_e(format_value(conflict.kind, conflict.high.value, conflict.unit))}</td>'
            f"<td>{_side(conflict.high)}</td>"
            f'<td class="num">{conflict.relative_difference:.0%}</td>'
            f"<td>{_e(kind)}</td></tr>"
        )
    return (
        "<p>Values of one claim that differ by more than 5&nbsp;% of the larger, from different stories "
        "(a syndicated copy counts as its original; VNA/VNS counts as VNA).</p>"
        '<table id="conflicts-table"><thead><tr><th>Claim</th><th>Lower</th><th>Printed by</th>'
        "<th>Higher</th><th>Printed by</th><th>Diff.</th><th>Kind</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


def _side(side: ConflictSide) -> str:
    printed = "; ".join(f"“{text}”" for text in _shortened(side.printed_as))
    stories = f"{side.stories} stor{'ies' if side.stories != 1 else 'y'}"
    if side.outlets > side.stories:
        stories += f", {side.outlets} outlets"
    return (f'{_e(", ".join(side.sources))} <span class="tag">{stories}</span>'
            f'<br><span class="sentence">{_e(printed)}</span>')


def _claims_table(claims: Sequence[Claim]) -> str:
    if not claims:
        return '<p class="empty">No claim is made in two or more stories yet.</p>'
    rows = []
    for claim in claims:
        unit = claim.units[0] if claim.units else None
        values = "; ".join(format_value(claim.kind, value, unit) for value in claim.values)
        verdict = '<span class="tag ok">agree</span>' if claim.values_agree else '<span class="tag bad">disagree</span>'
        rows.append(
            f'<tr><td>{_e(claim.claim_key)}</td><td class="num">{claim.stories}</td>'
            f'<td class="num">{claim.outlets}</td>'
            f'<td>{_e(", ".join(claim.sources))}</td><td>{_e(values)}</td>'
            f'<td class="sentence">{_e("; ".join(_shortened(claim.printed_as)))}</td><td>{verdict}</td></tr>'
        )
    return (
        "<p>Stories count a syndicated copy once, as its original; outlets count every printed source that "
        "carried the claim, copies included.</p>"
        '<table id="claims-table"><thead><tr><th>Claim</th><th>Stories</th><th>Outlets</th><th>Sources</th><th>Values</th>'
        "<th>Printed as</th><th></th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _figures_table(figures: Sequence[FigureRow]) -> str:
    if not figures:
        return '<p class="empty">No figures yet.</p>'
    rows = []
    for figure in figures:
        year = "" if figure.ref_year is None else str(figure.ref_year)
        target = ' <span class="tag target">target</span>' if figure.is_target else ""
        copy = ' <span class="tag">copy</span>' if figure.is_copy else ""
        rows.append(
            f"<tr><td class=\"date\">{_e(figure.published_date or '')}</td><td>{_e(figure.source or '')}{copy}</td>"
            f"<td>{_e(figure.kind)}</td><td><b>{_e(figure.text)}</b>"
            f'<div class="sentence">{_e(figure.sentence)}</div></td>'
            f'<td class="num">{_e(format_value(figure.kind, figure.value, figure.unit))}</td>'
            f"<td>{_e(figure.qualifier)}</td><td>{_e(figure.subject or '')}</td><td>{_e(year)}{target}</td></tr>"
        )
    return (
        '<table id="figures-table"><thead><tr><th>Published</th><th>Source</th><th>Kind</th>'
        "<th>Figure in its sentence</th><th>Value</th><th>Qualifier</th><th>Subject</th><th>Year</th></tr>"
        "</thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _speakers_table(speakers: Sequence[SpeakerRow]) -> str:
    if not speakers:
        return '<p class="empty">No quotes yet.</p>'
    rows = "".join(
        f"<tr><td>{_e(row.speaker or '(unresolved)')}</td><td>{_e(row.country or '')}</td>"
        f'<td class="num">{row.quotes}</td><td class="num">{row.direct}</td><td class="num">{row.indirect}</td>'
        f'<td class="num">{row.interview}</td><td class="num">{row.stories}</td>'
        f"<td>{_e(', '.join(row.sources))}</td></tr>"
        for row in speakers
    )
    return (
        '<table id="speakers-table"><thead><tr><th>Speaker</th><th>Country</th><th>Quotes</th><th>Direct</th>'
        "<th>Indirect</th><th>Interview</th><th>Stories</th><th>Sources</th></tr></thead><tbody>"
        + rows + "</tbody></table>"
    )


def _quotes_by_speaker(speakers: Sequence[SpeakerRow], quotes: Sequence[QuoteRow]) -> str:
    blocks = []
    for speaker in speakers:
        said = [quote for quote in quotes if quote.speaker == speaker.speaker]
        items = "".join(
            f"<blockquote>{_e(quote.text)}<div class=\"sentence\">{_e(quote.kind)}"
            f"{', ' + _e(quote.cue) if quote.cue else ''} · {_e(quote.source or 'unknown source')}, "
            f"{_e(quote.published_date or 'date unknown')}</div></blockquote>"
            for quote in said
        )
        cut = _cut(len(said), speaker.quotes)
        blocks.append(
            f"<details><summary>{_e(speaker.speaker or '(unresolved speaker)')} ({speaker.quotes})</summary>"
            f"{items}{cut}</details>"
        )
    return "".join(blocks)


def _cut(shown: int, total: int) -> str:
    if shown >= total:
        return ""
    return f'<p class="cut">Showing {shown:,} of {total:,}; <code>vnrok-etl export</code> writes them all.</p>'


def _shortened(items: Sequence[str]) -> list[str]:
    if len(items) <= MAX_PRINTED_FORMS:
        return list(items)
    return [*items[:MAX_PRINTED_FORMS], f"… {len(items) - MAX_PRINTED_FORMS} more"]


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{body}</section>'


def _figure_block(chart: str, caption: str) -> str:
    return f"<figure>{chart}<figcaption>{_e(caption)}</figcaption></figure>"


# ─── values ─────────────────────────────────────────────────────────────────────────────────────

def format_value(kind: str, value: float | None, unit: str | None) -> str:
    """A figure's value as a reader writes it: "USD 150 billion", "200,000", "12.5%", "18×"."""
    if value is None:
        return ""
    if kind == "money":
        return f"{unit or ''} {_human(value)}".strip()
    if kind == "percent":
        return f"{_number(value)}%"
    if kind == "multiplier":
        return f"{_number(value)}×"
    if kind == "rank":
        return f"#{_number(value)}"
    if kind == "duration":
        plural = "s" if unit and value != 1 and not unit.endswith("s") else ""
        return f"{_number(value)} {unit or ''}{plural}".strip()
    return _human(value)


def _human(value: float) -> str:
    for size, name in SCALES:
        if abs(value) >= size:
            return f"{_number(value / size)} {name}"
    return _number(value)


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _scale(peak: float) -> tuple[float, str]:
    for size, name in SCALES:
        if abs(peak) >= size:
            return size, name
    return 1.0, ""


def _e(value: object) -> str:
    """HTML-escape anything shown, quotes included (values also land in attributes)."""
    return html.escape(str(value), quote=True)
