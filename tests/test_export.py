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
    "captions", "rejections", "loads", "document_sightings", "document_fetches", "retired_articles",
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


def test_raw_export_writes_every_document_back_byte_for_byte_with_where_it_was_seen(tmp_path, capsys):
    # The seeds, and one of them again under another name and in UTF-16: one article, but two
    # documents (two hashes), each kept as it was read.
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    utf16 = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").encode("utf-16")
    (folder / "copy-utf16.txt").write_bytes(utf16)
    warehouse = tmp_path / "raw.duckdb"
    ingest_paths([str(folder)], warehouse)
    assert main(["export", "--raw", str(tmp_path / "raw"), "--warehouse", str(warehouse)]) == 0
    assert "exported 6 raw document(s)" in capsys.readouterr().out
    originals = {hashlib.sha256(path.read_bytes()).hexdigest(): path.read_bytes() for path in folder.iterdir()}
    written = {path.name: path.read_bytes() for path in (tmp_path / "raw").iterdir() if path.name != "sightings.csv"}
    assert written == originals
    with open(tmp_path / "raw" / "sightings.csv", newline="", encoding="utf-8") as handle:
        seen = {(row["content_sha256"], row["source_uri"]) for row in csv.DictReader(handle)}
    assert seen == {(hashlib.sha256(path.read_bytes()).hexdigest(), str(path)) for path in folder.iterdir()}
    with connect(warehouse, read_only=True) as connection:
        stored, original = connection.execute(
            "SELECT sum(octet_length(content)), sum(size_bytes) FROM raw_documents"
        ).fetchone()
    assert stored < original / 1.5  # compressed
    # Again into the same folder: nothing to rewrite.
    assert main(["export", "--raw", str(tmp_path / "raw"), "--warehouse", str(warehouse)]) == 0
    assert "exported 0 raw document(s)" in capsys.readouterr().out
