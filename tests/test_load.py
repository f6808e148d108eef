"""Loads: idempotent, deduplicated across encodings and names, all-or-nothing.

These go through the plain library path (vnrok_etl.runner), the same stages the Prefect flow
runs, so they check load semantics without paying for a Prefect server; test_flow.py runs the flow.
"""

from __future__ import annotations

import codecs
import os
import shutil
from dataclasses import replace

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pytest
import zstandard

from conftest import SEED_NAMES, SEEDS
from vnrok_etl.pipeline import process_paths
from vnrok_etl.runner import ingest_paths, new_load_info
from vnrok_etl.stage import stage_batches
from vnrok_etl.warehouse import (
    WAREHOUSE_DIR,
    DataCheckFailed,
    connect,
    merge_load,
    record_failed_load,
    run_checks,
)

TABLES = (
    "articles", "article_sources", "removed_spans", "captions", "figures", "quotes",
    "speakers", "speaker_aliases", "rejections",
)


def spilled_copy(staged, folder):
    """`staged` written to Arrow files in `folder` (created) and read from there, as a large
    chunk's merge process reads its staged rows."""
    from vnrok_etl.stage import spilled_load

    folder.mkdir()
    for name, table in staged.tables.items():
        with pa.ipc.new_file(folder / f"{name}.arrow", table.schema) as writer:
            writer.write_table(table)
    return spilled_load({name: [str(folder / f"{name}.arrow")] for name in staged.tables}, staged.documents_seen)


def snapshot(path) -> dict[str, list[tuple]]:
    """Every row of every public table (but loads), sorted, columns by name (a migration that
    re-adds a column puts it last): 'nothing changed' means equal."""
    per_load = {"load_id", "first_seen_at", "rejected_at"}
    with connect(path, read_only=True) as connection:
        result = {}
        for table in TABLES:
            columns = sorted(
                name for (name,) in connection.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?", [table]
                ).fetchall() if name not in per_load
            )
            query = f"SELECT {', '.join(columns)} FROM {table}"
            result[table] = sorted(connection.execute(query).fetchall(), key=repr)
        return result


def counts(path) -> dict[str, int]:
    with connect(path, read_only=True) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def test_the_seeds_load_as_five_articles_with_offsets_into_their_bodies(warehouse):
    result, seconds = ingest_paths([str(SEEDS)], warehouse)
    assert (result.documents_seen, result.articles_new, result.sources_new, result.rejections_new) == (5, 5, 5, 0)
    assert set(seconds) >= {"read", "decode", "clean", "extract", "stage", "merge", "wall"}
    with connect(warehouse, read_only=True) as connection:
        sources = connection.execute("SELECT DISTINCT source FROM articles ORDER BY 1").fetchall()
        assert [row[0] for row in sources] == ["NDO", "VNA", "VNA/VNS", "VNS"]
        # Every figure and quote points at its own text in the body (also a data check).
        for table in ("figures", "quotes"):
            bad = connection.execute(
                f"SELECT count(*) FROM {table} JOIN articles USING (article_id)"
                " WHERE substring(body, start_char + 1, end_char - start_char) <> text"
            ).fetchone()[0]
            assert bad == 0
        assert connection.execute("SELECT count(*) FROM figures").fetchone()[0] > 0
        assert connection.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
        status = connection.execute("SELECT status, articles_new FROM loads").fetchall()
        assert status == [("succeeded", 5)]


def test_loading_the_same_files_again_changes_nothing(warehouse):
    ingest_paths([str(SEEDS)], warehouse)
    before = snapshot(warehouse)
    again, _ = ingest_paths([str(SEEDS)], warehouse)
    assert (again.documents_known, again.articles_new, again.sources_new) == (5, 0, 0)
    assert (again.figures_new, again.quotes_new, again.rejections_new) == (0, 0, 0)
    assert snapshot(warehouse) == before


