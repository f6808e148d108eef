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


def ingest(corpus: Path, warehouse: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--warehouse", str(warehouse)],
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
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vnrok-soak")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)
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
        print(f"uninterrupted: {duration:.1f} s, digest {expected}")

        warehouse = args.work / "soaked.duckdb"
        warehouse.unlink(missing_ok=True)
        for number in range(1, args.runs + 1):
            env = run_env(args.work, api_url, f"run{number}")
            process = ingest(corpus, warehouse, env)
            at = rng.uniform(0.05, 0.95) * duration
            signum = rng.choice(SIGNALS)
            seen: dict[int, psutil.Process] = {}
            deadline = time.monotonic() + at
            while time.monotonic() < deadline and process.poll() is None:
                seen.update((child.pid, child) for child in descendants(process))
                time.sleep(0.05)
            seen.update((child.pid, child) for child in descendants(process))
            ended_before = process.poll() is not None
            if not ended_before:
                process.send_signal(signum)
            process.wait()
            _, alive = psutil.wait_procs(list(seen.values()), timeout=GONE_SECONDS)
            alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
            what = "finished first" if ended_before else f"{signal.Signals(signum).name} at {at:.1f} s"
            print(f"run {number:2d}: {what}, exit {process.returncode}, {len(seen)} process(es) started,"
                  f" {len(alive)} alive {GONE_SECONDS:.0f} s later")
            if alive:
                failures += 1
                for leftover in alive:
                    leftover.kill()

        final = ingest(corpus, warehouse, run_env(args.work, api_url, "final"))
        _, stderr = final.communicate()
        digest = records_digest(str(warehouse)) if final.returncode == 0 else None
        staging = sorted((args.work / "tmp").glob("vnrok-stage-*"))
        print(f"clean run: exit {final.returncode}, digest {digest} (expected {expected}), staging left: {len(staging)}")
        if final.returncode != 0:
            print(stderr[-2000:])
        failures += int(digest != expected) + len(staging)
    finally:
        if server is not None:
            from flows.server import stop_process

            stop_process(server)
    print("PASS" if failures == 0 else f"FAIL ({failures})")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
