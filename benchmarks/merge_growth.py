"""Does a chunk's merge cost more as the warehouse grows? Stage a corpus's chunks once, then
replay their merges into a warehouse, each in a process of its own, and print per merge its
seconds and peak RSS (and, with --steps, after each step of the merge: the RSS, the step's own peak RSS
and its CPU seconds, and DuckDB's memory).

Staging is the expensive part (decode, clean, extract: ~3 ms of CPU per document) and does not
depend on the warehouse, so it is done once and kept; a replay costs only the merges, and can be
repeated against code or schema changes (benchmarks/RESULTS.md, "What a chunk's merge touches").

    python benchmarks/merge_growth.py stage /work/bench/c100k /tmp/staged --chunk-size 10000 --workers 2
    python benchmarks/merge_growth.py stage /work/bench/c1m /tmp/staged --chunks 51 --first 51 --workers 2
    python benchmarks/merge_growth.py merge /tmp/staged /tmp/wh.duckdb [--steps] [--chunks 1-10]

Each chunk is staged as a fresh run would stage it (nothing known yet), as `runner.ingest_paths`
does, into `OUT/chunk-NNN/`. A replay merges the chunks in order into WAREHOUSE (created if
absent) through `merge_process.merge_in_child`, the product's path.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path


def stage(corpus: Path, out: Path, chunk_size: int, workers: int, chunks: int | None, first: int = 1) -> None:
    from vnrok_etl.batching import plan_chunks, run_batch_size
    from vnrok_etl.runner import _process_batches
    from vnrok_etl.sources import discover_paths
    from vnrok_etl.stage import Stager

    files = discover_paths([str(corpus)])
    size = run_batch_size(len(files), None, chunk_size)
    number = 0
    for index, positions in enumerate(plan_chunks(len(files), chunk_size), start=1):
        if chunks is not None and index > chunks:
            break
        if index < first:  # staged by another replay: numbered as a run would number it
            number += -(-len(positions) // size)
            continue
        folder = out / f"chunk-{index:03d}"
        if (folder / "meta.json").exists():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        stager = Stager(folder)
        paths = [files[p] for p in positions]
        places = list(positions)
        batches = [paths[i : i + size] for i in range(0, len(paths), size)]
        spots = [places[i : i + size] for i in range(0, len(places), size)]
        numbers = range(number + 1, number + len(batches) + 1)
        number += len(batches)
        for batch in _process_batches(batches, spots, set(), workers, numbers):
            stager.add(batch)
        staged = stager.finish()
        (folder / "meta.json").write_text(json.dumps({"documents_seen": staged.documents_seen}))
        print(f"chunk {index}: {staged.documents_seen} documents staged in {time.perf_counter() - started:.1f} s", flush=True)


def chunk_folders(staged: Path, wanted: str | None) -> list[Path]:
    folders = sorted(path for path in staged.glob("chunk-*") if (path / "meta.json").exists())
    if wanted:
        first, _, last = wanted.partition("-")
        chosen = range(int(first), int(last or first) + 1)
        folders = [folder for folder in folders if int(folder.name.split("-")[1]) in chosen]
    return folders


def merge(staged: Path, warehouse: Path, steps: bool, wanted: str | None, linking: bool = True) -> None:
    import subprocess

    from vnrok_etl.runner import new_load_info
    from vnrok_etl.stage import SCHEMAS

    for folder in chunk_folders(staged, wanted):
        number = int(folder.name.split("-")[1])
        seen = json.loads((folder / "meta.json").read_text())["documents_seen"]
        load = new_load_info(chunk=number)
        if steps:
            started = time.perf_counter()
            process = subprocess.run(
                [sys.executable, __file__, "_steps", str(folder), str(warehouse), str(number), str(int(linking))],
                capture_output=True, text=True,
            )
            sys.stdout.write(process.stdout)
            if process.returncode:
                sys.stdout.write(process.stderr[-3000:])
            print(f"chunk {number}: {time.perf_counter() - started:.1f} s (traced)", flush=True)
            continue
        from vnrok_etl.merge_process import MERGES, merge_in_child

        files = {name: [str(folder / f"{name}.arrow")] for name in SCHEMAS}
        counts = merge_in_child(files, seen, warehouse, load, folder)
        stats = MERGES[-1]
        size = warehouse.stat().st_size / 2**20
        print(
            f"chunk {number}: {stats['seconds']:.1f} s ({stats.get('merge_seconds', 0):.1f} s merging),"
            f" peak RSS {stats.get('peak_rss_mb', 0):.0f} MB, articles +{counts.articles_new},"
            f" warehouse {size:.0f} MB, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def traced_merge(folder: Path, warehouse: Path, number: int, linking: bool = True) -> None:
    """One chunk's merge in this process, with the RSS and DuckDB's memory after each step;
    without `linking`, every new article is a story of its own (to tell linking's share)."""
    import pyarrow as pa

    from vnrok_etl import chunk_merge
    from vnrok_etl import warehouse as wh
    from vnrok_etl.runner import merge_here, new_load_info

    # What an experiment changes (the product's values otherwise).
    chunk_merge.MERGE_MEMORY = os.environ.get("MERGE_GROWTH_MEMORY", chunk_merge.MERGE_MEMORY)
    if "MERGE_GROWTH_FREQUENT_KEY" in os.environ:  # key_counts.FREQUENT_KEY
        from vnrok_etl import key_counts
        key_counts.FREQUENT_KEY = int(os.environ["MERGE_GROWTH_FREQUENT_KEY"])
    if "MERGE_GROWTH_THREADS" in os.environ:
        chunk_merge.MERGE_THREADS = int(os.environ["MERGE_GROWTH_THREADS"])
    from vnrok_etl.stage import SCHEMAS, spilled_load

    clock = time.perf_counter()

    def status_mb(field: str) -> float:
        """A memory field of /proc/self/status ("VmRSS:", "VmHWM:"), in MB (Linux; 0 elsewhere)."""
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
        return 0.0

    def rss() -> float:
        return status_mb("VmRSS:")

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def step_peak() -> float:
        """VmHWM: the peak RSS since the last reset_peak() (Linux), so each step shows its own."""
        return status_mb("VmHWM:")

    def reset_peak() -> None:
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM back to the RSS now

    def note(label: str, connection=None, before: float | None = None) -> None:
        duck = own = ""
        if connection is not None:
            used = connection.execute(
                "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY 2 DESC"
            ).fetchall()
            duck = " duckdb " + ", ".join(f"{tag} {size / 2**20:.0f}" for tag, size in used[:5])
        if before is not None:  # the step's own peak, and what it added to the RSS it started from
            own = f"  step peak {step_peak():6.0f} (+{step_peak() - before:.0f})"
        print(f"  {time.perf_counter() - clock:7.1f} s  rss {rss():6.0f}  peak {peak():6.0f}{own}  {label}{duck}", flush=True)

    def wrap(name: str) -> None:
        original = getattr(wh, name)

        def traced(connection, *args, **kwargs):
            started, cpu = time.perf_counter(), time.process_time()
            reset_peak()
            before = rss()
            result = original(connection, *args, **kwargs)
            sql = args[0] if args and isinstance(args[0], str) else name
            words = " ".join(sql.split()[:3]) if name == "_insert" else name
            note(f"{words} ({time.perf_counter() - started:.1f} s, CPU {time.process_time() - cpu:.1f} s)", connection, before)
            return result

        setattr(wh, name, traced)

    def own_stories(connection) -> dict[str, str]:
        ids = [row[0] for row in connection.execute(
            """SELECT article_id FROM stg_articles s
               WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id)"""
        ).fetchall()]
        table = pa.table({"article_id": ids, "duplicate_of": pa.nulls(len(ids), pa.string()), "story_id": ids})
        connection.register("stg_stories", table)
        connection.execute("CREATE OR REPLACE TEMP TABLE stg_new_articles AS SELECT * FROM stg_stories")
        connection.unregister("stg_stories")
        return {key: key for key in ids}

    if not linking:
        wh._link_stories = own_stories
    for name in ("_insert", "_link_stories", "run_checks", "_copies"):
        wrap(name)
    note("start")
    seen = json.loads((folder / "meta.json").read_text())["documents_seen"]
    staged = spilled_load({name: [str(folder / f"{name}.arrow")] for name in SCHEMAS}, seen)
    merge_here(staged, warehouse, new_load_info(chunk=number), folder)
    note("committed")


def main(argv: list[str]) -> int:
    if argv[:1] == ["_steps"]:
        traced_merge(Path(argv[1]), Path(argv[2]), int(argv[3]), argv[4:5] != ["0"])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    staging = commands.add_parser("stage", help="stage the corpus's chunks once")
    staging.add_argument("corpus", type=Path)
    staging.add_argument("out", type=Path)
    staging.add_argument("--chunk-size", type=int, default=10_000)
    staging.add_argument("--workers", type=int, default=1)
    staging.add_argument("--chunks", type=int, help="stage only the first N chunks")
    staging.add_argument("--first", type=int, default=1, help="begin at chunk N (e.g. the next chunk of a loaded warehouse)")
    merging = commands.add_parser("merge", help="replay the staged chunks' merges into a warehouse")
    merging.add_argument("staged", type=Path)
    merging.add_argument("warehouse", type=Path)
    merging.add_argument("--steps", action="store_true", help="RSS and DuckDB memory after each step")
    merging.add_argument("--chunks", help="which chunks, e.g. 3 or 1-5 (default all)")
    merging.add_argument("--no-linking", action="store_true", help="with --steps: every article its own story")
    args = parser.parse_args(argv)
    if args.command == "stage":
        stage(args.corpus, args.out, args.chunk_size, args.workers, args.chunks, args.first)
    else:
        merge(args.staged, args.warehouse, args.steps, args.chunks, not args.no_linking)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
