"""Story linking brings at most TOP_STORIES candidate stories per new article to Python
(linking.py's docstring), and a copy still joins its original when more stories than that
share keys with it.

The articles are made of made-up words (every word drawn once from a seeded generator), so which
articles share shingles is exactly what the test builds: an original of 400 words; a copy, its
first 200 words; decoys that open with the original's first 20 words and go on in words of their
own (75 words). A decoy's whole body is its top prefix level (20 words), the copy's 20-word level
is the same text, so each decoy shares that level's keys with the copy: a candidate. It is not a
copy (a quarter of its shingles are in the copy). The original shares the copy's 80-word level
and some whole-body bands: it shares the most keys.
"""

from __future__ import annotations

import random
import re

import duckdb
import pyarrow as pa
import pytest

from vnrok_etl import key_counts, linking
from vnrok_etl.identity import identity_text
from vnrok_etl.linking import link_new_articles
from vnrok_etl.stories import MIN_SHARED_KEYS, story_signature

TABLES = """
CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, body VARCHAR, published_date DATE,
                       published_at TIMESTAMPTZ, story_id VARCHAR, duplicate_of VARCHAR);
CREATE TABLE _story_keys (key BIGINT, article_id VARCHAR, is_top BOOLEAN);
CREATE TABLE _story_samples (article_id VARCHAR, sample BIGINT[]);
CREATE TABLE _story_key_counts (key BIGINT, articles BIGINT);
"""
K = 2  # the bound in these tests: few decoys are enough to exceed it


def made_up_words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(count)]


RNG = random.Random(20)
ORIGINAL_WORDS = made_up_words(RNG, 400)
ORIGINAL = " ".join(ORIGINAL_WORDS) + "."
COPY = " ".join(ORIGINAL_WORDS[:200]) + "."
DECOYS = [" ".join(ORIGINAL_WORDS[:20] + made_up_words(RNG, 55)) + "." for _ in range(5)]
NEW_DECOYS = [" ".join(ORIGINAL_WORDS[:20] + made_up_words(RNG, 55)) + "." for _ in range(4)]


def shared_keys(a: str, b: str) -> int:
    """Keys two bodies share that count for candidacy: a key either side holds as a top key."""
    sa, sb = story_signature(identity_text(a)), story_signature(identity_text(b))
    all_a, all_b = set(sa.keys) | set(sa.top_keys), set(sb.keys) | set(sb.top_keys)
    return sum(1 for key in all_a & all_b if key in sa.top_keys or key in sb.top_keys)


def load(connection: duckdb.DuckDBPyConnection, bodies: dict[str, str], staged_shingles: bool = True) -> dict[str, str]:
    """Link `bodies` as one load (linking.py), then insert them with their story as the merge does.

    With `staged_shingles`, the load carries each article's shingle hashes as staging does;
    without, the column is NULL (a spill staged before it existed) and the bodies are shingled."""
    signatures = [story_signature(identity_text(body)) for body in bodies.values()]
    table = pa.table({
        "article_id": list(bodies),
        "body": list(bodies.values()),
        "published_date": pa.nulls(len(bodies), pa.date32()),
        "published_at": pa.nulls(len(bodies), pa.timestamp("us", "UTC")),
        "story_keys": pa.array([s.keys for s in signatures], pa.list_(pa.int64())),
        "story_top_keys": pa.array([s.top_keys for s in signatures], pa.list_(pa.int64())),
        "story_sample": pa.array([s.sample for s in signatures], pa.list_(pa.int64())),
        "story_shingles": pa.array([s.shingles if staged_shingles else None for s in signatures], pa.binary()),
    })
    connection.register("load", table)
    stories = link_new_articles(connection, "load")
    connection.execute(
        """INSERT INTO articles SELECT article_id, body, published_date, published_at, story_id,
               CASE WHEN story_id = article_id THEN NULL ELSE story_id END
           FROM load JOIN (SELECT unnest($1::VARCHAR[]) AS article_id, unnest($2::VARCHAR[]) AS story_id)
           USING (article_id)""",
        [list(stories), list(stories.values())],
    )
    connection.unregister("load")
    return stories


