"""The ingest flow: discover → process (decode, clean, extract) → stage → merge.

Thin on purpose: every task calls one library function. Documents go through in batches, so a
flow makes a bounded number of task runs per chunk (at most MAX_BATCHES + 3: the look-up of the
chunk's unchanged files, its batches, stage, merge) whatever the number
of documents: task runs cost 10-15 ms each and bursts of ~1000 lock the embedded server's SQLite.
Retries are on reading the warehouse only: the merge waits for a locked file instead, and a
failed merge is rolled back and recorded, never half-applied or repeated. Two runs at once (a
scheduled and a manual one) merge one after the other: the merge holds the warehouse's writer
slot on the Prefect server (flows/server.py) and DuckDB's file lock, and every insert skips rows
already there, so the second run adds nothing the first one added.
"""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.cluster import batch_task_runner, running
from flows.chunking import ChunkLoop
from flows.server import warehouse_slot
from vnrok_etl.batching import run_batch_size
from vnrok_etl.progress import progress_bar
from vnrok_etl.known import KnownDigests
from vnrok_etl.runner import ChunkPlan, ChunkReads, known_digests, merge_staged, new_load_info, plan_run_chunks
from vnrok_etl.sources import discover_paths
from vnrok_etl.stage import StagedBatch, StagedLoad, Stager, known_batch, stage_paths
from vnrok_etl.staging_area import staging_folder
from vnrok_etl.summary import summary_markdown, summary_rows
from vnrok_etl.warehouse import LoadCounts, LoadInfo, Replacement, resolve_warehouse

WAREHOUSE_WAIT_SECONDS = 600.0  # a scheduled and a manual run: the second waits for the first
# Batches submitted ahead of the one being staged: enough to keep the workers busy, few enough
# that finished batches' records never pile up in memory (the whole load used to: 850 MB at 10k).
WINDOW = 4
# A finished future of Prefect's process pool sits in a reference cycle (its callbacks) with the
# batch's pickled and unpickled result, so only the cyclic collector frees them, and it seldom
# runs: at 100k documents the flow held ~350 MB of finished batches before the merge (700 MB
# RSS; 350 MB with this). A collection takes ~15 ms, every 8 batches (4,000 documents).
GC_EVERY = 8


class Discovered:
    """The run's files, handed back by `discover` as one object.

    Prefect links a task's result to its run one level down, item by item (the flow run's
    `run_results`): a list of 100,000 paths made 100,000 entries, ~22 MB held for the whole run
    (~220 MB at a million files); one object is one entry.
    """

    __slots__ = ("paths",)

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: list[str], settle_seconds: float | None = None) -> Discovered:
    settled_before = None if settle_seconds is None else time.time() - settle_seconds
    return Discovered(discover_paths(paths, settled_before=settled_before))


