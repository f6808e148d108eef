"""The reprocess flow: plan → per chunk (read kept documents → process batches → stage → merge).

Like `ingest`, thin: each task calls one library function (vnrok_etl.reprocess, runner,
stage). Documents come from the warehouse's `raw_documents`, not from files; each chunk is one
transaction that replaces what its documents had made (reprocess.ChunkReplacement), with its own
`loads` row (kind 'reprocess') carrying this flow run's id. Killed between chunks, a run of the
default selection started again carries on where it stopped: the documents already re-run carry
today's version and are not selected again.
"""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.cluster import batch_task_runner, running
from flows.ingest import WAREHOUSE_WAIT_SECONDS, merge, run_windowed, stage
from flows.chunking import ChunkLoop
from vnrok_etl.batching import DEFAULT_CHUNK_SIZE, run_batch_size
from vnrok_etl.records import RawDocument
from vnrok_etl.reprocess import (
    ChunkReplacement,
    ReprocessPlan,
    Sighting,
    batches_of,
    pending_table,
    plan_reprocess,
    read_documents,
)
from vnrok_etl.runner import combine_counts, new_load_info
from vnrok_etl.stage import StagedBatch, Stager, stage_stored
from vnrok_etl.staging_area import staging_folder
from vnrok_etl.summary import summary_rows
from vnrok_etl.warehouse import resolve_warehouse


@task(name="plan-reprocess", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def plan(warehouse: str, where: str | None, everything: bool, chunk_size: int | None) -> ReprocessPlan:
    return plan_reprocess(
        warehouse, where, everything, chunk_size or DEFAULT_CHUNK_SIZE, on_wait=_warn, wait_seconds=WAREHOUSE_WAIT_SECONDS
    )


@task(name="read-kept-documents", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def read_chunk(warehouse: str, chunk: list[Sighting]) -> list[RawDocument]:
    return read_documents(warehouse, chunk, wait_seconds=WAREHOUSE_WAIT_SECONDS, on_wait=_warn)


@task(name="process-kept-batch", cache_policy=NO_CACHE)
def process_kept_batch(documents: list[RawDocument], number: int) -> StagedBatch:
    return stage_stored(documents, number)


@flow(name="reprocess", log_prints=True)
def reprocess(
    warehouse: str | None = None,
    where: str | None = None,
    everything: bool = False,
    chunk_size: int | None = None,
    batch_size: int | None = None,
    cluster: str | None = None,
) -> dict:
    """Re-run decode → clean → extract over the kept raw documents of the articles whose
    extraction version differs from this code's (or `everything`, or those `where` selects:
    an SQL condition on `articles`); returns the counts and what was re-run.
    """
    target = str(resolve_warehouse(warehouse))
    run_id = str(flow_run.id)
    clock = time.perf_counter()
    todo = plan(target, where, everything, chunk_size)
    pending = pending_table(todo)
    size = run_batch_size(todo.sightings, batch_size, chunk_size)
    run_loads: list[str] = []
    loop = ChunkLoop(target)
    batch_number = 0
    runner = batch_task_runner(cluster, -(-todo.sightings // size) if todo.sightings else 0)
    with running(runner):
        for number, sightings in enumerate(todo.chunks, start=1):
            load = new_load_info(flow_run_id=run_id, kind="reprocess", chunk=number)
            with loop.chunk(load) as chunk, staging_folder(load.load_id, on_notice=_warn) as folder:
                documents = read_chunk(target, sightings)
                stager = Stager(folder)
                tasks = []
                for batch in batches_of(documents, size):
                    batch_number += 1
                    tasks.append((process_kept_batch, {"documents": batch, "number": batch_number}))
                del documents
                for staged_batch in run_windowed(runner, tasks):
                    stager.add(staged_batch)
                staged = stage(stager)
                replacing = ChunkReplacement(
                    chunk=[(s.uri, s.sha256) for s in sightings], pending=pending, number=number,
                    run_loads=list(run_loads), version=todo.version, speakers=not todo.filtered,
                    last=number == len(todo.chunks) and not todo.filtered and not todo.without_raw,
                    everything=todo.everything,
                )
                loop.done(chunk, merge(staged, target, chunk.staged(stager.seconds), folder, quote(replacing)))
            run_loads.append(load.load_id)
    totals = loop.totals | {"wall": round(time.perf_counter() - clock, 3)}
    results = loop.results
    result = {
        "warehouse": target, "selected": todo.selected, "documents": todo.sightings, "chunks": len(results),
        "without_raw": todo.without_raw, "version": todo.version, "seconds": totals,
    }
    if results:
        counts = combine_counts(results)
        result |= counts.as_dict() | {"rejections": list(counts.rejections)}
        create_table_artifact(
            key="reprocess-summary", table=summary_rows(counts, totals),
            description=f"Reprocess {counts.load_id}: {todo.sightings} kept documents in {len(results)} chunk(s)",
        )
    return result


def _warn(message: str) -> None:
    get_run_logger().warning(message)