def test_the_same_article_re_encoded_or_renamed_only_gains_a_source(warehouse, tmp_path):
    ingest_paths([str(SEEDS)], warehouse)
    before = counts(warehouse)
    variants = tmp_path / "variants"
    variants.mkdir()
    seed_001 = (SEEDS / SEED_NAMES[1]).read_text(encoding="utf-8")
    seed_002 = (SEEDS / SEED_NAMES[2]).read_text(encoding="utf-8")
    seed_003 = (SEEDS / SEED_NAMES[3]).read_text(encoding="utf-8")
    (variants / "ndo-crlf-bom.txt").write_bytes(codecs.BOM_UTF8 + seed_001.replace("\n", "\r\n").encode())
    (variants / "vna-cp1252.txt").write_bytes(seed_002.encode("cp1252"))
    (variants / "vns-utf16.txt").write_bytes(seed_003.encode("utf-16"))
    shutil.copy(SEEDS / SEED_NAMES[4], variants / "renamed.txt")
    result, _ = ingest_paths([str(variants)], warehouse)
    assert (result.articles_new, result.sources_new, result.figures_new, result.quotes_new) == (0, 4, 0, 0)
    after = counts(warehouse)
    assert after == before | {"article_sources": before["article_sources"] + 4}
    with connect(warehouse, read_only=True) as connection:
        per_article = connection.execute(
            "SELECT count(DISTINCT article_id), count(*) FROM article_sources"
        ).fetchone()
    assert per_article == (5, 9)


def test_the_same_article_twice_in_one_load_is_one_article(warehouse, tmp_path):
    folder = tmp_path / "twice"
    folder.mkdir()
    shutil.copy(SEEDS / SEED_NAMES[4], folder / "a.txt")
    (folder / "b.txt").write_bytes((SEEDS / SEED_NAMES[4]).read_text().replace("\n", "\r\n").encode())
    result, _ = ingest_paths([str(folder)], warehouse)
    assert (result.articles_new, result.sources_new) == (1, 2)


def test_an_edited_republication_is_linked_to_its_canonical_article(warehouse, tmp_path):
    ingest_paths([str(SEEDS / SEED_NAMES[4])], warehouse)
    edited = (SEEDS / SEED_NAMES[4]).read_text().replace(" date 2025-08-11 ", " date 2025-08-12 ").replace(
        "The agreement was reached on Monday", "The agreement was reached on Monday, August 11,"
    )
    (tmp_path / "republished.txt").write_text(edited)
    result, _ = ingest_paths([str(tmp_path / "republished.txt")], warehouse)
    assert (result.articles_new, result.near_duplicates_new) == (1, 1)
    with connect(warehouse, read_only=True) as connection:
        rows = connection.execute(
            "SELECT a.duplicate_of = o.article_id, a.story_id = o.article_id, o.story_id = o.article_id"
            " FROM articles a, article_sources s, articles o"
            " WHERE s.article_id = o.article_id AND s.source_uri LIKE '%004_%' AND a.duplicate_of IS NOT NULL"
        ).fetchall()
    assert rows == [(True, True, True)]  # both full copies: the one published a day earlier is canonical