@pytest.fixture
def warehouse(monkeypatch):
    monkeypatch.setattr(linking, "TOP_STORIES", K)
    connection = duckdb.connect()
    connection.execute(TABLES)
    # The old articles: the original (id "z-original": the decoys' ids sort first, so a tie
    # would not favour it) and five decoys, each its own story.
    stories = load(connection, {"z-original": ORIGINAL, **{f"decoy-{i}": body for i, body in enumerate(DECOYS)}})
    assert stories == {article: article for article in stories}
    yield connection
    connection.close()


def test_the_fixture_gives_the_copy_more_candidate_stories_than_the_bound():
    from_decoys = [shared_keys(COPY, decoy) for decoy in DECOYS]
    assert all(shared >= MIN_SHARED_KEYS for shared in from_decoys)
    assert len(DECOYS) > K
    assert shared_keys(COPY, ORIGINAL) > max(from_decoys)


# The copy's exact test reads its staged shingle hashes, or (an older spill: NULL) its body; the
# original's side is always its body, shingled at the merge: the same story either way.
@pytest.mark.parametrize("staged_shingles", [True, False])
def test_a_copy_with_more_candidate_stories_than_the_bound_joins_its_original(warehouse, staged_shingles):
    stories = load(warehouse, {"copy": COPY}, staged_shingles)
    assert stories == {"copy": "z-original"}
    assert warehouse.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone() == (6,)


@pytest.mark.parametrize("batch", [1000, 2])  # one batch; batches that split the load
def test_at_most_the_bound_of_candidates_per_new_article_reach_python(warehouse, monkeypatch, batch):
    monkeypatch.setattr(linking, "SCREEN_BATCH", batch)
    new = {"copy": COPY, **{f"new-decoy-{i}": body for i, body in enumerate(NEW_DECOYS)}}
    stories = load(warehouse, new)
    # Unbounded, the copy and each new decoy would have six old candidates (the original and
    # the five decoys) and four or five new ones.
    per_article = warehouse.execute(
        "SELECT a, count(*) FROM stg_story_candidates WHERE old IS NOT NULL GROUP BY a").fetchall()
    assert len(per_article) == len(new) and all(count == K for _, count in per_article)
    new_pairs = warehouse.execute("SELECT count(*) FROM stg_story_candidates WHERE b IS NOT NULL").fetchone()[0]
    assert 0 < new_pairs <= K * len(new)
    assert stories["copy"] == "z-original"
    assert all(stories[article] == article for article in new if article != "copy")


class CountingConnection:
    """The real DuckDB connection, recording every statement linking sends it."""

    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self.connection = connection
        self.statements: list[str] = []

    def execute(self, sql: str, *args):
        self.statements.append(" ".join(sql.split()))
        return self.connection.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.connection, name)


