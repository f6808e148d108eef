"""Turning batches of extractions into columnar staging tables (Arrow), one per warehouse table.

Rows go to DuckDB as whole Arrow tables, never row by row: 100k rows by executemany took 230 s
here, from Arrow 0.1 s (shared/notes/prefect-offline.md). Keys are computed here, so the merge is
pure SQL set logic: article_id from the body, figure_id and quote_id from (article_id, span).

A load of 100k documents does not fit a 600 MB budget as Python records (about 22 KB each once
cleaned and extracted: 2 GB), so each batch becomes Arrow tables where it was processed
(`stage_batch`, in the worker process: the keys and SimHashes are computed there too, and Arrow
crosses a process boundary as buffers where dataclasses are pickled one by one), and a Stager in
the writer's process takes those one at a time. With a spill folder, each batch's rows go to
Arrow IPC files there and the StagedLoad holds datasets over those files, which DuckDB scans
batch by batch instead of from one table in memory.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

import pyarrow as pa

from vnrok_etl import rawstore
from vnrok_etl.claim_keys import figure_keys
from vnrok_etl.identity import article_identities, record_id
from vnrok_etl.pipeline import STAGES, BatchResult, process_paths, process_stored
from vnrok_etl.records import RawDocument
from vnrok_etl.staged import SCHEMAS, VERSIONED, StagedLoad, spilled_files, spilled_load  # noqa: F401
from vnrok_etl.speakers import fold
from vnrok_etl.version import extraction_version


@dataclass(frozen=True, slots=True)
class StagedBatch:
    """One batch as staging tables: what a worker sends back to the writer."""

    tables: dict[str, pa.Table]
    documents: int
    seconds: dict[str, float]


def stage_paths(
    paths: list[str], known_sha256: set[str], number: int, positions: list[int] | None = None
) -> StagedBatch:
    """Process batch `number` and stage it: the whole per-batch work, for a worker process.

    `positions`: each path's position in the run's list of files (the order a reprocess replays).
    """
    return stage_batch(process_paths(paths, known_sha256, positions), number)


def stage_stored(documents: list[RawDocument], number: int) -> StagedBatch:
    """Process and stage batch `number` of kept documents (a reprocess), for a worker process."""
    return stage_batch(process_stored(documents), number)


def stage_batch(batch: BatchResult, number: int = 0) -> StagedBatch:
    """Arrow tables for one batch; an article twice in the batch is staged once.

    `ord` (the load's order of its new articles) is the batch number in the high bits and the
    position in the batch in the low ones; `story_keys`, `story_top_keys`, `story_sample` and
    `story_shingles` are the article's story signature
    (stories.py), computed here, in the worker, with its article_id and SimHash.
    """
    started = time.perf_counter()
    columns = _empty_columns()
    _add_known(columns, batch.known)
    for uri, sha256, position in batch.seen:
        _append(columns["stg_sightings"], source_uri=uri, content_sha256=sha256, seq=position)
    # The bytes are compressed here, in the worker, where they were read: the writer only appends.
    compress = rawstore.compressor().compress
    for sha256, content in batch.raw.items():
        _append(
            columns["stg_raw_documents"], content_sha256=sha256, size_bytes=len(content),
            codec=rawstore.CODEC, content=compress(content),
        )
    for rejection in batch.rejections:
        _append(
            columns["stg_rejections"], source_uri=rejection.uri, content_sha256=rejection.sha256,
            stage=rejection.stage, reason=rejection.reason,
        )
    articles: set[str] = set()
    identities = article_identities([extraction.article.body for extraction in batch.extractions])
    for extraction, (key, fingerprint, signature) in zip(batch.extractions, identities):
        article = extraction.article
        body = article.body
        document = extraction.document
        size, mtime_ns = document.signature or (None, None)
        _append(
            columns["stg_documents"], source_uri=document.uri, content_sha256=document.sha256,
            article_id=key, size_bytes=size, mtime_ns=mtime_ns,
        )
        if key in articles:
            continue
        articles.add(key)
        _append(
            columns["stg_articles"], article_id=key, title=article.title,
            published_at=article.published_at.astimezone(timezone.utc) if article.published_at else None,
            published_date=article.published_date, date_source=article.date_source,
            source=article.source, dateline=article.dateline, byline=article.byline,
            kind=article.kind, body=body, simhash=fingerprint, ord=(number << 32) + len(articles),
            story_keys=signature.keys, story_top_keys=signature.top_keys, story_sample=signature.sample,
            story_shingles=signature.shingles,
        )
        for seq, span in enumerate(article.removed):
            _append(columns["stg_removed_spans"], article_id=key, seq=seq, rule=span.rule, text=span.text)
        for seq, caption in enumerate(article.captions):
            _append(columns["stg_captions"], article_id=key, seq=seq, text=caption)
        for figure in extraction.figures:
            subject_key, claim_key = figure_keys(figure.kind, figure.unit, figure.subject, figure.text,
                                                 figure.sentence, figure.ref_year, figure.is_target)
            _append(
                columns["stg_figures"],
                figure_id=record_id(key, figure.start_char, figure.end_char, figure.kind),
                article_id=key, kind=figure.kind, value=figure.value, unit=figure.unit,
                qualifier=figure.qualifier, subject=figure.subject, ref_year=figure.ref_year,
                is_target=figure.is_target, text=figure.text, sentence=figure.sentence,
                start_char=figure.start_char, end_char=figure.end_char, speaker=figure.speaker,
                speaker_key=fold(figure.speaker) if figure.speaker else None,
                is_forecast=figure.is_forecast, subject_key=subject_key, claim_key=claim_key,
            )
        for quote in extraction.quotes:
            _append(
                columns["stg_quotes"], quote_id=record_id(key, quote.start_char, quote.end_char),
                article_id=key, kind=quote.kind, speaker=quote.speaker,
                speaker_title=quote.speaker_title, cue=quote.cue, text=quote.text,
                start_char=quote.start_char, end_char=quote.end_char,
                speaker_key=fold(quote.speaker) if quote.speaker else None,
                speaker_type=quote.speaker_type, speaker_printed=quote.speaker_printed,
            )
        for speaker in extraction.speakers:
            _append(
                columns["stg_speakers"], name=speaker.name, name_key=fold(speaker.name),
                title=speaker.title, country=speaker.country, kind=speaker.kind,
            )
            for alias in (speaker.name, *speaker.aliases):
                _append(
                    columns["stg_speaker_aliases"], alias_key=fold(alias), alias=alias,
                    name_key=fold(speaker.name),
                )
    seconds = dict(batch.seconds)
    seconds["stage"] = seconds.get("stage", 0.0) + time.perf_counter() - started
    return StagedBatch(_tables(columns), batch.documents, seconds)


def known_batch(documents: list[RawDocument]) -> StagedBatch:
    """Staging rows for documents known without processing (unchanged files)."""
    columns = _empty_columns()
    _add_known(columns, documents)
    return StagedBatch(_tables(columns), len(documents), {})


def stage_batches(batches: Iterable[BatchResult]) -> StagedLoad:
    """Columns for every staging table; an article seen twice in the load is staged once."""
    stager = Stager()
    for batch in batches:
        stager.add(batch)
    return stager.finish()


class Stager:
    """Collects a load's StagedBatches in order, each article once, without holding the batches.

    With `spill` (an empty folder), each batch's rows are written to one Arrow IPC file per
    staging table there and `finish` returns datasets over them; the folder must outlive the
    merge. Without it, the tables stay in memory.
    """

    def __init__(self, spill: Path | None = None) -> None:
        self.documents_seen = 0
        self.seconds: dict[str, float] = dict.fromkeys((*STAGES, "stage"), 0.0)  # summed over batches
        self._articles: set[str] = set()
        self._raw: set[str] = set()
        self._batches = 0
        self._spill = spill
        self._writers: dict[str, pa.ipc.RecordBatchFileWriter] = {}
        self._tables: dict[str, list[pa.Table]] = {name: [] for name in SCHEMAS}

    def add(self, batch: BatchResult | StagedBatch) -> None:
        if isinstance(batch, BatchResult):
            batch = stage_batch(batch, self._batches)
        self._batches += 1
        self.documents_seen += batch.documents
        for stage, value in batch.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + value
        tables = dict(batch.tables)
        # An article already staged from an earlier batch keeps its first rows (and its ord).
        ids = tables["stg_articles"].column("article_id").to_pylist()
        repeated = {key for key in ids if key in self._articles}
        self._articles.update(ids)
        if repeated:
            for name in ARTICLE_TABLES:
                keep = [key not in repeated for key in tables[name].column("article_id").to_pylist()]
                tables[name] = tables[name].filter(pa.array(keep, pa.bool_()))
        # A document's bytes once per load (a batch holds each hash once already), so the merge
        # inserts them without sorting blobs to drop repeats.
        hashes = tables["stg_raw_documents"].column("content_sha256").to_pylist()
        if any(sha256 in self._raw for sha256 in hashes):
            keep = [sha256 not in self._raw for sha256 in hashes]
            tables["stg_raw_documents"] = tables["stg_raw_documents"].filter(pa.array(keep, pa.bool_()))
        self._raw.update(hashes)
        for name, table in tables.items():
            if not table.num_rows:
                continue
            if self._spill is None:
                self._tables[name].append(table)
            else:
                self._writer(name).write_table(table)

    def finish(self) -> StagedLoad:
        if self._spill is None:
            tables = {
                name: pa.concat_tables(self._tables[name]) if self._tables[name] else schema.empty_table()
                for name, schema in SCHEMAS.items()
            }
            return StagedLoad(tables=tables, documents_seen=self.documents_seen)
        for name in SCHEMAS:
            self._writer(name).close()
        return spilled_load({name: [str(self._spill / f"{name}.arrow")] for name in SCHEMAS}, self.documents_seen)

    def _writer(self, name: str) -> pa.ipc.RecordBatchFileWriter:
        writer = self._writers.get(name)
        if writer is None:
            writer = self._writers[name] = pa.ipc.new_file(self._spill / f"{name}.arrow", SCHEMAS[name])
        return writer


# Staging tables whose rows belong to one article: staged once per load, with the article.
ARTICLE_TABLES = ("stg_articles", "stg_removed_spans", "stg_captions", "stg_figures", "stg_quotes")


def _add_known(columns: dict[str, dict[str, list]], documents: Iterable[RawDocument]) -> None:
    for document in documents:
        size, mtime_ns = document.signature or (None, None)
        _append(
            columns["stg_known"], source_uri=document.uri, content_sha256=document.sha256,
            size_bytes=size, mtime_ns=mtime_ns,
        )


def _tables(columns: dict[str, dict[str, list]]) -> dict[str, pa.Table]:
    version = extraction_version()
    for name in VERSIONED:
        stamps = columns[name]["extraction_version"]
        stamps[:] = [version] * len(stamps)
    return {name: pa.Table.from_pydict(columns[name], schema=schema) for name, schema in SCHEMAS.items()}


def _empty_columns() -> dict[str, dict[str, list]]:
    return {name: {field: [] for field in schema.names} for name, schema in SCHEMAS.items()}


def _append(columns: dict[str, list], **row: object) -> None:
    for name, values in columns.items():
        values.append(row.get(name))
