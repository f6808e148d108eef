"""Re-running today's rules over the raw documents the warehouse keeps (`vnrok-etl reprocess`).

What is re-run: by default every kept document whose rows another extraction version made (or
whose article is missing: a reprocess killed between chunks); with `everything`, all of them;
with `where`, the documents of the articles an SQL condition on `articles` selects (and every
other document of those articles, since an article is replaced whole).

The promise: afterwards every derived table holds what a fresh ingest of the same documents
with the same code would hold. So a reprocess replays the documents as a fresh ingest reads
them: in the order they were first seen (the loads' order, then each document's position in its
run: `document_sightings.seq`), every name a document was seen under, in the same chunks (the
chunks of the load that first saw them, cut at the same positions), through the same stages and
the same merge. Each chunk is one transaction that first removes what its documents had made
(articles with their spans, captions, figures, quotes and story keys; sources; rejections; the
speakers and aliases it names again, unless these rules made them) and then merges them as new.
The first chunk also removes the articles of the documents still to come (their sources stay,
pointing at them, until their chunk): a fresh ingest would not have them yet, so no new article
may be linked into their stories. An article made earlier in this run is never removed again,
and a reprocess killed between chunks and started again picks up the documents whose article is
missing or carries another version.

Article ids that disappear (new rules changed a body: articles merged, split or re-cleaned) go to
`retired_articles` with every id that replaced them (NULL: the documents are now rejected), so
a saved query can follow them; an article that pointed at a retired canonical twin points at its
replacement when there is exactly one canonical replacement, else at none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from vnrok_etl.key_counts import forget_articles
from vnrok_etl.rawstore import iter_raw
from vnrok_etl.records import RawDocument
from vnrok_etl.version import extraction_version
from vnrok_etl.warehouse import LoadInfo, WarehouseError, connect

SELECT_STALE = """
    SELECT s.content_sha256 FROM article_sources s LEFT JOIN articles a USING (article_id)
    WHERE a.article_id IS NULL OR a.extraction_version IS DISTINCT FROM $version
       OR s.extraction_version IS DISTINCT FROM $version
    UNION
    SELECT content_sha256 FROM rejections
    WHERE content_sha256 IS NOT NULL AND extraction_version IS DISTINCT FROM $version"""
# The flow's read of a chunk's kept documents scans raw_documents' blocks; with DuckDB's default
# limit (80 % of the machine) its buffers held them all, ~250 MB more RSS in the flow at 100k for
# 2 s (436 against 283 MB peak reading a chunk of 10,000 at 64 MB; +1 s). Pages read here are
# never written, so evicting them costs only re-reads.
READ_MEMORY = "64MB"
SELECT_ALL = "SELECT content_sha256 FROM raw_documents"
SELECT_WHERE = """
    SELECT content_sha256 FROM article_sources
    WHERE article_id IN (SELECT article_id FROM articles WHERE ({where}))"""


class ReprocessError(WarehouseError):
    """A reprocess that cannot run as asked (a bad filter, a warehouse without raw documents)."""


@dataclass(frozen=True, slots=True)
class Sighting:
    uri: str
    sha256: str
    seq: int
    load_id: str


@dataclass(frozen=True, slots=True)
class ReprocessPlan:
    """The documents to re-run, in the chunks and order a fresh ingest would use."""

    chunks: list[list[Sighting]]
    selected: int  # distinct documents selected
    without_raw: int  # of them, loaded before raw documents were kept: cannot be re-run
    version: str
    everything: bool = False
    filtered: bool = False  # selected by --where

    @property
    def sightings(self) -> int:
        return sum(map(len, self.chunks))


def plan_reprocess(
    warehouse: str | Path,
    where: str | None = None,
    everything: bool = False,
    chunk_size: int = 10_000,
    on_wait: Callable[[str], None] | None = None,
    wait_seconds: float | None = None,
) -> ReprocessPlan:
    """Which kept documents to re-run, read on a read-only connection without file access (the
    filter is SQL given by the user: it can read the warehouse and nothing else)."""
    if where is not None and everything:
        raise ReprocessError("choose --where or --all, not both")
    version = extraction_version()
    if everything:
        selection, params = SELECT_ALL, {}
    elif where is not None:
        selection, params = SELECT_WHERE.format(where=where), {}
    else:
        selection, params = SELECT_STALE, {"version": version}
    if Path(warehouse).exists():
        # A writer brings the schema up to date first: a migration may add what the plan reads
        # (010: the sightings of names loaded before sightings were kept).
        with connect(warehouse, on_wait=on_wait, wait_seconds=wait_seconds):
            pass
    with connect(warehouse, read_only=True, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        connection.execute("SET enable_external_access = false")
        try:
            connection.execute("SELECT 1 FROM raw_documents LIMIT 0")
        except duckdb.CatalogException:
            raise ReprocessError(
                f"{warehouse} keeps no raw documents yet: run `vnrok-etl ingest` once with this version"
            ) from None
        try:
            selected, without_raw = connection.execute(
                f"""WITH selected AS ({selection})
                    SELECT count(DISTINCT content_sha256),
                           count(DISTINCT content_sha256) FILTER (WHERE content_sha256 NOT IN
                               (SELECT content_sha256 FROM raw_documents))
                    FROM selected""",
                params,
            ).fetchone()
            rows = connection.execute(
                f"""WITH selected AS ({selection})
                    SELECT d.source_uri, d.content_sha256, d.seq, d.load_id
                    FROM document_sightings d
                    WHERE d.content_sha256 IN (SELECT content_sha256 FROM selected)
                      AND d.content_sha256 IN (SELECT content_sha256 FROM raw_documents)
                    ORDER BY (SELECT started_at FROM loads l WHERE l.load_id = d.load_id) NULLS FIRST,
                             d.load_id, d.seq, d.source_uri""",
                params,
            ).fetchall()
        except duckdb.Error as error:
            raise ReprocessError(f"cannot select the documents to reprocess: {error}") from None
    chunks: list[list[Sighting]] = []
    boundary = None
    for uri, sha256, seq, load_id in rows:
        # A new chunk where the first run's chunks began: its next load, or the next multiple
        # of chunk_size in its list of files (what a fresh chunked ingest cuts at).
        key = (load_id, seq // chunk_size)
        if key != boundary:
            chunks.append([])
            boundary = key
        chunks[-1].append(Sighting(uri, sha256, seq, load_id))
    return ReprocessPlan(chunks, selected, without_raw, version, everything, where is not None)


def pending_table(plan: ReprocessPlan) -> pa.Table:
    """Every planned document's hash with its chunk number: a chunk's pending documents are
    those of its number and after."""
    return pa.table({
        "content_sha256": pa.array([s.sha256 for chunk in plan.chunks for s in chunk], pa.string()),
        "chunk": pa.array([n for n, chunk in enumerate(plan.chunks, start=1) for _ in chunk], pa.int32()),
    })


def read_documents(
    warehouse: str | Path, chunk: list[Sighting], wait_seconds: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> list[RawDocument]:
    """The chunk's documents with their kept bytes, one per sighting, in the chunk's order."""
    with connect(warehouse, read_only=True, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        connection.execute(f"SET memory_limit = '{READ_MEMORY}'")
        content = dict(iter_raw(connection, {sighting.sha256 for sighting in chunk}))
    return [RawDocument(s.uri, content[s.sha256], s.sha256) for s in chunk if s.sha256 in content]


def batches_of(documents: list[RawDocument], batch_size: int) -> Iterator[list[RawDocument]]:
    for start in range(0, len(documents), batch_size):
        yield documents[start : start + batch_size]


@dataclass
class ChunkReplacement:
    """One chunk's replacement of its documents' rows (warehouse.Replacement), in its transaction.

    `pending`: every planned document's hash and chunk (`pending_table`), of which this chunk's
    and the later ones' are pending; `number`: this chunk's; `run_loads`: the loads
    this run has committed so far (what they made is never removed again); `speakers`: decide
    again the speakers and aliases this chunk names (not for a `where` selection: the people
    other articles name stay as they are); `last` (only when every kept document is re-run):
    also remove the speakers and aliases older rules made that no document names any more.
    """

    chunk: list[tuple[str, str]]  # (source_uri, content_sha256) of the chunk's sightings
    pending: pa.Table
    number: int
    run_loads: list[str]
    version: str
    speakers: bool = True
    last: bool = False
    everything: bool = False
    retired: int = field(default=0, init=False)

    def before(self, connection: duckdb.DuckDBPyConnection) -> None:
        strings = pa.string()
        connection.register("rp_chunk", pa.table({
            "source_uri": pa.array([uri for uri, _ in self.chunk], strings),
            "content_sha256": pa.array([sha256 for _, sha256 in self.chunk], strings),
        }))
        connection.register("rp_pending", self.pending)
        connection.register("rp_run_loads", pa.table({"load_id": pa.array(self.run_loads, strings)}))
        connection.execute(
            """CREATE OR REPLACE TEMP TABLE rp_old AS
               SELECT DISTINCT content_sha256, article_id FROM article_sources
               WHERE (source_uri, content_sha256) IN (SELECT (source_uri, content_sha256) FROM rp_chunk)"""
        )
        # The articles of this chunk's documents and of every later chunk's (a fresh ingest would
        # not have those yet: no new article may be linked to them), unless this run made them.
        connection.execute(
            """CREATE OR REPLACE TEMP TABLE rp_removed AS
               SELECT article_id FROM articles
               WHERE article_id IN (SELECT article_id FROM rp_old
                                    UNION ALL
                                    SELECT article_id FROM article_sources WHERE content_sha256 IN
                                        (SELECT content_sha256 FROM rp_pending WHERE chunk >= $number))
                 AND load_id NOT IN (SELECT load_id FROM rp_run_loads)""",
            {"number": self.number},
        )
        story_tables = self._story_tables(connection)
        if "_story_key_counts" in story_tables:  # uncounted while the keys it counts are still there
            forget_articles(connection, "SELECT article_id FROM rp_removed")
            story_tables.remove("_story_key_counts")
        for table in ("figures", "quotes", "removed_spans", "captions", "articles", *story_tables):
            connection.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM rp_removed)")
        # By name and hash: the same bytes seen under another name belong to that name's chunk.
        for table in ("article_sources", "rejections"):
            connection.execute(
                f"""DELETE FROM {table}
                    WHERE (source_uri, content_sha256) IN (SELECT (source_uri, content_sha256) FROM rp_chunk)"""
            )
        if not self.speakers:
            return
        # The people this chunk names are decided again by its articles, as in a fresh ingest,
        # unless these rules already decided them (this run, or a reprocess killed before it).
        connection.execute(
            """DELETE FROM speaker_aliases
               WHERE extraction_version IS DISTINCT FROM $version
                 AND (alias_key IN (SELECT alias_key FROM stg_speaker_aliases)
                      OR name IN (SELECT name FROM speakers
                                  WHERE extraction_version IS DISTINCT FROM $version
                                    AND name_key IN (SELECT name_key FROM stg_speakers)))""",
            {"version": self.version},
        )
        connection.execute(
            """DELETE FROM speakers
               WHERE extraction_version IS DISTINCT FROM $version
                 AND name_key IN (SELECT name_key FROM stg_speakers)""",
            {"version": self.version},
        )

    @staticmethod
    def _story_tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
        """The internal tables of story linking (linking.py, key_counts.py), where they exist."""
        names = {row[0] for row in connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()}
        return [name for name in ("_story_key_counts", "_story_keys", "_story_samples") if name in names]

    def after(self, connection: duckdb.DuckDBPyConnection, load: LoadInfo) -> None:
        now = datetime.now(timezone.utc)
        connection.execute(
            """INSERT INTO retired_articles (article_id, replaced_by, retired_at, load_id)
               SELECT DISTINCT o.article_id, n.article_id, $now, $load_id
               FROM rp_old o LEFT JOIN (SELECT content_sha256, article_id FROM article_sources
                                        WHERE load_id = $load_id) n USING (content_sha256)
               WHERE o.article_id NOT IN (SELECT article_id FROM articles)
                 AND NOT EXISTS (SELECT 1 FROM retired_articles e WHERE e.article_id = o.article_id
                                 AND e.replaced_by IS NOT DISTINCT FROM n.article_id)""",
            {"now": now, "load_id": load.load_id},
        )
        self.retired = connection.execute(
            "SELECT count(DISTINCT article_id) FROM retired_articles WHERE load_id = ?", [load.load_id]
        ).fetchone()[0]
        # The same bytes under a name of a later chunk: one document is one article, so that
        # name follows now (its own chunk replaces the row when it comes).
        connection.execute(
            """UPDATE article_sources SET article_id = n.article_id, extraction_version = n.extraction_version
               FROM (SELECT content_sha256, any_value(article_id) AS article_id,
                            any_value(extraction_version) AS extraction_version
                     FROM article_sources WHERE load_id = $load_id GROUP BY content_sha256) n
               WHERE article_sources.content_sha256 = n.content_sha256
                 AND article_sources.article_id <> n.article_id""",
            {"load_id": load.load_id},
        )
        # An id that came back (a later chunk made the same body again) is not retired.
        connection.execute("DELETE FROM retired_articles WHERE article_id IN (SELECT article_id FROM articles)")
        # Near duplicates whose canonical twin was retired: its one canonical replacement, or none.
        connection.execute(
            """UPDATE articles SET duplicate_of = r.replaced_by
               FROM (SELECT t.article_id, min(t.replaced_by) AS replaced_by FROM retired_articles t
                     WHERE t.load_id = $load_id GROUP BY t.article_id
                     HAVING count(DISTINCT t.replaced_by) = 1 AND count(t.replaced_by) = count(*)) r
               WHERE articles.duplicate_of = r.article_id
                 AND r.replaced_by IN (SELECT article_id FROM articles WHERE duplicate_of IS NULL)
                 AND articles.article_id <> r.replaced_by""",
            {"load_id": load.load_id},
        )
        connection.execute(
            """UPDATE articles SET duplicate_of = NULL
               WHERE duplicate_of IN (SELECT article_id FROM rp_removed)
                 AND duplicate_of NOT IN (SELECT article_id FROM articles)"""
        )
        if "story_id" in {row[0] for row in connection.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'articles' AND schema_name = 'main'"
        ).fetchall()}:
            # A story whose canonical article is gone: its copies follow duplicate_of, or stand alone.
            connection.execute(
                """UPDATE articles SET story_id = coalesce(duplicate_of, article_id)
                   WHERE story_id NOT IN (SELECT article_id FROM articles)"""
            )
        if self.speakers and self.last:
            # Every stale document was re-run: people only older rules named, whom no quote or
            # figure names now, and their aliases, go.
            connection.execute(
                """DELETE FROM speakers
                   WHERE extraction_version IS DISTINCT FROM $version
                     AND name NOT IN (SELECT speaker FROM quotes WHERE speaker IS NOT NULL
                                      UNION SELECT speaker FROM figures WHERE speaker IS NOT NULL)""",
                {"version": self.version},
            )
            connection.execute(
                """DELETE FROM speaker_aliases
                   WHERE extraction_version IS DISTINCT FROM $version
                     AND (name NOT IN (SELECT name FROM speakers) OR $everything)""",
                {"version": self.version, "everything": self.everything},
            )
        for name in ("rp_old", "rp_removed"):
            connection.execute(f"DROP TABLE IF EXISTS {name}")
        for name in ("rp_chunk", "rp_pending", "rp_run_loads"):
            connection.unregister(name)