def test_a_load_reads_the_story_keys_and_the_warehouses_bodies_once_whatever_its_batches(warehouse, monkeypatch):
    # Three screen batches and a test round per pair: before, each batch scanned `_story_keys`
    # and `articles` and each round read `articles`' bodies again.
    monkeypatch.setattr(linking, "SCREEN_BATCH", 2)
    monkeypatch.setattr(linking, "PAIR_CHUNK", 1)
    counting = CountingConnection(warehouse)
    new = {"copy": COPY, **{f"new-decoy-{i}": body for i, body in enumerate(NEW_DECOYS)}}
    table = pa.table({
        "article_id": list(new), "body": list(new.values()),
        "published_date": pa.nulls(len(new), pa.date32()),
        "published_at": pa.nulls(len(new), pa.timestamp("us", "UTC")),
        **{column: pa.array([getattr(story_signature(identity_text(body)), field) for body in new.values()],
                            pa.list_(pa.int64()))
           for column, field in (("story_keys", "keys"), ("story_top_keys", "top_keys"), ("story_sample", "sample"))},
        "story_shingles": pa.array([story_signature(identity_text(body)).shingles for body in new.values()],
                                   pa.binary()),
    })
    warehouse.register("load", table)
    stories = link_new_articles(counting, "load")
    assert stories["copy"] == "z-original"
    batches = [sql for sql in counting.statements if sql.startswith("INSERT INTO stg_story_candidates WITH")]
    assert len(batches) == 3
    reads_keys = [sql for sql in counting.statements
                  if re.search(r"(?<!\w)_story_keys\b", sql) and not sql.startswith("INSERT INTO _story_keys")]
    # one scan; before it, one read of the counts of the load's keys (key_counts.py), which
    # choose the keys that scan joins on
    assert len(reads_keys) == 1
    reads_counts = [sql for sql in counting.statements if re.search(r"\b_story_key_counts c\b", sql)]
    assert len(reads_counts) == 1 and reads_counts[0].startswith("CREATE OR REPLACE TEMP TABLE stg_story_key_counts")
    reads_articles = [sql for sql in counting.statements if re.search(r"\bFROM articles\b", sql)]
    # the stories of the keys' articles, the old candidates' samples, the bodies for the exact
    # test and the stories settled: one each, however many batches and rounds
    assert len(reads_articles) == 4
    assert len([sql for sql in reads_articles if re.search(r"SELECT article_id, body\b[^()]*\bFROM articles\b", sql)]) == 1


def test_the_new_partners_chosen_at_the_bound_do_not_depend_on_the_loads_order(monkeypatch):
    # Six new decoys opening with the same 20 words: each shares that prefix level's keys with
    # the five others alike, a tie the bound (2) must break by article, not by scan order.
    monkeypatch.setattr(linking, "TOP_STORIES", K)
    decoys = {f"decoy-{i}": body for i, body in enumerate(DECOYS + NEW_DECOYS[:1])}

    def chosen(order: list[str]) -> set[tuple[str, str]]:
        connection = duckdb.connect()
        connection.execute(TABLES)
        load(connection, {article: decoys[article] for article in order})
        numbered = dict(connection.execute("SELECT n, article_id FROM stg_story_load").fetchall())
        return {(numbered[a], numbered[b]) for a, b in connection.execute(
            "SELECT a, b FROM stg_story_candidates WHERE b IS NOT NULL").fetchall()}

    forward = chosen(list(decoys))
    assert 0 < len(forward) < len(decoys) * (len(decoys) - 1) // 2  # the bound left some pairs out
    assert chosen(list(reversed(decoys))) == forward


def test_a_load_whose_keys_meet_no_stored_key_runs_none_of_the_old_candidates_statements():
    # A warehouse's first load: no row of `_story_keys` holds a key of it, so there is nothing to
    # number, join or read on the old side; its copies still join each other. The next load,
    # whose copy meets the stored keys, runs them and joins the story.
    connection = duckdb.connect()
    connection.execute(TABLES)
    counting = CountingConnection(connection)
    first = load(counting, {"z-original": ORIGINAL, "copy": COPY})
    assert first == {"z-original": "z-original", "copy": "z-original"}
    old_side = ("stg_story_hit_stories", "stg_story_hits", "stg_story_old", "INSERT INTO stg_story_candidates WITH")
    assert not [sql for sql in counting.statements if any(name in sql for name in old_side)]
    counting.statements.clear()
    second = load(counting, {"another-copy": " ".join(ORIGINAL_WORDS[:300]) + "."})
    assert second == {"another-copy": "z-original"}
    assert all(any(name in sql for sql in counting.statements) for name in old_side)


