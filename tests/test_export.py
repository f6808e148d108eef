"""Export: one Parquet or CSV file per core table and analyst view, read-only, inside DIR only."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import SEEDS
from vnrok_etl.cli import main
from vnrok_etl.export import ExportError, export_marts
from vnrok_etl.runner import ingest_paths
from vnrok_etl.warehouse import connect

MARTS = {
    "figures_in_context", "quotes_by_speaker", "speaker_summary", "source_summary", "money_timeline",
    "claim_figures", "figure_claims", "figure_conflicts", "figure_conflict_values", "canonical_articles",
    "subject_synonyms", "stories",
}
CORE = {
    "articles", "article_sources", "figures", "quotes", "speakers", "speaker_aliases", "removed_spans",
    "captions", "rejections", "loads",
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "seeds.duckdb"
    ingest_paths([str(SEEDS)], path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_parquet_has_one_file_per_table_and_mart_with_the_rows(seeded, tmp_path):
    before = digest(seeded)
    files = export_marts(seeded, str(tmp_path / "out"), "parquet")
    assert {path.stem for path in files} == MARTS | CORE  # no int_ views, no _migrations
    assert all(path.parent == (tmp_path / "out").resolve() and path.suffix == ".parquet" for path in files)
    with connect(seeded, read_only=True) as connection:
        figures = connection.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert pq.read_table(tmp_path / "out" / "figures.parquet").num_rows == figures
    conflicts = pq.read_table(tmp_path / "out" / "figure_conflicts.parquet").to_pylist()
    assert [(row["low_value"], row["high_value"], row["low_sources"], row["high_sources"]) for row in conflicts] == [
        (200_000.0, 250_000.0, ["NDO", "VNA/VNS"], ["VNA"]),
    ]
    assert digest(seeded) == before  # read-only: the warehouse file is untouched
    assert not list((tmp_path / "out").glob(".*"))  # no partial files left behind


def test_csv_has_a_header_and_the_rows(seeded, tmp_path):
    export_marts(seeded, str(tmp_path / "csv"), "csv")
    with open(tmp_path / "csv" / "source_summary.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert sorted((row["source"], row["articles"]) for row in table) == [
        ("NDO", "1"), ("VNA", "1"), ("VNA/VNS", "1"), ("VNS", "2"),
    ]


def test_exporting_again_replaces_the_files(seeded, tmp_path):
    first = export_marts(seeded, str(tmp_path / "out"), "csv")
    second = export_marts(seeded, str(tmp_path / "out"), "csv")
    assert first == second and len(list((tmp_path / "out").iterdir())) == len(first)


def test_a_symlink_in_dir_cannot_redirect_a_write_outside(seeded, tmp_path):
    outside = tmp_path / "outside.parquet"
    outside.write_text("keep me")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "figures.parquet").symlink_to(outside)
    with pytest.raises(ExportError, match="outside the export directory"):
        export_marts(seeded, str(tmp_path / "out"), "parquet")
    assert outside.read_text() == "keep me"


def test_dir_that_is_a_file_and_an_unknown_format_are_refused(seeded, tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(ExportError, match="not a directory"):
        export_marts(seeded, str(tmp_path / "file"), "csv")
    with pytest.raises(ExportError, match="unknown export format"):
        export_marts(seeded, str(tmp_path / "out"), "xlsx")


def test_the_cli_exports(seeded, tmp_path, capsys):
    assert main(["export", "--format", "parquet", str(tmp_path / "cli"), "--warehouse", str(seeded)]) == 0
    assert f"exported {len(MARTS | CORE)} file(s)" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "missing"), "--warehouse", str(tmp_path / "none.duckdb")]) == 1
