"""Faults during a load: a killed loader, a locked warehouse, a read-only query that tries to write.

A load (a run's chunk) is one DuckDB transaction (warehouse.merge_load), so a loader killed at any
moment must leave the warehouse exactly as its committed chunks left it, and the next run must
load everything exactly once. These
tests kill a real loading process with SIGKILL (no mocks, no hooks in the code under test): the
loader is the real ingest with a line printed as its merge starts and ends, and it is killed at
fractions of the merge time measured on an undisturbed run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pyarrow as pa
import pytest

from conftest import SEEDS
from vnrok_etl.pipeline import process_paths
from vnrok_etl.runner import ingest_paths, new_load_info
from vnrok_etl.stage import SCHEMAS, stage_batches
from vnrok_etl.warehouse import WarehouseLocked, connect, data_checks, merge_load

TABLES = (
    "articles", "article_sources", "removed_spans", "captions", "figures", "quotes",
    "speakers", "speaker_aliases", "rejections", "loads",
)
# Columns that differ between two equal loads (ids and times of the load itself).
VOLATILE = {
    "articles": "load_id", "article_sources": "load_id, first_seen_at", "removed_spans": "load_id",
    "captions": "load_id", "figures": "load_id", "quotes": "load_id", "speakers": "load_id",
    "speaker_aliases": "load_id", "rejections": "load_id, rejected_at",
}
CORPUS_SIZE = 200
KILL_FRACTIONS = (0.1, 0.3, 0.6, 0.9)
# The real ingest, with one line printed as the merge transaction starts and one when it has
# committed: the test kills inside that window, not in the seconds of decoding before it.
LOADER = (
    "import sys\n"
    "from vnrok_etl import chunk_merge, runner\n"
    "merge_load = chunk_merge.merge_load\n"
    "def traced(*args):\n"
    "    print('merge-begin', flush=True)\n"
    "    counts = merge_load(*args)\n"
    "    print('merge-end', flush=True)\n"
    "    return counts\n"
    "chunk_merge.merge_load = traced\n"
    "counts, _ = runner.ingest_paths([sys.argv[1]], sys.argv[2])\n"
    "print(counts.articles_new, counts.rejections_new, flush=True)\n"
)
HOLDER = (
    "import sys, time, duckdb\n"
    "connection = duckdb.connect(sys.argv[1])\n"
    "print('holding', flush=True)\n"
    "sys.stdin.readline()\n"
)


def write_corpus(folder: Path, size: int) -> list[Path]:
    """`size` distinct articles made from the seeds, each with its own closing paragraph."""
    folder.mkdir(parents=True)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    paths = []
    for number in range(size):
        text = seeds[number % len(seeds)].rstrip("\n")
        text += (
            f"\n\nThe provincial office said report {number} listed {number * 13 % 997 + 2} projects"
            f" worth US${number % 90 + 1} million, up {number % 40 + 1} per cent on last year.\n"
        )
        path = folder / f"article_{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    return paths


def snapshot(path: Path) -> dict[str, str]:
    """Per table: row count and a digest of its sorted rows (load ids and times left out)."""
    with connect(path, read_only=True) as connection:
        result = {}
        for table in TABLES:
            if table == "loads":
                query = "SELECT status, documents_seen FROM loads"
            else:
                query = f"SELECT * EXCLUDE ({VOLATILE[table]}) FROM {table}"
            rows = sorted(map(repr, connection.execute(query).fetchall()))
            result[table] = f"{len(rows)}:{hashlib.sha256(chr(10).join(rows).encode()).hexdigest()[:16]}"
        return result


def failing_checks(path: Path) -> list[str]:
    with connect(path, read_only=True) as connection:
        return [name for name, query in data_checks()
                if connection.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]]


def start_loader(corpus: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", LOADER, str(corpus), str(warehouse)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for_line(process: subprocess.Popen, expected: str) -> float:
    """The moment the loader printed `expected` on stdout."""
    for line in iter(process.stdout.readline, ""):
        if line.strip() == expected:
            return time.monotonic()
    raise AssertionError(f"the loader ended without printing {expected!r}: {process.stderr.read()}")


@pytest.fixture(scope="module")
def corpus_and_base(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus of distinct articles, and a warehouse already holding the five seeds."""
    root = tmp_path_factory.mktemp("faults")
    corpus = root / "corpus"
    write_corpus(corpus, CORPUS_SIZE)
    base = root / "base.duckdb"
    ingest_paths([str(SEEDS)], base)
    return corpus, base


