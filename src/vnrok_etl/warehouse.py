"""The DuckDB warehouse: opening it, keeping its schema current, and merging one load.

A load (one chunk of a run, runner.ingest_paths) is all-or-nothing: staging tables, inserts into
every core table, the loads row and the data checks run in ONE transaction; anything that fails
rolls all of it back, and only a 'failed' loads row is written afterwards. Every insert is an anti-join on the table's key, so loading the
same documents again changes nothing (DESIGN.md "Identity and deduplication").

DuckDB lets one process open a file read-write, and that lock excludes every other process, even
readers; so writers hold the connection only for the merge, and a locked file is waited for with a
message instead of a traceback.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds

from vnrok_etl.claims import backfill_claim_keys
from vnrok_etl.key_counts import rebuild_counts
from vnrok_etl.known import KnownDigests
from vnrok_etl.linking import link_new_articles, relink_all

if TYPE_CHECKING:
    from vnrok_etl.staged import StagedLoad

WAREHOUSE_DIR = Path(__file__).resolve().parents[2] / "warehouse"
DEFAULT_WAREHOUSE = WAREHOUSE_DIR / "vnrok.duckdb"
MIGRATION_FILE = re.compile(r"^(\d{3})_(\w+)\.sql$")
CHECK_HEADER = re.compile(r"^-- check: (\w+)\s*$", re.MULTILINE)
LOCK_HOLDER = re.compile(r"PID (\d+)")
WAIT_SECONDS_VARIABLE = "VNROK_WAREHOUSE_WAIT_SECONDS"
DEFAULT_WAIT_SECONDS = 60.0
LOG = logging.getLogger(__name__)
BASELINE = (1, "schema")  # schema.sql is migration 1; later ones live in warehouse/migrations/
# What a migration needs beyond SQL, run right after its file in the same transaction: 004 computes
# story keys and relinks stories from the bodies (Python: MinHash and the same-story test); 008
# stores every figure's claim key (the staging's own function, claim_keys.py); 012 recomputes the
# story keys and SimHash from the new shingle hashes and relinks, as 004 did; 013 counts the
# articles holding each story key (key_counts.py), within a memory limit of its own.
MIGRATION_STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    4: relink_all, 8: backfill_claim_keys, 12: relink_all, 13: rebuild_counts,
}


class WarehouseError(RuntimeError):
    """A warehouse problem to show the user as it is (no traceback)."""


class WarehouseLocked(WarehouseError):
    """Another process holds the warehouse file for longer than we were willing to wait."""


class DataCheckFailed(WarehouseError):
    """A data check in warehouse/checks.sql returned rows: the load is rolled back."""


@dataclass(frozen=True, slots=True)
class LoadInfo:
    load_id: str
    started_at: datetime
    flow_run_id: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    kind: str = "ingest"  # or "reprocess"
    chunk: int | None = None  # its number among the chunks of its run, from 1


class Replacement(Protocol):
    """What a reprocess does around the merge, inside its transaction (reprocess.py): `before`
    removes the rows the chunk's documents will get again (and the articles of the documents
    still to come, which a fresh ingest would not have yet); `after` records the article ids
    that disappeared."""

    def before(self, connection: duckdb.DuckDBPyConnection) -> None: ...

    def after(self, connection: duckdb.DuckDBPyConnection, load: LoadInfo) -> None: ...


@dataclass(frozen=True, slots=True)
class LoadCounts:
    load_id: str
    documents_seen: int
    documents_known: int
    articles_new: int
    near_duplicates_new: int
    sources_new: int
    figures_new: int
    quotes_new: int
    rejections_new: int
    rejections: tuple[tuple[str, str], ...]  # (source_uri, reason) of this load's rejected documents

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "rejections"}

    @classmethod
    def from_dict(cls, values: dict) -> LoadCounts:
        fields = {name: values[name] for name in cls.__slots__}
        return cls(**fields | {"rejections": tuple(tuple(pair) for pair in values["rejections"])})


def resolve_warehouse(path: str | Path | None) -> Path:
    """The warehouse file: the given path, else $VNROK_WAREHOUSE, else warehouse/vnrok.duckdb."""
    chosen = path or os.environ.get("VNROK_WAREHOUSE") or DEFAULT_WAREHOUSE
    return Path(chosen).expanduser().resolve()


def default_wait_seconds() -> float:
    """How long to wait for a locked warehouse: $VNROK_WAREHOUSE_WAIT_SECONDS, else 60 s."""
    value = os.environ.get(WAIT_SECONDS_VARIABLE, "")
    try:
        return max(0.0, float(value)) if value.strip() else DEFAULT_WAIT_SECONDS
    except ValueError:
        raise WarehouseError(f"${WAIT_SECONDS_VARIABLE} must be a number of seconds, not {value!r}") from None


@contextmanager
def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wait_seconds: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse; a writer brings the schema up to date first.

    A file locked by another process is retried until `wait_seconds` (default
    `default_wait_seconds()`) have passed, telling `on_wait` once who holds it; without
    `on_wait` the message is logged as a warning, which a bare CLI prints on stderr.
    """
    path = Path(path)
    wait_seconds = default_wait_seconds() if wait_seconds is None else wait_seconds
    on_wait = on_wait or LOG.warning
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `vnrok-etl ingest` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    connection = _open_waiting(path, read_only, wait_seconds, on_wait)
    try:
        connection.execute("SET TimeZone = 'UTC'")
        if not read_only:
            apply_schema(connection)
        yield connection
    finally:
        connection.close()


