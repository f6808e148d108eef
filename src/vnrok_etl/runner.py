"""The whole ingest without Prefect: the same stages the flow runs, in one process.

For benchmarks (the plain library path beside the flow) and for tests that check load semantics
without paying for Prefect's server. The flow in flows/ingest.py is the product's entry point.
"""

from __future__ import annotations

import os
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from uuid import uuid4

import pyarrow as pa

from vnrok_etl.batching import DEFAULT_CHUNK_SIZE, plan_chunks, run_batch_size
from vnrok_etl.known import KnownDigests
from vnrok_etl.records import RawDocument
from vnrok_etl.sources import discover_paths, unchanged_documents
from vnrok_etl.reprocess import ChunkReplacement, ReprocessPlan, batches_of, pending_table, plan_reprocess, read_documents
from vnrok_etl.chunk_merge import merge_here
from vnrok_etl.merge_process import merge_in_child
from vnrok_etl.stage import StagedBatch, StagedLoad, Stager, known_batch, spilled_files, stage_paths, stage_stored
from vnrok_etl.staging_area import staging_folder
from vnrok_etl.warehouse import (
    LoadCounts,
    LoadInfo,
    WarehouseError,
    connect,
    file_signatures,
    known_sha256,
    record_failed_load,
    Replacement,
)

# A spilled chunk of this many documents or more is merged in a process of its own (merge_staged).
MERGE_PROCESS_MIN_DOCUMENTS = 1_000


def new_load_info(
    flow_run_id: str | None = None, stage_seconds: dict[str, float] | None = None,
    kind: str = "ingest", chunk: int | None = None,
) -> LoadInfo:
    started = datetime.now(timezone.utc)
    return LoadInfo(
        load_id=f"{started:%Y%m%dT%H%M%SZ}-{uuid4().hex[:8]}",
        started_at=started,
        flow_run_id=flow_run_id,
        stage_seconds=stage_seconds or {},
        kind=kind,
        chunk=chunk,
    )


@dataclass(frozen=True, slots=True)
class ChunkPlan:
    """One chunk of a run: its files, as cut from the run's list at fixed positions.

    A run holds every chunk's plan from its start to its end, so the names are kept as their
    common prefix and an Arrow array of the rest of each name: a million names as Python
    strings took 115 MB, as the rest of a generated corpus's names ~20 MB. Which of them to
    read is decided chunk by chunk (`reads`), against the warehouse as it is when the chunk
    starts: the whole warehouse's signatures were ~1.1 GB at a million loaded files.
    """

    number: int
    prefix: str
    names: pa.StringArray  # of the chunk's files, after `prefix`
    start: int  # the position of its first file in the run's list (document_sightings.seq)

    @classmethod
    def of(cls, number: int, files: list[str], start: int = 0) -> ChunkPlan:
        prefix = os.path.commonprefix(files) if files else ""
        return cls(number, prefix, pa.array([name[len(prefix):] for name in files], pa.string()), start)

    @property
    def files(self) -> list[str]:
        return [self.prefix + name for name in self.names.to_pylist()]

    def __len__(self) -> int:
        return len(self.names)

    def reads(
        self, warehouse: str | Path, on_wait: Callable[[str], None] | None = None, wait_seconds: float | None = None,
        signatures: bool = True,
    ) -> ChunkReads:
        """The chunk's files to read and its unchanged ones, by the signatures the warehouse has
        for this chunk's files only (`signatures=False`: none to look up, every file is read)."""
        files = self.files
        recorded = chunk_signatures(files, warehouse, on_wait, wait_seconds) if signatures else {}
        to_read, unchanged = unchanged_documents(files, recorded)
        reading = set(to_read) if unchanged else None
        positions = array("q", (
            self.start + index for index, name in enumerate(files) if reading is None or name in reading
        ))
        return ChunkReads(to_read, unchanged, positions)


@dataclass(frozen=True, slots=True)
class ChunkReads:
    """What one chunk reads: its files to read (with their positions in the run's list) and its
    unchanged files, known without reading (sources.unchanged_documents)."""

    files: list[str]
    unchanged: list[RawDocument]
    positions: array

    def batches(self, size: int) -> list[tuple[list[str], list[int]]]:
        """(files, positions) of the chunk's batches of at most `size` files."""
        return [
            (self.files[start : start + size], self.positions[start : start + size].tolist())
            for start in range(0, len(self.files), size)
        ]


def plan_run_chunks(discovered: list[str], chunk_size: int | None) -> list[ChunkPlan]:
    """The run's chunks, cut at fixed positions of its list of files (batching.plan_chunks)."""
    chunks = [
        ChunkPlan.of(number, discovered[positions.start : positions.stop], positions.start)
        for number, positions in enumerate(plan_chunks(len(discovered), chunk_size), start=1)
    ]
    return chunks or [ChunkPlan.of(1, [])]


