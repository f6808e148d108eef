"""Throughput, memory and scale-out of the ingest, measured on a generated corpus.

For each corpus size N it measures, each in a fresh process and into a fresh warehouse:

- floor: read every file, sha256 it, decode it and bulk-insert the raw text (Arrow, one
  transaction, batch by batch): what any ingest must pay, measured in the same run;
- plain: `runner.ingest_paths` (the library path, no Prefect);
- noop-plain: the same again over the loaded warehouse (every file known: a read and a hash);
- plain-mp: the library path with one worker process per core (`ingest_paths(workers=...)`);
- flow: the Prefect flow `flows.ingest.ingest` (its default task runner: Prefect's process pool
  from 4 batches on a machine with several cores, else its thread pool);
- noop-flow: the flow again over its loaded warehouse;
- flow-threads: the flow with `cluster="threads"` (the batch tasks in the flow's thread pool);
- dask-W: the flow with `cluster="local:W"` (prefect-dask LocalCluster, W worker processes);
- reprocess: the reprocess flow with `everything=True` over the warehouse `flow` loaded (every
  kept document re-run, chunk by chunk): its records digest must equal the fresh load's.

`--chunk-size N` passes N to every loading run (default: the product's, DEFAULT_CHUNK_SIZE).
`--keep-warehouse` loads into the warehouse already in the work folder (`wh-N-MODE.duckdb`)
instead of deleting it first: a stopped load resumed, or a re-run over a loaded warehouse,
measured like any other run.

Each run reports documents per second, the time per stage, its time over the floor's, the peak
RSS of the measuring process (`ru_maxrss`) and of its whole process tree (sampled, so Dask
workers count), each chunk's merge process (its peak RSS, as it measured it, and its seconds),
and the load average before it started. Runs are bounded by `--timeout`.
After each run but the floor, outside the timing, a digest of every row the warehouse's public
tables hold (but load ids and load times): the report says whether all modes of a size stored
the same records, which a faster path must.

    python benchmarks/run.py --sizes 1000,10000 --report benchmarks/results-latest.md
    python benchmarks/run.py --sizes 100000 --modes floor,plain --timeout 3600

Flow runs need a Prefect API: PREFECT_API_URL if set, else a server this command starts (about
30 s) and stops. `--profile` writes a pyinstrument profile of the plain path per size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import ensure_corpus  # noqa: E402

MODES = ("floor", "plain", "noop-plain", "plain-mp", "flow", "noop-flow", "flow-threads", "reprocess")
DEFAULT_MODES = "floor,plain,noop-plain,plain-mp,flow,noop-flow,flow-threads"
SAMPLE_SECONDS = 0.2
TIMELINE_SECONDS = 10.0


# ---------------------------------------------------------------- one measurement (child process)


def measure(
    mode: str, corpus: str, warehouse: str, cluster: str | None, profile: str | None, chunk_size: int | None = None
) -> dict:
    """Run one mode in this process; returns its wall seconds, stage seconds and counts.

    `corpus`: a folder, or several joined by os.pathsep (a corpus and the files added to it).
    """
    if mode == "floor":
        return measure_floor(corpus, warehouse)
    if mode in ("plain", "noop-plain", "plain-mp"):
        from vnrok_etl.runner import ingest_paths

        workers = (os.cpu_count() or 1) if mode == "plain-mp" else 1

        def call() -> dict:
            counts, seconds = ingest_paths(corpus.split(os.pathsep), warehouse, workers=workers, chunk_size=chunk_size)
            return {"counts": counts.as_dict(), "stages": seconds}
    elif mode == "reprocess":
        from flows import watched_run
        from flows.reprocess import reprocess

        def call() -> dict:
            with watched_run():
                result = reprocess(warehouse=warehouse, everything=True, cluster=cluster, chunk_size=chunk_size)
            stages = result.pop("seconds")
            result.pop("rejections", None)
            return {"counts": result, "stages": stages}
    else:
        from flows import watched_run
        from flows.ingest import ingest

        def call() -> dict:
            with watched_run():
                result = ingest(corpus.split(os.pathsep), warehouse=warehouse, cluster=cluster, chunk_size=chunk_size)
            stages = result.pop("seconds")
            result.pop("rejections", None)
            return {"counts": result, "stages": stages}

    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    outcome = call()
    outcome["seconds"] = time.perf_counter() - started
    outcome["cpu_before"] = cpu_before
    if profiler:
        profiler.stop()
        Path(profile).write_text(profiler.output_text(unicode=True, show_all=False))
    return outcome


def _cpu_seconds() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def measure_floor(corpus: str, warehouse: str) -> dict:
    """Read + sha256 + decode + bulk insert of the raw text, batch by batch, one transaction."""
    import hashlib

    import duckdb
    import pyarrow as pa

    from vnrok_etl.batching import plan_batches
    from vnrok_etl.sources import discover_paths

    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    files = discover_paths(corpus.split(os.pathsep))
    connection = duckdb.connect(warehouse)
    connection.execute("CREATE TABLE raw (source_uri VARCHAR, content_sha256 VARCHAR, text VARCHAR)")
    connection.execute("BEGIN TRANSACTION")
    for batch in plan_batches(files):
        uris, hashes, texts = [], [], []
        for path in batch:
            with open(path, "rb") as handle:
                content = handle.read()
            uris.append(path)
            hashes.append(hashlib.sha256(content).hexdigest())
            texts.append(content.decode("utf-8", errors="replace"))
        table = pa.table({"source_uri": uris, "content_sha256": hashes, "text": texts})
        connection.register("raw_arrow", table)
        connection.execute("INSERT INTO raw SELECT * FROM raw_arrow")
        connection.unregister("raw_arrow")
    connection.execute("COMMIT")
    rows = connection.execute("SELECT count(*) FROM raw").fetchone()[0]
    connection.close()
    return {
        "counts": {"documents_seen": rows}, "stages": {}, "seconds": time.perf_counter() - started,
        "cpu_before": cpu_before,
    }


def child_main(args: argparse.Namespace) -> int:
    if args.merge_log:  # each merge process's seconds and peak RSS as it ends: a long run's progress
        import logging

        handler = logging.FileHandler(args.merge_log)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        stats = logging.getLogger("vnrok_etl.merge_process")
        stats.addHandler(handler)
        stats.setLevel(logging.INFO)
    outcome = measure(args.mode, args.corpus, args.warehouse, args.cluster, args.profile, args.chunk_size)
    outcome["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU seconds of this process and of the worker processes it waited for: on a shared
    # machine, CPU per document is steadier than wall time.
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    outcome["cpu_seconds"] = sum(u.ru_utime + u.ru_stime for u in usage) - outcome.pop("cpu_before", 0.0)
    if args.mode != "floor":
        outcome["records"] = records_digest(args.warehouse)
        from vnrok_etl.merge_process import MERGES

        # Each chunk's merge process: its seconds and peak RSS (not in this process's ru_maxrss).
        outcome["merges"] = MERGES
    print("RESULT " + json.dumps(outcome, default=str), flush=True)
    return 0


# Columns that differ between two loads of the same files: which load, and when.
PER_LOAD_COLUMNS = {
    "article_sources": ("first_seen_at",), "rejections": ("rejected_at",), "raw_documents": ("first_seen_at",),
    "document_sightings": ("first_seen_at",),
}
# History of the warehouse, not rows made from the documents: ids a reprocess retired.
HISTORY_TABLES = ("retired_articles",)


def records_digest(warehouse: str) -> str:
    """A digest of the rows of the public tables (all but `loads`, the history tables and
    internal `_` ones, read from the catalog), whatever their order, but per-load columns."""
    import hashlib

    from vnrok_etl.warehouse import connect

    parts = []
    with connect(warehouse, read_only=True) as connection:
        tables = connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary AND schema_name = 'main'"
            " AND table_name NOT LIKE '\\_%' ESCAPE '\\' AND table_name <> 'loads' ORDER BY table_name"
        ).fetchall()
        for (table,) in tables:
            if table in HISTORY_TABLES:
                continue
            excluded = ", ".join(("load_id", *PER_LOAD_COLUMNS.get(table, ())))
            parts.append(connection.execute(
                f"SELECT '{table}', count(*), coalesce(sum(hash(t)::HUGEINT), 0)"
                f" FROM (SELECT * EXCLUDE ({excluded}) FROM {table}) t"
            ).fetchall())
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


# ---------------------------------------------------------------- orchestration (parent process)


def run_child(
    mode: str, corpus: Path, warehouse: Path, env: dict[str, str], timeout: float,
    cluster: str | None = None, profile: Path | None = None, chunk_size: int | None = None,
) -> dict:
    """One measurement in a fresh process, its process tree's RSS sampled while it runs."""
    command = [
        # As a module (-m), so Prefect's process pool may re-import it: what `vnrok-etl` gets.
        sys.executable, "-m", "benchmarks.run", "_measure", mode,
        "--corpus", str(corpus), "--warehouse", str(warehouse),
    ]
    if cluster:
        command += ["--cluster", cluster]
    if profile:
        command += ["--profile", str(profile)]
    if chunk_size:
        command += ["--chunk-size", str(chunk_size)]
    command += ["--merge-log", str(warehouse.with_name(f"{warehouse.stem}-{mode}-merges.log"))]
    load_before = os.getloadavg()
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        tree_peak, timeline = sample_until_exit(process, started + timeout)
        timed_out = process.returncode is None
        if timed_out:
            stop_tree(process)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    record: dict = {
        "mode": mode, "cluster": cluster, "load_before": [round(x, 2) for x in load_before],
        "process_seconds": round(time.perf_counter() - started, 2),
        "tree_peak_mb": round(tree_peak, 1) if tree_peak else None,
        "rss_timeline": timeline,
    }
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    if timed_out:
        record["status"] = f"timeout after {timeout:.0f} s"
    elif process.returncode != 0 or not lines:
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        record["status"] = f"failed (exit {process.returncode}): {last[:300]}"
        record["stderr"] = stderr[-4000:]
    else:
        record["status"] = "ok"
        record |= json.loads(lines[-1][len("RESULT "):])
    return record


