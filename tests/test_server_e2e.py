"""End to end on a real Prefect server: `vnrok-etl server`, `vnrok-etl serve`, articles dropped
into the inbox, two runs triggered at once (Prefect's API and `prefect deployment run`), then
the warehouse, the runs' artifacts and the worker deployment of flows/deploy.py; then, on the
same server, `vnrok-etl serve --sources` crawling a feed served on loopback: an item added to the
feed is in the warehouse after the next run, and the run after that transfers nothing new. The test
speaks to the server through Prefect's REST API and CLI only, and imports neither Prefect nor
flows/ (whose settings would leak into the session's Prefect test server).

Everything runs as real processes on a free loopback port with a temporary PREFECT_HOME, and
every process started here is stopped in `finally`, each in its own process group. Start-up
dominates: ~30 s for a server on a fresh database (prefect-offline.md), so timeouts are generous.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import httpx
import pytest

from conftest import ROOT, SEEDS

BIN = Path(sys.executable).parent
STOP_SECONDS = 5.0
START_SECONDS = 180.0
RUN_SECONDS = 180.0
SETTLE_SECONDS = 120  # the fresh file written below must still be "being written" when runs start


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def started(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A process in its own group, stopped with its children on the way out (SIGINT, then SIGKILL)."""
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                   start_new_session=True)
        try:
            yield process
        finally:
            stop_group(process)


