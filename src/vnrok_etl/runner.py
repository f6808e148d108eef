"""The whole ingest without Prefect: the same stages the flow runs, in one process.

For benchmarks (the plain library path beside the flow) and for tests that check load semantics
without paying for Prefect's server. The flow in flows/ingest.py is the product's entry point.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from uuid import uuid4

from vnrok_etl.batching import plan_batches
from vnrok_etl.records import RawDocument
from vnrok_etl.sources import discover_paths, unchanged_documents
from vnrok_etl.stage import StagedBatch, StagedLoad, Stager, known_batch, stage_paths
from vnrok_etl.staging_area import staging_folder
from vnrok_etl.warehouse import (
    LoadCounts,
    LoadInfo,
    WarehouseError,
    connect,
    file_signatures,
    known_sha256,
    merge_load,
    record_failed_load,
)

# DuckDB's buffer memory for a spilled merge; beyond it, it spills to the staging folder. The
# merge reads the staged Arrow files in place, so this holds what the inserts build (new rows
# until commit, key indexes, joins). Measured at 100k documents (benchmarks/RESULTS.md): the
# merge peaks at ~900 MB RSS with 512MB, ~1.25 GB with 1GB; 384MB ran out of memory in the
# figures insert (failed to pin a block: the transaction's new rows and key indexes stay pinned).
MERGE_MEMORY = "512MB"


def new_load_info(flow_run_id: str | None = None, stage_seconds: dict[str, float] | None = None) -> LoadInfo:
    started = datetime.now(timezone.utc)
    return LoadInfo(
        load_id=f"{started:%Y%m%dT%H%M%SZ}-{uuid4().hex[:8]}",
        started_at=started,
        flow_run_id=flow_run_id,
        stage_seconds=stage_seconds or {},
    )


def ingest_paths(
    paths: Iterable[str],
    warehouse: str | Path,
    batch_size: int | None = None,
    on_wait: Callable[[str], None] | None = None,
    workers: int = 1,
    spill: bool = True,
) -> tuple[LoadCounts, dict[str, float]]:
    """Discover, process, stage and merge; returns the load's counts and seconds per stage.

    Files unchanged since they were loaded (same size and modification time) are not read
    again. Batches are processed and staged in one go (in `workers` processes when > 1: the
    stages are pure Python, threads would share one core) and written out as they come, so
    memory holds one batch of records at a time; with `spill` the staged rows wait in Arrow
    files in a temporary folder and DuckDB reads them from there, within MERGE_MEMORY.
    """
    clock = time.perf_counter()
    discovered = discover_paths(paths)
    files, unchanged, known = plan_reads(discovered, warehouse, on_wait)
    position = {path: number for number, path in enumerate(discovered)}
    staging = 0.0
    load = new_load_info()
    with staging_folder(load.load_id, on_notice=on_wait) as folder:
        stager = Stager(folder if spill else None)
        stager.add(known_batch(unchanged))
        batches = plan_batches(files, batch_size)
        for batch in _process_batches(batches, [[position[path] for path in batch] for batch in batches], known, workers):
            staged_at = time.perf_counter()
            stager.add(batch)
            del batch
            staging += time.perf_counter() - staged_at
        staged_at = time.perf_counter()
        staged = stager.finish()
        seconds = stager.seconds
        seconds["stage"] += staging + time.perf_counter() - staged_at
        load = replace(load, stage_seconds=seconds)
        merged_at = time.perf_counter()
        counts = merge_staged(staged, warehouse, load, folder if spill else None, on_wait=on_wait)
        seconds["merge"] = time.perf_counter() - merged_at
    seconds["wall"] = time.perf_counter() - clock
    return counts, {stage: round(value, 3) for stage, value in seconds.items()}


def plan_reads(
    files: list[str], warehouse: str | Path, on_wait: Callable[[str], None] | None = None, wait_seconds: float | None = None
) -> tuple[list[str], list[RawDocument], set[str]]:
    """(files to read, unchanged documents not to read, hashes of the documents already loaded)."""
    if not Path(warehouse).exists():
        return files, [], set()
    with connect(warehouse, read_only=True, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        to_read, unchanged = unchanged_documents(files, file_signatures(connection))
        return to_read, unchanged, known_sha256(connection)


def merge_staged(
    staged: StagedLoad,
    warehouse: str | Path,
    load: LoadInfo,
    spill: Path | None,
    on_wait: Callable[[str], None] | None = None,
    wait_seconds: float | None = None,
) -> LoadCounts:
    """Open the warehouse for writing and merge; a failure is rolled back and recorded.

    With `spill` (the staging folder), DuckDB works within MERGE_MEMORY and spills there.
    """
    with connect(warehouse, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        if spill is not None:
            connection.execute(f"SET memory_limit = '{MERGE_MEMORY}'")
            connection.execute(f"SET temp_directory = '{spill / 'duckdb'}'")
        try:
            return merge_load(connection, staged, load)
        except Exception as error:
            record_failed_load(connection, load, f"{type(error).__name__}: {error}")
            raise


INTERRUPTED_WAIT_SECONDS = 2.0  # a stopping run records itself only if the file is free at once


def record_interrupted_load(warehouse: str | Path, load: LoadInfo, reason: str) -> bool:
    """A load stopped by a signal before it committed: its 'interrupted' row, nothing else;
    False when another writer holds the warehouse (a stop must not wait for it).

    The merge's transaction, if it had begun, was rolled back as its connection closed.
    """
    try:
        with connect(warehouse, wait_seconds=INTERRUPTED_WAIT_SECONDS) as connection:
            record_failed_load(connection, load, reason, status="interrupted")
    except WarehouseError:
        return False
    return True


def _process_batches(
    batches: list[list[str]], positions: list[list[int]], known: set[str], workers: int
) -> Iterator[StagedBatch]:
    """Staged batches in batch order, from this process or from a pool of `workers` processes."""
    if workers <= 1 or len(batches) <= 1:
        for number, (batch, places) in enumerate(zip(batches, positions), start=1):
            yield stage_paths(batch, known, number, places)
        return
    # The known hashes go to each worker once (initializer), not with every batch.
    with ProcessPoolExecutor(workers, initializer=_remember_known, initargs=(known,)) as pool:
        yield from pool.map(_stage_known, batches, range(1, len(batches) + 1), positions)


_KNOWN: set[str] = set()


def _remember_known(known: set[str]) -> None:
    global _KNOWN  # noqa: PLW0603 - per worker process, set once by the pool's initializer
    _KNOWN = known


def _stage_known(batch: list[str], number: int, positions: list[int]) -> StagedBatch:
    return stage_paths(batch, _KNOWN, number, positions)
