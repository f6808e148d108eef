"""The benchmark command runs: a tiny corpus through the floor, the plain path and the flow.

The benchmark itself (1k-100k documents) stays out of the suite; this proves the command, the
corpus generator and the report still work after the code they measure changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from corpus import build_corpus  # noqa: E402


def test_the_corpus_is_reproducible_from_its_seed_and_has_every_kind(tmp_path: Path):
    first = build_corpus(tmp_path / "a", 300, seed=11)
    build_corpus(tmp_path / "b", 300, seed=11)
    other = build_corpus(tmp_path / "c", 300, seed=12)
    files = sorted(path.relative_to(tmp_path / "a") for path in (tmp_path / "a").rglob("*.*") if path.name[0] != ".")
    assert len(files) == 300
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert first.bytes != other.bytes
    assert first.fresh_html > 0 and first.exact_duplicates > 0 and first.near_duplicates > 0
    exact = [f for f in files if "_exact." in f.name]
    texts = {(tmp_path / "a" / f).read_bytes().removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n") for f in files}
    assert len(texts) < len(files) - len(exact) // 2  # exact duplicates are copies of other files


def test_the_benchmark_command_runs_on_a_tiny_corpus(tmp_path: Path, prefect_server: str):
    env = dict(os.environ, PREFECT_API_URL=prefect_server, PREFECT_LOGGING_LEVEL="WARNING")
    report = tmp_path / "report.md"
    completed = subprocess.run(
        [
            sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "20",
            "--modes", "floor,plain,noop-plain,flow", "--work", str(tmp_path / "work"),
            "--timeout", "300", "--report", str(report),
        ],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    lines = report.read_text().splitlines()
    header = [cell.strip() for cell in next(line for line in lines if line.startswith("| N |")).split("|")]
    rows = [dict(zip(header, map(str.strip, line.split("|")))) for line in lines if line.startswith("| 20 |")]
    assert [row["mode"] for row in rows] == ["floor", "plain", "noop-plain", "flow"]
    assert all(row["status"] == "ok" for row in rows)
    plain, noop, flow = rows[1], rows[2], rows[3]
    assert int(plain["articles new"]) == int(flow["articles new"]) > 0
    assert noop["articles new"] == "0"  # the re-run adds no article
    # The plain path, its re-run and the flow stored the same rows.
    assert any(line.startswith("Records at 20: every loading mode stored the same rows") for line in lines)


def test_cluster_specs_choose_a_local_cluster_or_a_scheduler():
    pytest.importorskip("prefect_dask")
    from flows.cluster import ClusterError, dask_task_runner

    assert dask_task_runner("local:3").cluster_kwargs["n_workers"] == 3
    assert dask_task_runner("local").cluster_kwargs["threads_per_worker"] == 1
    assert dask_task_runner("tcp://10.0.0.5:8786").address == "tcp://10.0.0.5:8786"
    with pytest.raises(ClusterError):
        dask_task_runner("lots")