def _open_waiting(
    path: Path, read_only: bool, wait_seconds: float, on_wait: Callable[[str], None] | None
) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise WarehouseError(f"cannot open warehouse {path}: {error}") from None
            holder = LOCK_HOLDER.search(str(error))
            message = f"warehouse {path} is in use by another process" + (
                f" (PID {holder.group(1)})" if holder else ""
            )
            if time.monotonic() >= deadline:
                raise WarehouseLocked(
                    f"{message}; gave up after {wait_seconds:.0f} s (wait longer with"
                    f" ${WAIT_SECONDS_VARIABLE}, or try again when it has finished)"
                ) from None
            if on_wait and not told:
                on_wait(f"{message}; waiting up to {wait_seconds:.0f} s for it to finish")
                told = True
            time.sleep(0.25)
        except duckdb.Error as error:
            raise WarehouseError(f"cannot open warehouse {path}: {error}") from None


def apply_schema(connection: duckdb.DuckDBPyConnection) -> None:
    """Idempotent DDL, then every migration not yet recorded, then the views.

    Skipped when the last writer applied these very files and the catalog still holds the views
    and macros they made: re-creating 20 views costs a writer about 0.3 s, most of a re-run's time.
    A view dropped or edited by hand changes the catalog's digest, so it is put back.
    """
    digest = _sql_digest()
    try:
        if connection.execute("SELECT sql_digest, catalog_digest FROM _schema_state").fetchall() == [
            (digest, _catalog_digest(connection))
        ]:
            return
    except duckdb.CatalogException:
        pass  # a new warehouse, or one from before _schema_state
    connection.execute((WAREHOUSE_DIR / "schema.sql").read_text())
    applied = {row[0] for row in connection.execute("SELECT version FROM _migrations").fetchall()}
    pending = [BASELINE] if BASELINE[0] not in applied else []
    for file in sorted((WAREHOUSE_DIR / "migrations").glob("*.sql")):
        match = MIGRATION_FILE.match(file.name)
        if match and int(match.group(1)) not in applied:
            pending.append((int(match.group(1)), match.group(2)))
    for version, name in pending:
        connection.execute("BEGIN")
        if version != BASELINE[0]:
            connection.execute((WAREHOUSE_DIR / "migrations" / f"{version:03d}_{name}.sql").read_text())
        if version in MIGRATION_STEPS:
            MIGRATION_STEPS[version](connection)
        connection.execute("INSERT INTO _migrations (version, name) VALUES (?, ?)", [version, name])
        connection.execute("COMMIT")
    connection.execute((WAREHOUSE_DIR / "views.sql").read_text())
    connection.execute("BEGIN")
    connection.execute("DELETE FROM _schema_state")
    connection.execute("INSERT INTO _schema_state VALUES (?, ?)", [digest, _catalog_digest(connection)])
    connection.execute("COMMIT")


