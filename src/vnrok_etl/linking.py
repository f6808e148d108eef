"""Linking articles into stories inside the warehouse (stories.py says what a story is).

Each article row carries `story_id`, the article_id of its story's canonical article, and
`duplicate_of`, the same when the article is a copy (NULL for the canonical one). Internal table
`_story_keys(key, article_id)` holds every article's MinHash LSH keys (stories.band_keys).

A load links its new articles in five steps, none of which reads every signature into memory:

1. candidates: new articles that share MIN_SHARED_KEYS keys with an article already loaded, or
   with another new article: the rows of `_story_keys` holding a key of the load that is not
   frequent (key_counts.py; "Frequent keys" below) are read in one pass (`stg_story_hits`), then an equi-join in DuckDB on them (a hash join built on the load's
   side, grouped by the load's own article numbers), bounded per new article (below), then
   screened by the containment their shingle samples estimate, SCREEN_BATCH new articles at a
   time (the candidates' samples only are read from `_story_samples`, by a semi-join);
2. the same-story test on each remaining pair, in Python, on the two articles fetched for that
   chunk of pairs only (stories.same_story: exact containment of word 3-shingles, read from a
   new article's staged shingle hashes, or from an old article's body; the articles of every
   pair are read once, into Python for a small load or else into a temp table, `_fetched_bodies`), but for a
   pair already in one story (by an old story or links found before). Pairs with an old story's
   canonical article go first, then the likeliest: a story's new copies then meet the one old
   copy already shingled, instead of one each (with probing densification, old articles
   shingled on benchmarks/dedup.py 577 -> 365);
3. the stories those links join: union-find over the new articles and the stories of the
   articles they are linked to (an old story is one node, whatever its size);
4. each joined story's canonical article, from every member's length and date
   (stories.canonical_order), read back from the warehouse for the stories touched only;
5. new articles are inserted with their story; old articles whose story changed (a new article
   joined two stories, or is fuller or earlier than the old canonical) are updated.

The bound (TOP_STORIES candidate stories per new article). Where many articles share text (a
wire story's paragraphs reused for months, or the generated corpus, built from five seeds'
paragraphs), the key join finds candidates that grow with the warehouse: ~110 per new article
in a 60,000-article warehouse of that corpus, a million pairs per 10,000-document chunk. So, in
SQL, an old candidate stands for its story: the join is aggregated to (new article, old story),
that story represented by its member sharing the most keys with the new article (ties: the
smallest id), and only the TOP_STORIES stories sharing the most keys are kept per new article
(ties: the smallest story id, so the result is deterministic). New-new pairs are bounded the same
way: a pair is kept when either article ranks the other among its TOP_STORIES by shared keys
(ties: the smaller number `n`, the rank of the article_id in the load, so this choice too depends
on the articles only: numbered in scan order, with two threads DuckDB numbered a chunk's articles
differently from run to run, and ties, common on the generated corpus, were broken differently).
Why it is safe: a new article joins a story through any one member (stories are connected
components), and pairs already in one story are not tested anyway (step 2), so one pair per old
story loses nothing; and a copy shares the most keys with its own original, because its longest
prefix level is its original's too (a top key on its side) and their whole-body bands agree as
often as their shingles do, where an article that merely shares text with it shares shorter
levels or a few bands. What it gives up: a copy whose original ranks below TOP_STORIES other
stories by shared keys (stories that share more of its opening or more of its body than its
original does) is not linked to it in that load; it may still join through a new copy of the same
story, and a later copy is linked as usual. Measured (benchmarks/dedup.py, RESULTS.md "Story
linking bounded per chunk"): on the seeds' and corpus fixtures' copies recall is 1.000 from
TOP_STORIES = 2 up (0.986 at 1); with 1,000 generated articles, which share paragraphs with many
others, 2 misses 2 of 11,250 copies and 4 and 8 none: 8 leaves twice the margin.

Frequent keys (key_counts.FREQUENT_KEY, counted in `_story_key_counts`). A key held by very
many articles says little about identity, and the old rows it meets made a load's join grow with
the warehouse (on the generated corpus, whose articles share five seeds' paragraphs, a key is
held by up to ~3,000 articles at 100,000 and tens of thousands at 1,000,000). So the old side of
the join reads only the load's keys held by at most FREQUENT_KEY articles, plus, for a new article
with fewer than MIN_SHARED_KEYS of those, its RAREST_KEYS rarest held keys whatever their count (a
copy of a story copied more than FREQUENT_KEY times meets its copies there). The new-new join is
not pruned: it meets the load's own rows only, bounded by the load. Why it is safe: a copy shares
with its original every key their common text gives, rare ones among them (an article's median
key is held by one article), and the ranking by shared keys is then over rare keys only. What it
gives up: a copy whose rare keys are shared with other articles but not with its original, and
whose keys shared with its original are all frequent, is not linked to it in that load; and
since a key's count grows as the warehouse does, whether a pair meets depends on how many
articles held its keys when the later of the two was loaded, not on the set of articles alone.
Also, a pair of articles that share only frequent keys (text many articles carry) is no longer
a candidate: on the generated corpus that removes links between articles the generator made
independently from one pool of paragraphs, one of which contains the other. Measured (RESULTS.md
"Frequent keys left out of the join"): every near copy of a 10,000-document chunk joins its
source into 100,000 and 1,000,000 articles, and the chunk's linking costs 13.5 and 24.8 s of CPU
instead of 17.1 and 85-88. A load none of whose held keys is frequent (any small warehouse)
joins exactly as before.

Cost: step 1 scans `_story_keys` once (linear in the warehouse, about 60-70 keys per article),
the stories of `articles` once and `_story_samples` once (a list of about an eighth of an
article's shingle hashes), and step 2 reads `articles`' bodies once, in DuckDB (under the merge's
memory limit), however many batches and rounds the load takes (until 5 Dec, one scan of each per
SCREEN_BATCH and per PAIR_CHUNK: the merge's time grew with the warehouse); what reaches Python is at most TOP_STORIES old stories and
TOP_STORIES chosen new partners per new article, whatever the warehouse's size, so steps 2-5 are
linear in the load. Python's memory holds the load's screened pairs, one screen batch's samples,
and one chunk of bodies; DuckDB's (within the merge's limit, spilling past it) the key rows the
load's keys meet and the bodies of the screened pairs' articles. The result is a function of the set of articles, not of their order
(stories.py), as long as no copy has more than TOP_STORIES stories sharing more keys with it than
its original (the bound depends on which articles are already loaded) and no key the two share is
held by more than FREQUENT_KEY articles (the counts too).

`relink_all` recomputes every signature and story from the bodies: migration 004 runs it once, so
a warehouse loaded before story identity gets the stories a fresh load of the same files would
give, and migration 012 again, when the shingle hashes the keys and SimHash are made of changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import duckdb
import pyarrow as pa

from vnrok_etl.identity import identity_text, simhash_of_digests
from vnrok_etl.key_counts import add_load_counts, joined_keys, rebuild_counts
from vnrok_etl.stories import (
    MIN_SAMPLE,
    MIN_SHARED_KEYS,
    SAMPLE_CONTAINMENT,
    SIGNATURE_BATCH,
    Shingles,
    canonical_order,
    components,
    same_story,
    shingles_from_digests,
    shingles_of,
    story_signatures,
)

PAIR_CHUNK = 500  # candidate pairs tested per round trip (bodies and shingles of at most 1,000 articles)
ONE_READ_ARTICLES = 2 * PAIR_CHUNK  # pairs of at most this many articles are read at once (_fetched_bodies)
TOP_STORIES = 8  # candidate stories kept per new article, those sharing the most keys (docstring)
SCREEN_BATCH = 1000  # new articles whose candidate pairs and samples are screened per round trip
KEY_CHUNK = 5000  # articles whose signatures relink_all computes per round trip


def link_new_articles(connection: duckdb.DuckDBPyConnection, new_articles: str) -> dict[str, str]:
    """Link a load's new articles into stories; returns new article_id -> story_id.

    `new_articles` names a relation with (article_id, body, published_date, published_at,
    story_keys, story_top_keys, story_sample, story_shingles) of the load's articles not yet in
    the warehouse; `story_shingles` (the shingle hashes the signature was made of,
    stories.Signature.shingles) spares the exact test finding and hashing a new article's words
    again, and may be NULL (the body is then shingled).
    Old articles whose story changes are updated here; the caller inserts the new ones with the
    story_id returned.

    The load's articles are numbered (`n`) in a temp table of their signatures, so the candidate
    join groups by a number and an old article's id instead of two ids. The bounded candidates
    (`stg_story_candidates(a, old, b)`: at most TOP_STORIES old ones per new article `a`) and the
    old candidates' samples and stories (`stg_story_old`) stay in DuckDB; Python reads them
    SCREEN_BATCH new articles at a time to screen them.
    """
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE stg_story_load AS
            SELECT row_number() OVER (ORDER BY article_id) - 1 AS n, article_id, story_keys, story_top_keys, story_sample AS sample
            FROM {new_articles}"""
    )
    connection.execute(
        """CREATE OR REPLACE TEMP TABLE stg_story_keys AS
           SELECT n, unnest(story_keys) AS key, false AS is_top FROM stg_story_load
           UNION ALL
           SELECT n, unnest(story_top_keys), true FROM stg_story_load"""
    )
    new_ids = [article for (article,) in connection.execute("SELECT article_id FROM stg_story_load ORDER BY n").fetchall()]
    connection.execute(_CANDIDATE_TABLES)
    # The one pass over _story_keys (and over articles' stories). When no stored key meets the
    # load's (a warehouse's first load: then not even the load's keys are grouped to meet them),
    # there are no old candidates: the statements that number them, join them and read their
    # stories and samples are not run (a sixth of a small load's linking: RESULTS.md "Linking
    # cost with a margin").
    joined = joined_keys(connection, MIN_SHARED_KEYS)  # the load's keys the old side meets (key_counts.py)
    old_hits = joined is not None and connection.execute(_KEY_HIT_ROWS.format(keys=joined)).fetchone()[0] > 0
    if old_hits:
        for statement in _KEY_HITS:
            connection.execute(statement)
    batch_candidates = _BATCH_CANDIDATES.format(min_shared=MIN_SHARED_KEYS, top=TOP_STORIES, keys=joined)
    batch_chosen = _BATCH_CHOSEN.format(min_shared=MIN_SHARED_KEYS, top=TOP_STORIES)
    for first in range(0, len(new_ids), SCREEN_BATCH):
        window = {"first": first, "last": first + SCREEN_BATCH}
        if old_hits:
            connection.execute(batch_candidates, window)
        connection.execute(batch_chosen, window)
    connection.execute(_CHOSEN_PAIRS)
    old_story: dict[str, str] = {}
    if old_hits:
        # An old article stands for its whole story: the node is its story_id. Each side is cut
        # to the candidates by a semi-join (a hash table of their ids) before the two meet, so
        # memory follows the load's candidates, not the warehouse: joined whole, DuckDB read
        # every sample list of a 100k warehouse (37 MB) to probe with (EXPLAIN ANALYZE, 3x the time).
        connection.execute(
            """CREATE OR REPLACE TEMP TABLE stg_story_old AS
               SELECT a.article_id, a.story_id, s.sample
               FROM (SELECT article_id, story_id FROM articles
                     WHERE article_id IN (SELECT old FROM stg_story_candidates)) a
               LEFT JOIN (SELECT article_id, sample FROM _story_samples
                          WHERE article_id IN (SELECT old FROM stg_story_candidates)) s USING (article_id)"""
        )
        old_story = dict(connection.execute("SELECT article_id, story_id FROM stg_story_old").fetchall())
    canonical = set(old_story.values())
    scored = []
    for start in range(0, len(new_ids), SCREEN_BATCH):  # the samples of one batch's pairs at a time
        window = [start, start + SCREEN_BATCH]
        candidates = [(new_ids[a], old if b is None else new_ids[b]) for a, old, b in connection.execute(
            "SELECT a, old, b FROM stg_story_candidates WHERE a >= ? AND a < ?", window).fetchall()]
        sample_of = dict(connection.execute(_SAMPLES + (_OLD_SAMPLES if old_hits else ""), window).fetchall())
        scored += _screen_scores(candidates, sample_of, canonical)
    scored.sort()
    pairs = [(a, b) for *_, a, b in scored]
    del scored
    links = list(_tested_links(pairs, _fetched_bodies(connection, pairs, new_articles), old_story)) if pairs else []
    stories = {new: new for new in new_ids}
    if links:
        groups = _groups(new_ids, [(a, old_story.get(b, b)) for a, b in links])
        changed = _settle(connection, groups, new_articles)
        for article, story in changed.items():
            if article in stories:
                stories[article] = story
        _update_old(connection, {a: s for a, s in changed.items() if a not in stories})
    connection.execute(
        """INSERT INTO _story_keys SELECT k.key, l.article_id, k.is_top FROM stg_story_keys k JOIN stg_story_load l USING (n)"""
    )
    connection.execute("INSERT INTO _story_samples SELECT article_id, sample FROM stg_story_load")
    add_load_counts(connection)
    return stories


