"""Migration 012: a warehouse whose story keys, samples and SimHash were made from the shingle
hashes of before (blake2b of each shingle's text) is brought to what a fresh load of the same
files gives, stories included, and its articles are found by later loads. Migration 013: a
warehouse loaded before key counts gets the counts a fresh load keeps."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from conftest import SEED_NAMES, SEEDS
from story_reference import old_shingle_hashes, reference_keys
from test_load import snapshot
from vnrok_etl.identity import _majority_bits, identity_text
from vnrok_etl.runner import ingest_paths
from vnrok_etl.stories import WORD
from vnrok_etl.warehouse import connect, run_checks

ORIGINAL = (SEEDS / SEED_NAMES[4]).read_text()  # " date 2025-08-11 HÀ NỘI — ...", 20 paragraphs, "— VNS"
BLOCKS = ORIGINAL.split("\n\n")
TRIMMED = "\n\n".join(BLOCKS[:5]) + " — VNS"  # the first five paragraphs, same day
# Carried the next day after an introduction line of its own (longer, but later: not the canonical copy).
INTRODUCED = ORIGINAL.replace(
    " date 2025-08-11 ", " date 2025-08-12 Our partner agency filed the report below from the capital.\n\n", 1)
OTHER_REPORT = (SEEDS / SEED_NAMES[3]).read_text()
LATER_COPY = ORIGINAL.replace(" date 2025-08-11 ", " date 2025-08-13 ").replace(
    "agreed to jointly shape", "agreed to shape together") + "\n\nSource: VNA"
STORY_ROWS = """SELECT s.source_uri, o.source_uri FROM articles a
                JOIN article_sources s USING (article_id) JOIN article_sources o ON o.article_id = a.story_id
                ORDER BY s.source_uri"""


def internal(path) -> dict[str, list[tuple]]:
    """The story keys, samples and key counts a warehouse holds, sorted."""
    with connect(path, read_only=True) as connection:
        return {table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("_story_keys", "_story_samples", "_story_key_counts")}


def make_old(path) -> None:
    """What the code of before 012 left: keys (rotation densification), samples and SimHash from
    the old shingle hashes, and stories it had not linked (each article its own), 012 not applied."""
    raw = duckdb.connect(str(path))
    rows = raw.execute("SELECT article_id, body FROM articles").fetchall()
    keys, samples, simhashes = [], [], []
    for article, body in rows:
        text = identity_text(body)
        hashes = old_shingle_hashes(WORD.findall(text))
        plain, top, sample = reference_keys(text, old_shingle_hashes, probes=0)
        keys += [(key, article, False) for key in plain] + [(key, article, True) for key in top]
        samples.append((article, sample))
        simhashes.append((article, _majority_bits(b"".join(value.to_bytes(8, "big") for value in hashes), len(hashes))))
    raw.register("old_keys", pa.table({"key": pa.array([k for k, _, _ in keys], pa.int64()),
                                       "article_id": [a for _, a, _ in keys], "is_top": [t for _, _, t in keys]}))
    raw.register("old_samples", pa.table({"article_id": [a for a, _ in samples],
                                          "sample": pa.array([s for _, s in samples], pa.list_(pa.int64()))}))
    raw.register("old_simhash", pa.table({"article_id": [a for a, _ in simhashes],
                                          "simhash": pa.array([h for _, h in simhashes], pa.int64())}))
    raw.execute("DELETE FROM _story_keys")
    raw.execute("INSERT INTO _story_keys SELECT key, article_id, is_top FROM old_keys")
    raw.execute("DELETE FROM _story_samples")
    raw.execute("INSERT INTO _story_samples SELECT article_id, sample FROM old_samples")
    raw.execute("UPDATE articles SET simhash = o.simhash FROM old_simhash o WHERE articles.article_id = o.article_id")
    raw.execute("UPDATE articles SET story_id = article_id, duplicate_of = NULL")
    raw.execute("DELETE FROM _migrations WHERE version = 12")
    raw.execute("DELETE FROM _schema_state")
    raw.close()


def test_migration_012_gives_an_old_key_warehouse_a_fresh_load_s_keys_and_stories(warehouse, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("original.txt", ORIGINAL), ("trimmed.txt", TRIMMED), ("introduced.txt", INTRODUCED),
                       ("other.txt", OTHER_REPORT)):
        (folder / name).write_text(text)
    ingest_paths([str(folder)], warehouse)
    fresh, fresh_internal = snapshot(warehouse), internal(warehouse)
    with connect(warehouse, read_only=True) as connection:
        linked = connection.execute(STORY_ROWS).fetchall()
    # By hand: the trimmed and the introduced copy are the original's story, the other report its own.
    assert linked == [(str(folder / name), str(folder / story)) for name, story in (
        ("introduced.txt", "original.txt"), ("original.txt", "original.txt"), ("other.txt", "other.txt"),
        ("trimmed.txt", "original.txt"))]

    make_old(warehouse)
    old = snapshot(warehouse)
    assert old != fresh and internal(warehouse)["_story_keys"] != fresh_internal["_story_keys"]
    assert not set(internal(warehouse)["_story_keys"]) & set(fresh_internal["_story_keys"])  # old keys never meet new ones

    with connect(warehouse) as connection:  # a writer applies pending migrations
        assert connection.execute("SELECT count(*) FROM _migrations WHERE version = 12").fetchone() == (1,)
        run_checks(connection)
    assert snapshot(warehouse) == fresh
    assert internal(warehouse) == fresh_internal

    # A later copy, keyed by the new hashes, finds its story among the migrated articles.
    (tmp_path / "later.txt").write_text(LATER_COPY)
    result, _ = ingest_paths([str(tmp_path / "later.txt")], warehouse)
    assert (result.articles_new, result.near_duplicates_new) == (1, 1)
    with connect(warehouse, read_only=True) as connection:
        story = connection.execute(
            """SELECT o.source_uri FROM articles a JOIN article_sources s USING (article_id)
               JOIN article_sources o ON o.article_id = a.story_id WHERE s.source_uri = ?""",
            [str(tmp_path / "later.txt")]).fetchone()
    assert story == (str(folder / "original.txt"),)


def test_migration_013_counts_the_keys_a_warehouse_loaded_before_it_holds(tmp_path, monkeypatch):
    from vnrok_etl import key_counts

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("original.txt", ORIGINAL), ("trimmed.txt", TRIMMED), ("other.txt", OTHER_REPORT),
                       *((seed, (SEEDS / seed).read_text()) for seed in SEED_NAMES[:3])):
        (folder / name).write_text(text)
    warehouse = tmp_path / "w.duckdb"
    ingest_paths([str(folder)], warehouse)
    fresh, fresh_internal = snapshot(warehouse), internal(warehouse)
    with connect(warehouse, read_only=True) as connection:
        assert fresh_internal["_story_key_counts"] == sorted(connection.execute(
            "SELECT key, count(DISTINCT article_id) FROM _story_keys GROUP BY key").fetchall())
    assert any(articles > 1 for _, articles in fresh_internal["_story_key_counts"])  # the copy's keys
    raw = duckdb.connect(str(warehouse))  # as the code before 013 left it
    raw.execute("DROP TABLE _story_key_counts")
    raw.execute("DELETE FROM _migrations WHERE version = 13")
    raw.execute("DELETE FROM _schema_state")
    raw.close()
    monkeypatch.setattr(key_counts, "KEYS_PER_PASS", 100)  # several passes over the keys
    with connect(warehouse) as connection:
        assert connection.execute("SELECT count(*) FROM _migrations WHERE version = 13").fetchone() == (1,)
        run_checks(connection)
    assert internal(warehouse) == fresh_internal
    assert snapshot(warehouse) == fresh
