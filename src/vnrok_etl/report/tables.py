"""The report's tables: bounded, sorted by what matters, each with the way to all of its rows.

Under each table a line says how many rows there are in all and gives the `vnrok-etl sql`
command that lists them in the same order. The command repeats the page's filters when SQL on
the view can (figures, quotes and speakers are rows of the selected articles; claims are grouped
again from the `claim_figures` rows of the selected articles); a conflict is computed over
comparison sets of the selection, which a WHERE on `figure_conflicts` cannot repeat, so with a
date, source or speaker filter its command lists the whole warehouse's and says so (the claim
filter alone is a WHERE on the claim key, and is repeated).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence

from vnrok_etl.claims import Claim, ConflictSide
from vnrok_etl.report.filters import AppliedFilters, claim_sql
from vnrok_etl.report.queries import ONCE_PER_STORY, STORY, Bounded, FigureRow, QuoteRow
from vnrok_etl.report.text import e, format_value, plural

MAX_PRINTED_FORMS = 4
MAX_LISTED_SOURCES = 6
SENTENCE_CHARS = 240
SHELL_SAFE = re.compile(r'^[^"$`\\!]*$')


def more_line(table: str, bounded: Bounded, order: str, sql: str, whole_warehouse: bool = False) -> str:
    """'Showing 50 of 507 (sorted by ...); 457 more: vnrok-etl sql "..."'."""
    shown = len(bounded.rows)
    command = sql_command(sql)
    scope = (" (over the whole warehouse: the filters above select the stories these are computed from, "
             "which a WHERE on the view cannot repeat)" if whole_warehouse else "")
    if bounded.more:
        head = f"Showing {shown:,} of {bounded.total:,}, {order}; {bounded.more:,} more."
    else:
        head = f"All {bounded.total:,} shown, {order}."
    return (f'<p class="more" data-table="{e(table)}" data-shown="{shown}" data-total="{bounded.total}" '
            f'data-more="{bounded.more}">{e(head)} All of them{e(scope)}: <code>{e(command)}</code></p>')


def sql_command(sql: str) -> str:
    """The shell command that runs `sql` (quoted for a POSIX shell), as the page shows it."""
    return "vnrok-etl sql " + (f'"{sql}"' if SHELL_SAFE.match(sql) else shlex.quote(sql)) + " --format csv"


def _where(*conditions: str | None) -> str:
    present = [condition for condition in conditions if condition]
    return " WHERE " + " AND ".join(present) if present else ""


def conflicts_table(conflicts: Bounded, applied: AppliedFilters) -> str:
    if not conflicts.rows:
        return '<p class="empty">No claims disagree beyond rounding.</p>'
    rows = []
    for conflict in conflicts.rows:
        kind = "both can be true (different bounds)" if conflict.bounds_compatible else "contradiction"
        year = f" (compared for {conflict.compared_year})" if conflict.compared_year is not None else ""
        more = (f"<br>{conflict.distinct_values} different values, lowest and highest shown"
                if conflict.distinct_values > 2 else "")
        stories = conflict.low.stories + conflict.high.stories
        rows.append(
            f'<tr class="conflict" data-difference="{conflict.relative_difference}" data-stories="{stories}">'
            f"<td>{e(conflict.subject_key + year)}<br><span class=\"tag\">{e(conflict.claim_key)}</span>{more}</td>"
            f'<td class="num low">{e(format_value(conflict.kind, conflict.low.value, conflict.unit))}</td>'
            f"<td>{_side(conflict.low)}</td>"
            f'<td class="num high">{e(format_value(conflict.kind, conflict.high.value, conflict.unit))}</td>'
            f"<td>{_side(conflict.high)}</td>"
            f'<td class="num">{conflict.relative_difference:.0%}</td><td class="num">{stories}</td>'
            f"<td>{e(kind)}</td></tr>"
        )
    exact = not _aggregate_filters(applied)
    sql = ("SELECT * FROM figure_conflicts"
           + _where(claim_sql(applied.filters.claim) if applied.filters.claim else None)
           + " ORDER BY relative_difference DESC, low_stories + high_stories DESC")
    return (
        "<p>Values of one claim that differ by more than 5&nbsp;% of the larger, from different stories "
        "(a syndicated copy counts as its original; VNA/VNS counts as VNA); the widest first.</p>"
        '<table id="conflicts-table"><thead><tr><th>Claim</th><th>Lower</th><th>Printed by</th>'
        "<th>Higher</th><th>Printed by</th><th>Diff.</th><th>Stories</th><th>Kind</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
        + more_line("conflicts", conflicts, "the widest difference first, then the most stories", sql, not exact)
    )


def _side(side: ConflictSide) -> str:
    printed = "; ".join(f"“{text}”" for text in _shortened(side.printed_as, MAX_PRINTED_FORMS))
    stories = plural(side.stories, "story", "stories")
    if side.outlets > side.stories:
        stories += f", {side.outlets} outlets"
    return (f'{e(", ".join(_shortened(side.sources, MAX_LISTED_SOURCES)))} '
            f'<span class="tag">{e(stories)}</span>'
            f'<br><span class="sentence">{e(printed)}</span>')


def claims_table(claims: Bounded, applied: AppliedFilters) -> str:
    if not claims.rows:
        return '<p class="empty">No claim is made in two or more stories yet.</p>'
    rows = []
    for claim in claims.rows:
        rows.append(
            f'<tr data-stories="{claim.stories}"><td>{e(claim.claim_key)}</td><td class="num">{claim.stories:,}</td>'
            f'<td class="num">{claim.outlets:,}</td>'
            f'<td>{e(", ".join(_shortened(claim.sources, MAX_LISTED_SOURCES)))}</td><td>{e(_values(claim))}</td>'
            f'<td class="sentence">{e("; ".join(_shortened(claim.printed_as, MAX_PRINTED_FORMS)))}</td>'
            f"<td>{_verdict(claim)}</td></tr>"
        )
    if _aggregate_filters(applied):
        # The claims of the selected articles, grouped again as figure_claims groups them.
        sql = (f"SELECT claim_key, count(DISTINCT {STORY}) AS stories, list(DISTINCT value ORDER BY value) AS vals "
               "FROM claim_figures" + _where(applied.article_sql(), applied.figure_sql())
               + f" GROUP BY claim_key HAVING count(DISTINCT {STORY}) >= 2 ORDER BY stories DESC, claim_key")
    else:
        sql = ("SELECT * FROM figure_claims"
               + _where(claim_sql(applied.filters.claim) if applied.filters.claim else None)
               + " ORDER BY stories DESC, values_agree")
    return (
        "<p>Stories count a syndicated copy once, as its original; outlets count every printed source that "
        "carried the claim, copies included.</p>"
        '<table id="claims-table"><thead><tr><th>Claim</th><th>Stories</th><th>Outlets</th><th>Sources</th>'
        "<th>Values</th>"
        "<th>Printed as</th><th></th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        + more_line("claims", claims, "the most stories first", sql)
    )


def _values(claim: Claim) -> str:
    unit = claim.units[0] if claim.units else None
    values = claim.values
    if len(values) <= 3:
        return "; ".join(format_value(claim.kind, value, unit) for value in values)
    return (f"{len(values)} values from {format_value(claim.kind, values[0], unit)} "
            f"to {format_value(claim.kind, values[-1], unit)}")


def _verdict(claim: Claim) -> str:
    return '<span class="tag ok">agree</span>' if claim.values_agree else '<span class="tag bad">disagree</span>'


def figures_table(figures: Bounded, groups: Sequence[tuple[str, int]], applied: AppliedFilters) -> str:
    if not figures.rows:
        return '<p class="empty">No figures yet.</p>'
    rows, current = [], None
    for figure in figures.rows:
        if figure.group != current:
            current = figure.group
            rows.append(f'<tr class="group" data-group="{e(figure.group)}"><th colspan="7">{e(figure.group)}: '
                        f"the largest of {figure.group_total:,}</th></tr>")
        rows.append(_figure_row(figure))
    sql = ("SELECT * FROM figures_in_context"
           + _where("value IS NOT NULL", applied.article_sql(), applied.figure_sql())
           + f" {ONCE_PER_STORY} ORDER BY kind, unit, value DESC")
    return (
        f"<p>The largest values of each kind ({len(groups)} kinds; money per currency); a figure a "
        "syndicated copy reprints from its original is shown once.</p>"
        '<table id="figures-table"><thead><tr><th>Published</th><th>Source</th>'
        "<th>Figure in its sentence</th><th>Value</th><th>Qualifier</th><th>Subject</th><th>Year</th></tr>"
        "</thead><tbody>" + "".join(rows) + "</tbody></table>"
        + more_line("figures", figures, "the largest first within each kind", sql)
    )


def _figure_row(figure: FigureRow) -> str:
    year = "" if figure.ref_year is None else str(figure.ref_year)
    target = ' <span class="tag target">target</span>' if figure.is_target else ""
    sentence = figure.sentence if len(figure.sentence) <= SENTENCE_CHARS else figure.sentence[:SENTENCE_CHARS] + "…"
    return (
        f'<tr class="figure" data-kind="{e(figure.kind)}" data-value="{figure.value:g}">'
        f"<td class=\"date\">{e(figure.published_date or '')}</td><td>{e(figure.source or '')}</td>"
        f'<td><b>{e(figure.text)}</b><div class="sentence">{e(sentence)}</div></td>'
        f'<td class="num">{e(format_value(figure.kind, figure.value, figure.unit))}</td>'
        f"<td>{e(figure.qualifier)}</td><td>{e(figure.subject or '')}</td><td>{e(year)}{target}</td></tr>"
    )


def sources_table(sources: Bounded) -> str:
    if not sources.rows:
        return '<p class="empty">No articles yet.</p>'
    rows = "".join(
        f'<tr data-source="{e(row.source)}"><td>{e(row.source)}</td><td class="num">{row.articles:,}</td>'
        f'<td class="num">{row.original_articles:,}</td><td class="num">{row.figures:,}</td>'
        f'<td class="num">{row.quotes:,}</td></tr>'
        for row in sources.rows
    )
    return (
        '<table id="sources-table"><thead><tr><th>Source as printed</th><th>Articles</th><th>Not copies</th>'
        "<th>Figures</th><th>Quotes</th></tr></thead><tbody>" + rows + "</tbody></table>"
        + (more_line("sources", sources, "the most articles first", "SELECT * FROM source_summary")
           if sources.more else "")
    )


def unresolved_line(unresolved: int, quotes: int, applied: AppliedFilters) -> str:
    """What the speakers' count leaves out: the quotes whose speaker could not be resolved."""
    if not unresolved:
        return ""
    sql = ("SELECT speaker_printed, speaker_type, count(*) AS quotes FROM quotes_by_speaker"
           + _where("speaker IS NULL", applied.article_sql()) + " GROUP BY ALL ORDER BY quotes DESC")
    command = sql_command(sql)
    share = f" ({unresolved / quotes:.0%} of {quotes:,})" if quotes else ""
    return (f'<p class="more" id="unresolved" data-table="unresolved-quotes" data-quotes="{unresolved}">{unresolved:,} quote(s){e(share)} have no '
            "resolved speaker (the article names a role or uses a pronoun the rules could not tie to a name): "
            "they are not a speaker and are not counted in the speakers above or listed in this table. "
            f"Who they are as printed: <code>{e(command)}</code></p>")