def chunk_signatures(
    files: list[str], warehouse: str | Path, on_wait: Callable[[str], None] | None = None,
    wait_seconds: float | None = None,
) -> dict[str, tuple[int, int, str]]:
    """The recorded (size, mtime_ns, sha256) of those of `files` the warehouse has loaded.

    A read-only look, taken between merges: the run's own merges are over when its next chunk
    starts, and another run's merge holding the file is waited for (`on_wait`, `wait_seconds`).
    """
    if not files or not Path(warehouse).exists():
        return {}
    with connect(warehouse, read_only=True, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        return file_signatures(connection, files)


def known_digests(
    warehouse: str | Path, on_wait: Callable[[str], None] | None = None, wait_seconds: float | None = None
) -> KnownDigests:
    """The hashes of the documents the warehouse keeps when the run starts (known.py)."""
    if not Path(warehouse).exists():
        return KnownDigests()
    with connect(warehouse, read_only=True, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        return known_sha256(connection)


def ingest_paths(
    paths: Iterable[str],
    warehouse: str | Path,
    batch_size: int | None = None,
    on_wait: Callable[[str], None] | None = None,
    workers: int = 1,
    spill: bool = True,
    chunk_size: int | None = None,
) -> tuple[LoadCounts, dict[str, float]]:
    """Discover, process, stage and merge; returns the run's counts and seconds per stage.

    Files unchanged since they were loaded (same size and modification time) are not read
    again: each chunk looks up the signatures of its own files before it is staged
    (ChunkPlan.reads), and the hashes of the documents already kept are one compact array for
    the whole run (known.py), sent to each worker once. The files are cut into chunks of at most `chunk_size` (default DEFAULT_CHUNK_SIZE),
    each merged as its own load in one transaction, so memory and the work a crash can lose are
    bounded by a chunk; a run of at most one chunk is one load. Batches are processed and staged
    in one go (in `workers` processes when > 1: the stages are pure Python, threads would share
    one core) and written out as they come, so memory holds one batch of records at a time; with
    `spill` the staged rows wait in Arrow files in a temporary folder and DuckDB reads them from
    there, within chunk_merge.MERGE_MEMORY. A chunk that fails stops the run; the chunks before it stay.
    """
    clock = time.perf_counter()
    discovered = discover_paths(paths)
    looked_up = Path(warehouse).exists()  # no warehouse yet: no signatures, every file is read
    known = known_digests(warehouse, on_wait)
    size = run_batch_size(len(discovered), batch_size, chunk_size)
    chunks = plan_run_chunks(discovered, chunk_size)
    del discovered
    results: list[LoadCounts] = []
    totals: dict[str, float] = {}
    batch_number = 0
    for chunk in chunks:
        load = new_load_info(chunk=chunk.number if len(chunks) > 1 else None)
        staging = 0.0
        reads = chunk.reads(warehouse, on_wait, signatures=looked_up)
        with staging_folder(load.load_id, on_notice=on_wait) as folder:
            stager = Stager(folder if spill else None)
            stager.add(known_batch(reads.unchanged))
            planned = reads.batches(size)
            numbers = range(batch_number + 1, batch_number + len(planned) + 1)
            batch_number += len(planned)
            batches, places = [files for files, _ in planned], [positions for _, positions in planned]
            for batch in _process_batches(batches, places, known, workers, numbers):
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
            results.append(merge_staged(staged, warehouse, load, folder if spill else None, on_wait=on_wait))
            seconds["merge"] = time.perf_counter() - merged_at
        for stage, value in seconds.items():
            totals[stage] = totals.get(stage, 0.0) + value
    totals["wall"] = time.perf_counter() - clock
    return combine_counts(results), {stage: round(value, 3) for stage, value in totals.items()}


def combine_counts(results: list[LoadCounts]) -> LoadCounts:
    """The counts of a run's chunks added up; its load id is the first chunk's (and the last's)."""
    if len(results) == 1:
        return results[0]
    load_id = f"{results[0].load_id}..{results[-1].load_id}"
    summed = {
        name: sum(getattr(result, name) for result in results)
        for name in LoadCounts.__slots__ if name not in ("load_id", "rejections")
    }
    rejections = tuple(pair for result in results for pair in result.rejections)
    return LoadCounts(load_id=load_id, rejections=rejections, **summed)


def merge_staged(
    staged: StagedLoad,
    warehouse: str | Path,
    load: LoadInfo,
    spill: Path | None,
    on_wait: Callable[[str], None] | None = None,
    wait_seconds: float | None = None,
    replacing: Replacement | None = None,
    isolated: bool | None = None,
) -> LoadCounts:
    """Merge one staged chunk (`merge_here`), in a process of its own when `isolated`.

    By default a spilled chunk of MERGE_PROCESS_MIN_DOCUMENTS documents or more is isolated
    (merge_process.py): the merge's memory goes back to the system when that process exits, so a
    run's memory does not grow chunk after chunk. Smaller ones (the seeds, an inbox) are merged
    here: starting the process costs ~0.6 s of CPU and their merges leave little behind. A
    load staged in memory (no spill folder) is always merged here: only files can be handed over.
    """
    files = spilled_files(staged) if spill is not None else None
    if isolated is None:
        isolated = files is not None and staged.documents_seen >= MERGE_PROCESS_MIN_DOCUMENTS
    if isolated and files is not None:
        return merge_in_child(
            files, staged.documents_seen, warehouse, load, spill, on_wait=on_wait, wait_seconds=wait_seconds,
            replacing=replacing,
        )
    return merge_here(staged, warehouse, load, spill, on_wait, wait_seconds, replacing)


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
    batches: list[list[str]], positions: list[list[int]], known: KnownDigests, workers: int, numbers: Iterable[int]
) -> Iterator[StagedBatch]:
    """Staged batches in batch order, from this process or from a pool of `workers` processes."""
    if workers <= 1 or len(batches) <= 1:
        for number, batch, places in zip(numbers, batches, positions):
            yield stage_paths(batch, known, number, places)
        return
    # The known hashes go to each worker once (initializer), not with every batch.
    with ProcessPoolExecutor(workers, initializer=_remember_known, initargs=(known,)) as pool:
        yield from pool.map(_stage_known, batches, numbers, positions)


_KNOWN = KnownDigests()


def _remember_known(known: KnownDigests) -> None:
    global _KNOWN  # noqa: PLW0603 - per worker process, set once by the pool's initializer
    _KNOWN = known


def _stage_known(batch: list[str], number: int, positions: list[int]) -> StagedBatch:
    return stage_paths(batch, _KNOWN, number, positions)


def reprocess_warehouse(
    warehouse: str | Path,
    where: str | None = None,
    everything: bool = False,
    chunk_size: int | None = None,
    batch_size: int | None = None,
    workers: int = 1,
    on_wait: Callable[[str], None] | None = None,
) -> tuple[ReprocessPlan, list[LoadCounts], dict[str, float]]:
    """Re-run decode, clean and extraction over kept documents (reprocess.py), chunk by chunk,
    each chunk one transaction; returns the plan, each chunk's counts and seconds per stage."""
    clock = time.perf_counter()
    plan = plan_reprocess(warehouse, where, everything, chunk_size or DEFAULT_CHUNK_SIZE, on_wait)
    pending = pending_table(plan)
    run_loads: list[str] = []
    results: list[LoadCounts] = []
    totals: dict[str, float] = {}
    batch_number = 0
    for number, chunk in enumerate(plan.chunks, start=1):
        load = new_load_info(kind="reprocess", chunk=number)
        documents = read_documents(warehouse, chunk, on_wait=on_wait)
        with staging_folder(load.load_id, on_notice=on_wait) as folder:
            stager = Stager(folder)
            batches = list(batches_of(documents, run_batch_size(plan.sightings, batch_size, chunk_size)))
            numbers = range(batch_number + 1, batch_number + len(batches) + 1)
            batch_number += len(batches)
            for batch in _process_stored_batches(batches, workers, numbers):
                stager.add(batch)
            staged = stager.finish()
            seconds = stager.seconds
            load = replace(load, stage_seconds=seconds)
            replacement = ChunkReplacement(
                chunk=[(sighting.uri, sighting.sha256) for sighting in chunk], pending=pending, number=number,
                run_loads=list(run_loads), version=plan.version, speakers=not plan.filtered,
                last=number == len(plan.chunks) and not plan.filtered and not plan.without_raw,
                everything=plan.everything,
            )
            merged_at = time.perf_counter()
            results.append(merge_staged(staged, warehouse, load, folder, on_wait=on_wait, replacing=replacement))
            seconds["merge"] = time.perf_counter() - merged_at
        run_loads.append(load.load_id)
        for stage, value in seconds.items():
            totals[stage] = totals.get(stage, 0.0) + value
    totals["wall"] = time.perf_counter() - clock
    return plan, results, {stage: round(value, 3) for stage, value in totals.items()}


def _process_stored_batches(
    batches: list[list[RawDocument]], workers: int, numbers: Iterable[int]
) -> Iterator[StagedBatch]:
    if workers <= 1 or len(batches) <= 1:
        for number, batch in zip(numbers, batches):
            yield stage_stored(batch, number)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(stage_stored, batches, numbers)
