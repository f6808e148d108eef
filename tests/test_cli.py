"""The vnrok-etl command as a user runs it: a real process, the Prefect test server, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import SEEDS


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vnrok_etl.cli", *args],
        capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def loaded(prefect_server, tmp_path_factory):
    """A warehouse loaded from the seeds by `vnrok-etl ingest`, and that run's output."""
    warehouse = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    result = run_cli("ingest", str(SEEDS), "--warehouse", str(warehouse), env={"PREFECT_API_URL": prefect_server})
    return warehouse, result


def test_ingest_prints_a_summary_and_exits_zero(loaded):
    warehouse, result = loaded
    assert result.returncode == 0, result.stderr
    assert f"into {warehouse}" in result.stdout
    assert "documents seen" in result.stdout and "new articles" in result.stdout
    lines = {line.strip().split("  ")[0]: line.split()[-1] for line in result.stdout.splitlines() if "  " in line}
    assert lines["documents seen"] == "5" and lines["new articles"] == "5"


def test_sql_formats_csv_json_and_table(loaded):
    warehouse, _ = loaded
    query = "SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY source"
    csv_out = run_cli("sql", query, "--warehouse", str(warehouse), "--format", "csv")
    assert csv_out.returncode == 0, csv_out.stderr
    assert csv_out.stdout == "source,n\nNDO,1\nVNA,1\nVNA/VNS,1\nVNS,2\n"
    json_out = run_cli("sql", query, "--warehouse", str(warehouse), "--format", "json")
    assert json.loads(json_out.stdout)[3] == {"source": "VNS", "n": 2}
    table = run_cli("sql", query, "--warehouse", str(warehouse))
    assert table.stdout.splitlines()[0].split() == ["source", "|", "n"] and "(4 rows)" in table.stdout


def test_the_warehouse_env_variable_chooses_the_file(loaded):
    warehouse, _ = loaded
    result = run_cli("sql", "SELECT count(*) AS n FROM articles", "--format", "csv",
                     env={"VNROK_WAREHOUSE": str(warehouse)})
    assert result.stdout == "n\n5\n"


def test_sql_refuses_writes_and_file_access_with_a_clear_error(loaded, tmp_path):
    warehouse, _ = loaded
    for query in ("DELETE FROM articles", f"COPY articles TO '{tmp_path / 'out.csv'}'",
                  f"ATTACH '{tmp_path / 'other.duckdb'}' AS other"):
        result = run_cli("sql", query, "--warehouse", str(warehouse))
        assert result.returncode == 1
        assert result.stderr.startswith("vnrok-etl: error: query failed:") and "Traceback" not in result.stderr
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()
    assert run_cli("sql", "SELECT count(*) FROM articles", "--warehouse", str(warehouse), "--format", "csv").stdout.endswith("5\n")


def test_user_mistakes_give_one_line_errors(tmp_path):
    missing = run_cli("ingest", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith(f"no such file or folder: {tmp_path / 'nope'}")
    no_warehouse = run_cli("sql", "SELECT 1", "--warehouse", str(tmp_path / "absent.duckdb"))
    assert no_warehouse.returncode == 1 and "run `vnrok-etl ingest` first" in no_warehouse.stderr
    bad_sql = run_cli("sql", "SELEC 1", "--warehouse", str(tmp_path / "absent.duckdb"))
    assert bad_sql.returncode == 1
    usage = run_cli("ingest")
    assert usage.returncode == 2 and "usage:" in usage.stderr
