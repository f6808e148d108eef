"""The whole ingest without Prefect: the same stages the flow runs, in one process.

For benchmarks (the plain library path beside the flow) and for tests that check load semantics
without paying for Prefect's server. The flow in flows/ingest.py is the product's entry point.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from uuid import uuid4

from vnrok_etl.batching import plan_batches
from vnrok_etl.pipeline import process_paths
from vnrok_etl.sources import discover_paths
from vnrok_etl.stage import stage_batches
from vnrok_etl.warehouse import LoadCounts, LoadInfo, connect, known_sha256, merge_load, record_failed_load


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
) -> tuple[LoadCounts, dict[str, float]]:
    """Discover, process, stage and merge; returns the load's counts and seconds per stage."""
    clock = time.perf_counter()
    files = discover_paths(paths)
    known: set[str] = set()
    if Path(warehouse).exists():
        with connect(warehouse, read_only=True, on_wait=on_wait) as connection:
            known = known_sha256(connection)
    results = [process_paths(batch, known) for batch in plan_batches(files, batch_size)]
    staged_at = time.perf_counter()
    staged = stage_batches(results)
    seconds: dict[str, float] = {}
    for result in results:
        for stage, value in result.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + value
    seconds["stage"] = time.perf_counter() - staged_at
    load = new_load_info(stage_seconds=seconds)
    merged_at = time.perf_counter()
    with connect(warehouse, on_wait=on_wait) as connection:
        try:
            counts = merge_load(connection, staged, load)
        except Exception as error:
            record_failed_load(connection, load, f"{type(error).__name__}: {error}")
            raise
    seconds["merge"] = time.perf_counter() - merged_at
    seconds["wall"] = time.perf_counter() - clock
    return counts, {stage: round(value, 3) for stage, value in seconds.items()}
