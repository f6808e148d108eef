"""Soak: runs killed at random points leave nothing behind, and the next clean run ends right.

    .venv/bin/python benchmarks/soak_kill.py [--runs 20] [--size 3000] [--seed 1] [--temporary-server]

Builds a corpus (benchmarks/corpus.py), measures one uninterrupted `vnrok-etl ingest` into a
fresh warehouse (its records digest and duration T), then, into another warehouse, starts the
CLI `--runs` times and ends each at a random point in [0.05 T, 0.95 T] with SIGKILL, SIGTERM or SIGINT
(chosen at random), checking after each that no process the run started is alive 10 s later.
Then one clean run: its digest must equal the uninterrupted one, and the run's temporary folder
must hold no staging folder. Each run has its own TMPDIR under the work folder, so staging left
behind is seen, not mixed with other programs'.

The runs use a Prefect server started for the soak (`vnrok-etl server`: no server start per
run, and its services reclaim the writer slot of a run killed while merging); with
`--temporary-server` each run starts its own temporary server instead, as `vnrok-etl ingest` does
on a machine without one (10–30 s each), so that its death is tested too. Prints one line per
run and a verdict; exits 1 on any process left, staging left or digest mismatch.

With `--at 0.1,0.5,0.9` (issue 18's measurement), each fraction gets a warehouse of its own: one
run SIGKILLed at that fraction of T, then one clean run, whose digest must equal the
uninterrupted one; `--corpus DIR` takes an existing corpus (e.g. the 100k one) instead of
building one:

    .venv/bin/python benchmarks/soak_kill.py --corpus /work/bench/c100k --at 0.1,0.5,0.9 --work /work/bench/soak100k

A fraction of the uninterrupted run's time is a point of progress only when the machine is as busy
as it was during that run. `--after-merges 9` (one or more counts) defines the point by progress
instead: the run is SIGKILLed once that many chunk merges have ended (each chunk is merged by a
`vnrok_etl.merge_process` child, seen among the run's processes) and half the mean time per chunk
more has passed, so in the middle of the next chunk's processing. With 10 chunks, 9 is "at 90 %"
whatever the load.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from corpus import ensure_corpus  # noqa: E402
from run import records_digest  # noqa: E402

CLI = [sys.executable, "-m", "vnrok_etl.cli"]
SIGNALS = (signal.SIGKILL, signal.SIGTERM, signal.SIGINT)
GONE_SECONDS = 10.0


CHUNK_SIZE: list[str] = []  # ["--chunk-size", "N"] when given, for every run


def ingest(corpus: Path, warehouse: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--warehouse", str(warehouse), *CHUNK_SIZE],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def run_env(work: Path, api_url: str | None, name: str) -> dict[str, str]:
    scratch = work / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TMPDIR=str(scratch), PREFECT_LOGGING_LEVEL="ERROR", VNROK_PREFECT_PORT="0")
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    else:
        env["PREFECT_HOME"] = str(work / f"prefect-{name}")
    return env


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def descendants(process: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(process.pid).children(recursive=True)
    except psutil.Error:
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--size", type=int, default=3000, help="corpus size (default 3000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--temporary-server", action="store_true", help="each run starts its own Prefect server")
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder (default: build --size documents)")
    parser.add_argument("--at", type=lambda text: [float(part) for part in text.split(",")],
                        help="fractions of the uninterrupted run's time: one SIGKILL and one clean run each")
    parser.add_argument("--after-merges", type=lambda text: [int(part) for part in text.split(",")],
                        help="chunk merges ended before the SIGKILL (9 of 10 chunks: 90 %%): one kill and one clean run each")
    parser.add_argument("--expected", help="with --after-merges: the uninterrupted run's records digest, known from an earlier run"
                        " (e.g. run.py's on the same corpus): no reference run")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vnrok-soak")
    parser.add_argument("--chunk-size", type=int, help="documents per chunk for every run (default: the CLI's)")
    args = parser.parse_args(argv)
    if args.chunk_size:
        CHUNK_SIZE[:] = ["--chunk-size", str(args.chunk_size)]
    rng = random.Random(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.corpus:
        corpus = args.corpus
    else:
        corpus = args.work / f"corpus-{args.size}"
        ensure_corpus(corpus, args.size, 7)

    server = None
    api_url = None
    if not args.temporary_server:
        # A real server, as `vnrok-etl server` runs it: its services reclaim the warehouse slot
        # of a run killed while merging (Prefect's test harness runs no such service).
        port = free_port()
        api_url = f"http://127.0.0.1:{port}/api"
        env = dict(os.environ, PREFECT_HOME=str(args.work / "prefect-server"), VNROK_PREFECT_PORT="0")
        server = subprocess.Popen([*CLI, "server", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        from flows.server import wait_until_up

        if not wait_until_up(api_url, 180, server.poll):
            print("the Prefect server did not start")
            return 1
    failures = 0
    try:
        if args.expected and args.after_merges:
            expected, duration = args.expected, float("nan")
            print(f"uninterrupted: not run, digest {expected} given", flush=True)
        else:
            reference = args.work / "reference.duckdb"
            reference.unlink(missing_ok=True)
            started = time.monotonic()
            clean = ingest(corpus, reference, run_env(args.work, api_url, "reference"))
            _, stderr = clean.communicate()
            duration = time.monotonic() - started
            if clean.returncode != 0:
                print(stderr[-2000:])
                return 1
            expected = records_digest(str(reference))
            print(f"uninterrupted: {duration:.1f} s, digest {expected}, loads {load_statuses(reference)}", flush=True)

        if args.at:
            for fraction in args.at:
                warehouse = args.work / f"killed-at-{fraction:g}.duckdb"
                warehouse.unlink(missing_ok=True)
                line, alive = end_run(corpus, warehouse, run_env(args.work, api_url, f"at{fraction:g}"),
                                      fraction * duration, signal.SIGKILL)
                print(f"killed at {fraction:.0%}: {line}; loads then {load_statuses(warehouse)}", flush=True)
                failures += alive + clean_run(corpus, warehouse, run_env(args.work, api_url, f"after{fraction:g}"),
                                              expected, args.work)
        elif args.after_merges:
            for merges in args.after_merges:
                warehouse = args.work / f"killed-after-{merges}-merges.duckdb"
                warehouse.unlink(missing_ok=True)
                line, alive = end_run(corpus, warehouse, run_env(args.work, api_url, f"merges{merges}"),
                                      duration, signal.SIGKILL, after_merges=merges)
                print(f"killed after {merges} merge(s): {line}; loads then {load_statuses(warehouse)}", flush=True)
                failures += alive + clean_run(corpus, warehouse, run_env(args.work, api_url, f"after-merges{merges}"),
                                              expected, args.work)
        else:
            warehouse = args.work / "soaked.duckdb"
            warehouse.unlink(missing_ok=True)
            for number in range(1, args.runs + 1):
                at = rng.uniform(0.05, 0.95) * duration
                signum = rng.choice(SIGNALS)
                line, alive = end_run(corpus, warehouse, run_env(args.work, api_url, f"run{number}"), at, signum)
                print(f"run {number:2d}: {line}", flush=True)
                failures += alive
            failures += clean_run(corpus, warehouse, run_env(args.work, api_url, "final"), expected, args.work)
    finally:
        if server is not None:
            from flows.server import stop_process

            stop_process(server)
    return finish(failures)


def finish(failures: int) -> int:
    print("PASS" if failures == 0 else f"FAIL ({failures})", flush=True)
    return 0 if failures == 0 else 1


def end_run(
    corpus: Path, warehouse: Path, env: dict[str, str], at: float, signum: int, after_merges: int | None = None
) -> tuple[str, int]:
    """Start an ingest, end it with `signum` `at` seconds in (unless it ends first), or, with
    `after_merges`, half a chunk's mean time after that many chunk merges ended; a line saying how
    it ended, and how many of the processes it started were still alive GONE_SECONDS later."""
    started = time.monotonic()
    process = ingest(corpus, warehouse, env)
    seen: dict[int, psutil.Process] = {}
    deadline = started + (at if after_merges is None else float("inf"))
    while time.monotonic() < deadline and process.poll() is None:
        seen.update((child.pid, child) for child in descendants(process))
        if after_merges is not None and deadline == float("inf"):
            ended = [merge for merge in seen.values() if is_merge(merge) and not merge.is_running()]
            if len(ended) >= after_merges:
                now = time.monotonic()
                deadline = now + (now - started) / after_merges / 2
                at = deadline - started
        time.sleep(0.05)
    seen.update((child.pid, child) for child in descendants(process))
    ended_before = process.poll() is not None
    if not ended_before:
        process.send_signal(signum)
    process.wait()
    _, alive = psutil.wait_procs(list(seen.values()), timeout=GONE_SECONDS)
    alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    for leftover in alive:
        leftover.kill()
    what = "finished first" if ended_before else f"{signal.Signals(signum).name} at {at:.1f} s"
    return (f"{what}, exit {process.returncode}, {len(seen)} process(es) started,"
            f" {len(alive)} alive {GONE_SECONDS:.0f} s later"), len(alive)


def is_merge(process: psutil.Process) -> bool:
    """Whether `process` is a chunk's merge process (its command line, remembered when first seen)."""
    if not hasattr(process, "merge"):
        try:
            process.merge = "vnrok_etl.merge_process" in " ".join(process.cmdline())
        except psutil.Error:
            process.merge = False
    return process.merge