def sample_until_exit(process: subprocess.Popen, deadline: float) -> tuple[float | None, list[list[float]]]:
    """Wait for the process; the peak summed RSS of it and its descendants (MB), if psutil is here,
    and every TIMELINE_SECONDS [seconds, its own RSS, the tree's, the largest one process's] (MB):
    whether memory grows as the load goes on, chunk after chunk."""
    try:
        import psutil
    except ImportError:
        psutil = None
    peak = 0.0
    timeline: list[list[float]] = []
    window = [0.0, 0.0, 0.0]  # peaks since the last timeline point: own, tree, largest other
    started = time.perf_counter()
    root = psutil.Process(process.pid) if psutil else None
    while process.poll() is None and time.perf_counter() < deadline:
        if root is not None:
            try:
                members = [root, *root.children(recursive=True)]
                sizes = []
                for member in members:
                    try:
                        sizes.append(member.memory_info().rss / 2**20)
                    except psutil.Error:
                        sizes.append(0.0)
                peak = max(peak, sum(sizes))
                window = [max(window[0], sizes[0]), max(window[1], sum(sizes)), max(window[2], max(sizes[1:], default=0.0))]
            except psutil.Error:
                pass
        elapsed = time.perf_counter() - started
        if elapsed >= TIMELINE_SECONDS * (len(timeline) + 1):
            timeline.append([round(elapsed), *(round(value) for value in window)])
            window = [0.0, 0.0, 0.0]
        time.sleep(SAMPLE_SECONDS)
    return (peak if root is not None else None), timeline


