"""A terminal that behaves: a progress bar on a terminal only, no telemetry notice, one-line errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

VNROK = str(Path(sys.executable).with_name("vnrok-etl"))


def read_all(fd: int) -> bytes:
    chunks = []
    os.set_blocking(fd, False)
    while True:
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_the_progress_bar_draws_on_a_terminal_and_stays_silent_in_pipes_and_ci(monkeypatch):
    from vnrok_etl.progress import progress_bar, wanted

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("VNROK_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    master, slave = os.openpty()
    terminal = os.fdopen(slave, "w", buffering=1)
    try:
        assert wanted(terminal) and not wanted(io.StringIO())
        with progress_bar("ingesting", 300, stream=terminal) as bar:
            for _ in range(300):
                bar.advance()
        drawn = read_all(master).decode("utf-8", "replace")
    finally:
        terminal.close()
        os.close(master)
    assert "ingesting" in drawn and "docs/s" in drawn and "300/300" in drawn

    piped = io.StringIO()
    with progress_bar("ingesting", 3, stream=piped) as bar:
        bar.advance(3)
    assert piped.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    master, slave = os.openpty()
    with os.fdopen(slave, "w") as terminal:
        assert not wanted(terminal)  # CI: even a terminal gets no bar
        monkeypatch.delenv("CI")
        monkeypatch.setenv("VNROK_PROGRESS", "0")
        assert not wanted(terminal)
    os.close(master)


def test_prefect_client_telemetry_is_off_so_no_usage_notice_is_printed():
    env = {name: value for name, value in os.environ.items() if name not in ("DO_NOT_TRACK", "CI")}
    script = ("import os, flows; from prefect._internal.analytics.enabled import is_telemetry_enabled;"
              " print(os.environ['DO_NOT_TRACK'], is_telemetry_enabled())")
    shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=ROOT)
    assert shown.stdout.split() == ["1", "False"], shown.stderr
    assert "anonymous usage" not in shown.stdout + shown.stderr


def test_sql_with_a_wrong_table_name_is_one_line(tmp_path):
    from vnrok_etl.warehouse import connect

    warehouse = tmp_path / "w.duckdb"
    with connect(warehouse):
        pass
    wrong = subprocess.run([VNROK, "sql", "SELECT * FROM article", "--warehouse", str(warehouse)],
                           capture_output=True, text=True)
    assert wrong.returncode == 1 and wrong.stdout == ""
    assert wrong.stderr.count("\n") == 1, wrong.stderr
    assert 'Table with name article does not exist! Did you mean "articles"?' in wrong.stderr


def test_crawl_and_serve_refuse_bad_input_in_one_line_before_starting_prefect(tmp_path):
    env = {name: value for name, value in os.environ.items() if name != "PREFECT_API_URL"} | {"VNROK_PREFECT_PORT": "0"}
    for command, expected in (
        (["crawl", "mailto:desk@example.vn"], "not an http(s) URL"),
        (["crawl", "--sources", str(tmp_path / "nope.toml")], "no sources file"),
        (["serve"], "serve needs --inbox DIR, --sources FILE, or both"),
        (["serve", "--sources", str(tmp_path / "nope.toml")], "no sources file"),
    ):
        done = subprocess.run([VNROK, *command, "--warehouse", str(tmp_path / "w.duckdb")], env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, (command, done.stderr)
        assert expected in done.stderr and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
