"""A run that dies leaves nothing behind: no process, no temporary server, no staging folder.

Real processes, real signals: `vnrok-etl ingest` runs as a child of the test with its own
temporary folder (TMPDIR) and, where the test says so, its own temporary Prefect server; the test
waits until the run's worker processes exist, then kills or stops the CLI the way cron, systemd,
CI time-outs and the out-of-memory killer do, and looks at what is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from test_faults import write_corpus
from vnrok_etl.staging_area import PREFIX, remove_dead_staging, staging_folder

CLI = [sys.executable, "-m", "vnrok_etl.cli"]
CORPUS_SIZE = 1200
BATCH_SIZE = 40  # 30 batches on a 2-process pool: the run is mid-way for seconds
GONE_SECONDS = 10.0
STOP_SECONDS = 5.0


def _environment(tmp_path: Path, api_url: str | None) -> dict[str, str]:
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(scratch), PREFECT_LOGGING_LEVEL="WARNING", VNROK_PREFECT_PORT="0")
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    else:
        env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # a temporary server of the run's own
    return env


def _start_ingest(tmp_path: Path, api_url: str | None) -> tuple[subprocess.Popen, Path]:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        write_corpus(corpus, CORPUS_SIZE)
    warehouse = tmp_path / "w.duckdb"
    process = subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--warehouse", str(warehouse), "--cluster", "processes:2",
         "--batch-size", str(BATCH_SIZE)],
        env=_environment(tmp_path, api_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    return process, warehouse


def _wait_for_workers(
    process: subprocess.Popen, tmp_path: Path, workers: int = 2, timeout: float = 180.0
) -> list[psutil.Process]:
    """The CLI's descendants once its pool workers run (their command line names multiprocessing)
    and have staged a batch: mid-run, past their start-up (a worker learns whom to die with as
    it starts, after its imports; on a loaded machine those take seconds)."""
    deadline = time.monotonic() + timeout
    parent = psutil.Process(process.pid)
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the run ended before its workers worked: {process.communicate()}"
        descendants = parent.children(recursive=True)
        running = sum("multiprocessing" in " ".join(_cmdline(child)) for child in descendants) >= workers
        staged = any(path.stat().st_size for folder in _staging_folders(tmp_path) for path in folder.glob("*.arrow"))
        if running and staged:
            return descendants
        time.sleep(0.05)
    raise AssertionError("the run's pool workers never started")


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def _alive(processes: list[psutil.Process], within: float) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(processes, timeout=within)
    return [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def _staging_folders(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "tmp").glob(f"{PREFIX}*"))


def test_a_killed_run_leaves_no_process_and_the_next_run_removes_its_staging(tmp_path: Path, prefect_server: str):
    process, warehouse = _start_ingest(tmp_path, api_url=None)
    descendants = _wait_for_workers(process, tmp_path)
    assert any("uvicorn" in _cmdline(child) for child in descendants), "the run has its temporary server"
    assert _staging_folders(tmp_path), "the run stages in its own folder"
    process.kill()
    process.wait()
    left = _alive(descendants, within=GONE_SECONDS)
    assert left == [], f"still running {GONE_SECONDS:.0f} s after SIGKILL: {[_cmdline(p) for p in left]}"

    # The next run (on the test server, to save a second temporary server's start) removes the
    # dead run's staging, says so, loads everything, and leaves the temporary folder as it found it.
    rerun = subprocess.run(
        [*CLI, "ingest", str(tmp_path / "corpus"), "--warehouse", str(warehouse)],
        env=_environment(tmp_path, prefect_server), capture_output=True, text=True, timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "no longer alive" in rerun.stderr
    assert _staging_folders(tmp_path) == []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM article_sources").fetchone()[0] == CORPUS_SIZE


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_run_cleanly_within_seconds(tmp_path: Path, prefect_server: str, signum: int):
    process, warehouse = _start_ingest(tmp_path, api_url=prefect_server)
    descendants = _wait_for_workers(process, tmp_path)
    stopped_at = time.monotonic()
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    took = time.monotonic() - stopped_at
    name = signal.Signals(signum).name
    assert process.returncode == 128 + signum
    assert took < STOP_SECONDS, f"stopping took {took:.1f} s"
    assert _alive(descendants, within=1.0) == []
    assert _staging_folders(tmp_path) == []
    lines = [line for line in stderr.splitlines() if line.strip() and "ingesting" not in line]
    assert lines == [f"vnrok-etl: stopped by {name}; the warehouse is unchanged by the unfinished load"], stderr
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("SELECT status, error FROM loads").fetchall() == [
            ("interrupted", f"interrupted by {name}")
        ]
        assert connection.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 0


def test_staging_of_dead_runs_is_removed_and_a_live_runs_is_not(tmp_path: Path):
    notices: list[str] = []
    dead = tmp_path / f"{PREFIX}dead"
    dead.mkdir()
    (dead / "lock").write_text("12345\n")
    (dead / "stg_articles.arrow").write_bytes(b"x" * 1000)
    # A folder without a lock: being created, or staged by a version that did not lock (its run may
    # still be alive). Left alone, unless untouched for a day.
    unlocked = tmp_path / f"{PREFIX}unlocked"
    unlocked.mkdir()
    (unlocked / "stg_articles.arrow").write_bytes(b"x")
    forgotten = tmp_path / f"{PREFIX}forgotten"
    forgotten.mkdir()
    (forgotten / "stg_articles.arrow").write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (forgotten / "stg_articles.arrow", forgotten):
        os.utime(path, (two_days_ago, two_days_ago))
    with staging_folder("live", parent=tmp_path, on_notice=notices.append) as live:
        assert live == tmp_path / f"{PREFIX}live" and live.is_dir()
        assert not dead.exists() and not forgotten.exists()
        assert unlocked.is_dir()
        assert notices == ["removed the staging of 2 run(s) no longer alive (0.0 MB)"]
        assert remove_dead_staging(tmp_path) == []  # its own lock is held: never removed
        # another process sees the lock held too
        probe = subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; from vnrok_etl.staging_area import "
             "remove_dead_staging; print(len(remove_dead_staging(Path(sys.argv[1]))))", str(tmp_path)],
            capture_output=True, text=True, check=True,
        )
        assert probe.stdout.strip() == "0" and live.is_dir()
    assert not live.exists()