def _sql_digest() -> str:
    files = [WAREHOUSE_DIR / "schema.sql", *sorted((WAREHOUSE_DIR / "migrations").glob("*.sql")), WAREHOUSE_DIR / "views.sql"]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _catalog_digest(connection: duckdb.DuckDBPyConnection) -> str:
    """A digest of the persistent views and macros, as the catalog holds them."""
    return connection.execute(
        """SELECT md5(coalesce(string_agg(name || ':' || definition, '|' ORDER BY name), '')) FROM (
               SELECT view_name AS name, sql AS definition FROM duckdb_views()
               WHERE NOT internal AND NOT temporary
               UNION ALL
               SELECT function_name, coalesce(macro_definition, '') FROM duckdb_functions()
               WHERE database_name = current_database() AND function_type IN ('macro', 'table_macro'))"""
    ).fetchone()[0]


def data_checks() -> list[tuple[str, str]]:
    """(name, query) pairs from warehouse/checks.sql."""
    text = (WAREHOUSE_DIR / "checks.sql").read_text()
    parts = CHECK_HEADER.split(text)[1:]
    return [(name, query.strip().rstrip(";")) for name, query in zip(parts[0::2], parts[1::2])]


def run_checks(connection: duckdb.DuckDBPyConnection, load_id: str | None = None) -> None:
    """Run the data checks on one load's rows, or on the whole warehouse without `load_id`."""
    connection.execute("SET VARIABLE check_load_id = ?", [load_id])
    try:
        for name, query in data_checks():
            rows = connection.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
            if rows:
                raise DataCheckFailed(f"data check '{name}' failed: {rows} offending row(s)")
    finally:
        connection.execute("RESET VARIABLE check_load_id")


def query_read_only(path: str | Path, query: str) -> tuple[list[str], list[tuple]]:
    """Run one query on a read-only connection with no file access beyond the warehouse.

    Read-only mode refuses writes to the warehouse; disabling external access also refuses
    COPY ... TO, ATTACH and reads of other files, so a query can neither write nor wander.
    """
    with connect(path, read_only=True) as connection:
        connection.execute("SET enable_external_access = false")
        connection.execute("SET lock_configuration = true")
        try:
            cursor = connection.execute(query)
        except duckdb.Error as error:
            raise WarehouseError(f"query failed: {error}") from None
        if cursor.description is None:
            return [], []
        return [column[0] for column in cursor.description], cursor.fetchall()


def file_signatures(
    connection: duckdb.DuckDBPyConnection, paths: list[str]
) -> dict[str, tuple[int, int, str]]:
    """source_uri -> (size, mtime_ns, sha256) of those of `paths` loaded as articles, as they were read.

    Looked up for a chunk's paths at a time (joined in SQL with the chunk as an Arrow table),
    never for the whole warehouse: at a million loaded files the whole map took ~1.1 GB in the
    flow's process.
    """
    if not paths:
        return {}
    chunk = pa.table({"source_uri": pa.array(paths, pa.string())})
    try:
        with _registered(connection, {"chunk_paths": chunk}):
            rows = connection.execute(
                """SELECT f.source_uri, f.size_bytes, f.mtime_ns, f.content_sha256
                   FROM _file_signatures f SEMI JOIN chunk_paths c ON c.source_uri = f.source_uri
                   WHERE EXISTS (SELECT 1 FROM article_sources s
                                 WHERE s.source_uri = f.source_uri AND s.content_sha256 = f.content_sha256)
                     AND EXISTS (SELECT 1 FROM raw_documents r WHERE r.content_sha256 = f.content_sha256)"""
            ).fetchall()
    except duckdb.CatalogException:
        return {}  # a warehouse written before signatures were kept: every file is read
    return {uri: (size, mtime_ns, sha256) for uri, size, mtime_ns, sha256 in rows}