# The candidates of a load, at most TOP_STORIES per new article (the module's docstring says why
# this is safe), built SCREEN_BATCH new articles at a time so that DuckDB's join and aggregate hold
# one batch's candidates, not the chunk's: old candidates are aggregated to (new article, old
# story), represented by the member sharing the most keys (ties: the smallest id), and ranked by
# those shared keys (ties: the story's id); each new article chooses its TOP_STORIES new partners
# the same way, and a new-new pair is kept when either article chose the other.
# The rankings are aggregates, not windows: the member is the max of (shared keys, -its number)
# and the kept stories or partners arg_max's top TOP_STORIES by (shared keys, -their number), the
# same order as the windows' ORDER BY shared DESC, number (numbers are distinct, so no ties are
# left), in a heap of TOP_STORIES per new article instead of a sort of every candidate: 12-40 %
# less CPU for the two statements on benchmarks/dedup.py's loads (RESULTS.md "Linking cost with
# a margin").
_CANDIDATE_TABLES = """
CREATE OR REPLACE TEMP TABLE stg_story_candidates (a BIGINT, old VARCHAR, b BIGINT);
CREATE OR REPLACE TEMP TABLE stg_story_chosen (x BIGINT, y BIGINT);
"""
# The rows of `_story_keys` that can meet a key of the load (the key is the load's, and it or the
# load's key is a top key) and the stories of their articles, read in one pass each, so each
# batch joins these instead of scanning `_story_keys` (60-70 rows per article loaded) and
# `articles` again: ten full scans per 10,000-document chunk. An old article and its story are
# numbered here (`o`, `s`: their ranks by article_id and story_id, so ties are broken as by the
# ids), and the batches group and rank numbers, not id strings: on the generated corpus, whose
# articles share keys with many, that grouping was most of the merge's time (RESULTS.md "One pass
# over the story keys per chunk"). Every row a batch's join would meet in `_story_keys` is here,
# so the candidates are the same.
_KEY_HIT_ROWS = """
CREATE OR REPLACE TEMP TABLE stg_story_hit_rows AS
SELECT k.key, k.article_id, k.is_top
FROM _story_keys k
JOIN (SELECT key, bool_or(is_top) AS is_top FROM {keys} GROUP BY key) n
  ON n.key = k.key AND (n.is_top OR k.is_top)
"""
_KEY_HITS = (
    # The numbers are ranks over the distinct ids, each its own small window: one window over the
    # hit articles ordered two ways at once (dense_rank by article_id and by story_id) could not
    # work within the merge's 160MB at 650,000 documents (an out-of-memory error in a 1M run).
    # row_number over distinct ids is dense_rank over the rows; a NULL story_id ranks last in both.
    # The hit articles' stories are read once (a materialized CTE), for both windows and the join.
    """CREATE OR REPLACE TEMP TABLE stg_story_hit_stories AS
       WITH h AS MATERIALIZED (
           SELECT article_id, story_id FROM articles WHERE article_id IN (SELECT article_id FROM stg_story_hit_rows)
       )
       SELECT o.o, h.article_id, s.s
       FROM h
       JOIN (SELECT article_id, row_number() OVER (ORDER BY article_id) AS o FROM h) o USING (article_id)
       JOIN (SELECT story_id, row_number() OVER (ORDER BY story_id) AS s FROM (SELECT DISTINCT story_id FROM h)) s
         ON s.story_id IS NOT DISTINCT FROM h.story_id""",
    """CREATE OR REPLACE TEMP TABLE stg_story_hits AS
       SELECT h.key, o.o, o.s, h.is_top FROM stg_story_hit_rows h JOIN stg_story_hit_stories o USING (article_id)""",
    "DROP TABLE stg_story_hit_rows",
)
# The samples of one screen batch's candidates ($1 <= a < $2): the load's, and the old ones'.
_SAMPLES = """
SELECT article_id, sample FROM stg_story_load
WHERE n IN (SELECT a FROM stg_story_candidates WHERE a >= $1 AND a < $2
            UNION ALL SELECT b FROM stg_story_candidates WHERE a >= $1 AND a < $2)
"""
_OLD_SAMPLES = """
UNION ALL
SELECT article_id, sample FROM stg_story_old
WHERE article_id IN (SELECT old FROM stg_story_candidates WHERE a >= $1 AND a < $2)
"""
_BATCH_CANDIDATES = """
INSERT INTO stg_story_candidates
WITH shared_old AS (
    SELECT n.n AS a, k.o, k.s, count(*) AS shared
    FROM (SELECT * FROM {keys} WHERE n >= $first AND n < $last) n
    JOIN stg_story_hits k ON k.key = n.key AND (n.is_top OR k.is_top)
    GROUP BY ALL HAVING count(*) >= {min_shared}
), by_story AS (
    SELECT a, s, max({{'shared': shared, 'first': -o}}) AS best FROM shared_old GROUP BY a, s
), kept AS (
    SELECT a, unnest(arg_max(-best.first, {{'shared': best.shared, 'first': -s}}, {top})) AS o FROM by_story GROUP BY a
)
SELECT kept.a, h.article_id, NULL FROM kept JOIN stg_story_hit_stories h USING (o)
"""
_BATCH_CHOSEN = """
INSERT INTO stg_story_chosen
SELECT x, unnest(arg_max(y, {{'shared': shared, 'first': -y}}, {top}))
FROM (
    SELECT n.n AS x, m.n AS y, count(*) AS shared
    FROM (SELECT * FROM stg_story_keys WHERE n >= $first AND n < $last) n
    JOIN stg_story_keys m ON m.key = n.key AND (n.is_top OR m.is_top) AND m.n <> n.n
    GROUP BY n.n, m.n HAVING count(*) >= {min_shared}
)
GROUP BY x
"""
_CHOSEN_PAIRS = """
INSERT INTO stg_story_candidates SELECT DISTINCT least(x, y), NULL, greatest(x, y) FROM stg_story_chosen
"""