def test_a_loader_killed_during_the_merge_leaves_the_warehouse_as_it_was(corpus_and_base, tmp_path):
    corpus, base = corpus_and_base
    before = snapshot(base)

    # One undisturbed run: the state every completed load reaches, and how long its merge takes.
    reference = tmp_path / "reference.duckdb"
    shutil.copy(base, reference)
    loader = start_loader(corpus, reference)
    begun = wait_for_line(loader, "merge-begin")
    merge_seconds = wait_for_line(loader, "merge-end") - begun
    out, err = loader.communicate(timeout=300)
    assert loader.returncode == 0, err
    after = snapshot(reference)
    assert after != before

    outcomes = []
    for fraction in KILL_FRACTIONS:
        warehouse = tmp_path / f"killed_{fraction}.duckdb"
        shutil.copy(base, warehouse)
        loader = start_loader(corpus, warehouse)
        begun = wait_for_line(loader, "merge-begin")
        time.sleep(max(0.0, begun + fraction * merge_seconds - time.monotonic()))
        loader.send_signal(signal.SIGKILL)
        out, _ = loader.communicate(timeout=60)
        state = snapshot(warehouse)
        assert state in (before, after), f"killed at {fraction:.0%} of the merge: a half-applied load"
        assert failing_checks(warehouse) == []
        committed = "merge-end" in out
        outcomes.append((fraction, committed, "before" if state == before else "after"))
    print(f"merge took {merge_seconds:.2f} s; kills (fraction, saw commit, state): {outcomes}")
    killed_mid_merge = [o for o in outcomes if not o[1] and o[2] == "before"]
    assert killed_mid_merge, f"no kill landed inside the merge: {outcomes}"

    # The next run over the same files loads everything, once, as the undisturbed run did.
    warehouse = tmp_path / f"killed_{killed_mid_merge[-1][0]}.duckdb"
    rerun = start_loader(corpus, warehouse)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert snapshot(warehouse) | {"loads": ""} == after | {"loads": ""}
    with connect(warehouse, read_only=True) as connection:
        per_file = connection.execute(
            "SELECT uri, count(*) FROM (SELECT source_uri AS uri FROM article_sources"
            " UNION ALL SELECT source_uri FROM rejections) WHERE uri LIKE ? GROUP BY uri",
            [f"{corpus}%"],
        ).fetchall()
    assert len(per_file) == CORPUS_SIZE + 1 and {n for _, n in per_file} == {1}


def test_an_interrupted_load_then_a_rerun_loads_each_document_once(corpus_and_base, tmp_path):
    """SIGINT (Ctrl-C) while merging: rolled back, and the rerun loads each document once."""
    corpus, base = corpus_and_base
    warehouse = tmp_path / "interrupted.duckdb"
    shutil.copy(base, warehouse)
    before = snapshot(warehouse)
    loader = start_loader(corpus, warehouse)
    wait_for_line(loader, "merge-begin")
    loader.send_signal(signal.SIGINT)
    _, err = loader.communicate(timeout=120)
    if loader.returncode != 0:
        # DuckDB turns Ctrl-C into "Query interrupted" inside a query, KeyboardInterrupt outside:
        # either way the merge is rolled back, and at most a 'failed' loads row records the attempt.
        assert "Query interrupted" in err or "KeyboardInterrupt" in err, err
        assert snapshot(warehouse) | {"loads": ""} == before | {"loads": ""}
        with connect(warehouse, read_only=True) as connection:
            statuses = connection.execute("SELECT status, count(*) FROM loads GROUP BY ALL").fetchall()
        assert dict(statuses).get("succeeded") == 1 and set(dict(statuses)) <= {"succeeded", "failed"}
    rerun = start_loader(corpus, warehouse)
    rerun.communicate(timeout=300)
    assert rerun.returncode == 0
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute(
            "SELECT count(*), count(DISTINCT source_uri) FROM article_sources WHERE source_uri LIKE ?",
            [f"{corpus}%"],
        ).fetchone() == (CORPUS_SIZE, CORPUS_SIZE)