def known_sha256(connection: duckdb.DuckDBPyConnection) -> KnownDigests:
    """Hashes of the documents the warehouse has already turned into articles and keeps, as
    sorted 32-byte digests (known.py: 32 MB per million, where a set of hex strings took ~130).

    A document loaded before raw documents were kept (migration 005) is not known: reading it
    again stores its bytes, and its article, already there, is not loaded twice.
    """
    try:
        # Kept documents (raw_documents has each hash once) that made an article, streamed: at
        # 491k hashes this peaked 135 MB over the connection, where DISTINCT over article_sources
        # fetched whole peaked 160 MB.
        batches = connection.sql(
            """SELECT unhex(r.content_sha256) AS digest FROM raw_documents r
               WHERE EXISTS (SELECT 1 FROM article_sources s WHERE s.content_sha256 = r.content_sha256)"""
        ).to_arrow_reader(KNOWN_BATCH_ROWS)
    except duckdb.CatalogException:
        return KnownDigests()  # a read-only look at a warehouse from before raw documents: every file is read
    return KnownDigests.from_batches(batch.column(0) for batch in batches)


KNOWN_BATCH_ROWS = 65_536


def merge_load(
    connection: duckdb.DuckDBPyConnection, staged: StagedLoad, load: LoadInfo, replacing: Replacement | None = None
) -> LoadCounts:
    """Merge one load's staging tables into the core tables, all or nothing; with `replacing`,
    the rows its documents had before go in the same transaction (a reprocess chunk)."""
    connection.execute("BEGIN TRANSACTION")
    try:
        with _registered(connection, staged.tables):
            if replacing is not None:
                replacing.before(connection)
            counts = _merge(connection, staged, load)
            if replacing is not None:
                replacing.after(connection, load)
            # The checks read articles, sources, figures, quotes and speakers: a load that added
            # no article and no source (a re-run over known files) cannot have broken them.
            if counts.articles_new or counts.sources_new or replacing is not None:
                run_checks(connection, load.load_id)
        connection.execute("COMMIT")
    except BaseException:
        try:
            connection.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction is already gone (a fatal error ended it): nothing was committed
        raise
    return counts


@contextmanager
def _registered(connection: duckdb.DuckDBPyConnection, tables: dict[str, object]) -> Iterator[None]:
    """Arrow tables, datasets or readers readable in SQL under their names, for the block.

    DuckDB scans them in place: the staged files are not copied into the database. After an
    error they stay registered until the connection closes: DuckDB refuses to unregister in an
    aborted transaction, and that error would hide the one that aborted it.
    """
    for name, table in tables.items():
        connection.register(name, table)
    yield
    for name in tables:
        connection.unregister(name)


def record_failed_load(
    connection: duckdb.DuckDBPyConnection, load: LoadInfo, error: str, status: str = "failed"
) -> None:
    """After a rollback: keep a trace of the attempt, and nothing else. `status` is 'failed', or
    'interrupted' for a run stopped by a signal before it committed."""
    connection.execute(
        "INSERT INTO loads (load_id, flow_run_id, started_at, finished_at, status, error, kind, chunk)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [load.load_id, load.flow_run_id, load.started_at, datetime.now(timezone.utc), status, error[:2000],
         load.kind, load.chunk],
    )


