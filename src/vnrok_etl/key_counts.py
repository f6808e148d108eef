"""How many articles hold each story key, and which of a load's keys story linking joins on.

A MinHash key held by very many articles says little about which story an article belongs to:
on the generated corpus (articles assembled from five seeds' paragraphs) a whole-body band or a
prefix is held by up to 2,932 articles at 100,000 and 29,489 at 1,000,000, most of them not
copies of each other, and the rows a load's keys met in `_story_keys` grew with the warehouse:
a 10,000-document chunk's linking cost 3 s of CPU into an empty warehouse, 17 s at 100,000 and
85-88 s at 1,000,000. So the key join of linking.py reads only the rows of keys held by at most
FREQUENT_KEY articles (and a few more, below): a load's join meets at most FREQUENT_KEY rows per
key, whatever the warehouse's size. What still grows per chunk is one scan of `_story_keys` and
of `articles`' ids (linking.py's step 1, ~5 s of the 25 at 1,000,000).

`_story_key_counts(key, articles)` holds, for every key of `_story_keys`, the number of distinct
articles holding it (an article may hold a key twice: as a prefix key and a top key). It is
kept exact by every path that writes or deletes `_story_keys`: a load adds its new articles'
counts (`add_load_counts`), reprocess subtracts those of the articles it removes
(`forget_articles`), migration 013 and relink_all count it from `_story_keys` (`rebuild_counts`).

Why 100 (RESULTS.md "Frequent keys left out of the join", one 10,000-document chunk of the
generated corpus, CPU of its linking): into 1,000,000 articles 85-88 s on main, 46 s with a
cutoff of 1,000, 34 s with 300, 25 s with 100 (3 s into an empty warehouse, 13.5 s at 100,000);
every near copy the generator made (514) joins its source at each cutoff, and on
benchmarks/dedup.py's 1,000 generated articles, whose keys are held by up to hundreds, recall is
the same down to a cutoff of 10. What a lower cutoff leaves out are keys of the text that many
articles share (the generator's pool of paragraphs, an outlet's boilerplate), which rank the
candidates but do not find copies; a real story carried by more than 100 outlets is what the
rarest keys below are for.

A story copied more than FREQUENT_KEY times (a wire story carried by every outlet) has all its
keys frequent: a new copy would meet none of them. So a new article with fewer than
MIN_SHARED_KEYS keys at or under the cutoff (and held by an old article) also joins on its
RAREST_KEYS rarest held keys, whatever their count: a copy of such a story meets its copies
through the keys they share the least often. Its own edited bands are held by no one (count 0:
they are not "held" and do not count), so they cannot hide the story's frequent keys. No new
article of the measured chunks needed them (at 100,000 or 1,000,000, cutoff 100): their cost is
RAREST_KEYS keys' rows for the few that do. Counting stories per key instead of articles would
also keep such a story's keys, but is not kept exact cheaply (a load that joins two stories or
changes a canonical article changes the story of every member's keys), and a key held by every
copy of one story would still cost all its rows.
"""

from __future__ import annotations

import duckdb

FREQUENT_KEY = 100  # a key held by more articles than this is left out of the key join (docstring, RESULTS.md)
RAREST_KEYS = 4  # keys joined, whatever their count, by a new article with too few rarer ones
REBUILD_MEMORY = "512MB"  # DuckDB's limit while the counts are rebuilt from every key (rebuild_counts)
KEYS_PER_PASS = 4_000_000  # rows of `_story_keys` counted per pass of rebuild_counts

# Each distinct key of the load (`stg_story_keys(n, key, is_top)`: the load's keys, numbered by
# article) with the new articles holding it (`new`) and the old ones (`articles`, NULL when none):
# one join, built on the load's keys, one scan of the counts; read by the join and the update.
_LOAD_KEY_COUNTS = """
CREATE OR REPLACE TEMP TABLE stg_story_key_counts AS
SELECT l.key, l.new, c.articles
FROM (SELECT key, count(DISTINCT n) AS new FROM stg_story_keys GROUP BY key) l
LEFT JOIN _story_key_counts c USING (key)
"""
# The load's keys the join meets old rows with: those held by at most {frequent} old articles,
# and for a new article with fewer than {min_shared} of those, its {rarest} rarest held keys
# (ranked by count, then key: the same choice whatever the load; both rows of a key held twice).
_JOINED_KEYS = """
CREATE OR REPLACE TEMP TABLE stg_story_joined_keys AS
WITH held AS MATERIALIZED (
    SELECT k.n, k.key, k.is_top, c.articles
    FROM stg_story_keys k JOIN (SELECT key, articles FROM stg_story_key_counts WHERE articles IS NOT NULL) c USING (key)
), short AS (
    SELECT n FROM held GROUP BY n HAVING count(DISTINCT key) FILTER (WHERE articles <= {frequent}) < {min_shared}
)
SELECT n, key, is_top FROM held WHERE articles <= {frequent}
UNION ALL
SELECT n, key, is_top FROM (
    SELECT n, key, is_top, dense_rank() OVER (PARTITION BY n ORDER BY articles, key) AS rank
    FROM held WHERE articles > {frequent} AND n IN (SELECT n FROM short)
) WHERE rank <= {rarest}
"""


