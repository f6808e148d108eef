"""Everything the report shows, read from the analyst views as typed rows, bounded and sorted.

Each table is read as its first `rows` rows in the order that matters for it, plus the count of
all its rows, so the page can say how many more there are. Charts read aggregates (per month or
year, per claim, per speaker), never one row per article or figure, so their size does not grow
with the warehouse.

Stories: a story is an article and its syndicated copies. The views define it (`story_id` in
`int_articles` and the views on it); the report counts stories only through `STORY` and shows a
story's figures once through `ONCE_PER_STORY`, so when the views change what a story is, these
two constants are the report's whole change.

Speed: claim keys are stored with each figure (claim_keys.py), so `claim_figures` is a join; the
comparison sets (`int_comparison_sets`, every keyed figure in each set it is compared in: 900k
rows at 100k documents) are now the costliest part, and several views read both more than once.
The report keeps each once in a TEMP table of the same name, which the views then read instead
(filters.py explains the shadowing), so each is computed once per report. It reads
`figure_conflicts`, which groups only each set's two extreme values into lists, never
`figure_conflict_values`, which does so for every value (464k rows at 100k documents).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from vnrok_etl.claims import CONFLICT_COLUMNS, Claim, conflict_from_row
from vnrok_etl.report.filters import AppliedFilters, ReportFilters, apply_filters
from vnrok_etl.warehouse import WarehouseError

REQUIRED_VIEWS = (
    "int_articles", "figures_in_context", "quotes_by_speaker", "speaker_summary", "source_summary",
    "money_timeline", "claim_figures", "figure_claims", "figure_conflict_values", "figure_conflicts", "stories",
)
# The column of int_articles (and of the views built on it) that names an article's story.
STORY = "story_id"
# A figure of a story is shown once: a syndicated copy reprints its original's figures, but a
# copy may also add one (an edited paragraph), and that one is shown. Ends a query's WHERE.
ONCE_PER_STORY = (f"QUALIFY row_number() OVER (PARTITION BY {STORY}, kind, unit, value, text "
                  "ORDER BY duplicate_of NULLS FIRST, figure_id) = 1")
DEFAULT_ROWS = 50
SERIES_SOURCES = 6        # sources drawn in the articles-over-time chart; the rest are "other"
MONEY_CURRENCIES = 3      # one spread chart per currency, the most printed first
TOP_CLAIMS = 6            # small multiples of values over time
TOP_SPEAKERS = 10         # rows of the speakers-over-time chart and of the quotes shown
QUOTES_PER_SPEAKER = 3
MONTHS_MAX = 48           # a span of more months than this is drawn by year


@dataclass(frozen=True, slots=True)
class Bounded:
    """The first rows of a table and how many there are in all."""

    rows: tuple
    total: int

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.rows))


@dataclass(frozen=True, slots=True)
class SourceRow:
    source: str
    articles: int
    original_articles: int
    figures: int
    quotes: int


@dataclass(frozen=True, slots=True)
class FigureRow:
    group: str
    group_total: int
    published_date: date | None
    source: str | None
    kind: str
    text: str
    value: float | None
    unit: str | None
    qualifier: str
    subject: str | None
    ref_year: int | None
    is_target: bool
    sentence: str


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
    first_date: date | None
    last_date: date | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    speaker: str | None
    kind: str
    cue: str | None
    text: str
    source: str | None
    published_date: date | None


@dataclass(frozen=True, slots=True)
class Spread:
    """Values of one series at one period: how many, and their range and quartiles."""

    series: str
    period: int | date
    count: int
    low: float
    q1: float
    median: float
    q3: float
    high: float


@dataclass(frozen=True, slots=True)
class Timeline:
    """Counts per (series, period); `period` is "month" or "year"."""

    period: str
    periods: tuple[date, ...]
    series: tuple[str, ...]
    counts: dict[tuple[str, date], int]
    undated: int


@dataclass(frozen=True, slots=True)
class ReportData:
    warehouse: str
    generated_at: datetime
    applied: AppliedFilters
    rows_limit: int
    counts: tuple[tuple[str, int], ...]
    warehouse_articles: int
    sources: Bounded
    articles_over_time: Timeline
    money: dict[str, tuple[Spread, ...]]
    money_undated: dict[str, int]
    claim_series: dict[str, tuple[Spread, ...]]
    speakers_over_time: Timeline
    conflicts: Bounded
    claims: Bounded
    figures: Bounded
    figure_groups: tuple[tuple[str, int], ...]
    speakers: Bounded  # named speakers only: `total` is the counts' "speakers"
    unresolved_quotes: int  # quotes whose speaker is NULL, counted apart from the speakers
    quotes: tuple[QuoteRow, ...]

    @property
    def filters(self) -> ReportFilters:
        return self.applied.filters


def read_report_data(
    connection: duckdb.DuckDBPyConnection, name: str, now: datetime,
    filters: ReportFilters | None = None, rows: int = DEFAULT_ROWS,
) -> ReportData:
    """Everything the report shows, computed over the filtered selection (filters.py)."""
    check_views(connection)
    connection.execute("SET enable_progress_bar = false")
    # Every query that shows rows says its order; unordered temp tables build faster.
    connection.execute("SET preserve_insertion_order = false")
    warehouse_articles = _one(connection, "SELECT count(*) FROM articles")
    applied = apply_filters(connection, filters or ReportFilters())
    # Computed once, read by several views (module doc; claim_figures is already one, filters.py).
    connection.execute(
        f"CREATE OR REPLACE TEMP TABLE int_comparison_sets AS SELECT * FROM {applied.real}.int_comparison_sets"
    )
    connection.execute("CREATE OR REPLACE TEMP TABLE report_claims AS SELECT * FROM figure_claims")
    connection.execute("CREATE OR REPLACE TEMP TABLE report_conflicts AS SELECT * FROM figure_conflicts")
    period = choose_period(connection)
    figures, groups = read_figures(connection, rows)
    speakers = read_speakers(connection, rows)
    money, undated = read_money(connection)
    return ReportData(
        warehouse=name, generated_at=now, applied=applied, rows_limit=rows,
        counts=read_counts(connection), warehouse_articles=warehouse_articles,
        sources=read_sources(connection, rows),
        articles_over_time=read_articles_over_time(connection, period),
        money=money, money_undated=undated,
        claim_series=read_claim_series(connection),
        speakers_over_time=read_speakers_over_time(connection, period, speakers),
        conflicts=read_conflicts(connection, rows), claims=read_claims(connection, rows),
        figures=figures, figure_groups=groups, speakers=speakers,
        unresolved_quotes=_one(connection, "SELECT count(*) FROM quotes WHERE speaker IS NULL"),
        quotes=read_quotes(connection, speakers),
    )


def check_views(connection: duckdb.DuckDBPyConnection) -> None:
    present = {row[0] for row in connection.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    missing = [view for view in REQUIRED_VIEWS if view not in present]
    if missing:
        raise WarehouseError(
            f"the warehouse has no view {', '.join(missing)}: run `vnrok-etl ingest` once to update it"
        )


def read_counts(connection: duckdb.DuckDBPyConnection) -> tuple[tuple[str, int], ...]:
    """Counts of the selection, then two of the whole warehouse (rejections, loads)."""
    row = connection.execute(
        f"""SELECT (SELECT count(*) FROM int_articles),
                   (SELECT count(DISTINCT {STORY}) FROM int_articles),
                   (SELECT count(DISTINCT source_label) FROM int_articles),
                   (SELECT count(*) FROM figures),
                   (SELECT count(*) FROM quotes),
                   (SELECT count(DISTINCT speaker) FROM quotes),
                   (SELECT count(*) FROM report_claims),
                   (SELECT count(*) FROM report_conflicts),
                   (SELECT count(*) FROM rejections),
                   (SELECT count(*) FROM loads)"""
    ).fetchone()
    names = ("articles", "stories", "sources", "figures", "quotes", "speakers", "claims", "conflicts",
             "rejections", "loads")
    return tuple(zip(names, row))


def read_sources(connection: duckdb.DuckDBPyConnection, rows: int) -> Bounded:
    found = connection.execute(
        "SELECT source, articles, original_articles, figures, quotes FROM source_summary "
        "ORDER BY articles DESC, source LIMIT ?", [rows]
    ).fetchall()
    total = len(found) if len(found) < rows else _one(connection, "SELECT count(DISTINCT source_label) FROM int_articles")
    return Bounded(tuple(SourceRow(*row) for row in found), total)


def choose_period(connection: duckdb.DuckDBPyConnection) -> str:
    """Month while the selection spans at most MONTHS_MAX months, else year."""
    first, last = connection.execute(
        "SELECT min(published_date), max(published_date) FROM int_articles"
    ).fetchone()
    if first is None or (last.year - first.year) * 12 + last.month - first.month < MONTHS_MAX:
        return "month"
    return "year"


def read_articles_over_time(connection: duckdb.DuckDBPyConnection, period: str) -> Timeline:
    """Articles per source and period; the SERIES_SOURCES largest sources, the rest as "other"."""
    rows = connection.execute(
        f"""SELECT source_label, date_trunc('{period}', published_date)::DATE AS period, count(*)
            FROM int_articles WHERE published_date IS NOT NULL GROUP BY ALL"""
    ).fetchall()
    undated = _one(connection, "SELECT count(*) FROM int_articles WHERE published_date IS NULL")
    return _timeline(rows, period, SERIES_SOURCES, undated)


def read_speakers_over_time(connection: duckdb.DuckDBPyConnection, period: str, speakers: Bounded) -> Timeline:
    """Quotes per period of the TOP_SPEAKERS most quoted speakers."""
    names = [row.speaker for row in speakers.rows][:TOP_SPEAKERS]
    rows = connection.execute(
        f"""SELECT speaker, date_trunc('{period}', published_date)::DATE AS period, count(*)
            FROM quotes_by_speaker WHERE published_date IS NOT NULL AND list_contains(?, speaker)
            GROUP BY ALL""", [names]
    ).fetchall()
    undated = _one(
        connection, "SELECT count(*) FROM quotes_by_speaker WHERE published_date IS NULL AND list_contains(?, speaker)",
        [names],
    )
    timeline = _timeline(rows, period, len(names), undated, other=False)
    order = {name: index for index, name in enumerate(names)}
    return Timeline(timeline.period, timeline.periods, tuple(sorted(timeline.series, key=order.get)),
                    timeline.counts, timeline.undated)


def _timeline(rows: list[tuple], period: str, keep: int, undated: int, other: bool = True) -> Timeline:
    totals: dict[str, int] = {}
    for series, _, count in rows:
        totals[series] = totals.get(series, 0) + count
    kept = sorted(totals, key=lambda name: (-totals[name], name))[:keep]
    counts: dict[tuple[str, date], int] = {}
    for series, when, count in rows:
        name = series if series in kept else "other"
        counts[(name, when)] = counts.get((name, when), 0) + count
    names = tuple(kept) + (("other",) if other and len(totals) > keep else ())
    periods = _all_periods([when for _, when, _ in rows], period)
    return Timeline(period, periods, names, counts, undated)


def _all_periods(seen: list[date], period: str) -> tuple[date, ...]:
    """Every month or year from the first to the last seen, gaps included (so gaps show)."""
    if not seen:
        return ()
    first, last = min(seen), max(seen)
    periods, current = [], first
    while current <= last:
        periods.append(current)
        if period == "year":
            current = date(current.year + 1, 1, 1)
        else:
            current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return tuple(periods)


SPREAD = "count(*), min(value), quantile_cont(value, 0.25), median(value), quantile_cont(value, 0.75), max(value)"


def read_money(connection: duckdb.DuckDBPyConnection) -> tuple[dict[str, tuple[Spread, ...]], dict[str, int]]:
    """Per currency (the most printed first), per year and actual/target: the values' spread."""
    currencies = [row[0] for row in connection.execute(
        """SELECT unit FROM money_timeline WHERE value IS NOT NULL AND unit IS NOT NULL
           GROUP BY unit ORDER BY count(*) DESC, unit LIMIT ?""", [MONEY_CURRENCIES]
    ).fetchall()]
    money: dict[str, tuple[Spread, ...]] = {}
    undated: dict[str, int] = {}
    for unit in currencies:
        rows = connection.execute(
            f"""SELECT CASE WHEN is_target THEN 'target' ELSE 'actual' END, year, {SPREAD}
                FROM money_timeline WHERE unit = ? AND value IS NOT NULL AND year IS NOT NULL
                GROUP BY ALL ORDER BY year, 1""", [unit]
        ).fetchall()
        money[unit] = tuple(Spread(*row) for row in rows)
        undated[unit] = _one(
            connection, "SELECT count(*) FROM money_timeline WHERE unit = ? AND value IS NOT NULL AND year IS NULL",
            [unit],
        )
    return money, undated