def _screened(
    candidates: list[tuple[str, str]], sample_of: dict[str, Iterable[int] | None], canonical: set[str] = frozenset(),
) -> list[tuple[str, str]]:
    """The candidate pairs whose samples do not rule out a copy, the likeliest copies first."""
    kept = _screen_scores(candidates, sample_of, canonical)
    kept.sort()
    return [(a, b) for *_, a, b in kept]


def _screen_scores(
    candidates: list[tuple[str, str]], sample_of: dict[str, Iterable[int] | None], canonical: set[str] = frozenset(),
) -> list[tuple[bool, float, str, str]]:
    """The candidate pairs whose samples do not rule out a copy, each as a sort key (a pair with
    an old canonical article first, then by the containment their samples estimate) and the pair.

    The sample's estimate of containment (stories.SAMPLE_CONTAINMENT) is loose on purpose: it
    only spares the exact test the many candidates that share a few keys by chance; a pair with
    too small a sample to estimate from goes to the exact test as it is. The estimate is computed
    here, with Python sets, a quarter of the CPU DuckDB's list_intersect took on each pair.
    """
    sets: dict[str, frozenset[int]] = {}

    def sample(article: str) -> frozenset[int]:
        found = sets.get(article)
        if found is None:
            found = sets[article] = frozenset(sample_of.get(article) or ())
        return found

    kept = []
    for a, b in candidates:
        sample_a, sample_b = sample(a), sample(b)
        smaller = min(len(sample_a), len(sample_b))
        estimate = len(sample_a & sample_b) / max(smaller, 1)
        if smaller < MIN_SAMPLE or estimate >= SAMPLE_CONTAINMENT:
            kept.append((b not in canonical, -estimate, a, b))
    return kept