def stop_tree(process: subprocess.Popen) -> None:
    """Stop a timed-out measurement and whatever it started (Dask workers), by process id."""
    try:
        import psutil

        children = psutil.Process(process.pid).children(recursive=True)
    except Exception:  # noqa: BLE001 - best effort: psutil missing or the process gone
        children = []
    process.kill()
    for child in children:
        try:
            child.kill()
        except Exception:  # noqa: BLE001
            pass
    process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_prefect_server(home: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """A Prefect server for the flow runs (a temporary one per process would cost 10-30 s each)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    prefect = Path(sys.executable).with_name("prefect")
    log = open(home / "server.log", "w")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env | {"PREFECT_UI_ENABLED": "false"},
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"prefect server exited; see {home / 'server.log'}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(1)
    process.terminate()
    raise SystemExit("prefect server did not answer /api/health within 180 s")


def base_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(work / "prefect-home"))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    env.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE", "200")
    env.pop("VNROK_WAREHOUSE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def machine() -> dict[str, object]:
    memory = None
    try:
        with open("/proc/meminfo") as handle:
            memory = round(int(handle.readline().split()[1]) / 2**20, 1)
    except OSError:
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(), "cpu": cpu, "memory_gb": memory, "python": platform.python_version(),
        "platform": platform.platform(),
    }


def report(rows: list[dict], info: dict) -> str:
    """The results as a markdown table, times over the floor of the same size."""
    lines = [
        f"Machine: {info['machine']['cpus']} CPUs ({info['machine']['cpu']}), "
        f"{info['machine']['memory_gb']} GB, Python {info['machine']['python']}, {info['machine']['platform']}. "
        f"Run started {info['started']} UTC, seed {info['seed']}.",
        "",
        "| N | mode | status | seconds | docs/s | × floor | CPU ms/doc | articles new | read+decode | clean "
        "| extract | stage | merge | RSS peak MB (process / tree) | load avg before |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    floors = {row["n"]: row["seconds"] for row in rows if row["mode"] == "floor" and row["status"] == "ok"}
    for row in rows:
        ok = row["status"] == "ok"
        seconds = row.get("seconds")
        stages = row.get("stages") or {}
        counts = row.get("counts") or {}
        floor = floors.get(row["n"])
        label = row["mode"] if not row.get("cluster") else f"{row['mode']} ({row['cluster']})"

        def cell(name: str) -> str:
            return f"{stages[name]:.1f}" if name in stages else ""

        read = (
            f"{stages.get('read', 0) + stages.get('decode', 0):.1f}" if "read" in stages else ""
        )
        rss = f"{row.get('maxrss_mb', 0):.0f} / {row['tree_peak_mb'] or 0:.0f}" if ok else ""
        cpu = f"{1000 * row['cpu_seconds'] / row['n']:.1f}" if ok and "cpu_seconds" in row else ""
        ratio = f"{seconds / floor:.1f}" if ok and seconds and floor else ""
        lines.append(
            f"| {row['n']:,} | {label} | {row['status'][:60]} | {seconds:.2f} | {row['n'] / seconds:,.0f} "
            f"| {ratio} | {cpu} | {counts.get('articles_new', '')} | {read} | {cell('clean')} "
            f"| {cell('extract')} | {cell('stage')} | {cell('merge')} | {rss} | {row['load_before'][0]} |"
            if ok and seconds else
            f"| {row['n']:,} | {label} | {row['status'][:80].replace('|', '/')} | | | | | | | | | | | | {row['load_before'][0]} |"
        )
    lines.append("")
    for row in rows:
        merges = row.get("merges") or []
        if merges:
            peaks = ", ".join(f"{merge.get('peak_rss_mb', 0):.0f}" for merge in merges)
            seconds = ", ".join(f"{merge['seconds']:.0f}" for merge in merges)
            lines.append(
                f"Merge processes of {row['mode']} at {row['n']:,} ({len(merges)}): peak RSS {peaks} MB;"
                f" seconds {seconds}."
            )
    lines.append("")
    for n in sorted({row["n"] for row in rows}):
        digests = {row["mode"]: row["records"] for row in rows if row["n"] == n and row.get("records")}
        if len(set(digests.values())) == 1:
            lines.append(f"Records at {n:,}: every loading mode stored the same rows (digest {next(iter(digests.values()))}).")
        elif digests:
            listed = ", ".join(f"{mode} {digest}" for mode, digest in digests.items())
            lines.append(f"Records at {n:,}: THE MODES STORED DIFFERENT ROWS: {listed}.")
    return "\n".join(lines) + "\n"


def parent_main(args: argparse.Namespace) -> int:
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = base_env(work)
    Path(env["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    unknown = [mode for mode in modes if mode not in MODES]
    if unknown:
        raise SystemExit(f"unknown mode(s) {unknown}; choose from {', '.join(MODES)}")
    workers = [int(w) for w in args.dask_workers.split(",") if w.strip()] if args.dask_workers else []
    sizes = [int(size) for size in args.sizes.split(",")]
    needs_flow = any(mode in ("flow", "noop-flow", "flow-threads", "reprocess") for mode in modes) or workers
    server = None
    if needs_flow and not env.get("PREFECT_API_URL"):
        server, env["PREFECT_API_URL"] = start_prefect_server(Path(env["PREFECT_HOME"]), env)
        print(f"prefect server at {env['PREFECT_API_URL']}", flush=True)
    info = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "seed": args.seed}
    rows: list[dict] = []
    results = work / "results.jsonl"
    try:
        for n in sizes:
            corpus = work / f"corpus-{n}-seed{args.seed}"
            built = ensure_corpus(corpus, n, args.seed)
            print(f"N={n}: corpus {corpus} ({built.bytes / 2**20:.0f} MB, generated in {built.seconds} s)", flush=True)
            loaded: set[Path] = set()
            plan = [(mode, "threads" if mode == "flow-threads" else None) for mode in modes]
            plan += [("dask", f"local:{w}") for w in workers]
            for mode, cluster in plan:
                stem = f"dask-{cluster.split(':')[1]}" if mode == "dask" else mode
                family = "flow" if mode == "reprocess" else stem.removeprefix("noop-")
                reuses = mode.startswith("noop") or mode == "reprocess"  # runs over what its family loaded
                warehouse = work / f"wh-{n}-{family}.duckdb"
                if mode == "noop-plain" and "plain" not in modes:
                    warehouse = work / f"wh-{n}-plain-mp.duckdb"  # re-run what plain-mp loaded
                if reuses and args.keep_warehouse and warehouse.exists():
                    loaded.add(warehouse)  # a re-run over a warehouse loaded before this command
                if not reuses and not args.keep_warehouse:
                    for leftover in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
                        # a fresh warehouse for every loading run
                        leftover.unlink(missing_ok=True)
                profile = work / f"profile-{n}-{stem}.txt" if args.profile and mode == "plain" else None
                if reuses and warehouse not in loaded:
                    # a re-run over a load that did not finish would be a full load, not a no-op
                    row = {"mode": mode, "cluster": None, "status": "skipped: no finished load to re-run",
                           "load_before": [round(x, 2) for x in os.getloadavg()]}
                else:
                    row = run_child(
                        "flow" if cluster else mode, corpus, warehouse, env, args.timeout, cluster, profile,
                        args.chunk_size,
                    )
                if row["status"] == "ok" and not reuses:
                    loaded.add(warehouse)
                row["mode"] = stem
                row["n"] = n
                rows.append(row)
                with results.open("a") as handle:
                    handle.write(json.dumps(row | {"info": info}, default=str) + "\n")
                shown = f"{row['seconds']:.2f} s" if row["status"] == "ok" else row["status"][:200]
                print(f"  {row['mode']:<11} {shown}  rss {row.get('maxrss_mb', 0):.0f} MB", flush=True)
            if args.clean:
                shutil.rmtree(corpus, ignore_errors=True)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    text = report(rows, info)
    if args.report:
        args.report.write_text(text)
    print(text)
    return 0 if all(row["status"] == "ok" for row in rows) else 1


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_measure"]:
        child = argparse.ArgumentParser(prog="run.py _measure")
        child.add_argument("mode", choices=MODES)
        child.add_argument("--corpus", required=True)
        child.add_argument("--warehouse", required=True)
        child.add_argument("--cluster")
        child.add_argument("--profile")
        child.add_argument("--chunk-size", type=int)
        child.add_argument("--merge-log")
        return child_main(child.parse_args(argv[1:]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes (default 1000,10000,100000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--modes", default=DEFAULT_MODES, help=f"comma-separated, from {', '.join(MODES)}")
    parser.add_argument("--dask-workers", default="", help="also run the flow on a LocalCluster of W workers, e.g. 1,2")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per run (default 1800)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vnrok-bench",
                        help="folder for corpora, warehouses and results.jsonl")
    parser.add_argument("--report", type=Path, help="write the markdown table here")
    parser.add_argument("--profile", action="store_true", help="pyinstrument profile of each plain run")
    parser.add_argument("--clean", action="store_true", help="delete each corpus after its runs")
    parser.add_argument("--chunk-size", type=int, help="documents per chunk for every loading run")
    parser.add_argument(
        "--keep-warehouse", action="store_true",
        help="load into the work folder's warehouse as it is (resume a stopped load, re-run over a"
             " loaded one) instead of a fresh one",
    )
    return parent_main(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