def read_claim_series(connection: duckdb.DuckDBPyConnection) -> dict[str, tuple[Spread, ...]]:
    """The TOP_CLAIMS claims in the most stories: their values per year they refer to.

    The year is the reference year, else the publication year (as money_timeline), and a
    syndicated copy is its original's story, so a copy does not add a value.
    """
    claims = [row[0] for row in connection.execute(
        "SELECT claim_key FROM report_claims ORDER BY stories DESC, claim_key LIMIT ?", [TOP_CLAIMS]
    ).fetchall()]
    rows = connection.execute(
        f"""SELECT claim_key, coalesce(ref_year, year(published_date)) AS year, {SPREAD}
            FROM (SELECT DISTINCT ON ({STORY}, claim_key, value, ref_year) *
                  FROM claim_figures WHERE list_contains(?, claim_key) AND value IS NOT NULL)
            WHERE year IS NOT NULL
            GROUP BY ALL ORDER BY year""", [claims]
    ).fetchall()
    return {claim: tuple(Spread(*row) for row in rows if row[0] == claim) for claim in claims}


def read_conflicts(connection: duckdb.DuckDBPyConnection, rows: int) -> Bounded:
    """The widest disagreements first, then those spanning the most stories."""
    found = connection.execute(
        f"""SELECT {CONFLICT_COLUMNS}
           FROM report_conflicts
           ORDER BY relative_difference DESC, low_stories + high_stories DESC, claim_key,
                    compared_year NULLS FIRST
           LIMIT ?""", [rows]
    ).fetchall()
    conflicts = tuple(conflict_from_row(row) for row in found)
    return Bounded(conflicts, _one(connection, "SELECT count(*) FROM report_conflicts"))


