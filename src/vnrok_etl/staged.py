"""The staging tables' schemas and a staged load: what a merge reads, without the extraction.

stage.py turns extractions into these tables; the merge (warehouse.py, chunk_merge.py) reads
them. They live here, apart from stage.py, so that a merge process imports Arrow and DuckDB but
not the cleaning, HTML and extraction modules (merge_process.py: a chunk's merge starts faster).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.dataset as ds

TIMESTAMP = pa.timestamp("us", tz="UTC")

SCHEMAS: dict[str, pa.Schema] = {
    "stg_documents": pa.schema(
        [
            ("source_uri", pa.string()), ("content_sha256", pa.string()), ("article_id", pa.string()),
            ("size_bytes", pa.int64()), ("mtime_ns", pa.int64()),
        ]
    ),
    "stg_known": pa.schema(
        [("source_uri", pa.string()), ("content_sha256", pa.string()), ("size_bytes", pa.int64()), ("mtime_ns", pa.int64())]
    ),
    "stg_articles": pa.schema(
        [
            ("article_id", pa.string()), ("title", pa.string()), ("published_at", TIMESTAMP),
            ("published_date", pa.date32()), ("date_source", pa.string()), ("source", pa.string()),
            ("dateline", pa.string()), ("byline", pa.string()), ("kind", pa.string()),
            ("body", pa.string()), ("simhash", pa.int64()), ("ord", pa.int64()),
            ("story_keys", pa.list_(pa.int64())), ("story_top_keys", pa.list_(pa.int64())),
            ("story_sample", pa.list_(pa.int64())),
            # Every shingle hash of the body, 8 bytes big-endian (stories.Signature.shingles): the
            # merge's same-story test reads them instead of shingling the body again. Not kept in
            # the warehouse; an older spill without the column reads as NULL (the body is shingled).
            ("story_shingles", pa.binary()),
        ]
    ),
    "stg_removed_spans": pa.schema(
        [("article_id", pa.string()), ("seq", pa.int32()), ("rule", pa.string()), ("text", pa.string())]
    ),
    "stg_captions": pa.schema([("article_id", pa.string()), ("seq", pa.int32()), ("text", pa.string())]),
    "stg_figures": pa.schema(
        [
            ("figure_id", pa.string()), ("article_id", pa.string()), ("kind", pa.string()),
            ("value", pa.float64()), ("unit", pa.string()), ("qualifier", pa.string()),
            ("subject", pa.string()), ("ref_year", pa.int32()), ("is_target", pa.bool_()),
            ("text", pa.string()), ("sentence", pa.string()), ("start_char", pa.int32()),
            ("end_char", pa.int32()), ("speaker", pa.string()), ("speaker_key", pa.string()),
            ("is_forecast", pa.bool_()), ("subject_key", pa.string()), ("claim_key", pa.string()),
        ]
    ),
    "stg_quotes": pa.schema(
        [
            ("quote_id", pa.string()), ("article_id", pa.string()), ("kind", pa.string()),
            ("speaker", pa.string()), ("speaker_title", pa.string()), ("cue", pa.string()),
            ("text", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32()),
            ("speaker_key", pa.string()), ("speaker_type", pa.string()), ("speaker_printed", pa.string()),
        ]
    ),
    "stg_speakers": pa.schema(
        [
            ("name", pa.string()), ("name_key", pa.string()), ("title", pa.string()), ("country", pa.string()),
            ("kind", pa.string()),
        ]
    ),
    "stg_speaker_aliases": pa.schema(
        [("alias_key", pa.string()), ("alias", pa.string()), ("name_key", pa.string())]
    ),
    "stg_rejections": pa.schema(
        [("source_uri", pa.string()), ("content_sha256", pa.string()), ("stage", pa.string()), ("reason", pa.string())]
    ),
    "stg_raw_documents": pa.schema(
        [("content_sha256", pa.string()), ("size_bytes", pa.int64()), ("codec", pa.string()), ("content", pa.binary())]
    ),
    "stg_sightings": pa.schema([("source_uri", pa.string()), ("content_sha256", pa.string()), ("seq", pa.int64())]),
    # How crawled documents were fetched (web/load.py fills it; files leave it empty).
    "stg_fetches": pa.schema(
        [
            ("source_uri", pa.string()), ("content_sha256", pa.string()), ("requested_url", pa.string()),
            ("fetched_at", pa.timestamp("us", tz="UTC")), ("status", pa.int32()), ("headers", pa.string()),
            ("http_version", pa.string()),
        ]
    ),
}
# Staging tables of rows derived by the extraction: each row records the rules that made it
# (version.py), computed where the batch ran.
VERSIONED = (
    "stg_documents", "stg_articles", "stg_removed_spans", "stg_captions", "stg_figures", "stg_quotes",
    "stg_speakers", "stg_speaker_aliases", "stg_rejections",
)
for _name in VERSIONED:
    SCHEMAS[_name] = SCHEMAS[_name].append(pa.field("extraction_version", pa.string()))


@dataclass(frozen=True, slots=True)
class StagedLoad:
    """The staging tables of one load, plus how many documents it looked at.

    A table is an Arrow table in memory, or a dataset over Arrow IPC files (a spilled load).
    """

    tables: dict[str, pa.Table | ds.Dataset]
    documents_seen: int

    def rows(self, name: str) -> int:
        table = self.tables[name]
        return table.num_rows if isinstance(table, pa.Table) else table.count_rows()


def spilled_load(files: dict[str, list[str]], documents_seen: int) -> StagedLoad:
    """A spilled load from its Arrow IPC files (staging table -> files): what a Stager with a
    spill folder finishes with, and what a merge in another process opens again."""
    datasets = {name: ds.dataset(files[name], format="ipc", schema=schema) for name, schema in SCHEMAS.items()}
    return StagedLoad(tables=datasets, documents_seen=documents_seen)


def spilled_files(staged: StagedLoad) -> dict[str, list[str]] | None:
    """The Arrow files of a spilled load, per staging table; None if any table is in memory."""
    files = {}
    for name, table in staged.tables.items():
        if not isinstance(table, ds.FileSystemDataset):
            return None
        files[name] = list(table.files)
    return files
