"""Linking articles into stories inside the warehouse (stories.py says what a story is).

Each article row carries `story_id`, the article_id of its story's canonical article, and
`duplicate_of`, the same when the article is a copy (NULL for the canonical one). Internal table
`_story_keys(key, article_id)` holds every article's MinHash LSH keys (stories.band_keys).

A load links its new articles in five steps, none of which reads every signature into memory:

1. candidates: new articles that share a key with an article already loaded, or with another new
   article: an equi-join in DuckDB on `_story_keys` (hash join built on the load's side);
2. the same-story test on each candidate pair, in Python, on the two bodies fetched for that
   chunk of pairs only (stories.same_story: exact containment of word 3-shingles);
3. the stories those links join: union-find over the new articles and the stories of the
   articles they are linked to (an old story is one node, whatever its size);
4. each joined story's canonical article, from every member's length and date
   (stories.canonical_order), read back from the warehouse for the stories touched only;
5. new articles are inserted with their story; old articles whose story changed (a new article
   joined two stories, or is fuller or earlier than the old canonical) are updated.

Cost: step 1 scans `_story_keys` once (linear in the warehouse, 50 BIGINT keys per article);
steps 2-5 are linear in the load's candidate pairs. Memory holds the load's pairs and one chunk
of bodies. The result is a function of the set of articles, not of their order (stories.py).

`relink_all` recomputes every story from the bodies: migration 004 runs it once, so a warehouse
loaded before story identity gets the stories a fresh load of the same files would give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import duckdb
import pyarrow as pa

from vnrok_etl.identity import identity_text
from vnrok_etl.stories import canonical_order, components, same_story, shingle_set, story_signature

PAIR_CHUNK = 2000  # candidate pairs tested per round trip (bodies of at most 4,000 articles)
KEY_CHUNK = 5000  # articles whose keys relink_all computes per round trip


def link_new_articles(connection: duckdb.DuckDBPyConnection, new_articles: str) -> dict[str, str]:
    """Link a load's new articles into stories; returns new article_id -> story_id.

    `new_articles` names a relation with (article_id, body, published_date, published_at,
    story_keys) of the
    load's articles not yet in the warehouse. Old articles whose story changes are updated here;
    the caller inserts the new ones with the story_id returned.
    """
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE stg_story_keys AS
            SELECT article_id, unnest(story_keys) AS key FROM {new_articles}"""
    )
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE stg_story_pairs AS
            SELECT DISTINCT n.article_id AS a, k.article_id AS b
            FROM stg_story_keys n JOIN _story_keys k USING (key)
            UNION
            SELECT DISTINCT n.article_id, m.article_id
            FROM stg_story_keys n JOIN stg_story_keys m USING (key)
            WHERE n.article_id < m.article_id"""
    )
    bodies = f"""SELECT article_id, body FROM {new_articles}
                 UNION ALL SELECT article_id, body FROM articles"""
    links = list(_tested_links(connection, bodies))
    new_ids = [row[0] for row in connection.execute(f"SELECT article_id FROM {new_articles}").fetchall()]
    stories = {new: new for new in new_ids}
    if links:
        # An old article stands for its whole story: the node is its story_id.
        old_ids = sorted({b for _, b in links if b not in stories})
        old_story = dict(connection.execute(
            "SELECT article_id, story_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [old_ids]
        ).fetchall())
        edges = [(a, old_story.get(b, b)) for a, b in links]
        joined = components(new_ids, edges)
        groups: dict[str, set[str]] = defaultdict(set)
        for node, root in joined.items():
            groups[root].add(node)
        changed = _settle(connection, [group for group in groups.values() if len(group) > 1], new_articles)
        for article, story in changed.items():
            if article in stories:
                stories[article] = story
        _update_old(connection, {a: s for a, s in changed.items() if a not in stories})
    connection.execute("INSERT INTO _story_keys SELECT key, article_id FROM stg_story_keys")
    return stories


def _tested_links(connection: duckdb.DuckDBPyConnection, bodies: str) -> Iterable[tuple[str, str]]:
    """The candidate pairs of stg_story_pairs that pass the same-story test, chunk by chunk."""
    pairs = connection.execute("SELECT a, b FROM stg_story_pairs ORDER BY a, b").fetchall()
    for start in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[start:start + PAIR_CHUNK]
        wanted = sorted({article for pair in chunk for article in pair})
        texts = connection.execute(
            f"SELECT article_id, any_value(body) FROM ({bodies}) WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
            " GROUP BY article_id",
            [wanted],
        ).fetchall()
        # A missing body is left to the articles insert to refuse, with its own error.
        sets = {article: shingle_set(identity_text(body)) for article, body in texts if body is not None}
        for a, b in chunk:
            if a in sets and b in sets and same_story(sets[a], sets[b]):
                yield a, b


def _settle(connection: duckdb.DuckDBPyConnection, groups: list[set[str]], new_articles: str) -> dict[str, str]:
    """article_id -> story_id for every member of the joined groups (nodes: new ids, old story ids)."""
    if not groups:
        return {}
    nodes = sorted(node for group in groups for node in group)
    rows = connection.execute(
        f"""SELECT article_id, story_id AS node, length(body), published_date, published_at FROM articles
            WHERE story_id IN (SELECT unnest($nodes::VARCHAR[]))
            UNION ALL
            SELECT article_id, article_id, length(body), published_date, published_at FROM {new_articles}
            WHERE article_id IN (SELECT unnest($nodes::VARCHAR[]))""",
        {"nodes": nodes},
    ).fetchall()
    members: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        members[row[1]].append(row)
    stories: dict[str, str] = {}
    for group in groups:
        copies = [row for node in group for row in members[node]]
        longest = max(row[2] for row in copies)
        canonical = min(copies, key=lambda row: canonical_order(row[2], longest, (row[3], row[4]), row[0]))[0]
        for article, *_ in copies:
            stories[article] = canonical
    return stories


def _update_old(connection: duckdb.DuckDBPyConnection, stories: dict[str, str]) -> None:
    """Point old articles at their (new) story; duplicate_of follows story_id."""
    if not stories:
        return
    table = pa.table({"article_id": list(stories), "story_id": list(stories.values())})
    connection.register("stg_story_moves", table)
    try:
        connection.execute(
            """UPDATE articles SET story_id = m.story_id,
                   duplicate_of = CASE WHEN m.story_id = articles.article_id THEN NULL ELSE m.story_id END
               FROM stg_story_moves m
               WHERE articles.article_id = m.article_id AND articles.story_id IS DISTINCT FROM m.story_id"""
        )
    finally:
        connection.unregister("stg_story_moves")


def relink_all(connection: duckdb.DuckDBPyConnection) -> None:
    """Recompute every article's story keys and story from the bodies (migration 004).

    Keys are computed KEY_CHUNK articles at a time; candidates come from a self-join of
    `_story_keys`; every article then gets the story a fresh load of all of them would give.
    """
    connection.execute("DELETE FROM _story_keys")
    last = ""
    while True:  # keyset pages: a result cannot stay open while the keys are inserted
        rows = connection.execute(
            "SELECT article_id, body FROM articles WHERE article_id > ? ORDER BY article_id LIMIT ?", [last, KEY_CHUNK]
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        ids, keys = [], []
        for article, body in rows:
            for key in story_signature(identity_text(body))[1]:
                ids.append(article)
                keys.append(key)
        connection.register("stg_relink_keys", pa.table({"key": pa.array(keys, pa.int64()), "article_id": ids}))
        connection.execute("INSERT INTO _story_keys SELECT key, article_id FROM stg_relink_keys")
        connection.unregister("stg_relink_keys")
    connection.execute(
        """CREATE OR REPLACE TEMP TABLE stg_story_pairs AS
           SELECT DISTINCT a.article_id AS a, b.article_id AS b
           FROM _story_keys a JOIN _story_keys b USING (key)
           WHERE a.article_id < b.article_id"""
    )
    links = list(_tested_links(connection, "SELECT article_id, body FROM articles"))
    joined = components((node for pair in links for node in pair), links)
    groups: dict[str, set[str]] = defaultdict(set)
    for node, root in joined.items():
        groups[root].add(node)
    connection.execute("UPDATE articles SET story_id = article_id, duplicate_of = NULL")
    connection.execute("CREATE OR REPLACE TEMP VIEW stg_relink_none AS SELECT * FROM articles WHERE false")
    # Every article is its own story now, so each node of a group is one article.
    _update_old(connection, _settle(connection, list(groups.values()), "stg_relink_none"))
