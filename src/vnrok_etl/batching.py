"""Splitting the documents of one run into batches.

A run's files are cut into chunks first (each committed as its own load): at fixed positions of
the run's list of files, so a run killed and run again over the same files cuts them at the same
places and ends with the same rows. Batches never straddle chunks.

Batches bound the number of Prefect task runs per flow (each costs 10-15 ms, and ~1000 at once
lock the embedded server's database) while keeping each batch small enough to stream: the batch
size grows with the corpus only once MAX_BATCHES is reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

DEFAULT_BATCH_SIZE = 500
MAX_BATCHES = 100
# Documents per chunk: each chunk of a run is one transaction (warehouse.merge_load). Measured
# (benchmarks/RESULTS.md "Chunked loads"): one 10k load peaked at 576 MB in the flow and ~480 MB
# in the library path, chunks of 1,000 at ~410 MB, but each merge left memory behind that grew
# with the warehouse. Large chunks are now merged in a process of their own (merge_process.py),
# so the run's process no longer depends on the chunk size; the chunk sets the merge process's
# memory and the staging folder's size, and smaller chunks cost more merges (each with its
# fixed costs: a process, connect, near-duplicate join, data checks, a checkpoint). 10,000
# keeps a crash's loss and a chunk's transaction bounded, and a load of up to 10,000 files (an
# inbox) one load.
DEFAULT_CHUNK_SIZE = 10_000


def plan_batches(items: Sequence[str], batch_size: int | None = None) -> list[list[str]]:
    """Consecutive batches of at most `batch_size` items, never more than MAX_BATCHES of them."""
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {batch_size}")
    size = max(batch_size or DEFAULT_BATCH_SIZE, ceil(len(items) / MAX_BATCHES))
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def plan_chunks(count: int, chunk_size: int | None = None) -> list[range]:
    """Positions 0..count-1 cut every `chunk_size` (a run of at most that many is one chunk)."""
    size = chunk_size or DEFAULT_CHUNK_SIZE
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def run_batch_size(total: int, batch_size: int | None, chunk_size: int | None) -> int:
    """One batch size for a whole run: as plan_batches would choose over one chunk of it (at
    most MAX_BATCHES task runs per chunk), never more than a chunk.

    Per chunk, not per run: a batch is what a worker holds and sends back at once, and what the
    loader holds WINDOW of, so it must not grow with the run. Chosen over the whole run (as it
    was), 100,000 files made batches of 1,000 and 1,000,000 files batches of 10,000, one per
    chunk (~200 MB of staged rows crossing to the loader at once).
    """
    chunk = chunk_size or DEFAULT_CHUNK_SIZE
    size = max(batch_size or DEFAULT_BATCH_SIZE, ceil(min(total, chunk) / MAX_BATCHES))
    return min(size, chunk)
