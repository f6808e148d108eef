"""The ingest flow under Prefect's test server: stages as tasks, bounded task runs, artifact, loads."""

from __future__ import annotations

import asyncio
import os

import duckdb
import pytest

from conftest import SEEDS
from vnrok_etl.batching import MAX_BATCHES, plan_batches


def test_batches_stay_bounded_whatever_the_corpus_size():
    items = [str(i) for i in range(100_000)]
    batches = plan_batches(items)
    assert len(batches) <= MAX_BATCHES
    assert [x for batch in batches for x in batch] == items
    assert len(plan_batches(items[:1_200], batch_size=500)) == 3
    assert plan_batches([]) == []


def test_the_flow_loads_the_seeds_records_its_run_and_publishes_a_summary(prefect_server, warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.ingest import ingest

    state = ingest(paths=[str(SEEDS)], warehouse=str(warehouse), batch_size=2, return_state=True)
    assert state.is_completed()
    result = state.result()
    assert (result["documents_seen"], result["articles_new"], result["rejections_new"]) == (5, 5, 0)
    flow_run_id = str(state.state_details.flow_run_id)

    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert connection.execute("SELECT flow_run_id, status FROM loads").fetchall() == [(flow_run_id, "succeeded")]
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    finally:
        connection.close()

    async def read_back():
        # The server records task runs in batches (every few seconds): poll until all are there.
        async with get_client() as client:
            for _ in range(60):
                tasks = await client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
                )
                if len(tasks) >= 8:
                    break
                await asyncio.sleep(0.5)
            artifact = await client.read_latest_artifacts()
            return tasks, artifact

    task_runs, artifacts = asyncio.run(read_back())
    names = sorted(run.name.rsplit("-", 1)[0] for run in task_runs)
    # 5 documents in batches of 2: three process-batch runs, one of every other stage (one chunk:
    # one look-up of its files' signatures).
    assert names == [
        "discover", "known-hashes", "merge", "process-batch", "process-batch", "process-batch", "stage",
        "unchanged-files",
    ]
    summary = next(a for a in artifacts if a.key == "ingest-summary")
    assert summary.type == "table"
    assert "new articles" in str(summary.data) and "seconds: clean" in str(summary.data)


def test_a_second_flow_run_over_the_same_files_adds_nothing(prefect_server, warehouse):
    from flows.ingest import ingest

    first = ingest(paths=[str(SEEDS)], warehouse=str(warehouse))
    second = ingest(paths=[str(SEEDS)], warehouse=str(warehouse))
    assert first["articles_new"] == 5
    assert (second["documents_known"], second["articles_new"], second["sources_new"], second["figures_new"]) == (5, 0, 0, 0)


def test_the_flow_on_a_process_pool_loads_the_same_articles(prefect_server, warehouse, tmp_path):
    from flows.cluster import ClusterError, dask_task_runner
    from flows.ingest import ingest

    with pytest.raises(ClusterError, match="not 'lots'"):
        dask_task_runner("lots")
    # 36 figures and 67 quotes: the hand-written seed expectations (tests/golden/).
    threads = ingest(paths=[str(SEEDS)], warehouse=str(tmp_path / "threads.duckdb"), batch_size=2, cluster="threads")
    processes = ingest(paths=[str(SEEDS)], warehouse=str(warehouse), batch_size=2, cluster="processes:2")
    assert (processes["articles_new"], processes["figures_new"], processes["quotes_new"]) == (
        threads["articles_new"], threads["figures_new"], threads["quotes_new"],
    ) == (5, 36, 67)


def test_the_flow_on_a_dask_local_cluster_loads_the_same_articles(prefect_server, warehouse):
    pytest.importorskip("prefect_dask")
    from flows.ingest import ingest

    # One worker process of a real distributed.LocalCluster; the merge stays in this process.
    dask = ingest(paths=[str(SEEDS)], warehouse=str(warehouse), batch_size=2, cluster="local:1")
    assert (dask["articles_new"], dask["figures_new"], dask["quotes_new"], dask["rejections_new"]) == (5, 36, 67, 0)


