"""Scheduling without a server: inbox discovery, the local-server probe, clear CLI errors,
concurrent writers, and the worker deployment (prefect.yaml) agreeing with the served one.

The real server, serving and triggering are in test_server_e2e.py. Tests that import flows/
ask for the session's Prefect test server first: importing flows sets the project's Prefect
defaults in the environment, and a test server started after that would inherit them (the
task-run recorder's batch of 200 delays task runs that tests/test_flow.py reads at once).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import ROOT, SEEDS

VNROK = str(Path(sys.executable).with_name("vnrok-etl"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def isolated_env(**extra: str) -> dict[str, str]:
    """This environment without a Prefect server, plus `extra`."""
    env = {name: value for name, value in os.environ.items() if name not in ("PREFECT_API_URL", "VNROK_WAREHOUSE")}
    return env | {"VNROK_PREFECT_PORT": str(free_port())} | extra


def test_inbox_discovery_waits_for_files_being_written(tmp_path):
    from vnrok_etl.sources import discover_paths

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    now = time.time()
    for name in ("settled.txt", "download.html.part", "copy.tmp", "~$draft.txt", ".hidden.txt"):
        (inbox / name).write_text("Hanoi (VNA) - text")
        os.utime(inbox / name, (now - 600, now - 600))
    (inbox / "arriving.txt").write_text("Hanoi (VNA) - half a")  # modified just now

    assert discover_paths([inbox], settled_before=now - 30) == [str(inbox / "settled.txt")]
    # Without a settle time only the temporary names are skipped; a file named directly is
    # always taken, whatever its name or age.
    assert discover_paths([inbox]) == [str(inbox / "arriving.txt"), str(inbox / "settled.txt")]
    assert discover_paths([inbox / "copy.tmp"], settled_before=now - 30) == [str(inbox / "copy.tmp")]


def test_without_a_local_server_flows_stay_embedded_and_the_probe_is_quick(prefect_server):
    from flows import local_server_url, probe_server, server_is_up

    url = local_server_url(free_port())
    started = time.perf_counter()
    assert not server_is_up(url)
    assert time.perf_counter() - started < 0.5

    with socket.socket() as silent:  # listening, never answering: a server too busy to reply
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        started = time.perf_counter()
        assert probe_server(local_server_url(silent.getsockname()[1])) is None
        assert time.perf_counter() - started < 1.0

    script = "import os, flows; print(os.environ.get('PREFECT_API_URL'))"
    for env in (isolated_env(), isolated_env(VNROK_PREFECT_PORT="0")):
        shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=ROOT)
        assert shown.stdout.strip() == "None", shown.stderr
    chosen = isolated_env(PREFECT_API_URL="http://127.0.0.1:9/api")
    shown = subprocess.run([sys.executable, "-c", script], env=chosen, capture_output=True, text=True, cwd=ROOT)
    assert shown.stdout.strip() == "http://127.0.0.1:9/api"  # an explicit choice is never overridden


def test_serve_explains_a_missing_inbox_and_a_missing_server(tmp_path):
    missing = subprocess.run(
        [VNROK, "serve", "--inbox", str(tmp_path / "nope")], env=isolated_env(), capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert "is not a folder" in missing.stderr and "Traceback" not in missing.stderr

    no_server = subprocess.run(
        [VNROK, "serve", "--inbox", str(tmp_path), "--interval", "60"], env=isolated_env(), capture_output=True,
        text=True, timeout=120,
    )
    assert no_server.returncode == 1
    assert "run `vnrok-etl server`" in no_server.stderr and "Traceback" not in no_server.stderr


def test_two_writers_at_once_load_each_article_once(tmp_path):
    """Two processes ingest the same seeds into one warehouse at the same moment."""
    warehouse = tmp_path / "w.duckdb"
    script = (
        "import sys; from vnrok_etl.runner import ingest_paths\n"
        "counts, _ = ingest_paths([sys.argv[1]], sys.argv[2], on_wait=lambda m: print(m, file=sys.stderr))\n"
        "print(counts.articles_new)"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(SEEDS), str(warehouse)], env=isolated_env(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err for _, err in outputs]
    assert sorted(int(out) for out, _ in outputs) == [0, 5]  # one loads them, the other finds them there

    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert connection.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (5, 5)
        assert connection.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 5
        assert connection.execute("SELECT status, count(*) FROM loads GROUP BY ALL").fetchall() == [("succeeded", 2)]
    finally:
        connection.close()


def test_prefect_yaml_declares_the_served_deployments_for_a_worker(prefect_server):
    from flows.crawl import crawl_flow
    from flows.deploy import CRAWL_ENTRYPOINT, ENTRYPOINT, WORK_POOL
    from flows.ingest import ingest
    from flows.serve import (
        CRAWL_DEPLOYMENT_NAME, CRAWL_FLOW_NAME, DEFAULT_CRON, DEFAULT_SETTLE_SECONDS, DEPLOYMENT_NAME, FLOW_NAME,
        crawl_parameters, inbox_parameters,
    )
    from prefect.flows import load_flow_from_entrypoint

    project = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    deployments = {deployment["name"]: deployment for deployment in project["deployments"]}
    assert set(deployments) == {DEPLOYMENT_NAME, CRAWL_DEPLOYMENT_NAME}
    for name, entrypoint, flow, parameters in (
        (DEPLOYMENT_NAME, ENTRYPOINT, ingest, inbox_parameters("inbox", "warehouse/vnrok.duckdb", DEFAULT_SETTLE_SECONDS)),
        (CRAWL_DEPLOYMENT_NAME, CRAWL_ENTRYPOINT, crawl_flow, crawl_parameters("sources.toml", "warehouse/vnrok.duckdb")),
    ):
        deployment = deployments[name]
        assert deployment["entrypoint"] == entrypoint
        assert deployment["work_pool"]["name"] == WORK_POOL
        assert deployment["schedules"] == [{"cron": DEFAULT_CRON, "timezone": "UTC"}]
        assert deployment["parameters"] == parameters
        loaded = load_flow_from_entrypoint(str(ROOT / entrypoint))
        assert loaded.name == flow.name
        flow.validate_parameters(deployment["parameters"])
    assert (ingest.name, crawl_flow.name) == (FLOW_NAME, CRAWL_FLOW_NAME)
    assert ingest.validate_parameters(deployments[DEPLOYMENT_NAME]["parameters"])["paths"] == ["inbox"]
    assert (ROOT / deployments[CRAWL_DEPLOYMENT_NAME]["parameters"]["sources"]).is_file()


def test_prefect_validates_the_parameters(prefect_server):
    from prefect.exceptions import ParameterTypeError

    from flows.ingest import ingest

    for wrong in ({"paths": "inbox", "batch_size": "many"}, {"paths": ["inbox"], "settle_seconds": "soon"}, {}):
        with pytest.raises(ParameterTypeError):
            ingest.validate_parameters(wrong)



def test_a_merge_waits_for_the_writer_slot_and_says_so(prefect_server, warehouse):
    """Another load holds the server's warehouse slot: the run waits, logs why, then loads."""
    import contextvars
    import threading
    from datetime import datetime, timezone

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.sorting import LogSort
    from prefect.concurrency.sync import concurrency

    from flows.ingest import ingest
    from flows.server import WAREHOUSE_LIMIT, ensure_warehouse_limit

    message = f"another load holds the '{WAREHOUSE_LIMIT}' slot"
    held, seen = threading.Event(), []

    def hold_until_the_run_says_it_waits() -> None:
        with concurrency(WAREHOUSE_LIMIT, occupy=1, strict=True), get_client(sync_client=True) as client:
            since = datetime.now(timezone.utc)
            held.set()
            deadline = time.monotonic() + 120
            while not seen and time.monotonic() < deadline:
                logs = client.read_logs(limit=50, sort=LogSort.TIMESTAMP_DESC)
                seen.extend(log for log in logs if message in log.message and log.timestamp >= since)
                time.sleep(0.5)

    ensure_warehouse_limit()
    # The thread needs this test's Prefect settings (the test server), which live in a context variable.
    holder = threading.Thread(target=contextvars.copy_context().run, args=(hold_until_the_run_says_it_waits,))
    holder.start()
    try:
        assert held.wait(timeout=60)
        state = ingest(paths=[str(SEEDS)], warehouse=str(warehouse), return_state=True)
    finally:
        holder.join(timeout=180)
    assert state.is_completed() and state.result()["articles_new"] == 5
    assert [log.flow_run_id for log in seen] == [state.state_details.flow_run_id]


def test_sigterm_stops_serving_even_when_the_parent_left_sigint_ignored():
    """A script's `vnrok-etl serve &` starts with SIGINT ignored; SIGTERM must still stop it (it
    is turned into the Ctrl-C the runner handles)."""
    code = (
        "import signal\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "from flows.serve import _sigterm_as_ctrl_c\n"
        "from prefect.runner import Runner\n"
        "_sigterm_as_ctrl_c()\n"
        "try:\n"
        "    Runner.handle_sigterm(None)\n"
        "    import time; time.sleep(20)\n"
        "except KeyboardInterrupt:\n"
        "    print('stopped')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "stopped", done.stderr[-2000:]