def _fetched_bodies(
    connection: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], new_articles: str,
) -> Callable[[list[str]], dict[str, tuple[str | None, bytes | None]]]:
    """How `_tested_links` reads the articles of a round of pairs: article_id -> (body, staged
    shingle hashes) for the ids asked. A new article's staged shingle hashes are read, and not its
    body (the exact test reads the hashes; reading both columns of the staged load cost the merge
    of a 10,000-document chunk about 25 MB more than reading the bodies alone had); its body only when
    it was staged without them (a spill from before them).

    When the pairs hold at most ONE_READ_ARTICLES articles (a small load: what two rounds would
    hold), they are read once, here, into Python: no temp table, no query per round. Otherwise
    they are copied once into a temp table and each round reads its own there: one read of the
    warehouse's and the load's bodies for the whole load, where each round used to ask `articles`
    (every body of the warehouse: DuckDB reads the body column with the ids it filters) and the
    staged load again, 50 rounds or so per 10,000-document chunk. The copy is DuckDB's, under the
    merge's memory limit (it spills), not Python's.
    """
    wanted = sorted({article for pair in pairs for article in pair})
    query = f"""SELECT article_id, NULL::VARCHAR AS body, story_shingles AS shingles
                FROM {new_articles} WHERE article_id IN (SELECT unnest($ids::VARCHAR[]))
                UNION ALL
                SELECT article_id, body, NULL FROM articles WHERE article_id IN (SELECT unnest($ids::VARCHAR[]))"""
    unhashed = f"""SELECT article_id, body, NULL FROM {new_articles}
                   WHERE story_shingles IS NULL AND article_id IN (SELECT unnest($ids::VARCHAR[]))"""
    if len(wanted) <= ONE_READ_ARTICLES:
        held = {article: (body, shingles)
                for article, body, shingles in connection.execute(query, {"ids": wanted}).fetchall()}
        if missing := [article for article, (body, shingles) in held.items()
                       if body is None and shingles is None]:
            held.update((article, (body, shingles)) for article, body, shingles in connection.execute(
                unhashed, {"ids": missing}).fetchall())
        return lambda ids: {article: held[article] for article in ids if article in held}
    connection.execute(f"CREATE OR REPLACE TEMP TABLE stg_story_bodies AS {query}", {"ids": wanted})
    unread = "FROM stg_story_bodies WHERE body IS NULL AND shingles IS NULL"
    if connection.execute(f"SELECT count(*) {unread}").fetchone()[0]:
        connection.execute(f"DELETE {unread}")
        connection.execute(f"INSERT INTO stg_story_bodies {unhashed}", {"ids": wanted})
    return _reader(connection, "SELECT article_id, body, shingles FROM stg_story_bodies")