def test_a_bad_document_is_a_rejection_and_the_others_still_load(warehouse, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    result, _ = ingest_paths([str(tmp_path / "in")], warehouse)
    assert (result.articles_new, result.rejections_new) == (5, 2)
    assert sorted(reason for _, reason in result.rejections) == ["binary file (PDF document)", "empty document"]
    again, _ = ingest_paths([str(tmp_path / "in")], warehouse)
    assert again.rejections_new == 0  # the same rejected bytes are not recorded twice


def test_a_load_that_fails_a_data_check_leaves_the_warehouse_as_it_was(warehouse, tmp_path):
    ingest_paths([str(SEEDS / SEED_NAMES[0])], warehouse)
    before = snapshot(warehouse)
    staged = stage_batches([process_paths([str(SEEDS / name) for name in SEED_NAMES[1:]])])
    figures = staged.tables["stg_figures"]
    assert figures.num_rows > 0
    shifted = figures.set_column(
        figures.schema.get_field_index("start_char"), "start_char",
        pc.add(figures["start_char"], pa.scalar(1, pa.int32())),
    )
    broken = replace(staged, tables=staged.tables | {"stg_figures": shifted})
    load = new_load_info()
    with connect(warehouse) as connection:
        with pytest.raises(DataCheckFailed, match="figure_text_matches_body"):
            merge_load(connection, broken, load)
        record_failed_load(connection, load, "DataCheckFailed")
    assert snapshot(warehouse) == before
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute("SELECT status FROM loads WHERE load_id = ?", [load.load_id]).fetchall() == [("failed",)]


def test_schema_is_idempotent_and_migrations_are_recorded_once(warehouse):
    for _ in range(3):
        with connect(warehouse):
            pass
    raw = duckdb.connect(str(warehouse), read_only=True)
    try:
        # schema.sql is migration 1; every file in warehouse/migrations is recorded once.
        expected = [(1, "schema")] + [
            (int(file.name[:3]), file.stem[4:])
            for file in sorted((WAREHOUSE_DIR / "migrations").glob("[0-9][0-9][0-9]_*.sql"))
        ]
        assert raw.execute("SELECT version, name FROM _migrations ORDER BY version").fetchall() == expected
        names = {row[0] for row in raw.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        raw.close()
    assert names >= set(TABLES) | {"loads", "_migrations"}


def test_an_edited_copy_in_the_same_load_points_at_the_fuller_one(warehouse, tmp_path):
    # Same date, both full: the longer copy is canonical, whichever file comes first.
    folder = tmp_path / "in"
    folder.mkdir()
    original = (SEEDS / SEED_NAMES[4]).read_text()
    (folder / "a.txt").write_text(original)
    (folder / "b.txt").write_text(original.replace("reached on Monday", "reached on Monday, August 11,"))
    result, _ = ingest_paths([str(folder)], warehouse)
    assert (result.articles_new, result.near_duplicates_new) == (2, 1)
    with connect(warehouse, read_only=True) as connection:
        rows = connection.execute(
            "SELECT s.source_uri, o.source_uri FROM articles a"
            " JOIN article_sources s USING (article_id) JOIN article_sources o ON o.article_id = a.duplicate_of"
        ).fetchall()
    assert rows == [(str(folder / "a.txt"), str(folder / "b.txt"))]


def test_articles_are_stored_in_the_order_the_load_read_them_across_batches(warehouse, tmp_path):
    # The merge streams new articles from staging instead of sorting them in SQL: the table's
    # own order (rowid) is still the load's, here over five batches of one file each.
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(reversed(SEED_NAMES)):
        shutil.copy(SEEDS / name, folder / f"{number}.txt")
    ingest_paths([str(folder)], warehouse, batch_size=1)
    with connect(warehouse, read_only=True) as connection:
        rows = connection.execute(
            "SELECT s.source_uri FROM articles a JOIN article_sources s USING (article_id) ORDER BY a.rowid"
        ).fetchall()
    assert [row[0] for row in rows] == [str(folder / f"{number}.txt") for number in range(5)]


def _minister_article(day: int, printed: str, topic: str) -> str:
    return (
        f" date 2025-09-{day:02d} HÀ NỘI — {printed} said on Monday that Việt Nam and the Republic"
        f" of Korea would expand cooperation in {topic}.\n\n"
        f"The two sides also discussed vocational training and investment in {topic}.\n"
    )


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # Two articles say Deputy Minister, one RoK Ambassador: the title most articles give, the
        # only country given, and the name with its diacritics though only one article prints them.
        (
            [(1, "Deputy Minister Phan Thi Lan", "electronics"), (2, "Deputy Minister Phan Thi Lan", "shipbuilding"),
             (3, "RoK Ambassador Phan Thị Lan", "semiconductors")],
            ("Phan Thị Lan", "Deputy Minister", "KR"),
        ),
        # One article each: the tie goes to the first title in byte order.
        (
            [(1, "Deputy Minister Phan Thị Lan", "electronics"), (2, "Ambassador Phan Thị Lan", "shipbuilding")],
            ("Phan Thị Lan", "Ambassador", None),
        ),
    ],
)
def test_a_speaker_printed_differently_gets_the_same_row_whatever_the_order_of_the_files(
    tmp_path, articles, expected
):
    texts = [_minister_article(*article) for article in articles]
    for order, rows in _rows_loaded_in_both_orders(tmp_path, texts, "SELECT name, title, country FROM speakers"):
        assert rows == [expected], order


@pytest.mark.parametrize(
    ("ministers", "expected"),
    [
        (["Hoàng Ngọc Long", "Lý Hồng Long", "Lý Hồng Long"], "Lý Hồng Long"),  # whom most articles mean
        (["Lý Hồng Long", "Hoàng Ngọc Long"], "Hoàng Ngọc Long"),  # a tie: the first in byte order
    ],
)
def test_an_alias_two_people_share_means_the_same_person_whatever_the_order(tmp_path, ministers, expected):
    texts = [
        _minister_article(number + 1, f"Minister {name}", topic)
        + "\nMinister Long added that investment would double by 2030.\n"
        for number, (name, topic) in enumerate(zip(ministers, ("electronics", "shipbuilding", "steel")))
    ]
    query = "SELECT alias, name FROM speaker_aliases WHERE alias_key = 'minister long'"
    for order, rows in _rows_loaded_in_both_orders(tmp_path, texts, query):
        assert rows == [("Minister Long", expected)], order