def read_claims(connection: duckdb.DuckDBPyConnection, rows: int) -> Bounded:
    """Claims in the most stories first; among equals, those whose values disagree first."""
    found = connection.execute(
        """SELECT claim_key, kind, subject_key, coalesce(units, []), stories, origins,
                  distinct_values, sources, printed_as, values_agree, outlets
           FROM report_claims
           ORDER BY stories DESC, values_agree, claim_key
           LIMIT ?""", [rows]
    ).fetchall()
    claims = tuple(
        Claim(key, kind, subject, tuple(units), stories, origins, tuple(values), tuple(sources),
              tuple(printed), bool(agree), outlets)
        for key, kind, subject, units, stories, origins, values, sources, printed, agree, outlets in found
    )
    return Bounded(claims, _one(connection, "SELECT count(*) FROM report_claims"))


FIGURE_GROUP = "kind || CASE WHEN kind = 'money' THEN ' ' || coalesce(unit, '?') ELSE '' END"


def read_figures(connection: duckdb.DuckDBPyConnection, rows: int) -> tuple[Bounded, tuple[tuple[str, int], ...]]:
    """The largest figures of each kind (money per currency): `rows` shared among the kinds.

    A story's figure is counted once (ONCE_PER_STORY); figures with no value are left out. Each
    kind gets an equal share of the rows (at least one; with more kinds than rows, the kinds with
    the most figures).
    """
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE report_figures AS
            SELECT figure_id, {FIGURE_GROUP} AS figure_group, value, published_date FROM figures_in_context
            WHERE value IS NOT NULL {ONCE_PER_STORY}"""
    )
    groups = tuple(connection.execute(
        "SELECT figure_group, count(*) FROM report_figures GROUP BY ALL ORDER BY 2 DESC, 1"
    ).fetchall())
    share = max(1, rows // max(1, len(groups)))
    # Rank on the narrow columns first, then fetch the sentences of the few rows shown.
    found = connection.execute(
        f"""WITH ranked AS (
                SELECT figure_id, figure_group FROM report_figures
                QUALIFY row_number() OVER (PARTITION BY figure_group
                                           ORDER BY value DESC, published_date NULLS LAST, figure_id) <= ?)
            SELECT r.figure_group, NULL, f.published_date, f.source, f.kind, f.text, f.value, f.unit,
                   f.qualifier, f.subject, f.ref_year, f.is_target, f.sentence
            FROM ranked r JOIN figures_in_context f USING (figure_id)""",
        [share],
    ).fetchall()
    sizes = dict(groups)
    order = {group: index for index, (group, _) in enumerate(groups[:rows])}
    figures = sorted((FigureRow(row[0], sizes[row[0]], *row[2:]) for row in found if row[0] in order),
                     key=lambda row: (order[row.group], -(row.value or 0)))
    total = sum(sizes.values())
    return Bounded(tuple(figures), total), groups


def read_speakers(connection: duckdb.DuckDBPyConnection, rows: int) -> Bounded:
    """The most quoted named speakers. A quote whose speaker could not be resolved (NULL: a role or
    a pronoun the article never ties to a name) is no speaker: the page counts those quotes apart,
    so the table's total and the counts' "speakers" are one number."""
    found = connection.execute(
        """SELECT speaker, country, quotes, direct, indirect, interview, stories, sources, first_date, last_date
           FROM speaker_summary WHERE speaker IS NOT NULL ORDER BY quotes DESC, speaker LIMIT ?""", [rows]
    ).fetchall()
    speakers = tuple(SpeakerRow(*row[:7], tuple(row[7]), *row[8:]) for row in found)
    total = len(speakers) if len(speakers) < rows else _one(connection, "SELECT count(DISTINCT speaker) FROM quotes")
    return Bounded(speakers, total)


def read_quotes(connection: duckdb.DuckDBPyConnection, speakers: Bounded) -> tuple[QuoteRow, ...]:
    """The latest QUOTES_PER_SPEAKER quotes of the TOP_SPEAKERS most quoted speakers."""
    names = [row.speaker for row in speakers.rows][:TOP_SPEAKERS]
    found = connection.execute(
        """SELECT speaker, kind, cue, text, source, published_date FROM quotes_by_speaker
           WHERE list_contains(?, speaker)
           QUALIFY row_number() OVER (PARTITION BY speaker
                                      ORDER BY published_date DESC NULLS LAST, article_id, start_char) <= ?
           ORDER BY speaker, published_date DESC NULLS LAST, article_id, start_char""",
        [names, QUOTES_PER_SPEAKER],
    ).fetchall()
    return tuple(QuoteRow(*row) for row in found)


def _one(connection: duckdb.DuckDBPyConnection, query: str, parameters: list | None = None) -> int:
    return connection.execute(query, parameters or []).fetchone()[0]