def test_a_merge_failing_halfway_rolls_back_what_it_had_already_inserted(corpus_and_base, tmp_path):
    """Rejections are merged last: one that breaks a NOT NULL column fails after the articles went in."""
    corpus, _ = corpus_and_base
    warehouse, staged = _copy_and_stage_twenty(corpus_and_base, tmp_path)
    before = snapshot(warehouse)
    assert staged.rows("stg_articles") > 0
    broken = pa.Table.from_pylist(
        [{"source_uri": "x.txt", "content_sha256": None, "stage": "decode", "reason": None}],
        schema=SCHEMAS["stg_rejections"],
    )
    staged.tables["stg_rejections"] = broken
    with connect(warehouse) as connection:
        with pytest.raises(duckdb.ConstraintException):
            merge_load(connection, staged, new_load_info())
    assert snapshot(warehouse) == before
    counts, _ = ingest_paths([str(corpus)], warehouse)
    assert counts.articles_new >= 1 and failing_checks(warehouse) == []


def test_a_failing_articles_insert_surfaces_its_own_error_and_changes_nothing(corpus_and_base, tmp_path):
    """The new articles are streamed in from a registered reader: its failure is the one reported."""
    warehouse, staged = _copy_and_stage_twenty(corpus_and_base, tmp_path)
    before = snapshot(warehouse)
    articles = staged.tables["stg_articles"]
    staged.tables["stg_articles"] = articles.set_column(
        articles.schema.get_field_index("body"), "body", pa.nulls(articles.num_rows, pa.string())
    )
    with connect(warehouse) as connection:
        with pytest.raises(duckdb.ConstraintException, match="articles.body"):
            merge_load(connection, staged, new_load_info())
    assert snapshot(warehouse) == before


def _copy_and_stage_twenty(corpus_and_base, tmp_path):
    """A copy of the loaded warehouse, and the first 20 corpus documents staged for a merge."""
    corpus, base = corpus_and_base
    warehouse = tmp_path / "copy.duckdb"
    shutil.copy(base, warehouse)
    return warehouse, stage_batches([process_paths([str(path) for path in sorted(corpus.iterdir())[:20]])])


@pytest.fixture
def holder(tmp_path):
    """Another process holding a warehouse read-write, as a running load does; released on exit."""
    warehouse = tmp_path / "held.duckdb"
    ingest_paths([str(SEEDS / "003_07cb4f2a5708c291.txt")], warehouse)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(warehouse)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout.readline().strip() == "holding"
    yield warehouse, process
    if process.poll() is None:
        process.stdin.close()
        process.wait(timeout=30)


def test_a_locked_warehouse_is_waited_for_then_refused_with_a_clear_message(holder):
    warehouse, process = holder
    told: list[str] = []
    started = time.monotonic()
    with pytest.raises(WarehouseLocked) as refused:
        with connect(warehouse, wait_seconds=1.5, on_wait=told.append):
            pass
    assert time.monotonic() - started >= 1.5
    assert told == [f"warehouse {warehouse} is in use by another process (PID {process.pid});"
                    " waiting up to 2 s for it to finish"]
    assert str(refused.value).startswith(
        f"warehouse {warehouse} is in use by another process (PID {process.pid}); gave up after 2 s"
    )


