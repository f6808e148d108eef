"""The report's filters: which articles, speakers and claims every section is computed from.

Why the filters shadow the tables instead of adding a WHERE to each query: the report's numbers
come from the analyst views (warehouse/views.sql), and a claim, a conflict or a speaker's count
of stories is an aggregate over figures and quotes. Filtering the views' output would count
stories outside the selection; filtering their input makes every section (counts, charts,
tables) agree with the selection. DuckDB resolves a view's table names at query time, temporary
objects first, so on the report's own read-only connection TEMP views named `articles`,
`figures` and `quotes` that select the filtered rows from the real tables make every view
compute over the selection. Nothing is written to the warehouse file.

The filters:
- `since` / `until`: the article's publication date, inclusive; a year (2024) or a month
  (2024-03) means its first day for `since` and its last day for `until`. Articles with no
  publication date are left out while either is given.
- `sources`: the source as printed (VNA, VNS, NDO, VNA/VNS), case-insensitive; "(unknown)",
  as the page lists articles that print none, selects those.
- `speaker`: articles that quote the speaker, and only that speaker's quotes. The name is
  matched as the warehouse matches speakers (diacritics and case folded, aliases included:
  "To Lam" finds "Tô Lâm"); a name that is no speaker's full name matches the speakers it is a
  word-for-word part of ("Lee" finds "Lee Jae Myung" and any other Lee), and the page lists them.
- `claim`: figures whose claim key (claims.py) contains the text, folded as claim keys are
  (so "Koreans in Việt Nam" finds "korean in vietnam"), and the articles that print one.

An unknown source or speaker is not an error: the report comes out empty with a note saying
what the warehouse does have. A malformed date or an empty value is an error
(`ReportFilterError`), one line, before the warehouse is opened.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

import duckdb

from vnrok_etl.speakers import fold

YEAR = re.compile(r"^(\d{4})$")
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
UNKNOWN_SOURCE = "(unknown)"  # how the views label an article that prints no source
# Shown in the notes when a source or speaker matches nothing.
MAX_SUGGESTIONS = 12


class ReportFilterError(ValueError):
    """A filter value the report cannot use (a malformed date, an empty name)."""


@dataclass(frozen=True, slots=True)
class ReportFilters:
    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()
    speaker: str | None = None
    claim: str | None = None

    @classmethod
    def parse(
        cls,
        since: str | None = None,
        until: str | None = None,
        sources: tuple[str, ...] | list[str] | None = None,
        speaker: str | None = None,
        claim: str | None = None,
    ) -> ReportFilters:
        """Filters from the command line's strings; raises ReportFilterError on a bad value."""
        first = parse_date(since, "--since", last_day=False) if since is not None else None
        last = parse_date(until, "--until", last_day=True) if until is not None else None
        if first and last and first > last:
            raise ReportFilterError(f"--since {first} is after --until {last}: no date is in both")
        codes = tuple(dict.fromkeys(code.strip() for code in sources or ()))
        if any(not code for code in codes):
            raise ReportFilterError("--source: an empty source code")
        return cls(first, last, codes, _text(speaker, "--speaker"), _text(claim, "--claim"))

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.sources or self.speaker or self.claim)

    def described(self) -> list[tuple[str, str]]:
        """(name, how the page states it) for each filter given."""
        shown = []
        if self.since:
            shown.append(("since", f"published on or after {self.since.isoformat()}"))
        if self.until:
            shown.append(("until", f"published on or before {self.until.isoformat()}"))
        if self.sources:
            shown.append(("source", "source " + " or ".join(self.sources)))
        if self.speaker:
            shown.append(("speaker", f"articles quoting {self.speaker}, and only their quotes"))
        if self.claim:
            shown.append(("claim", f"figures whose claim mentions “{self.claim}”, and the articles printing them"))
        return shown