@pytest.mark.parametrize("one_read", [1000, 0])  # the pairs' articles read at once; through the temp table
@pytest.mark.parametrize("staged_shingles", [True, False])  # NULL: the new articles' bodies are read instead
def test_a_small_load_s_articles_are_read_at_once_and_link_as_through_the_temp_table(
        monkeypatch, one_read, staged_shingles):
    monkeypatch.setattr(linking, "ONE_READ_ARTICLES", one_read)
    monkeypatch.setattr(linking, "PAIR_CHUNK", 1)  # a round per pair: the reads must serve every round
    connection = duckdb.connect()
    connection.execute(TABLES)
    counting = CountingConnection(connection)
    load(counting, {"z-original": ORIGINAL, **{f"decoy-{i}": body for i, body in enumerate(DECOYS[:2])}})
    counting.statements.clear()
    stories = load(counting, {"copy": COPY, "another-copy": " ".join(ORIGINAL_WORDS[:300]) + "."}, staged_shingles)
    assert stories == {"copy": "z-original", "another-copy": "z-original"}
    temp_table = [sql for sql in counting.statements if "stg_story_bodies" in sql]
    assert bool(temp_table) == (one_read == 0)


# ─── frequent keys (key_counts.py): left out of the join, but a widely copied story still joins ───

def counted(connection: duckdb.DuckDBPyConnection) -> list[tuple[int, int]]:
    return connection.execute("SELECT key, articles FROM _story_key_counts ORDER BY ALL").fetchall()


def recounted(connection: duckdb.DuckDBPyConnection) -> list[tuple[int, int]]:
    return connection.execute(
        "SELECT key, count(DISTINCT article_id) FROM _story_keys GROUP BY key ORDER BY ALL").fetchall()


def test_keys_held_by_more_than_the_cutoff_are_left_out_of_the_join(warehouse, monkeypatch):
    # The copy shares its 20-word prefix level with the original and the five decoys (6 holders);
    # with a cutoff of 4 that level is frequent, and only the original, which shares the copy's
    # rarer keys (its 80-word level, whole-body bands), is a candidate.
    monkeypatch.setattr(key_counts, "FREQUENT_KEY", 4)
    stories = load(warehouse, {"copy": COPY})
    assert stories == {"copy": "z-original"}
    assert warehouse.execute("SELECT a, old FROM stg_story_candidates").fetchall() == [(0, "z-original")]
    assert counted(warehouse) == recounted(warehouse)


def edited(words: list[str], position: int, rng: random.Random) -> str:
    """The words with the one at `position` replaced by a new one: a syndicator's small edit."""
    return " ".join(words[:position] + made_up_words(rng, 1) + words[position + 1:]) + "."


def test_a_story_copied_more_often_than_the_cutoff_still_takes_a_new_copy(monkeypatch):
    # Seven copies of one 400-word story, each with one word of its own changed past the prefix
    # levels (words 330-399): every key a new copy shares with them is held by more articles
    # than the cutoff (3), and its own edited bands by none. Without the rarest keys it joins on,
    # it would meet nothing and stand alone.
    monkeypatch.setattr(key_counts, "FREQUENT_KEY", 3)
    rng = random.Random(7)
    words = made_up_words(rng, 400)
    old = {"copy-0": " ".join(words) + ".",
           **{f"copy-{i}": edited(words, 330 + 10 * i, rng) for i in range(1, 7)}}
    new_copy = edited(words, 395, rng)
    new_keys = set(story_signature(identity_text(new_copy)).keys) | set(story_signature(identity_text(new_copy)).top_keys)

    def warehouse_of_copies() -> duckdb.DuckDBPyConnection:
        connection = duckdb.connect()
        connection.execute(TABLES)
        assert set(load(connection, old).values()) == {"copy-0"}
        return connection

    connection = warehouse_of_copies()
    held = dict(connection.execute("SELECT key, articles FROM _story_key_counts").fetchall())
    shared = [held[key] for key in new_keys if key in held]
    assert len(shared) >= MIN_SHARED_KEYS and min(shared) > key_counts.FREQUENT_KEY  # all its shared keys are frequent
    assert len(new_keys) > len(shared)  # and it holds keys of its own (its edit's bands)
    assert load(connection, {"new-copy": new_copy}) == {"new-copy": "copy-0"}
    assert counted(connection) == recounted(connection)

    monkeypatch.setattr(key_counts, "RAREST_KEYS", 0)  # the hazard, shown: no rarest keys, no link
    assert load(warehouse_of_copies(), {"new-copy": new_copy}) == {"new-copy": "new-copy"}