def _reader(
    connection: duckdb.DuckDBPyConnection, bodies: str,
) -> Callable[[list[str]], dict[str, tuple[str | None, bytes | None]]]:
    """A round's articles from `bodies`, a query of (article_id, body, shingles) holding each once."""
    def read(ids: list[str]) -> dict[str, tuple[str | None, bytes | None]]:
        return {article: (body, shingles) for article, body, shingles in connection.execute(
            f"SELECT article_id, body, shingles FROM ({bodies}) WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall()}
    return read


def _tested_links(
    pairs: list[tuple[str, str]], read: Callable[[list[str]], dict[str, tuple[str | None, bytes | None]]],
    node_of: dict[str, str] | None = None,
) -> Iterable[tuple[str, str]]:
    """The `pairs` (in the order given) that pass the same-story test, chunk by chunk.

    `read(ids)` gives each article's (body, staged shingle hashes): the hashes
    (stories.shingles_from_digests) when it has them, else its body, shingled here.

    A pair whose two articles are already one story (`node_of` maps an old article to its
    story; links found so far join more) is not tested: its link could not change any story,
    and stories are all the links make (connected components). An article is shingled only when
    a pair that needs the test has it, and its shingles are kept for the next chunk if it is in
    it too (memory: the shingles of one chunk's articles).
    """
    node_of = node_of or {}
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        if node not in parent:  # most nodes: no path to keep
            return node
        path = []
        while node in parent:
            path.append(node)
            node = parent[node]
        for step in path:
            parent[step] = node
        return node

    sets: dict[str, Shingles] = {}
    for start in range(0, len(pairs), PAIR_CHUNK):
        chunk = [(a, b) for a, b in pairs[start:start + PAIR_CHUNK]
                 if root(node_of.get(a, a)) != root(node_of.get(b, b))]
        wanted = {article for pair in chunk for article in pair}
        sets = {article: shingles for article, shingles in sets.items() if article in wanted}  # carried over
        texts = {article: (body, shingles) for article, (body, shingles) in read(sorted(wanted - sets.keys())).items()
                 if body is not None or shingles is not None}

        for a, b in chunk:
            # A missing body is left to the articles insert to refuse, with its own error.
            if (a not in sets and a not in texts) or (b not in sets and b not in texts):
                continue
            node_a, node_b = root(node_of.get(a, a)), root(node_of.get(b, b))
            if node_a != node_b and same_story(_shingled(a, sets, texts), _shingled(b, sets, texts)):
                parent[max(node_a, node_b)] = min(node_a, node_b)
                yield a, b


def _shingled(article: str, sets: dict[str, Shingles], texts: dict[str, tuple[str | None, bytes | None]]) -> Shingles:
    """The article's shingles, from `sets` or else from its staged shingle hashes or its body in
    `texts` (moved into `sets`).

    The words of identity_text(body) are those of body.lower(): folding typography and spaces
    changes only characters that are not word characters, and lowering alone costs a third less.
    """
    if article not in sets:
        body, digests = texts.pop(article)
        sets[article] = shingles_from_digests(digests) if digests is not None else shingles_of(body.lower())
    return sets[article]


def _groups(nodes: Iterable[str], edges: list[tuple[str, str]]) -> list[set[str]]:
    """The connected components of two or more nodes."""
    groups: dict[str, set[str]] = defaultdict(set)
    for node, root in components(nodes, edges).items():
        groups[root].add(node)
    return [group for group in groups.values() if len(group) > 1]


def _settle(connection: duckdb.DuckDBPyConnection, groups: list[set[str]], new_articles: str) -> dict[str, str]:
    """article_id -> story_id for every member of the joined groups (nodes: new ids, old story ids).

    A new article without a body (linked by its staged shingle hashes) counts as empty here: the
    articles insert that follows refuses it, with its own error."""
    if not groups:
        return {}
    nodes = sorted(node for group in groups for node in group)
    rows = connection.execute(
        f"""SELECT article_id, story_id AS node, length(body), published_date, published_at FROM articles
            WHERE story_id IN (SELECT unnest($nodes::VARCHAR[]))
            UNION ALL
            SELECT article_id, article_id, coalesce(length(body), 0), published_date, published_at FROM {new_articles}
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
    with _registered(connection, "stg_story_moves", table):
        connection.execute(
            """UPDATE articles SET story_id = m.story_id,
                   duplicate_of = CASE WHEN m.story_id = articles.article_id THEN NULL ELSE m.story_id END
               FROM stg_story_moves m
               WHERE articles.article_id = m.article_id AND articles.story_id IS DISTINCT FROM m.story_id"""
        )


@contextmanager
def _registered(connection: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """An Arrow table readable in SQL under `name` for the block (left registered after an error,
    as warehouse._registered explains)."""
    connection.register(name, table)
    yield
    connection.unregister(name)


def relink_all(connection: duckdb.DuckDBPyConnection) -> None:
    """Recompute every article's story signature, SimHash and story from the bodies (migrations
    004 and 012).

    Signatures are computed KEY_CHUNK articles at a time; candidates come from a self-join of
    `_story_keys`; every article then gets the keys, SimHash and story a fresh load of all of
    them would give.
    """
    connection.execute("DELETE FROM _story_keys")
    connection.execute("DELETE FROM _story_samples")
    last = ""
    while True:  # keyset pages: a result cannot stay open while the keys are inserted
        rows = connection.execute(
            "SELECT article_id, body FROM articles WHERE article_id > ? ORDER BY article_id LIMIT ?", [last, KEY_CHUNK]
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        ids, keys, tops, samples, simhashes = [], [], [], [], []
        signatures = [signature for start in range(0, len(rows), SIGNATURE_BATCH)
                      for signature in story_signatures([identity_text(body) for _, body in rows[start:start + SIGNATURE_BATCH]])]
        for (article, _), signature in zip(rows, signatures):
            ids += [article] * (len(signature.keys) + len(signature.top_keys))
            keys += signature.keys + signature.top_keys
            tops += [False] * len(signature.keys) + [True] * len(signature.top_keys)
            samples.append(signature.sample)
            simhashes.append(simhash_of_digests(signature.shingles))
        keys_table = pa.table({"key": pa.array(keys, pa.int64()), "article_id": ids, "is_top": tops})
        samples_table = pa.table({
            "article_id": [row[0] for row in rows], "sample": pa.array(samples, pa.list_(pa.int64())),
            "simhash": pa.array(simhashes, pa.int64()),
        })
        with _registered(connection, "stg_relink_keys", keys_table):
            connection.execute("INSERT INTO _story_keys SELECT key, article_id, is_top FROM stg_relink_keys")
        with _registered(connection, "stg_relink_samples", samples_table):
            connection.execute("INSERT INTO _story_samples SELECT article_id, sample FROM stg_relink_samples")
            connection.execute(
                """UPDATE articles SET simhash = s.simhash FROM stg_relink_samples s
                   WHERE articles.article_id = s.article_id AND articles.simhash IS DISTINCT FROM s.simhash"""
            )
    rebuild_counts(connection)
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE stg_story_candidates AS
            SELECT a.article_id AS a, b.article_id AS b
            FROM _story_keys a JOIN _story_keys b ON b.key = a.key AND (a.is_top OR b.is_top)
            WHERE a.article_id < b.article_id
            GROUP BY ALL HAVING count(*) >= {MIN_SHARED_KEYS}"""
    )
    candidates = connection.execute("SELECT a, b FROM stg_story_candidates").fetchall()
    # Kept as sets, read a page at a time: every article of a large warehouse may be a candidate.
    sample_of: dict[str, frozenset[int]] = {}
    result = connection.execute(
        """SELECT article_id, sample FROM _story_samples
           WHERE article_id IN (SELECT a FROM stg_story_candidates UNION SELECT b FROM stg_story_candidates)"""
    )
    while rows := result.fetchmany(KEY_CHUNK):
        sample_of.update((article, frozenset(sample)) for article, sample in rows)
    links = list(_tested_links(_screened(candidates, sample_of),
                               _reader(connection, "SELECT article_id, body, NULL::BLOB AS shingles FROM articles")))
    connection.execute("UPDATE articles SET story_id = article_id, duplicate_of = NULL")
    connection.execute("CREATE OR REPLACE TEMP VIEW stg_relink_none AS SELECT * FROM articles WHERE false")
    # Every article is its own story now, so each node of a group is one article.
    _update_old(connection, _settle(connection, _groups((n for pair in links for n in pair), links), "stg_relink_none"))