def clean_run(corpus: Path, warehouse: Path, env: dict[str, str], expected: str, work: Path) -> int:
    """One run to the end; 0 when its digest is `expected` and no staging folder is left, else 1+."""
    started = time.monotonic()
    final = ingest(corpus, warehouse, env)
    _, stderr = final.communicate()
    digest = records_digest(str(warehouse)) if final.returncode == 0 else None
    staging = sorted((work / "tmp").glob("vnrok-stage-*"))
    print(f"clean run: exit {final.returncode} after {time.monotonic() - started:.1f} s, digest {digest}"
          f" (expected {expected}), staging left: {len(staging)}", flush=True)
    if final.returncode != 0:
        print(stderr[-2000:])
    return int(digest != expected) + len(staging)


def load_statuses(warehouse: Path) -> str:
    """The loads rows a killed run left, counted by status (how far it got)."""
    from vnrok_etl.warehouse import connect

    try:
        with connect(str(warehouse), read_only=True) as connection:
            rows = connection.execute("SELECT status, count(*) FROM loads GROUP BY status ORDER BY status").fetchall()
    except Exception as error:  # noqa: BLE001 - a warehouse the kill left unopenable is itself the finding
        return f"unreadable ({error})"
    return ", ".join(f"{count} {status}" for status, count in rows) or "none"


if __name__ == "__main__":
    raise SystemExit(main())