def _rows_loaded_in_both_orders(tmp_path, texts: list[str], query: str):
    """(order, rows of `query`) after loading `texts` as files, one batch each, into a fresh
    warehouse in the order given and into another in the reverse order."""
    for order, ordered in (("forward", texts), ("backward", texts[::-1])):
        folder = tmp_path / order
        folder.mkdir()
        for number, text in enumerate(ordered):
            (folder / f"{number}.txt").write_text(text)
        ingest_paths([str(folder)], tmp_path / f"{order}.duckdb", batch_size=1)
        with connect(tmp_path / f"{order}.duckdb", read_only=True) as connection:
            yield order, connection.execute(query).fetchall()


def _age(path, seconds: float = 60) -> None:
    """Set the file's modification time in the past, as for any file not being written now."""
    stamp = path.stat().st_mtime_ns - int(seconds * 1e9)
    os.utime(path, ns=(stamp, stamp))


def test_a_file_unchanged_since_it_was_loaded_is_not_read_again(warehouse, tmp_path):
    file = tmp_path / "a.txt"
    shutil.copy(SEEDS / SEED_NAMES[4], file)
    _age(file)
    ingest_paths([str(file)], warehouse)
    # Same size and same modification time, other bytes: like make and rsync, taken as unchanged,
    # which proves the file was not read (its new bytes would be a new source).
    stamp = file.stat().st_mtime_ns
    text = file.read_text()
    file.write_text(text.replace("agreement", "AGREEMENT"))
    os.utime(file, ns=(stamp, stamp))
    result, seconds = ingest_paths([str(file)], warehouse)
    assert (result.documents_seen, result.documents_known, result.sources_new) == (1, 1, 0)
    # Touched (a new modification time): read again, and the new bytes are a new source.
    _age(file, 30)
    result, _ = ingest_paths([str(file)], warehouse)
    assert (result.documents_known, result.sources_new) == (0, 1)


def test_a_file_written_just_before_it_was_read_is_read_again_next_time(warehouse, tmp_path):
    fresh, settled = tmp_path / "fresh.txt", tmp_path / "settled.txt"
    shutil.copy(SEEDS / SEED_NAMES[3], fresh)
    shutil.copy(SEEDS / SEED_NAMES[4], settled)
    _age(settled)
    ingest_paths([str(tmp_path)], warehouse)
    with connect(warehouse, read_only=True) as connection:
        recorded = connection.execute("SELECT source_uri FROM _file_signatures").fetchall()
    # A second write within the same timestamp tick could hide behind the same size and time.
    assert recorded == [(str(settled),)]


def test_the_checks_after_a_load_look_at_its_rows(warehouse, tmp_path):
    ingest_paths([str(SEEDS / SEED_NAMES[0])], warehouse)
    with connect(warehouse) as connection:  # damage an earlier load's row by hand
        connection.execute("UPDATE figures SET kind = 'weight' WHERE figure_id = (SELECT min(figure_id) FROM figures)")
    result, _ = ingest_paths([str(SEEDS / SEED_NAMES[1])], warehouse)
    assert result.articles_new == 1
    with connect(warehouse) as connection:
        with pytest.raises(DataCheckFailed, match="known_figure_kinds"):
            run_checks(connection)  # the whole warehouse, as a maintainer would check it


def test_a_view_dropped_by_hand_is_put_back_by_the_next_writer(warehouse):
    ingest_paths([str(SEEDS / SEED_NAMES[0])], warehouse)
    with connect(warehouse) as connection:
        connection.execute("DROP VIEW figure_conflicts")
    with connect(warehouse):
        pass
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM figure_conflicts").fetchone() == (0,)


