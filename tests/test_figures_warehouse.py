"""Figures of issue 17 in the warehouse: the forecast column, a doubtful figure without a value,
and a figure printed twice in one body counted once in figure_claims. The articles are written
for this test (no real article text) in the seeds' saved-page form."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnrok_etl.runner import ingest_paths
from vnrok_etl.warehouse import connect

TARGET = "Both governments agreed to raise bilateral trade to US$200 billion by 2035."

# The same sentence twice in one paragraph: a paste that repeated it.
FIRST = f""" date 2025-09-02 HÀ NỘI — Trade ministers of Viet Nam and the Republic of Korea met in Ha Noi on Tuesday to review a new supply chain programme.

{TARGET} {TARGET}

Trade between the two countries is expected to hit US$95 billion this year, the ministers said.

Last year, textile exports reached $21 3.9 billion, according to a customs report.
"""

SECOND = f""" date 2025-09-03 SEOUL — Korean business groups welcomed the supply chain programme agreed in Ha Noi this week.

{TARGET}

More than 40 Korean firms have asked to join the programme, the chamber said.
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("figures-in")
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    path = tmp_path_factory.mktemp("figures-wh") / "figures.duckdb"
    ingest_paths([str(folder)], path)
    return path


def test_a_forecast_is_stored_apart_from_a_target(warehouse):
    with connect(warehouse, read_only=True) as db:
        rows = db.execute(
            "SELECT text, is_target, is_forecast FROM figures WHERE kind = 'money' ORDER BY text"
        ).fetchall()
    assert ("US$95 billion", False, True) in rows
    assert ("US$200 billion", True, False) in rows


def test_a_malformed_number_is_stored_once_as_doubtful_without_a_value(warehouse):
    with connect(warehouse, read_only=True) as db:
        rows = db.execute(
            "SELECT text, kind, unit, value, qualifier FROM figures WHERE qualifier = 'doubtful'"
        ).fetchall()
        threes = db.execute("SELECT count(*) FROM figures WHERE text LIKE '%3.9%'").fetchone()
    assert rows == [("$21 3.9 billion", "money", "USD", None, "doubtful")]
    assert threes == (1,)


def test_a_figure_printed_twice_in_one_body_counts_once_in_its_claim(warehouse):
    with connect(warehouse, read_only=True) as db:
        printed = db.execute(
            "SELECT count(*) FROM figures WHERE text = 'US$200 billion'"
        ).fetchone()
        claim = db.execute(
            "SELECT stories, figures FROM figure_claims WHERE claim_key LIKE 'money | USD | %target 2035'"
        ).fetchall()
    assert printed == (3,)  # twice in the first article, once in the second
    assert claim == [(2, 2)]