def joined_keys(connection: duckdb.DuckDBPyConnection, min_shared: int) -> str | None:
    """The relation of the load's keys the old side of the join reads, (n, key, is_top): None
    when no key of the load is held by an old article; `stg_story_keys` itself when none of
    those held is frequent (the join is then main's, and a small warehouse's load runs no more
    statements for it); else `stg_story_joined_keys`, staged here. Also stages
    `stg_story_key_counts`, for add_load_counts."""
    connection.execute(_LOAD_KEY_COUNTS)
    held, most = connection.execute("SELECT count(articles), max(articles) FROM stg_story_key_counts").fetchone()
    if not held:
        return None
    if most <= FREQUENT_KEY:
        return "stg_story_keys"
    connection.execute(_JOINED_KEYS.format(frequent=FREQUENT_KEY, min_shared=min_shared, rarest=RAREST_KEYS))
    return "stg_story_joined_keys"


def add_load_counts(connection: duckdb.DuckDBPyConnection) -> None:
    """Count the load's new articles into `_story_key_counts`, from `stg_story_key_counts`
    (staged by joined_keys): keys already held are updated, the others inserted."""
    connection.execute(
        """UPDATE _story_key_counts SET articles = _story_key_counts.articles + l.new
           FROM (SELECT key, new FROM stg_story_key_counts WHERE articles IS NOT NULL) l
           WHERE _story_key_counts.key = l.key"""
    )
    connection.execute("INSERT INTO _story_key_counts SELECT key, new FROM stg_story_key_counts WHERE articles IS NULL")


def forget_articles(connection: duckdb.DuckDBPyConnection, articles: str) -> None:
    """Subtract from `_story_key_counts` the keys of the articles `articles` (a query of
    article_id) holds in `_story_keys`, before they are deleted there; a key no one holds goes."""
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE stg_story_key_drops AS
            SELECT key, count(DISTINCT article_id) AS articles FROM _story_keys
            WHERE article_id IN ({articles}) GROUP BY key"""
    )
    connection.execute(
        """UPDATE _story_key_counts SET articles = _story_key_counts.articles - d.articles
           FROM stg_story_key_drops d WHERE _story_key_counts.key = d.key"""
    )
    connection.execute(
        "DELETE FROM _story_key_counts WHERE articles <= 0 AND key IN (SELECT key FROM stg_story_key_drops)"
    )
    connection.execute("DROP TABLE stg_story_key_drops")


def rebuild_counts(connection: duckdb.DuckDBPyConnection) -> None:
    """`_story_key_counts` from `_story_keys` whole (migration 013, relink_all).

    Counted KEYS_PER_PASS rows of `_story_keys` at a time (the keys split by their hash), within
    REBUILD_MEMORY, the connection's own limit put back after: a distinct count does not spill,
    and in one pass under DuckDB's default limit (80 % of the RAM) the 70 M rows of a
    1,000,000-article warehouse took 6.8 GB of RSS, in 17 passes 0.6 GB, in about the same time
    (RESULTS.md "Frequent keys left out of the join")."""
    limit = connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    rows = connection.execute("SELECT count(*) FROM _story_keys").fetchone()[0]
    passes = max(1, -(-rows // KEYS_PER_PASS))
    connection.execute(f"SET memory_limit = '{REBUILD_MEMORY}'")
    connection.execute("DELETE FROM _story_key_counts")
    for part in range(passes):
        connection.execute(  # literals: with the two as parameters a pass took minutes, not seconds
            f"""INSERT INTO _story_key_counts SELECT key, count(DISTINCT article_id) FROM _story_keys
                WHERE hash(key) % {passes} = {part} GROUP BY key"""
        )
    connection.execute(f"SET memory_limit = '{limit}'")  # not after an error: the transaction is aborted