@task(name="known-hashes", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def known_hashes(warehouse: str) -> KnownDigests:
    return known_digests(warehouse, on_wait=_warn, wait_seconds=WAREHOUSE_WAIT_SECONDS)


@task(name="unchanged-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def unchanged_files(plan: ChunkPlan, warehouse: str, signatures: bool = True) -> ChunkReads:
    """The chunk's files to read and its unchanged ones (the signatures of its files only)."""
    return plan.reads(warehouse, on_wait=_warn, wait_seconds=WAREHOUSE_WAIT_SECONDS, signatures=signatures)


@task(name="process-batch", cache_policy=NO_CACHE)
def process_batch(paths: list[str], known: KnownDigests, number: int, positions: list[int] | None = None) -> StagedBatch:
    return stage_paths(paths, known, number, positions)


@task(name="stage", cache_policy=NO_CACHE)
def stage(stager: Stager) -> StagedLoad:
    return stager.finish()


@task(name="merge", cache_policy=NO_CACHE)
def merge(
    staged: StagedLoad, warehouse: str, load: LoadInfo, spill: Path, replacing: Replacement | None = None
) -> LoadCounts:
    with warehouse_slot(on_wait=_warn, wait_seconds=WAREHOUSE_WAIT_SECONDS):
        return merge_staged(
            staged, warehouse, load, spill, on_wait=_warn, wait_seconds=WAREHOUSE_WAIT_SECONDS,
            replacing=replacing,
        )


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[str],
    warehouse: str | None = None,
    batch_size: int | None = None,
    settle_seconds: float | None = None,
    cluster: str | None = None,
    chunk_size: int | None = None,
) -> dict:
    """Ingest article files and folders into the DuckDB warehouse; returns the run's counts.

    settle_seconds: leave files in folders modified less than this long ago for a later run
    (an inbox being written to).
    cluster: where the batch tasks run: 'threads', 'processes[:N]', Dask's 'local[:N]' or a
    scheduler address (flows/cluster.py); by default processes for a large load on a machine
    with several cores. Stage and merge stay here, the warehouse's single writer.
    chunk_size: documents per chunk (default batching.DEFAULT_CHUNK_SIZE); each chunk is one
    transaction with its own loads row, all of them with this flow run's id; a run of at most
    one chunk is one load.
    """
    target = str(resolve_warehouse(warehouse))
    run_id = str(flow_run.id)
    clock = time.perf_counter()
    loop = ChunkLoop(target)
    # quote(): Prefect would otherwise walk every path looking for futures to resolve.
    found = discover(paths, settle_seconds)
    looked_up = Path(target).exists()  # no warehouse yet: no signatures to look up, every file is read
    size = run_batch_size(len(found.paths), batch_size, chunk_size)
    chunks = plan_run_chunks(found.paths, chunk_size)
    documents = len(found.paths)
    # The chunks hold the names now: the run goes on without the list (at a million files,
    # ~115 MB of names as strings).
    found.paths = []
    batch_number = 0
    # A batch pool (or cluster) for the rest of the run, started with the first chunk that has
    # files to read (a re-run over unchanged files starts none): chosen by the batches the run
    # may still have, as if every file after that chunk had to be read.
    runner, started = None, False
    with progress_bar("ingesting", documents) as bar, staging_folder(f"known-{run_id}", on_notice=_warn) as shared, \
            ExitStack() as pool:
        # The known hashes reach each worker once, as a file it maps (known.py), not with each batch.
        known = known_hashes(target).shared(shared)
        for index, plan in enumerate(chunks):
            load = new_load_info(flow_run_id=run_id, chunk=plan.number if len(chunks) > 1 else None)
            with loop.chunk(load) as chunk, staging_folder(load.load_id, on_notice=_warn) as folder:
                # Looked up now, between this run's merges: the signatures of this chunk's files only.
                reads = unchanged_files(quote(plan), target, looked_up)
                # Each batch is staged where it ran; here it is only written to Arrow files in the folder.
                stager = Stager(folder)
                stager.add(known_batch(reads.unchanged))
                bar.advance(len(reads.unchanged))
                batches = reads.batches(size)
                if batches and not started:
                    ahead = len(reads.files) + sum(len(later) for later in chunks[index + 1:])
                    runner, started = batch_task_runner(cluster, -(-ahead // size)), True
                    pool.enter_context(running(runner))
                for batch in _process_batches(runner, batches, known, batch_number):
                    stager.add(batch)
                    bar.advance(batch.documents)
                batch_number += len(batches)
                del reads
                staged = stage(stager)
                loop.done(chunk, merge(staged, target, chunk.staged(stager.seconds), folder))
    # Known only now, so in the artifact and the result but not in the loads rows: the merge,
    # waiting for the writer slot included (a run that waited for another one shows it here).
    totals = loop.totals | {"wall": round(time.perf_counter() - clock, 3)}
    counts = loop.counts()
    _publish(counts, totals)
    return counts.as_dict() | {
        "warehouse": target, "rejections": list(counts.rejections), "seconds": totals, "chunks": len(loop.results),
    }


def _process_batches(
    runner: object, batches: list[tuple[list[str], list[int]]], known: KnownDigests, numbered_from: int = 0
) -> Iterator[StagedBatch]:
    """Staged batches in order, with at most WINDOW batches in flight (threads, processes or Dask)."""
    tasks = []
    for number, (batch, positions) in enumerate(batches, start=numbered_from + 1):
        # quote(): the known hashes go to the task as they are, not walked by Prefect; pickled
        # for a process they are only the name of the run's file of them (known.py).
        tasks.append((process_batch, {"paths": batch, "known": quote(known), "number": number, "positions": positions}))
    return run_windowed(runner, tasks)


def run_windowed(runner: object, tasks: list[tuple[object, dict]]) -> Iterator:
    """The tasks' results in order, at most WINDOW in flight, on `runner` (None: the flow's threads)."""
    in_flight: deque = deque()
    for number, (task_function, parameters) in enumerate(tasks, start=1):
        in_flight.append(runner.submit(task_function, parameters) if runner else task_function.submit(**parameters))
        if len(in_flight) >= WINDOW:
            yield in_flight.popleft().result()
        if number % GC_EVERY == 0:
            gc.collect()
    while in_flight:
        yield in_flight.popleft().result()


def _publish(counts: LoadCounts, seconds: dict[str, float]) -> None:
    create_table_artifact(
        key="ingest-summary",
        table=summary_rows(counts, seconds),
        description=f"Load {counts.load_id}: documents, new records, rejections, seconds per stage",
    )
    if counts.rejections:
        create_markdown_artifact(key="ingest-rejections", markdown=summary_markdown(counts))


def _warn(message: str) -> None:
    get_run_logger().warning(message)
