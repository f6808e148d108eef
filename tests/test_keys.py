"""Keys without key indexes (migration 011): the large tables have no PRIMARY KEY, the merge keeps
their keys unique and the data checks catch a key that is not.

An old warehouse (made with the primary keys) upgraded by 011 must end with the catalog of a
fresh one and every row it had; a chunk that would store a key twice fails its checks, is rolled
back, and keeps its staged rows for inspection, as any failed chunk does.
"""

from __future__ import annotations

import shutil
from dataclasses import replace

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from conftest import SEED_NAMES, SEEDS
from test_load import snapshot, spilled_copy
from vnrok_etl import warehouse as warehouse_module
from vnrok_etl.pipeline import process_paths
from vnrok_etl.runner import ingest_paths, merge_staged, new_load_info
from vnrok_etl.stage import stage_batches
from vnrok_etl.warehouse import WAREHOUSE_DIR, DataCheckFailed, connect, run_checks

# The tables that grow with the corpus, and their keys (each has a `*_key_is_unique` check).
KEYED = {
    "articles": ("article_id",),
    "article_sources": ("source_uri", "content_sha256"),
    "removed_spans": ("article_id", "seq"),
    "captions": ("article_id", "seq"),
    "figures": ("figure_id",),
    "quotes": ("quote_id",),
    "raw_documents": ("content_sha256",),
    "document_sightings": ("source_uri", "content_sha256"),
    "document_fetches": ("source_uri", "content_sha256"),
}
CHECK_OF = {
    "articles": "article_key_is_unique", "article_sources": "article_source_key_is_unique",
    "removed_spans": "removed_span_key_is_unique", "captions": "caption_key_is_unique",
    "figures": "figure_key_is_unique", "quotes": "quote_key_is_unique",
    "raw_documents": "raw_document_key_is_unique", "document_sightings": "document_sighting_key_is_unique",
    "document_fetches": "document_fetch_key_is_unique",
}
CATALOG = {
    "tables": """SELECT table_name, sql FROM duckdb_tables()
                 WHERE NOT temporary AND schema_name = 'main' ORDER BY table_name""",
    "constraints": """SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints()
                      WHERE schema_name = 'main' ORDER BY ALL""",
    "indexes": "SELECT table_name, index_name, sql FROM duckdb_indexes() ORDER BY ALL",
    "views": "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY view_name",
}
KEPT = ("raw_documents", "document_sightings", "_file_signatures", "_story_keys", "_story_samples", "_story_key_counts")
PER_LOAD = ("raw_documents", "document_sightings")


def catalog(path) -> dict[str, list[tuple]]:
    with connect(path, read_only=True) as connection:
        return {name: connection.execute(query).fetchall() for name, query in CATALOG.items()}


def kept_rows(path) -> dict[str, list[tuple]]:
    """The tables test_load.snapshot does not read, whole (bar load ids and times)."""
    with connect(path, read_only=True) as connection:
        return {
            table: sorted(connection.execute(
                f"SELECT * EXCLUDE (load_id, first_seen_at) FROM {table}" if table in PER_LOAD else f"SELECT * FROM {table}"
            ).fetchall(), key=repr)
            for table in KEPT
        }


