"""The page: one self-contained HTML file, its filters stated at the top.

Why one file with inline CSS and SVG: the report is mailed around and opened on laptops with no
network, so it fetches nothing (no CDN, no fonts, no script at all), and a
Content-Security-Policy forbids scripts and remote loads in case anything slipped through.
Why no template engine: the page is a dozen small sections, and building it from functions that
escape every value on the way in keeps one rule easy to check: all article text (titles,
quotes, sentences, subjects, sources) goes through `text.e`, because articles are input from
outside and a quote may well contain "<script>".

Why bounded: a report is the summary an analyst opens first. At 10,000 articles an unbounded
page was 7.4 MB with 31,107 figure rows; every table now shows its first `rows` rows (default
50) in the order that matters, and says how to get the rest with SQL (tables.py).
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path

from vnrok_etl.report import charts, tables
from vnrok_etl.report.filters import ReportFilters
from vnrok_etl.report.queries import DEFAULT_ROWS, TOP_SPEAKERS, ReportData, read_report_data
from vnrok_etl.report.text import e
from vnrok_etl.warehouse import WarehouseError, connect

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
REPORT_MEMORY = "400MB"
# Counts of the whole warehouse, not of the selection (they belong to no article).
WAREHOUSE_COUNTS = ("rejections", "loads")
# What a count box says under its number, when its name alone would not: speakers are the named
# ones (people and organisations), as in the speakers table; unresolved quotes are counted there.
COUNT_LABELS = {"speakers": "speakers named"}

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c;
       margin: 0 auto; max-width: 1180px; padding: 24px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px;
     border-bottom: 2px solid #e2e8f0; padding-bottom: 4px; } h3 { font-size: 16px; margin: 16px 0 4px; }
.meta { color: #4a5568; margin: 0 0 16px; }
#filters { background: #f7fafc; border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 16px; }
#filters ul { margin: 4px 0; } .note { color: #9c4221; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f7fafc; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; } tr.group th { background: #edf2f7; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; }
.count { border: 1px solid #e2e8f0; border-radius: 6px; padding: 6px 12px; min-width: 96px; }
.count b { display: block; font-size: 22px; } .count.whole { background: #f7fafc; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; } .multiples { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; } figcaption { color: #4a5568; font-size: 13px; max-width: 740px; }
.conflict td { background: #fff5f5; } .sentence { color: #4a5568; font-size: 12px; }
.tag { border-radius: 4px; padding: 0 4px; font-size: 12px; background: #edf2f7; }
.tag.target { background: #feebc8; } .tag.bad { background: #fed7d7; } .tag.ok { background: #c6f6d5; }
details { margin: 4px 0; } summary { cursor: pointer; }
blockquote { margin: 4px 0 8px 16px; padding-left: 8px; border-left: 3px solid #cbd5e0; }
.empty { color: #718096; font-style: italic; }
.more { color: #4a5568; font-size: 13px; margin: 4px 0 12px; } .more code { word-break: break-all; }
"""


def write_report(
    warehouse: Path | str, out: str, now: datetime | None = None,
    filters: ReportFilters | None = None, rows: int = DEFAULT_ROWS,
) -> Path:
    """Read the warehouse (read-only) and write the HTML report to `out`; returns its path."""
    path = Path(out).expanduser().resolve()
    if path.is_dir():
        raise WarehouseError(f"report path {path} is a directory: give a file name such as report.html")
    if rows < 1:
        raise WarehouseError("the report needs at least one row per table")
    # DuckDB would otherwise keep the report's TEMP tables in up to 80 % of RAM (1.1 GB at 100k
    # documents); within REPORT_MEMORY it spills to a folder of its own (530 MB, same CPU).
    with tempfile.TemporaryDirectory(prefix="vnrok-report-") as spill, \
            connect(warehouse, read_only=True) as connection:
        connection.execute(f"SET memory_limit = '{REPORT_MEMORY}'")
        connection.execute(f"SET temp_directory = '{spill}'")
        data = read_report_data(connection, Path(warehouse).name, now or datetime.now(timezone.utc), filters, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(data), encoding="utf-8")
    return path