def test_pool_workers_report_to_the_flows_temporary_server_instead_of_starting_their_own(tmp_path):
    # No PREFECT_API_URL: the CLI starts Prefect's temporary server, and each worker used to
    # start another (uvicorn processes, ~3 s of CPU each). Count the servers under the run.
    import subprocess
    import sys
    import threading
    import time

    import psutil

    command = [sys.executable, "-m", "vnrok_etl.cli", "ingest", str(SEEDS), "--warehouse",
               str(tmp_path / "w.duckdb"), "--batch-size", "1", "--cluster", "processes:2"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"})
    servers: set[int] = set()

    def watch() -> None:
        parent = psutil.Process(run.pid)
        while run.poll() is None:
            try:
                for child in parent.children(recursive=True):
                    if "uvicorn" in " ".join(child.cmdline()):
                        servers.add(child.pid)
            except psutil.Error:
                pass
            time.sleep(0.05)  # a server lives for the whole run: no need to take a core from it

    watcher = threading.Thread(target=watch)
    watcher.start()
    out, err = run.communicate(timeout=600)
    watcher.join()
    assert run.returncode == 0, err
    lines = {line.strip().split("  ")[0]: line.split()[-1] for line in out.splitlines() if "  " in line}
    assert (lines["new articles"], lines["new figures"], lines["new quotes"]) == ("5", "36", "67")
    assert len(servers) == 1


def test_large_loads_use_every_core_and_small_ones_stay_on_threads(monkeypatch):
    from prefect.task_runners import ProcessPoolTaskRunner

    from flows.cluster import PROCESS_POOL_MIN_BATCHES, batch_task_runner, main_module_reimportable

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr("flows.cluster.main_module_reimportable", lambda: True)
    assert batch_task_runner(None, PROCESS_POOL_MIN_BATCHES - 1) is None
    assert isinstance(batch_task_runner(None, PROCESS_POOL_MIN_BATCHES), ProcessPoolTaskRunner)
    assert batch_task_runner("threads", 100) is None
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert batch_task_runner(None, 100) is None


def test_a_plain_script_gets_threads_since_spawn_would_run_it_again(tmp_path):
    import subprocess
    import sys

    check = "import flows.cluster as c; print(c.main_module_reimportable())"
    script = tmp_path / "load_my_files.py"
    script.write_text(check + "\n")
    package = tmp_path / "mypackage"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "job.py").write_text(check + "\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    outputs = [
        subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout.strip()
        for command in ([sys.executable, str(script)], [sys.executable, "-m", "mypackage.job"], [sys.executable, "-c", check])
    ]
    assert outputs == ["False", "True", "True"]


def test_a_chunked_flow_run_commits_each_chunk_as_a_load_under_one_flow_run(prefect_server, tmp_path):
    from flows.ingest import ingest
    from flows.reprocess import reprocess

    warehouse = tmp_path / "chunks.duckdb"
    state = ingest(paths=[str(SEEDS)], warehouse=str(warehouse), chunk_size=2, return_state=True)
    assert state.is_completed()
    assert (state.result()["chunks"], state.result()["articles_new"]) == (3, 5)
    flow_run_id = str(state.state_details.flow_run_id)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        loads = connection.execute("SELECT flow_run_id, kind, chunk, status, documents_seen FROM loads ORDER BY chunk").fetchall()
    assert loads == [(flow_run_id, "ingest", n, "succeeded", seen) for n, seen in ((1, 2), (2, 2), (3, 1))]

    # The reprocess flow over the same warehouse: every kept document again, in the same chunks.
    state = reprocess(warehouse=str(warehouse), everything=True, return_state=True)
    assert state.is_completed()
    result = state.result()
    assert (result["documents"], result["chunks"], result["articles_new"]) == (5, 3, 5)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "SELECT flow_run_id, chunk FROM loads WHERE kind = 'reprocess' ORDER BY chunk"
        ).fetchall()
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    assert rows == [(str(state.state_details.flow_run_id), n) for n in (1, 2, 3)]