def _merge(connection: duckdb.DuckDBPyConnection, staged: StagedLoad, load: LoadInfo) -> LoadCounts:
    now = datetime.now(timezone.utc)
    params = {"load_id": load.load_id, "now": now}
    copies_before = _copies(connection)
    stories = _link_stories(connection)
    with _registered(connection, {"stg_articles_new": _new_articles(staged.tables["stg_articles"], stories)}):
        articles_new = _insert(
            connection,
            """INSERT INTO articles (article_id, title, published_at, published_date, date_source, source,
                                     dateline, byline, kind, body, simhash, duplicate_of, load_id, story_id,
                                     extraction_version)
               SELECT article_id, title, published_at, published_date, date_source, source,
                      dateline, byline, kind, body, simhash, duplicate_of, $load_id, story_id,
                      extraction_version
               FROM stg_articles_new""",
            params,
        )
    # Copies the load added: a new article that is a copy, or an old one that a fuller or earlier
    # new copy (or a new article joining two stories) made a copy.
    near_new = _copies(connection) - copies_before
    sources_new = _insert(
        connection,
        """INSERT INTO article_sources (source_uri, content_sha256, article_id, encoding, first_seen_at,
                                        load_id, extraction_version)
           SELECT source_uri, content_sha256, article_id, NULL, $now, $load_id, extraction_version FROM (
               SELECT source_uri, content_sha256, article_id, extraction_version FROM stg_documents
               UNION ALL
               SELECT k.source_uri, k.content_sha256, any_value(a.article_id), any_value(a.extraction_version)
               FROM stg_known k JOIN article_sources a USING (content_sha256)
               GROUP BY ALL
           ) s
           WHERE NOT EXISTS (SELECT 1 FROM article_sources e
                             WHERE e.source_uri = s.source_uri AND e.content_sha256 = s.content_sha256)
           QUALIFY row_number() OVER (PARTITION BY source_uri, content_sha256) = 1""",
        params,
    )
    # Size and mtime of each file as it was read, for the next run to skip it unread if unchanged:
    # one row per name, the older one replaced (a delete, then an insert: no key index, 011).
    connection.execute(
        """CREATE OR REPLACE TEMP TABLE stg_signatures AS
           SELECT source_uri, size_bytes, mtime_ns, content_sha256 FROM (
               SELECT source_uri, size_bytes, mtime_ns, content_sha256 FROM stg_documents
               UNION ALL
               SELECT source_uri, size_bytes, mtime_ns, content_sha256 FROM stg_known
           ) s
           WHERE size_bytes IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM _file_signatures e
               WHERE e.source_uri = s.source_uri AND e.size_bytes = s.size_bytes
                 AND e.mtime_ns = s.mtime_ns AND e.content_sha256 = s.content_sha256)
           QUALIFY row_number() OVER (PARTITION BY source_uri ORDER BY content_sha256) = 1"""
    )
    connection.execute("DELETE FROM _file_signatures WHERE source_uri IN (SELECT source_uri FROM stg_signatures)")
    connection.execute("INSERT INTO _file_signatures SELECT * FROM stg_signatures")
    # The documents' bytes, once per hash, and where each was seen, once per (name, hash).
    _insert(
        connection,
        """INSERT INTO raw_documents (content_sha256, size_bytes, codec, content, first_seen_at, load_id)
           SELECT content_sha256, size_bytes, codec, content, $now, $load_id FROM stg_raw_documents s
           WHERE NOT EXISTS (SELECT 1 FROM raw_documents e WHERE e.content_sha256 = s.content_sha256)""",
        params,
    )
    _insert(
        connection,
        """INSERT INTO document_sightings (source_uri, content_sha256, seq, first_seen_at, load_id)
           SELECT source_uri, content_sha256, min(seq), $now, $load_id FROM stg_sightings s
           WHERE NOT EXISTS (SELECT 1 FROM document_sightings e
                             WHERE e.source_uri = s.source_uri AND e.content_sha256 = s.content_sha256)
           GROUP BY source_uri, content_sha256""",
        params,
    )
    # How crawled documents were fetched (migration 009): the first fetch per (URL, bytes).
    _insert(
        connection,
        """INSERT INTO document_fetches
           SELECT source_uri, content_sha256, arg_min(requested_url, fetched_at), min(fetched_at),
                  arg_min(status, fetched_at), arg_min(headers, fetched_at), arg_min(http_version, fetched_at),
                  $now, $load_id
           FROM stg_fetches s
           WHERE NOT EXISTS (SELECT 1 FROM document_fetches e
                             WHERE e.source_uri = s.source_uri AND e.content_sha256 = s.content_sha256)
           GROUP BY source_uri, content_sha256""",
        params,
    )
    for table, columns in (
        ("removed_spans", "article_id, seq, rule, text"),
        ("captions", "article_id, seq, text"),
    ):
        _insert(
            connection,
            f"""INSERT INTO {table} ({columns}, load_id, extraction_version)
                SELECT {columns}, $load_id, extraction_version FROM stg_{table}
                WHERE article_id IN (SELECT article_id FROM stg_new_articles)""",
            params,
        )
    # Speakers and aliases come out the same whatever the batches or their order: a speaker's
    # name is the one printed with the most diacritics (most bytes), their title and country
    # the ones most articles give; an alias ("Minister Long") means the person most articles
    # mean by it. Ties go to the first in byte order. (Taking any one, as arg_min(title, title
    # IS NULL) did, made two loads of one corpus disagree on 454 of 1,513 speakers.)
    _insert(
        connection,
        """INSERT INTO speakers (name, name_key, title, country, load_id, kind, extraction_version)
           SELECT first(name ORDER BY strlen(name) DESC, name_articles DESC, name), name_key,
                  first(title ORDER BY title IS NULL, title_articles DESC, title),
                  first(country ORDER BY country IS NULL, country_articles DESC, country), $load_id,
                  first(kind ORDER BY kind IS NULL, kind_articles DESC, kind), max(extraction_version)
           FROM (SELECT *, count(*) OVER (PARTITION BY name_key, name) AS name_articles,
                           count(*) OVER (PARTITION BY name_key, title) AS title_articles,
                           count(*) OVER (PARTITION BY name_key, country) AS country_articles,
                           count(*) OVER (PARTITION BY name_key, kind) AS kind_articles
                 FROM stg_speakers s
                 WHERE NOT EXISTS (SELECT 1 FROM speakers e WHERE e.name_key = s.name_key))
           GROUP BY name_key""",
        params,
    )
    _insert(
        connection,
        """INSERT INTO speaker_aliases (alias_key, alias, name, load_id, extraction_version)
           SELECT alias_key, min(alias), first(name ORDER BY articles DESC, name), $load_id, max(extraction_version)
           FROM (SELECT s.alias_key, s.alias, k.name, s.extraction_version,
                        count(*) OVER (PARTITION BY s.alias_key, k.name) AS articles
                 FROM stg_speaker_aliases s JOIN speakers k USING (name_key)
                 WHERE NOT EXISTS (SELECT 1 FROM speaker_aliases e WHERE e.alias_key = s.alias_key))
           GROUP BY alias_key""",
        params,
    )
    # Speakers are named by their canonical form across loads: the key finds the name the
    # warehouse already uses ("To Lam" in a new article is the known "Tô Lâm").
    _insert(
        connection,
        """INSERT INTO figures (figure_id, article_id, kind, value, unit, qualifier, subject,
                                ref_year, is_target, text, sentence, start_char, end_char, speaker,
                                load_id, is_forecast, extraction_version, subject_key, claim_key)
           SELECT s.figure_id, s.article_id, s.kind, s.value, s.unit, s.qualifier, s.subject,
                  s.ref_year, s.is_target, s.text, s.sentence, s.start_char, s.end_char,
                  coalesce(k.name, s.speaker), $load_id, s.is_forecast, s.extraction_version,
                  s.subject_key, s.claim_key
           FROM stg_figures s LEFT JOIN speakers k ON k.name_key = s.speaker_key
           WHERE s.article_id IN (SELECT article_id FROM stg_new_articles)""",
        params,
    )
    _insert(
        connection,
        """INSERT INTO quotes (quote_id, article_id, kind, speaker, speaker_title, cue, text,
                               start_char, end_char, load_id, speaker_type, speaker_printed, extraction_version)
           SELECT s.quote_id, s.article_id, s.kind, coalesce(k.name, s.speaker), s.speaker_title,
                  s.cue, s.text, s.start_char, s.end_char, $load_id, s.speaker_type, s.speaker_printed,
                  s.extraction_version
           FROM stg_quotes s LEFT JOIN speakers k ON k.name_key = s.speaker_key
           WHERE s.article_id IN (SELECT article_id FROM stg_new_articles)""",
        params,
    )
    rejections_new = _insert(
        connection,
        """INSERT INTO rejections (source_uri, content_sha256, stage, reason, rejected_at, load_id, extraction_version)
           SELECT DISTINCT source_uri, content_sha256, stage, reason, $now, $load_id, extraction_version
           FROM stg_rejections s
           WHERE NOT EXISTS (SELECT 1 FROM rejections e
                             WHERE e.source_uri = s.source_uri AND e.reason = s.reason
                               AND e.content_sha256 IS NOT DISTINCT FROM s.content_sha256)""",
        params,
    )
    figures_new, quotes_new = connection.execute(
        "SELECT (SELECT count(*) FROM figures WHERE load_id = $1), (SELECT count(*) FROM quotes WHERE load_id = $1)",
        [load.load_id],
    ).fetchone()
    rejected = tuple(
        connection.execute("SELECT source_uri, reason FROM stg_rejections ORDER BY source_uri").fetchall()
    )
    counts = LoadCounts(
        load_id=load.load_id,
        documents_seen=staged.documents_seen,
        documents_known=staged.rows("stg_known"),
        articles_new=articles_new,
        near_duplicates_new=near_new,
        sources_new=sources_new,
        figures_new=figures_new,
        quotes_new=quotes_new,
        rejections_new=rejections_new,
        rejections=rejected,
    )
    summary = counts.as_dict() | {"seconds": load.stage_seconds}
    connection.execute(
        """INSERT INTO loads (load_id, flow_run_id, started_at, finished_at, status, documents_seen,
                              documents_new, articles_new, sources_new, figures_new, quotes_new,
                              rejections_new, counts, error, kind, chunk)
           VALUES ($load_id, $flow_run_id, $started_at, $now, 'succeeded', $seen, $documents_new,
                   $articles, $sources, $figures, $quotes, $rejections, $counts, NULL, $kind, $chunk)""",
        {
            "load_id": load.load_id, "flow_run_id": load.flow_run_id, "started_at": load.started_at,
            "kind": load.kind, "chunk": load.chunk,
            "now": now, "seen": counts.documents_seen,
            "documents_new": counts.documents_seen - counts.documents_known,
            "articles": articles_new, "sources": sources_new, "figures": figures_new,
            "quotes": quotes_new, "rejections": rejections_new, "counts": json.dumps(summary),
        },
    )
    return counts