def speakers_table(speakers: Bounded, applied: AppliedFilters) -> str:
    if not speakers.rows:
        return '<p class="empty">No quotes with a named speaker.</p>'
    rows = "".join(
        f'<tr data-quotes="{row.quotes}"><td>{e(row.speaker)}</td><td>{e(row.country or "")}</td>'
        f'<td class="num">{row.quotes:,}</td><td class="num">{row.direct:,}</td><td class="num">{row.indirect:,}</td>'
        f'<td class="num">{row.interview:,}</td><td class="num">{row.stories:,}</td>'
        f'<td>{e(", ".join(_shortened(row.sources, MAX_LISTED_SOURCES)))}</td>'
        f'<td class="date">{e(row.first_date or "")} – {e(row.last_date or "")}</td></tr>'
        for row in speakers.rows
    )
    if applied.filters.active:
        sql = (f"SELECT speaker, count(*) AS quotes, count(DISTINCT {STORY}) AS stories FROM quotes_by_speaker"
               + _where("speaker IS NOT NULL", applied.article_sql(), applied.quote_sql())
               + " GROUP BY speaker ORDER BY quotes DESC")
    else:
        sql = "SELECT * FROM speaker_summary WHERE speaker IS NOT NULL ORDER BY quotes DESC"
    return (
        '<table id="speakers-table"><thead><tr><th>Speaker</th><th>Country</th><th>Quotes</th><th>Direct</th>'
        "<th>Indirect</th><th>Interview</th><th>Stories</th><th>Sources</th><th>First – last</th></tr></thead>"
        "<tbody>" + rows + "</tbody></table>"
        + more_line("speakers", speakers, "the most quoted first", sql)
    )