def parse_date(text: str, option: str, last_day: bool) -> date:
    """YYYY-MM-DD, YYYY-MM or YYYY; a month or a year stands for its first or last day."""
    value = text.strip()
    try:
        if match := DAY.match(value):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            day = calendar.monthrange(year, month)[1] if last_day else 1
            return date(year, month, day)
        if match := YEAR.match(value):
            return date(int(match[1]), 12, 31) if last_day else date(int(match[1]), 1, 1)
    except (ValueError, calendar.IllegalMonthError):
        pass
    raise ReportFilterError(f"{option}: {text!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def _text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise ReportFilterError(f"{option}: an empty value")
    return value.strip()


@dataclass(slots=True)
class AppliedFilters:
    """What the filters matched on this warehouse, for the page's header and drill-down SQL."""

    filters: ReportFilters
    speakers: tuple[str, ...] = ()          # canonical names the speaker filter matched
    notes: list[str] = field(default_factory=list)
    matched_nothing: bool = False
    real: str = "main"                      # the warehouse's own schema, past the TEMP shadows

    def article_sql(self) -> str | None:
        """A SQL condition on `article_id` that selects the filtered articles; None when unfiltered.

        The drill-down queries under each table use it, so `vnrok-etl sql` lists exactly the
        rows the table was cut from.
        """
        conditions = _article_conditions(self.filters, self.speakers)
        if self.filters.claim:
            conditions.append(f"article_id IN (SELECT article_id FROM claim_figures WHERE {claim_sql(self.filters.claim)})")
        if not conditions:
            return None
        return "article_id IN (SELECT article_id FROM articles WHERE " + " AND ".join(conditions) + ")"

    def quote_sql(self) -> str | None:
        """The speaker filter on `speaker` for quote rows; None when there is none."""
        return f"speaker IN ({_list(self.speakers)})" if self.filters.speaker else None

    def figure_sql(self) -> str | None:
        """The claim filter on `figure_id` for figure rows; None when there is none."""
        if not self.filters.claim:
            return None
        return f"figure_id IN (SELECT figure_id FROM claim_figures WHERE {claim_sql(self.filters.claim)})"


def claim_sql(text: str) -> str:
    """The claim filter as a condition on `claim_key`, both sides folded as the views fold
    subjects (fold_text, then each word singular), so "Koreans in Việt Nam" finds
    "count | korean in vietnam"."""
    return f"strpos({_folded('claim_key')}, {_folded(_literal(text))}) > 0"


def _folded(expression: str) -> str:
    return f"array_to_string(list_transform(string_split(fold_text({expression}), ' '), lambda w: singular_word(w)), ' ')"


def apply_filters(connection: duckdb.DuckDBPyConnection, filters: ReportFilters) -> AppliedFilters:
    """Shadow `articles`, `figures` and `quotes` with TEMP views of the selection (module doc)."""
    applied = AppliedFilters(filters)
    if filters.sources:
        _check_sources(connection, filters.sources, applied)
    if filters.speaker:
        applied.speakers = resolve_speaker(connection, filters.speaker, applied)
    database = connection.execute("SELECT current_database()").fetchone()[0]
    real = applied.real = f'"{database.replace(chr(34), chr(34) * 2)}".main'
    articles = " AND ".join(_article_conditions(filters, applied.speakers, real=real)) or "TRUE"
    connection.execute(f"CREATE OR REPLACE TEMP VIEW articles AS SELECT * FROM {real}.articles WHERE {articles}")
    connection.execute(
        f"CREATE OR REPLACE TEMP VIEW figures AS SELECT * FROM {real}.figures "
        "WHERE article_id IN (SELECT article_id FROM articles)"
    )
    quote_speaker = f" AND speaker IN ({_list(applied.speakers)})" if filters.speaker else ""
    connection.execute(
        f"CREATE OR REPLACE TEMP VIEW quotes AS SELECT * FROM {real}.quotes "
        f"WHERE article_id IN (SELECT article_id FROM articles){quote_speaker}"
    )
    # The claim figures of the selection so far, once, into a TEMP table of the same name that the
    # claim and conflict views then read (each reads it several times); the claim filter narrows
    # that table, the figures and articles.
    connection.execute(f"CREATE OR REPLACE TEMP TABLE claim_figures AS SELECT * FROM {real}.claim_figures")
    if filters.claim:
        connection.execute(f"DELETE FROM claim_figures WHERE NOT ({claim_sql(filters.claim)})")
        connection.execute(
            f"CREATE OR REPLACE TEMP VIEW articles AS SELECT * FROM {real}.articles WHERE {articles} "
            "AND article_id IN (SELECT article_id FROM claim_figures)"
        )
        connection.execute(
            f"CREATE OR REPLACE TEMP VIEW figures AS SELECT * FROM {real}.figures "
            "WHERE figure_id IN (SELECT figure_id FROM claim_figures)"
        )
        if not connection.execute("SELECT count(*) FROM claim_figures").fetchone()[0]:
            applied.notes.append(
                f"No claim in the selection mentions “{filters.claim}”. Claims are keyed like "
                "“money | USD | bilateral trade”; `vnrok-etl sql \"SELECT claim_key, stories FROM "
                "figure_claims\"` lists them."
            )
            applied.matched_nothing = True
    return applied


def resolve_speaker(connection: duckdb.DuckDBPyConnection, name: str, applied: AppliedFilters) -> tuple[str, ...]:
    """The canonical speakers `name` stands for: its full name or an alias, else a part of names."""
    key = fold(name)
    exact = [row[0] for row in connection.execute(
        """SELECT name FROM speakers WHERE name_key = $key
           UNION SELECT name FROM speaker_aliases WHERE alias_key = $key
           ORDER BY 1""", {"key": key}
    ).fetchall()]
    if exact:
        return tuple(exact)
    partial = [row[0] for row in connection.execute(
        "SELECT name FROM speakers WHERE regexp_matches(name_key, $pattern) ORDER BY name",
        {"pattern": rf"(^|\s){re.escape(key)}($|\s)"},
    ).fetchall()]
    if partial:
        shown = ", ".join(partial[:MAX_SUGGESTIONS]) + (f" and {len(partial) - MAX_SUGGESTIONS} more"
                                                         if len(partial) > MAX_SUGGESTIONS else "")
        applied.notes.append(f"“{name}” is not a speaker's full name; it matched {len(partial)}: {shown}.")
        return tuple(partial)
    most = [row[0] for row in connection.execute(
        "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ?",
        [MAX_SUGGESTIONS],
    ).fetchall()]
    applied.notes.append(
        f"No speaker is named “{name}”" + (f"; the most quoted are {', '.join(most)}." if most else ".")
    )
    applied.matched_nothing = True
    return ()


def _check_sources(connection: duckdb.DuckDBPyConnection, codes: tuple[str, ...], applied: AppliedFilters) -> None:
    known = [row[0] for row in connection.execute(
        f"SELECT coalesce(source, '{UNKNOWN_SOURCE}') AS label FROM articles GROUP BY label ORDER BY count(*) DESC, label"
    ).fetchall()]
    folded = {code.casefold() for code in known}
    unknown = [code for code in codes if code.casefold() not in folded]
    if unknown:
        shown = ", ".join(known[:MAX_SUGGESTIONS]) + (" …" if len(known) > MAX_SUGGESTIONS else "")
        applied.notes.append(
            f"No article has source {' or '.join(unknown)}; the sources are {shown or 'none yet'}."
        )
        if len(unknown) == len(codes):
            applied.matched_nothing = True


def _article_conditions(filters: ReportFilters, speakers: tuple[str, ...], real: str = "") -> list[str]:
    """SQL conditions on the article row (dates and codes are literals: they are validated)."""
    quotes = f"{real}.quotes" if real else "quotes"
    conditions = []
    if filters.since:
        conditions.append(f"published_date >= DATE '{filters.since.isoformat()}'")
    if filters.until:
        conditions.append(f"published_date <= DATE '{filters.until.isoformat()}'")
    if filters.sources:
        conditions.append(f"upper(coalesce(source, '{UNKNOWN_SOURCE}')) IN "
                          f"({_list(code.upper() for code in filters.sources)})")
    if filters.speaker:
        conditions.append(
            f"article_id IN (SELECT article_id FROM {quotes} WHERE speaker IN ({_list(speakers)}))"
        )
    return conditions


def _list(values) -> str:
    items = [_literal(value) for value in values]
    return ", ".join(items) if items else "NULL"


def _literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"