def _copies(connection: duckdb.DuckDBPyConnection) -> int:
    return connection.execute("SELECT count(*) FROM articles WHERE story_id <> article_id").fetchone()[0]


def _link_stories(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every new article of the load and its story (linking.py), also staged as
    `stg_new_articles(article_id, duplicate_of, story_id)` for the inserts that follow."""
    connection.execute(
        """CREATE OR REPLACE TEMP TABLE stg_new_ids AS
           SELECT article_id FROM stg_articles s
           WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id)"""
    )
    stories = link_new_articles(
        connection,
        """(SELECT article_id, body, published_date, published_at, story_keys, story_top_keys, story_sample,
                   story_shingles
            FROM stg_articles
            WHERE article_id IN (SELECT article_id FROM stg_new_ids))""",
    )
    table = pa.table(
        {
            "article_id": list(stories),
            "duplicate_of": [None if story == article else story for article, story in stories.items()],
            "story_id": list(stories.values()),
        },
        schema=pa.schema([("article_id", pa.string()), ("duplicate_of", pa.string()), ("story_id", pa.string())]),
    )
    with _registered(connection, {"stg_stories": table}):
        connection.execute("CREATE OR REPLACE TEMP TABLE stg_new_articles AS SELECT * FROM stg_stories")
    return stories


def _new_articles(staged: pa.Table | ds.Dataset, stories: dict[str, str]) -> pa.RecordBatchReader:
    """The load's new articles with `duplicate_of` and `story_id`, streamed batch by batch in load order.

    Staging holds the articles in load order (`ord`), and a plain scan keeps it where a join in
    SQL would not, so the articles table gets them in load order without sorting their bodies:
    that sort held the whole load's text in memory (1.2 GB at 100k articles) and could not spill.
    """
    dropped = ["ord", "story_keys", "story_top_keys", "story_sample", "story_shingles"]
    schema = pa.schema([field for field in staged.schema if field.name not in dropped])
    schema = schema.append(pa.field("duplicate_of", pa.string())).append(pa.field("story_id", pa.string()))

    def batches() -> Iterator[pa.RecordBatch]:
        for batch in staged.to_batches(**({"batch_readahead": 1} if isinstance(staged, ds.Dataset) else {})):
            ids = batch.column("article_id").to_pylist()
            keep = [key in stories for key in ids]
            if any(keep):
                batch = batch.filter(pa.array(keep)).drop_columns(dropped)
                kept = [key for key, wanted in zip(ids, keep) if wanted]
                twin = pa.array([None if stories[key] == key else stories[key] for key in kept], pa.string())
                story = pa.array([stories[key] for key in kept], pa.string())
                batch = batch.append_column(schema.field("duplicate_of"), twin)
                yield batch.append_column(schema.field("story_id"), story)

    return pa.RecordBatchReader.from_batches(schema, batches())


def _insert(connection: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> int:
    used = {name: value for name, value in params.items() if f"${name}" in sql}
    row = connection.execute(sql, used).fetchone()
    return int(row[0]) if row else 0
