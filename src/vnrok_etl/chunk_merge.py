"""One staged chunk merged into the warehouse in this process, within bounded memory.

The merge itself is warehouse.merge_load; this opens the warehouse for writing, bounds DuckDB
(MERGE_MEMORY, MERGE_THREADS, spilling to the chunk's staging folder), and on a failure records
the failed load and keeps the chunk's staged rows for inspection (failed_staging.py). It imports
the warehouse side only, not the extraction: a merge process (merge_process.py) runs it after
importing this module alone, so it starts in about half the time `runner` takes to import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vnrok_etl.failed_staging import drop_resolved_staging, keep_failed_staging
from vnrok_etl.staged import StagedLoad
from vnrok_etl.warehouse import LoadCounts, LoadInfo, Replacement, connect, merge_load, record_failed_load

# DuckDB's buffer memory and threads for a spilled merge; beyond the memory, it spills to the
# staging folder. The merge reads the staged Arrow files in place, so this holds what the inserts
# build (the transaction's new rows until commit, joins) and the warehouse blocks it reads. Measured
# per chunk of 10,000 documents into a growing warehouse (benchmarks/RESULTS.md "What a chunk's
# merge touches"): with the large tables' primary keys gone (migration 011), 512MB let the commit
# (a checkpoint) peak at 510-750 MB RSS, 256MB at 470-550 MB, flat over 100,000 documents. (With
# the keys, 384MB had run out of memory: their indexes stayed pinned.) With story linking bounded
# per new article, DuckDB's cache of the warehouse blocks linking reads still filled 256MB (merge
# peaks 538 -> 690 MB over 8 chunks); 160MB, with linking's exact tests in rounds of 500 pairs,
# held the merges of the 1,000,000-document run flat under 600 MB ("The 1,000,000-document run").
MERGE_MEMORY = "160MB"
MERGE_THREADS = 2


def merge_here(
    staged: StagedLoad,
    warehouse: str | Path,
    load: LoadInfo,
    spill: Path | None,
    on_wait: Callable[[str], None] | None = None,
    wait_seconds: float | None = None,
    replacing: Replacement | None = None,
) -> LoadCounts:
    """Open the warehouse for writing and merge in this process; a failure is rolled back and
    recorded, and the failed chunk's staged rows are kept in the warehouse to be looked at
    (failed_staging.py).

    With `spill` (the staging folder), DuckDB works within MERGE_MEMORY and spills there.
    """
    with connect(warehouse, on_wait=on_wait, wait_seconds=wait_seconds) as connection:
        # A merge statement over 2 s would draw DuckDB's bar on stderr, across the run's own.
        connection.execute("SET enable_progress_bar = false")
        if spill is not None:
            connection.execute(f"SET memory_limit = '{MERGE_MEMORY}'")
            connection.execute(f"SET threads = {MERGE_THREADS}")
            connection.execute(f"SET temp_directory = '{spill / 'duckdb'}'")
        try:
            counts = merge_load(connection, staged, load, replacing)
        except Exception as error:
            message = f"{type(error).__name__}: {error}"
            kept = keep_failed_staging(connection, staged, load)
            if kept:
                message += f" (its staged rows are kept in schema {kept})"
            record_failed_load(connection, load, message)
            raise
        drop_resolved_staging(connection)
        return counts