def latest_quotes(speakers: Bounded, quotes: Sequence[QuoteRow], applied: AppliedFilters, shown: int) -> str:
    """The latest quotes of the most quoted speakers, each block with its drill-down query."""
    blocks = []
    for speaker in speakers.rows[:shown]:
        said = [quote for quote in quotes if quote.speaker == speaker.speaker]
        items = "".join(
            f"<blockquote>{e(quote.text)}<div class=\"sentence\">{e(quote.kind)}"
            f"{', ' + e(quote.cue) if quote.cue else ''} · {e(quote.source or 'unknown source')}, "
            f"{e(quote.published_date or 'date unknown')}</div></blockquote>"
            for quote in said
        )
        sql = ("SELECT published_date, source, kind, text FROM quotes_by_speaker"
               + _where(f"speaker = '{speaker.speaker.replace(chr(39), chr(39) * 2)}'", applied.article_sql())
               + " ORDER BY published_date DESC")
        line = more_line("quotes", Bounded(tuple(said), speaker.quotes), "the latest first", sql)
        blocks.append(f'<details class="speaker-quotes"><summary>{e(speaker.speaker)} '
                      f"({speaker.quotes:,})</summary>{items}{line}</details>")
    return "".join(blocks)


def _aggregate_filters(applied: AppliedFilters) -> bool:
    """True when a filter other than the claim's selects the articles claims are computed from."""
    filters = applied.filters
    return bool(filters.since or filters.until or filters.sources or filters.speaker)


def _shortened(items: Sequence[str], most: int) -> list[str]:
    if len(items) <= most:
        return list(items)
    return [*items[:most], f"… {len(items) - most} more"]
