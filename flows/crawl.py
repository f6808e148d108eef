"""The crawl flow: poll feeds, sitemaps and pages → fetch new articles → process → stage → merge.

Thin like the ingest flow, and the same path after the fetch: the pages become RawDocuments
(their URL as `source_uri`) and go through the ingest flow's own `stage` and `merge` tasks, under
the same warehouse writer slot; fetch failures join the load as rejections at stage `fetch`. The
crawl's state (conditional validators per URL, every fetch with status and headers, and the raw
bytes of feeds, sitemaps and pages not yet merged) lives beside the warehouse in
`<warehouse>.web.sqlite` (vnrok_etl/web/store.py); merged pages' bytes are in the warehouse's
`raw_documents`, with how they were fetched in `document_fetches`.

Its artifact `crawl-summary` counts the URLs seen (sources polled, articles listed), new, not
modified, already loaded, and failed by reason; `crawl-failures` lists the failed URLs.
A stop signal during the crawl or the merge is recorded as an interrupted load, as in ingest.
"""

from __future__ import annotations

import time
from dataclasses import replace

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.ingest import merge, stage
from flows.lifeline import stop_reason
from vnrok_etl.progress import progress_bar
from vnrok_etl.records import RawDocument
from vnrok_etl.runner import new_load_info, record_interrupted_load
from vnrok_etl.stage import StagedBatch, Stager
from vnrok_etl.staging_area import staging_folder
from vnrok_etl.warehouse import resolve_warehouse
from vnrok_etl.web.crawl import CrawlResult, crawl, warehouse_hashes
from vnrok_etl.web.fetch import FetchPolicy
from vnrok_etl.web.load import document_batches, merged_hashes, stage_documents, stage_fetch_outcomes
from vnrok_etl.web.outlets import Target, load_targets
from vnrok_etl.web.store import WebStore, store_path
from vnrok_etl.web.urls import clean_url

MAX_FAILURES_LISTED = 200


def plan_targets(urls: list[str] | None, sources: str | None, max_new_per_source: int | None = None) -> list[Target]:
    """URLs given directly (no keyword filter), then every feed and sitemap of the sources file."""
    targets = [Target(clean_url(url)) for url in urls or []]
    if sources:
        targets += load_targets(sources)
    if max_new_per_source:
        targets = [replace(target, max_new=max_new_per_source) for target in targets]
    return list({target.url: target for target in targets}.values())


@task(name="fetch", cache_policy=NO_CACHE)
def fetch_web(targets: list[Target], warehouse: str, load_id: str, polite: bool = True) -> CrawlResult:
    policy = FetchPolicy() if polite else FetchPolicy.unthrottled()
    with WebStore(store_path(warehouse)) as store, progress_bar("fetching", None, "pages") as bar:
        return crawl(targets, store, warehouse_hashes(warehouse), policy, load_id,
                     on_progress=lambda done, total: bar.update(done, total))


@task(name="process-pages", cache_policy=NO_CACHE)
def process_pages(documents: list[RawDocument], number: int) -> StagedBatch:
    return stage_documents(documents, number)


@task(name="mark-done", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def mark_done(keys: list[str], merged: list[str], warehouse: str) -> None:
    with WebStore(store_path(warehouse)) as store:
        store.mark_done(keys, merged)


@flow(name="crawl", log_prints=True)
def crawl_flow(
    urls: list[str] | None = None,
    sources: str | None = None,
    warehouse: str | None = None,
    batch_size: int | None = None,
    max_new_per_source: int | None = None,
    polite: bool = True,
) -> dict:
    """Crawl feeds, sitemaps and pages (`urls`, and the outlets of the `sources` TOML file) into
    the warehouse; returns the load's counts and the crawl's tally.

    polite=False lifts the per-host rate and concurrency limits (loopback benchmarks only).
    """
    target = str(resolve_warehouse(warehouse))
    load = new_load_info(flow_run_id=str(flow_run.id))
    clock = time.perf_counter()
    targets = plan_targets(urls, sources, max_new_per_source)
    try:
        result = fetch_web(quote(targets), target, load.load_id, polite)
        fetched = time.perf_counter()
        with staging_folder(load.load_id, on_notice=_warn) as folder:
            stager = Stager(folder)
            stager.add(stage_fetch_outcomes(result))
            batches = document_batches(result.documents, batch_size)
            with progress_bar("processing", len(result.documents)) as bar:
                for number, batch in enumerate(batches, start=1):
                    staged = process_pages(quote(batch), number)
                    stager.add(staged)
                    bar.advance(staged.documents)
            staged_load = stage(stager)
            seconds = {"crawl": round(fetched - clock, 3)} | {k: round(v, 3) for k, v in stager.seconds.items()}
            merging = time.perf_counter()
            counts = merge(staged_load, target, replace(load, stage_seconds=seconds), folder)
        mark_done(result.done_keys, merged_hashes(result), target)
    except BaseException as stop:
        if not isinstance(stop, Exception):
            record_interrupted_load(target, load, f"interrupted by {stop_reason(stop)}")
        raise
    seconds |= {"merge": round(time.perf_counter() - merging, 3), "wall": round(time.perf_counter() - clock, 3)}
    _publish(result, counts.as_dict(), seconds)
    return counts.as_dict() | {
        "warehouse": target, "rejections": list(counts.rejections), "seconds": seconds,
        "crawl": dict(result.tally), "failures": dict(result.failures), "requests": result.requests,
    }


def _publish(result: CrawlResult, counts: dict, seconds: dict[str, float]) -> None:
    rows = result.summary_rows() + [
        {"measure": "new articles (warehouse)", "value": counts["articles_new"]},
        {"measure": "new rejections (warehouse)", "value": counts["rejections_new"]},
    ] + [{"measure": f"seconds: {name}", "value": value} for name, value in seconds.items()]
    create_table_artifact(
        key="crawl-summary", table=rows,
        description=f"Crawl {counts['load_id']}: URLs seen, new, not modified, already loaded, failed by reason",
    )
    if result.rejections:
        lines = ["| URL | reason |", "|---|---|"] + [
            f"| {rejection.uri} | {rejection.reason.replace('|', '/')} |" for rejection in result.rejections[:MAX_FAILURES_LISTED]
        ]
        create_markdown_artifact(key="crawl-failures", markdown="\n".join(lines))


def _warn(message: str) -> None:
    get_run_logger().warning(message)