def render_report(data: ReportData) -> str:
    """The whole page. Every value from the warehouse is escaped on its way in."""
    shown_speakers = min(TOP_SPEAKERS, data.rows_limit)
    sections = [
        _filters_section(data),
        _section("counts", "Counts", _counts(data)),
        _section("sources", "Sources", tables.sources_table(data.sources)),
        _section("charts", "Over time", _charts(data)),
        _section("conflicts", f"Conflicts ({data.conflicts.total:,})", tables.conflicts_table(data.conflicts, data.applied)),
        _section("claims", f"Claims in two or more stories ({data.claims.total:,})",
                 tables.claims_table(data.claims, data.applied)),
        _section("figures", f"Figures ({data.figures.total:,})",
                 tables.figures_table(data.figures, data.figure_groups, data.applied)),
        _section("quotes", f"Speakers ({data.speakers.total:,} named)",
                 tables.speakers_table(data.speakers, data.applied)
                 + tables.unresolved_line(data.unresolved_quotes, dict(data.counts)["quotes"], data.applied)
                 + (f"<h3>Latest quotes of the {shown_speakers} most quoted</h3>" if data.speakers.rows else "")
                 + tables.latest_quotes(data.speakers, data.quotes, data.applied, shown_speakers)),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>vnrok-etl report: {e(data.warehouse)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        "<h1>vnrok-etl warehouse report</h1>\n"
        f'<p class="meta">Warehouse <code>{e(data.warehouse)}</code>, generated '
        f"{e(data.generated_at.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M UTC'))}. "
        f"Tables show at most {data.rows_limit:,} rows (<code>--rows</code>); "
        "<code>vnrok-etl export DIR</code> writes every view in full.</p>\n"
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def _filters_section(data: ReportData) -> str:
    described = data.filters.described()
    if described:
        items = "".join(f'<li data-filter="{e(name)}">{e(text)}</li>' for name, text in described)
        body = (f"<p>Every section below is computed from the articles these filters select: "
                f"{data.counts[0][1]:,} of the warehouse's {data.warehouse_articles:,}.</p><ul>{items}</ul>")
    else:
        body = (f"<p>No filters: every one of the warehouse's {data.warehouse_articles:,} articles. "
                "Narrow it with <code>--since</code>, <code>--until</code>, <code>--source</code>, "
                "<code>--speaker</code>, <code>--claim</code>.</p>")
    notes = "".join(f'<p class="note">{e(note)}</p>' for note in data.applied.notes)
    return f'<section id="filters"><h2>Filters</h2>{body}{notes}</section>'


def _counts(data: ReportData) -> str:
    boxes = "".join(
        f'<div class="count{" whole" if name in WAREHOUSE_COUNTS else ""}" data-table="{e(name)}">'
        f"<b>{count:,}</b>{e(COUNT_LABELS.get(name, name))}{' (whole warehouse)' if name in WAREHOUSE_COUNTS else ''}</div>"
        for name, count in data.counts
    )
    return f'<div class="counts">{boxes}</div>'


def _charts(data: ReportData) -> str:
    articles = data.articles_over_time
    blocks = [_figure(
        charts.timeline_chart(articles, "articles-chart", "article", "Articles per source over time"),
        f"Articles per {articles.period} and source as printed (the {len(articles.series)} largest"
        + (", the rest as other" if "other" in articles.series else "") + ")."
        + (f" {articles.undated:,} article(s) with no publication date are not drawn." if articles.undated else ""),
    )]
    if data.money:
        for unit, spreads in data.money.items():
            caption = (f"Money figures in {unit} per year they refer to (reference year, else publication year), "
                       "once per story: whiskers from the lowest to the highest, the box the middle half, the "
                       "bar the median; blue actuals, orange targets.")
            if data.money_undated.get(unit):
                caption += f" {data.money_undated[unit]:,} figure(s) with no year are not drawn."
            blocks.append(_figure(charts.money_chart(unit, spreads), caption))
    else:
        blocks.append(_figure('<p class="empty">No money figures yet.</p>', "Money figures over time."))
    claims = "".join(charts.claim_chart(index, claim, spreads)
                     for index, (claim, spreads) in enumerate(data.claim_series.items()))
    blocks.append(_figure(
        f'<div class="multiples">{claims}</div>' if claims else '<p class="empty">No claim in two or more stories.</p>',
        "The claims printed in the most stories: the median value per year (dot) and the range (bar), once per story.",
    ))
    speakers = data.speakers_over_time
    blocks.append(_figure(
        charts.heatmap(speakers, "speakers-chart", "Quotes of the most quoted speakers over time"),
        f"Quotes per {speakers.period} of the {len(speakers.series)} most quoted speakers; the darker, the more."
        + (f" {speakers.undated:,} undated quote(s) are not drawn." if speakers.undated else ""),
    ))
    return '<div class="charts">' + "".join(blocks) + "</div>"


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{e(title)}</h2>{body}</section>'


def _figure(chart: str, caption: str) -> str:
    return f"<figure>{chart}<figcaption>{e(caption)}</figcaption></figure>"