def test_documents_loaded_before_raw_storage_are_read_again_and_kept_without_new_articles(warehouse, tmp_path):
    file = tmp_path / "a.txt"
    shutil.copy(SEEDS / SEED_NAMES[2], file)
    _age(file)
    ingest_paths([str(file)], warehouse)
    before = snapshot(warehouse)
    with connect(warehouse) as connection:  # as a warehouse from before migration 005 has it
        connection.execute("DELETE FROM raw_documents")
        connection.execute("DELETE FROM document_sightings")
    result, _ = ingest_paths([str(file)], warehouse)
    assert (result.documents_known, result.articles_new, result.sources_new) == (0, 0, 0)
    assert snapshot(warehouse) == before
    with connect(warehouse, read_only=True) as connection:
        (content,) = connection.execute("SELECT content FROM raw_documents").fetchone()
    assert zstandard.ZstdDecompressor().decompress(content) == file.read_bytes()
    again, _ = ingest_paths([str(file)], warehouse)
    assert again.documents_known == 1  # kept now: not read a third time


def test_every_derived_row_records_the_rules_that_made_it(warehouse, tmp_path):
    from vnrok_etl import __version__
    from vnrok_etl.version import PACKAGE_DIR, extraction_files, extraction_version

    version = extraction_version()
    assert version.startswith(f"{__version__}+") and len(version.split("+")[1]) == 12
    # The digest covers the modules the extraction imports, not the warehouse or the CLI.
    # (A module split into a subpackage is followed into it: its modules count, by their imports.)
    modules = {path.relative_to(PACKAGE_DIR).with_suffix("").as_posix().removesuffix("/__init__") for path in extraction_files()}
    assert {"decode", "clean", "html", "quotes", "speakers", "figures", "identity", "claim_keys"} <= modules
    assert not modules & {"cli", "warehouse", "runner", "export", "report", "version"}
    shutil.copytree(SEEDS, tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    ingest_paths([str(tmp_path / "in")], warehouse)
    with connect(warehouse, read_only=True) as connection:
        for table in (*TABLES,):
            versions = connection.execute(f"SELECT DISTINCT extraction_version FROM {table}").fetchall()
            assert versions == [(version,)], table


@pytest.mark.parametrize("isolated", [False, True], ids=["merged-here", "merged-in-its-own-process"])
def test_a_failed_chunks_staged_rows_stay_inspectable_until_its_documents_load(warehouse, tmp_path, isolated):
    from vnrok_etl.failed_staging import failed_schemas
    from vnrok_etl.runner import merge_staged

    paths = [str(SEEDS / name) for name in SEED_NAMES[1:]]
    staged = stage_batches([process_paths(paths)])
    figures = staged.tables["stg_figures"]
    shifted = figures.set_column(
        figures.schema.get_field_index("start_char"), "start_char",
        pc.add(figures["start_char"], pa.scalar(1, pa.int32())),
    )
    broken = replace(staged, tables=staged.tables | {"stg_figures": shifted})
    spill = None
    if isolated:  # as a large chunk is merged: its staged files read by a process of its own
        spill = tmp_path / "staging"
        broken = spilled_copy(broken, spill)
    load = new_load_info()
    # The merge's own error, whichever process ran it.
    with pytest.raises(DataCheckFailed, match="figure_text_matches_body"):
        merge_staged(broken, warehouse, load, spill, isolated=isolated)
    with connect(warehouse, read_only=True) as connection:
        (schema,) = failed_schemas(connection)
        status, error = connection.execute("SELECT status, error FROM loads WHERE load_id = ?", [load.load_id]).fetchone()
        # The offending rows can be looked at in SQL: every staged figure is off by one character.
        offending = connection.execute(
            f"SELECT count(*) FROM {schema}.stg_figures f JOIN {schema}.stg_articles a USING (article_id)"
            " WHERE substring(a.body, f.start_char + 1, f.end_char - f.start_char) <> f.text"
        ).fetchone()[0]
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    assert status == "failed" and f"kept in schema {schema}" in error
    assert offending == figures.num_rows
    # A load of other documents keeps it; the next successful load of the same documents drops it.
    ingest_paths([str(SEEDS / SEED_NAMES[0])], warehouse)
    with connect(warehouse, read_only=True) as connection:
        assert failed_schemas(connection) == [schema]
    ingest_paths(paths, warehouse)
    with connect(warehouse, read_only=True) as connection:
        assert failed_schemas(connection) == []
# ─── stories (stories.py, linking.py) ───────────────────────────────────────────────────────────

ORIGINAL = (SEEDS / SEED_NAMES[4]).read_text()  # " date 2025-08-11 HÀ NỘI — ...", 20 paragraphs, "— VNS"
BLOCKS = ORIGINAL.split("\n\n")
TRIMMED = "\n\n".join(BLOCKS[:6]) + " — VNS"  # the first six paragraphs, same day
EDITED_NEXT_DAY = ORIGINAL.replace(" date 2025-08-11 ", " date 2025-08-12 ").replace(
    "agreed to jointly shape", "agreed to shape together"
) + "\n\nSource: VNA"
OTHER_REPORT = (SEEDS / SEED_NAMES[3]).read_text()
STORY_ROWS = """SELECT s.source_uri, o.source_uri FROM articles a
                JOIN article_sources s USING (article_id) JOIN article_sources o ON o.article_id = a.story_id
                ORDER BY s.source_uri"""


def test_stories_are_the_same_whatever_the_order_and_the_batches(tmp_path):
    texts = [TRIMMED, EDITED_NEXT_DAY, ORIGINAL, OTHER_REPORT]
    results = {}
    for order, rows in _rows_loaded_in_both_orders(
        tmp_path, texts, "SELECT article_id, story_id, duplicate_of FROM articles ORDER BY article_id"
    ):
        results[order] = rows
    assert results["forward"] == results["backward"]
    stories = {story for _, story, _ in results["forward"]}
    assert len(stories) == 2  # the seed and its two copies; the other seed
    with connect(tmp_path / "forward.duckdb", read_only=True) as connection:
        canonical = connection.execute(
            "SELECT a.body FROM articles a WHERE a.story_id = a.article_id AND a.body LIKE '%ten cooperation%'"
        ).fetchall()
    # The full copies are the original and the edited one; the original was published a day earlier.
    assert len(canonical) == 1 and "agreed to jointly shape" in canonical[0][0]


def test_a_fuller_copy_loaded_later_becomes_the_story_of_the_trimmed_one(warehouse, tmp_path):
    (tmp_path / "trimmed.txt").write_text(TRIMMED)
    (tmp_path / "original.txt").write_text(ORIGINAL)
    first, _ = ingest_paths([str(tmp_path / "trimmed.txt")], warehouse)
    assert (first.articles_new, first.near_duplicates_new) == (1, 0)
    second, _ = ingest_paths([str(tmp_path / "original.txt")], warehouse)
    assert (second.articles_new, second.near_duplicates_new) == (1, 1)
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute(STORY_ROWS).fetchall() == [
            (str(tmp_path / "original.txt"), str(tmp_path / "original.txt")),
            (str(tmp_path / "trimmed.txt"), str(tmp_path / "original.txt")),
        ]
        run_checks(connection)


def test_migration_004_relinks_a_warehouse_loaded_before_stories(warehouse, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("original.txt", ORIGINAL), ("trimmed.txt", TRIMMED), ("other.txt", OTHER_REPORT)):
        (folder / name).write_text(text)
    ingest_paths([str(folder)], warehouse)
    fresh = snapshot(warehouse)
    # Make it a warehouse from before migration 004: no story_id, no keys, no SimHash link for
    # the trimmed copy (SimHash never linked it).
    raw = duckdb.connect(str(warehouse))
    raw.execute("ALTER TABLE articles DROP COLUMN story_id")
    raw.execute("UPDATE articles SET duplicate_of = NULL")
    raw.execute("DROP TABLE _story_keys")
    raw.execute("DROP TABLE _story_samples")
    raw.execute("DELETE FROM _migrations WHERE version = 4")
    raw.execute("DELETE FROM _schema_state")
    raw.close()
    with connect(warehouse) as connection:  # a writer applies pending migrations
        assert connection.execute("SELECT count(*) FROM _migrations WHERE version = 4").fetchone() == (1,)
        run_checks(connection)
    assert snapshot(warehouse) == fresh
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute(STORY_ROWS).fetchall() == [
            (str(folder / "original.txt"), str(folder / "original.txt")),
            (str(folder / "other.txt"), str(folder / "other.txt")),
            (str(folder / "trimmed.txt"), str(folder / "original.txt")),
        ]
    # The relinked warehouse has every article's keys: a later copy finds its story.
    (tmp_path / "edited.txt").write_text(EDITED_NEXT_DAY)
    result, _ = ingest_paths([str(tmp_path / "edited.txt")], warehouse)
    assert (result.articles_new, result.near_duplicates_new) == (1, 1)
