"""Fetched pages through the ordinary stages: process (decode, clean, extract), stage, merge.

The crawl's documents are RawDocuments like files' (their `uri` is the page's URL), so they go
through the very functions the ingest flow uses: `BatchResult.process` for each, `stage_batch` per
batch, the Stager, `merge_staged`. Fetch failures and known bytes join the load as rejections
(stage `fetch`) and known documents, so they reach `rejections` and `article_sources` in the
same transaction as the articles. The fetched bytes are kept as files' are, in the warehouse's
`raw_documents` with their URL in `document_sightings` (so `reprocess` and `export --raw` work
for crawled articles), and how each was fetched (URL asked, time, status, headers) in
`document_fetches` (migration 009).

`crawl_into_warehouse` is the whole crawl without Prefect, for benchmarks and tests of load
semantics; the product's entry point is the flow in flows/crawl.py, which calls the same pieces.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import pyarrow as pa

from vnrok_etl.batching import plan_batches
from vnrok_etl.pipeline import BatchResult
from vnrok_etl.records import RawDocument
from vnrok_etl.runner import merge_staged, new_load_info
from vnrok_etl.stage import SCHEMAS, StagedBatch, Stager, stage_batch
from vnrok_etl.staging_area import staging_folder
from vnrok_etl.warehouse import LoadCounts
from vnrok_etl.web.crawl import CrawlResult, crawl, warehouse_hashes
from vnrok_etl.web.fetch import FetchPolicy
from vnrok_etl.web.outlets import Target
from vnrok_etl.web.store import WebStore, store_path


def stage_documents(documents: list[RawDocument], number: int) -> StagedBatch:
    """Process fetched documents and stage them: the per-batch work, as stage_paths for files."""
    batch = BatchResult()
    for position, document in enumerate(documents):
        # Kept byte for byte, and where and when seen, as files are (rawstore.py): a fetched
        # page's place is its batch and its position in it.
        batch.seen.append((document.uri, document.sha256, (number << 32) + position))
        batch.raw[document.sha256] = document.content
        batch.process(document)
    return stage_batch(batch, number)


def stage_fetch_outcomes(result: CrawlResult) -> StagedBatch:
    """The crawl's failures (rejections at stage `fetch`), known bytes (with where they were seen
    now) and how every document was fetched (`stg_fetches`), as one staged batch (number 0)."""
    seen = [(document.uri, document.sha256, position) for position, document in enumerate(result.known)]
    staged = stage_batch(BatchResult(rejections=list(result.rejections), known=list(result.known), seen=seen), 0)
    rows = [
        {"source_uri": record.uri, "content_sha256": record.sha256, "requested_url": record.requested_url,
         "fetched_at": record.fetched_at, "status": record.status,
         "headers": json.dumps(record.headers, sort_keys=True), "http_version": record.http_version}
        for record in result.fetched
    ]
    tables = staged.tables | {"stg_fetches": pa.Table.from_pylist(rows, schema=SCHEMAS["stg_fetches"])}
    return replace(staged, tables=tables)


def merged_hashes(result: CrawlResult) -> list[str]:
    """The hashes whose bytes a merged load of `result` holds in raw_documents: those of its
    documents (processed ones keep their bytes whatever the outcome). Their copies in the crawl's
    raw_bodies can go (WebStore.mark_done)."""
    return sorted({document.sha256 for document in result.documents})


def document_batches(documents: list[RawDocument], batch_size: int | None = None) -> list[list[RawDocument]]:
    """Documents in batches of the ingest's sizes (plan_batches works on any list)."""
    return plan_batches(documents, batch_size)


def crawl_into_warehouse(
    targets: Iterable[Target],
    warehouse: str | Path,
    policy: FetchPolicy | None = None,
    batch_size: int | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> tuple[LoadCounts, CrawlResult, dict[str, float]]:
    """Crawl, process, stage and merge in this process; returns counts, the crawl, seconds."""
    clock = time.perf_counter()
    load = new_load_info()
    with WebStore(store_path(warehouse)) as store:
        result = crawl(targets, store, warehouse_hashes(warehouse), policy, load.load_id)
        fetched = time.perf_counter()
        with staging_folder(load.load_id, on_notice=on_wait) as folder:
            stager = Stager(folder)
            stager.add(stage_fetch_outcomes(result))
            for number, batch in enumerate(document_batches(result.documents, batch_size), start=1):
                stager.add(stage_documents(batch, number))
            staged = stager.finish()
            seconds = {"crawl": round(fetched - clock, 3)} | {k: round(v, 3) for k, v in stager.seconds.items()}
            merging = time.perf_counter()
            counts = merge_staged(staged, warehouse, replace(load, stage_seconds=seconds), folder, on_wait=on_wait)
        store.mark_done(result.done_keys, merged_hashes(result))
    seconds |= {"merge": round(time.perf_counter() - merging, 3), "wall": round(time.perf_counter() - clock, 3)}
    return counts, result, seconds