def test_the_cli_on_a_locked_warehouse_says_so_without_a_traceback(holder):
    warehouse, process = holder
    result = subprocess.run(
        [sys.executable, "-m", "vnrok_etl.cli", "sql", "SELECT count(*) FROM articles", "--warehouse", str(warehouse)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "VNROK_WAREHOUSE_WAIT_SECONDS": "1"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (f"warehouse {warehouse} is in use by another process (PID {process.pid});"
                        " waiting up to 1 s for it to finish")
    assert lines[-1].startswith(f"vnrok-etl: error: warehouse {warehouse} is in use by another process")
    assert "gave up after 1 s" in lines[-1] and "VNROK_WAREHOUSE_WAIT_SECONDS" in lines[-1]


def wait_for_waiting_message(process: subprocess.Popen) -> str:
    """Read the process's stderr up to the line saying it waits for the lock (EOF: it never did)."""
    lines = []
    for line in iter(process.stderr.readline, ""):
        lines.append(line)
        if "in use by another process" in line:
            return line
    raise AssertionError(f"never waited for the lock: {''.join(lines)}")


def test_the_cli_waits_for_a_lock_to_be_released_then_answers(holder):
    warehouse, process = holder
    query = subprocess.Popen(
        [sys.executable, "-m", "vnrok_etl.cli", "sql", "SELECT count(*) AS n FROM articles",
         "--warehouse", str(warehouse), "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "VNROK_WAREHOUSE_WAIT_SECONDS": "120"},
    )
    assert "waiting up to 120 s" in wait_for_waiting_message(query)
    assert query.poll() is None
    process.stdin.close()
    process.wait(timeout=30)
    out, err = query.communicate(timeout=120)
    assert query.returncode == 0, err
    assert out == "n\n1\n" and "Traceback" not in err


def test_a_loader_waits_for_a_locked_warehouse_and_loads_once_it_is_free(holder):
    warehouse, process = holder
    loader = start_loader(SEEDS, warehouse)
    wait_for_waiting_message(loader)
    process.stdin.close()
    process.wait(timeout=30)
    out, err = loader.communicate(timeout=300)
    assert loader.returncode == 0, err
    assert out.split()[-2:] == ["4", "0"]  # seed 003 was already there


# The real ingest cut into chunks of CHUNK documents, printing as each chunk's merge starts and
# commits: a run killed anywhere keeps the chunks it committed, and the next run ends with the
# rows of an uninterrupted one.
CHUNK = 50
CHUNKED_LOADER = LOADER.replace(
    "runner.ingest_paths([sys.argv[1]], sys.argv[2])", "runner.ingest_paths([sys.argv[1]], sys.argv[2], chunk_size=int(sys.argv[3]))"
)


def start_chunked_loader(corpus: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHUNKED_LOADER, str(corpus), str(warehouse), str(CHUNK)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def records(warehouse: Path) -> str:
    """The benchmark's digest of every public table (raw documents and sightings included),
    load ids and times aside."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from run import records_digest

    return records_digest(str(warehouse))


@pytest.fixture(scope="module")
def chunked_reference(corpus_and_base, tmp_path_factory) -> str:
    """The records of an uninterrupted chunked load of the corpus over the base."""
    corpus, base = corpus_and_base
    reference = tmp_path_factory.mktemp("chunked") / "reference.duckdb"
    shutil.copy(base, reference)
    loader = start_chunked_loader(corpus, reference)
    out, err = loader.communicate(timeout=300)
    assert loader.returncode == 0, err
    assert out.count("merge-end") == 5  # 201 files in chunks of 50
    with connect(reference, read_only=True) as connection:
        chunks = connection.execute("SELECT chunk FROM loads WHERE chunk IS NOT NULL ORDER BY chunk").fetchall()
    assert chunks == [(n,) for n in range(1, 6)]
    return records(reference)


def test_a_chunked_load_killed_anywhere_then_run_again_ends_with_the_rows_of_an_uninterrupted_run(
    corpus_and_base, chunked_reference, tmp_path
):
    corpus, base = corpus_and_base
    expected = chunked_reference

    # Killed inside the second chunk's merge transaction, and between chunks (the fourth being
    # processed once the third has committed).
    for label, merges_ended, inside_merge in (("mid-merge", 1, True), ("between", 3, False)):
        warehouse = tmp_path / f"killed-{label}.duckdb"
        shutil.copy(base, warehouse)
        loader = start_chunked_loader(corpus, warehouse)
        for _ in range(merges_ended):
            wait_for_line(loader, "merge-end")
        if inside_merge:
            wait_for_line(loader, "merge-begin")
        loader.send_signal(signal.SIGKILL)
        loader.communicate(timeout=60)
        with connect(warehouse, read_only=True) as connection:
            committed = connection.execute("SELECT count(*) FROM loads WHERE chunk IS NOT NULL").fetchone()[0]
        assert committed in (merges_ended, merges_ended + 1), label  # the chunks it had committed stay
        assert failing_checks(warehouse) == []
        rerun = start_chunked_loader(corpus, warehouse)
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
        assert records(warehouse) == expected, f"killed {label}: the rerun's rows differ"


# The same loader with every chunk merged in a process of its own, as a chunk of
# runner.MERGE_PROCESS_MIN_DOCUMENTS documents or more is (merge_process.py).
ISOLATED_LOADER = CHUNKED_LOADER.replace("counts, _ = runner", "runner.MERGE_PROCESS_MIN_DOCUMENTS = 0\ncounts, _ = runner")


def merge_process_with_warehouse_open(loader: subprocess.Popen, warehouse: Path, number: int) -> psutil.Process:
    """The loader's `number`-th merge process, once it has the warehouse open (merging)."""
    seen: list[int] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert loader.poll() is None, loader.communicate()
        for child in psutil.Process(loader.pid).children():
            try:
                if "vnrok_etl.merge_process" not in child.cmdline():
                    continue
                if child.pid not in seen:
                    seen.append(child.pid)
                if len(seen) == number and any(f.path == str(warehouse) for f in child.open_files()):
                    return child
            except psutil.Error:
                continue
        time.sleep(0.01)
    raise AssertionError(f"merge process {number} never opened {warehouse}")


def test_a_loader_killed_while_its_merge_process_merges_takes_the_merge_with_it(
    corpus_and_base, chunked_reference, tmp_path
):
    corpus, base = corpus_and_base
    warehouse = tmp_path / "killed.duckdb"
    shutil.copy(base, warehouse)
    command = [sys.executable, "-c", ISOLATED_LOADER, str(corpus), str(warehouse), str(CHUNK)]
    loader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    merging = merge_process_with_warehouse_open(loader, warehouse, number=1)
    loader.send_signal(signal.SIGKILL)
    loader.communicate(timeout=60)
    # The merge process dies with its loader (the kernel's parent-death signal), uncommitted.
    _, alive = psutil.wait_procs([merging], timeout=10)
    assert alive == []
    with connect(warehouse, read_only=True) as connection:
        committed = connection.execute("SELECT count(*) FROM loads WHERE chunk IS NOT NULL").fetchone()[0]
    assert committed in (0, 1)  # killed in the first chunk's merge: before or just after its commit
    assert failing_checks(warehouse) == []

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    # Merged in their own processes, the chunks make exactly the rows of chunks merged in one.
    assert records(warehouse) == chunked_reference
    with connect(warehouse, read_only=True) as connection:
        chunks = connection.execute(
            "SELECT chunk FROM loads WHERE status = 'succeeded' AND chunk IS NOT NULL ORDER BY started_at"
        ).fetchall()
    assert [n for (n,) in chunks][-5:] == [1, 2, 3, 4, 5]