def test_an_old_warehouse_upgraded_by_011_has_a_fresh_ones_catalog_and_all_its_rows(tmp_path, monkeypatch):
    # An old warehouse, as the code before 011 made it: the same files but the migration.
    old_dir = tmp_path / "warehouse-before-011"
    shutil.copytree(WAREHOUSE_DIR, old_dir)
    for migration in old_dir.glob("migrations/011_*.sql"):
        migration.unlink()
    old = tmp_path / "old.duckdb"
    monkeypatch.setattr(warehouse_module, "WAREHOUSE_DIR", old_dir)
    ingest_paths([str(SEEDS)], old)
    monkeypatch.undo()
    with connect(old, read_only=True) as connection:
        keyed = {row[0] for row in connection.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()}
    assert keyed >= set(KEYED)  # what 011 is for
    before, before_kept = snapshot(old), kept_rows(old)

    with connect(old):  # a writer applies 011
        pass
    fresh = tmp_path / "fresh.duckdb"
    ingest_paths([str(SEEDS)], fresh)
    assert catalog(old) == catalog(fresh)
    primary = {row[0] for row in catalog(fresh)["constraints"] if row[1] == "PRIMARY KEY"}
    assert primary == {"_migrations", "loads", "speakers", "speaker_aliases"}
    assert snapshot(old) == before == snapshot(fresh)
    assert kept_rows(old) == before_kept
    with connect(old, read_only=True) as connection:
        run_checks(connection)
    # The upgraded warehouse goes on loading: the same files again change nothing.
    again, _ = ingest_paths([str(SEEDS)], old)
    assert (again.articles_new, again.sources_new) == (0, 0)
    assert snapshot(old) == before


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("keys") / "seeds.duckdb"
    ingest_paths([str(SEEDS)], path)
    return path


@pytest.mark.parametrize("table", sorted(KEYED))
def test_each_key_check_catches_a_load_that_repeats_a_key(seeded, tmp_path, table):
    """A row of the load being checked whose key an earlier row has: the check of that table
    names it (and only keys of this load are looked at)."""
    path = tmp_path / "w.duckdb"
    shutil.copy(seeded, path)
    load = new_load_info()
    with connect(path) as connection:
        if table == "document_fetches":  # files have no fetch: one as a crawl would record it
            connection.execute(
                """INSERT INTO document_fetches SELECT source_uri, content_sha256, source_uri, now(), 200, '{}',
                   'HTTP/1.1', now(), load_id FROM document_sightings LIMIT 1"""
            )
        run_checks(connection)  # every key once so far
        connection.execute(f"INSERT INTO {table} SELECT * REPLACE ($1 AS load_id) FROM {table} LIMIT 1", [load.load_id])
        with pytest.raises(DataCheckFailed, match=f"'{CHECK_OF[table]}'"):
            run_checks(connection, load.load_id)
        # Another load's keys are not this load's business.
        run_checks(connection, new_load_info().load_id)


@pytest.mark.parametrize("isolated", [False, True], ids=["merged-here", "merged-in-its-own-process"])
def test_a_chunk_storing_a_figure_key_twice_is_rolled_back_with_its_staging_kept(tmp_path, isolated):
    from vnrok_etl.failed_staging import failed_schemas

    path = tmp_path / "w.duckdb"
    ingest_paths([str(SEEDS / SEED_NAMES[0])], path)
    before = snapshot(path)
    with connect(path, read_only=True) as connection:
        (taken,) = connection.execute("SELECT min(figure_id) FROM figures").fetchone()
    # The next chunk's first figure carries a figure id the warehouse already has: no insert
    # refuses it (no index), the check must.
    staged = stage_batches([process_paths([str(SEEDS / name) for name in SEED_NAMES[1:]])])
    figures = staged.tables["stg_figures"]
    ids = figures["figure_id"].to_pylist()
    clashing = figures.set_column(
        figures.schema.get_field_index("figure_id"), "figure_id", pa.array([taken, *ids[1:]], pa.string())
    )
    assert pc.count_distinct(clashing["figure_id"]).as_py() == len(ids)  # unique within the chunk
    broken = replace(staged, tables=staged.tables | {"stg_figures": clashing})
    spill = None
    if isolated:
        spill = tmp_path / "staging"
        broken = spilled_copy(broken, spill)
    load = new_load_info()
    with pytest.raises(DataCheckFailed, match="'figure_key_is_unique'"):
        merge_staged(broken, path, load, spill, isolated=isolated)
    assert snapshot(path) == before  # rolled back
    with connect(path, read_only=True) as connection:
        (schema,) = failed_schemas(connection)
        status, error = connection.execute("SELECT status, error FROM loads WHERE load_id = ?", [load.load_id]).fetchone()
        assert connection.execute(f"SELECT count(*) FROM {schema}.stg_figures WHERE figure_id = ?", [taken]).fetchone() == (1,)
    assert status == "failed" and f"kept in schema {schema}" in error
