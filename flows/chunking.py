"""The chunk loop both loading flows run (`ingest`, `reprocess`): each chunk's times, its counts,
and a stop in the middle of a chunk recorded as that chunk's interrupted load.

A run commits chunk by chunk, each chunk one load (runner.merge_staged). Every chunk is timed
the same way (the stages' seconds summed over its batches, `wall` from the chunk's start to its
staged rows, then `merge`), the totals are what the run's artifact and result show, and a run
stopped by a signal (SIGTERM, SIGINT: flows/lifeline.py) while a chunk is under way leaves that
chunk an 'interrupted' loads row, its transaction rolled back; the chunks before it stay. An
error (an Exception) is not a stop: a failed merge recorded itself already.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from flows.lifeline import stop_reason
from vnrok_etl.runner import combine_counts, record_interrupted_load
from vnrok_etl.warehouse import LoadCounts, LoadInfo


@dataclass
class Chunk:
    """One chunk under way: its load and its clock."""

    load: LoadInfo
    seconds: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter, init=False)
    merging: float | None = field(default=None, init=False)

    def staged(self, stage_seconds: dict[str, float]) -> LoadInfo:
        """The load as its merge records it: the stages' seconds and the chunk's wall time so
        far; the merge's clock starts."""
        self.seconds = {name: round(value, 3) for name, value in stage_seconds.items()}
        self.seconds["wall"] = round(time.perf_counter() - self.started, 3)
        self.merging = time.perf_counter()
        return replace(self.load, stage_seconds=dict(self.seconds))

    def merged(self) -> None:
        """The merge has returned: its seconds."""
        if self.merging is not None:
            self.seconds["merge"] = round(time.perf_counter() - self.merging, 3)


@dataclass
class ChunkLoop:
    """The chunks of one run into `warehouse`: their counts and their seconds added up."""

    warehouse: str
    results: list[LoadCounts] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def chunk(self, load: LoadInfo) -> Iterator[Chunk]:
        """Run one chunk in the block, which ends with `done`; a stop inside it is recorded."""
        chunk = Chunk(load)
        try:
            yield chunk
        except BaseException as stop:
            if not isinstance(stop, Exception):
                record_interrupted_load(self.warehouse, load, f"interrupted by {stop_reason(stop)}")
            raise

    def done(self, chunk: Chunk, counts: LoadCounts) -> None:
        """The chunk's merge committed with `counts`: its merge time, and its share of the totals."""
        chunk.merged()
        self.results.append(counts)
        for name, value in chunk.seconds.items():
            self.totals[name] = round(self.totals.get(name, 0.0) + value, 3)

    def counts(self) -> LoadCounts:
        return combine_counts(self.results)