def stop_group(process: subprocess.Popen) -> None:
    for signum, grace in ((signal.SIGINT, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        if signum == signal.SIGINT:
            try:  # the group's stragglers (flow-run subprocesses) go too
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return


def wait_for(condition, timeout: float, what: str, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process.poll() is not None:
            pytest.fail(f"{what}: process exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def drop_articles(inbox: Path) -> None:
    """Seeds arrive the safe way (written aside, renamed in); one file is still being written."""
    old = time.time() - 3600
    for seed in sorted(SEEDS.glob("*.txt")):
        partial = inbox / f"{seed.name}.part"
        shutil.copyfile(seed, partial)
        os.utime(partial, (old, old))
        partial.rename(inbox / seed.name)
    (inbox / "next.txt.part").write_text("HA NOI (VNA) - The National Assembly on")  # a copy under way
    (inbox / "being-written.txt").write_text("HA NOI (VNA) - The National Assembly on Monday")  # too young


def test_a_served_deployment_ingests_the_inbox_when_triggered(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse.duckdb"
    inbox.mkdir()
    # No PREFECT_API_URL: `vnrok-etl serve` must find the server through the probe on this port.
    env = {name: value for name, value in os.environ.items() if name not in ("PREFECT_API_URL", "VNROK_WAREHOUSE")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect-home"), "VNROK_PREFECT_PORT": str(port),
            "PREFECT_LOGGING_LEVEL": "WARNING"}
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"

    # Prefect's REST API over plain HTTP: Prefect's own client would start process-wide workers
    # bound to this server, which outlive the test and would break later tests' flow runs.
    with (
        started([str(BIN / "vnrok-etl"), "server", "--port", str(port)], env, server_log) as server,
        httpx.Client(base_url=api, timeout=30) as http,
    ):
        clock = time.monotonic()
        wait_for(lambda: server_is_up(api), START_SECONDS, "server health", server, server_log)
        print(f"\nserver up in {time.monotonic() - clock:.1f} s")
        serve_command = [str(BIN / "vnrok-etl"), "serve", "--inbox", str(inbox), "--interval", "3600",
                         "--settle-seconds", str(SETTLE_SECONDS), "--warehouse", str(warehouse)]
        with started(serve_command, env, serve_log) as serving:
            deployment = wait_for(lambda: _found(http.get("/deployments/name/ingest/inbox")), START_SECONDS,
                                  "deployment", serving, serve_log)
            print(f"deployment served {time.monotonic() - clock:.1f} s after start")
            assert deployment["parameters"] == {"paths": [str(inbox)], "warehouse": str(warehouse),
                                                "settle_seconds": SETTLE_SECONDS}
            # The scheduler plans the interval's runs: the sqlalchemy pin of prefect-offline.md holds.
            scheduled = {"flow_runs": {"deployment_id": {"any_": [deployment["id"]]},
                                       "state": {"type": {"any_": ["SCHEDULED"]}}}}
            wait_for(lambda: _ok(http.post("/flow_runs/filter", json=scheduled)), 90, "scheduled runs", serving, serve_log)
            print(f"scheduled runs planned {time.monotonic() - clock:.1f} s after start")

            # Prefect validates parameters before any run exists.
            create = f"/deployments/{deployment['id']}/create_flow_run"
            refused = http.post(create, json={"parameters": {"batch_size": "many"}})
            assert refused.status_code in (409, 422) and "batch_size" in refused.text

            drop_articles(inbox)
            triggered = time.monotonic()
            by_api = _created(http, create)
            by_cli = subprocess.run([str(BIN / "prefect"), "deployment", "run", "ingest/inbox"],
                                    env=env | {"PREFECT_API_URL": api}, capture_output=True, text=True, timeout=120)
            assert by_cli.returncode == 0, by_cli.stdout + by_cli.stderr
            cli_run_id = next(line.split()[-1] for line in by_cli.stdout.splitlines() if "UUID:" in line)
            run_ids = {by_api["id"], cli_run_id}

            runs = wait_for(lambda: _final_runs(http, run_ids), RUN_SECONDS, "both runs", serving, serve_log)
            seconds = time.monotonic() - triggered
            assert [run["state"]["type"] for run in runs] == ["COMPLETED"] * 2, serve_log.read_text()[-3000:]
            durations = sorted(round(_seconds(run["expected_start_time"], run["end_time"]), 1) for run in runs)
            print(f"two runs at once: both completed {seconds:.1f} s after the trigger; each {durations} s")

            artifacts = _ok(http.post("/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": sorted(run_ids)}}}))
            summaries = [artifact for artifact in artifacts if artifact["key"] == "ingest-summary"]
            assert len(summaries) == 2 and all(artifact["type"] == "table" for artifact in summaries)
            measures = {row["measure"]: row["value"] for artifact in summaries for row in _rows(artifact["data"])}
            assert {"documents seen", "new articles", "new figures", "new quotes", "new rejections",
                    "seconds: clean", "seconds: merge"} <= set(measures)
            for artifact in summaries:
                print("artifact:", {row["measure"]: row["value"] for row in _rows(artifact["data"])})

            limit = _ok(http.get("/v2/concurrency_limits/vnrok-warehouse"))
            assert (limit["limit"], limit["active_slots"]) == (1, 0)  # both merges held it, both gave it back

            # `vnrok-etl ingest` finds the server by itself (env has no PREFECT_API_URL): its run is there.
            cli_clock = time.monotonic()
            cli_warehouse = tmp_path / "cli.duckdb"
            ingested = subprocess.run([str(BIN / "vnrok-etl"), "ingest", str(SEEDS), "--warehouse", str(cli_warehouse)],
                                      env=env, capture_output=True, text=True, timeout=RUN_SECONDS, cwd=tmp_path)
            assert ingested.returncode == 0, ingested.stderr[-3000:]
            (cli_run_id,) = _flow_run_ids(cli_warehouse)
            assert _ok(http.get(f"/flow_runs/{cli_run_id}"))["state"]["type"] == "COMPLETED"
            print(f"vnrok-etl ingest through the server: {time.monotonic() - cli_clock:.1f} s")

            # A service manager stops serving with SIGTERM: a clean stop within seconds, one line.
            stopping = time.monotonic()
            serving.send_signal(signal.SIGTERM)
            assert serving.wait(timeout=30) == 0, serve_log.read_text()[-3000:]
            assert time.monotonic() - stopping < STOP_SECONDS
            assert "vnrok-etl: stopped serving 'ingest/inbox'" in serve_log.read_text()
            assert "never awaited" not in serve_log.read_text()

        _check_warehouse(warehouse, run_ids)
        worker_clock = time.monotonic()
        _check_worker_deployment(tmp_path, env | {"PREFECT_API_URL": api}, http)
        print(f"worker deployment: deployed, triggered and run in {time.monotonic() - worker_clock:.1f} s")
        crawl_clock = time.monotonic()
        _check_crawl_deployment(tmp_path, env, http)
        print(f"crawl deployment: served, three runs in {time.monotonic() - crawl_clock:.1f} s")

    assert server.returncode is not None and serving.returncode is not None
    assert not server_is_up(api)


def server_is_up(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=1).json() is True
    except (httpx.HTTPError, ValueError):
        return False


def _ok(response: httpx.Response):
    response.raise_for_status()
    return response.json()


def _created(http: httpx.Client, path: str, attempts: int = 5):
    """POST that retries the server's own 503 ("database is locked": its SQLite under a burst,
    prefect-offline.md); anything else is returned or raised at once."""
    for _ in range(attempts - 1):
        response = http.post(path, json={})
        if response.status_code != 503:
            return _ok(response)
        time.sleep(2)
    return _ok(http.post(path, json={}))


def _found(response: httpx.Response):
    return None if response.status_code == 404 else _ok(response)


def _final_runs(http: httpx.Client, run_ids: set[str]) -> list[dict] | None:
    runs = [_ok(http.get(f"/flow_runs/{run_id}")) for run_id in sorted(run_ids)]
    final = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
    return runs if all(run["state"]["type"] in final for run in runs) else None


def _seconds(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def _flow_run_ids(warehouse: Path) -> list[str]:
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [row[0] for row in connection.execute("SELECT flow_run_id FROM loads").fetchall()]
    finally:
        connection.close()


def _rows(data) -> list[dict]:
    return json.loads(data) if isinstance(data, str) else data


def _check_warehouse(warehouse: Path, run_ids: set[str]) -> None:
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert connection.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (5, 5)
        uris = [row[0] for row in connection.execute("SELECT source_uri FROM article_sources ORDER BY 1").fetchall()]
        assert [Path(uri).name for uri in uris] == sorted(path.name for path in SEEDS.glob("*.txt"))
        loads = connection.execute("SELECT flow_run_id, status, articles_new FROM loads").fetchall()
        assert {row[0] for row in loads} == run_ids
        assert [row[1] for row in loads] == ["succeeded", "succeeded"]
        assert sorted(row[2] for row in loads) == [0, 5]  # one run loaded them; the other added nothing
        assert connection.execute("SELECT count(*) FROM rejections").fetchone()[0] == 0
    finally:
        connection.close()


def _check_worker_deployment(tmp_path: Path, env: dict[str, str], http: httpx.Client) -> None:
    """flows/deploy.py registers the same inbox flow for a process worker, which runs it."""
    inbox, warehouse = tmp_path / "worker-inbox", tmp_path / "worker.duckdb"
    inbox.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copyfile(seed, inbox / seed.name)
    deploy = subprocess.run(
        [sys.executable, "-m", "flows.deploy", "--inbox", str(inbox), "--warehouse", str(warehouse),
         "--name", "inbox-worker", "--settle-seconds", "0"],
        env=env, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    deployment = _ok(http.get("/deployments/name/ingest/inbox-worker"))
    assert deployment["work_pool_name"] == "vnrok-process"
    run = _created(http, f"/deployments/{deployment['id']}/create_flow_run")
    worker = subprocess.run([str(BIN / "prefect"), "worker", "start", "--pool", "vnrok-process", "--run-once"],
                            env=env, capture_output=True, text=True, timeout=RUN_SECONDS, cwd=tmp_path)
    assert worker.returncode == 0, worker.stdout[-2000:] + worker.stderr[-2000:]
    assert _ok(http.get(f"/flow_runs/{run['id']}"))["state"]["type"] == "COMPLETED"
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert connection.execute("SELECT flow_run_id, status, articles_new FROM loads").fetchall() == [
            (run["id"], "succeeded", 1)
        ]
    finally:
        connection.close()


def _check_crawl_deployment(tmp_path: Path, env: dict[str, str], http: httpx.Client) -> None:
    """`vnrok-etl serve --sources` against a feed on loopback: new items arrive, re-polls transfer nothing."""
    from pytest_httpserver import HTTPServer
    from werkzeug import Request, Response

    pages = sorted((ROOT / "tests" / "fixtures" / "html").glob("vietnam*.html"))  # two of our own pages
    feed = {"items": [pages[0].name], "version": 1}

    def serve_feed(request: Request) -> Response:
        etag = f'"{feed["version"]}"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        items = "".join(f"<item><title>{name}</title><link>{web.url_for('/news/' + name)}</link></item>" for name in feed["items"])
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback wire</title>{items}</channel></rss>'
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    web = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    web.no_handler_status_code = 404
    web.expect_request("/feed.rss").respond_with_handler(serve_feed)
    for page in pages:
        web.expect_request(f"/news/{page.name}").respond_with_data(page.read_bytes(), content_type="text/html")
    web.start()
    sources, warehouse, log = tmp_path / "sources.toml", tmp_path / "crawl.duckdb", tmp_path / "serve-crawl.log"
    sources.write_text(f'[[outlet]]\nname = "Loopback wire"\nfeeds = ["{web.url_for("/feed.rss")}"]\n')
    command = [str(BIN / "vnrok-etl"), "serve", "--sources", str(sources), "--interval", "3600", "--warehouse", str(warehouse)]
    try:
        with started(command, env, log) as serving:
            deployment = wait_for(lambda: _found(http.get("/deployments/name/crawl/sources")), START_SECONDS,
                                  "crawl deployment", serving, log)
            assert deployment["parameters"] == {"sources": str(sources), "warehouse": str(warehouse)}

            def run_once() -> dict[str, int]:
                run = _created(http, f"/deployments/{deployment['id']}/create_flow_run")
                (done,) = wait_for(lambda: _final_runs(http, {run["id"]}), RUN_SECONDS, "crawl run", serving, log)
                assert done["state"]["type"] == "COMPLETED", log.read_text()[-3000:]
                artifacts = _ok(http.post("/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [run["id"]]}}}))
                (summary,) = [artifact for artifact in artifacts if artifact["key"] == "crawl-summary"]
                return {row["measure"]: row["value"] for row in _rows(summary["data"])}

            first = run_once()
            assert first["articles new"] == 1 and first["new articles (warehouse)"] == 1
            feed["items"].append(pages[1].name)  # the outlet publishes a new article
            feed["version"] = 2
            second = run_once()
            assert second["articles new"] == 1 and second["articles already loaded"] == 1
            web.clear_log()
            third = run_once()
            assert third["sources not modified"] == 1 and "articles new" not in third
            assert third["new articles (warehouse)"] == 0
            # the third run asked for the feed (a 304) only: robots.txt is kept across runs, no page
            assert [(request.path, response.status_code) for request, response in web.log] == [("/feed.rss", 304)]
            serving.send_signal(signal.SIGTERM)
            assert serving.wait(timeout=30) == 0
            assert "vnrok-etl: stopped serving 'crawl/sources'" in log.read_text()
    finally:
        web.stop()
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        uris = [row[0] for row in connection.execute("SELECT source_uri FROM article_sources ORDER BY 1").fetchall()]
        assert uris == [web.url_for(f"/news/{page.name}") for page in pages]
        assert [row[0] for row in connection.execute("SELECT articles_new FROM loads ORDER BY started_at").fetchall()] == [1, 1, 0]
        # the pages' bytes are raw documents, with how they were fetched
        fetched = connection.execute("SELECT source_uri, status FROM document_fetches ORDER BY 1").fetchall()
        assert fetched == [(uri, 200) for uri in uris]
        assert connection.execute("SELECT count(*) FROM raw_documents").fetchone() == (2,)
    finally:
        connection.close()
