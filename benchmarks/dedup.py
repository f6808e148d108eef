"""Story identity measured: do syndicated copies join their original, and distinct reports not?

    .venv/bin/python benchmarks/dedup.py [--generated N] [--copies K] [--seed S] [--details]
                                         [--methods simhash,stories,warehouse,warehouse+,datasketch] [--repeat R]
    .venv/bin/python benchmarks/dedup.py --scale 10000,100000 [--load-size N] [--memory-limit 64MB]

Originals: the seeds and every document of the development corpus (tests/corpus/), or the
folders given with --originals (tests/heldout: articles the story rules were never tuned on), and
N fresh articles of the generated corpus (benchmarks/corpus.py), each cleaned by the real pipeline
(decode → clean), so identity sees the bodies the warehouse stores. For each original, K
copies, each made by one edit a syndicator makes (EDITS below; the body as cleaning leaves it):

    trim_end          the last paragraphs dropped (up to 40 % of the words)
    first_paragraphs  only the first one to three paragraphs kept (at least 25 words)
    words_2/5/10      2, 5 or 10 % of the words replaced or deleted, spread over the text
    headline_dateline another headline line and a dateline glued on at the top
    credits_intro     an introduction line and a credit line ("Source: VNA") added
    reorder           two paragraphs swapped
    combined          trimmed end, 5 % of the words changed and a credit line added
    intro_first_paragraphs  an introduction line, then only the first paragraphs

Distinct reports: benchmarks/data/distinct/NN-a.txt and NN-b.txt, two reports of one event that
WE wrote, each in its own words, sharing quotes and figures as two outlets' reports do. Each
pair must stay two stories.

Methods: `simhash` (what the warehouse used before: 64-bit SimHash of word 3-shingles, at most
3 differing bits), `stories` (vnrok_etl.stories, as linking.py runs it in the warehouse:
one-permutation MinHash LSH keys of the whole body and of its prefixes, two shared keys, the
shingle-sample screen, then the exact containment test; the keys meet in an in-memory index
that stands in for the SQL join), `warehouse` (the same signatures, then linking.py itself in an
in-memory DuckDB, LOAD_SIZE articles per load: what the merge runs; timed are the signatures and
link_new_articles, not the load's Arrow table nor the articles insert, which `warehouse+` times
too), `datasketch` (datasketch MinHash, 128
permutations, in datasketch's in-memory MinHashLSH at threshold 0.5, then the same exact test;
run when datasketch is installed). Stories are connected components of the links, as in the
warehouse. The originals are few (the seeds and the corpus fixtures), so `--seed` draws other
copies; the generated articles are left out by default because they are assembled from one pool
of seed paragraphs, so that many of them really are partial copies of each other.

Printed per method: recall on copies (the copy ends in its original's story), per edit; precision
(pairs put in one story that are one story); distinct pairs wrongly merged; ms per article, CPU
(time.process_time of this process, DuckDB's threads included: the 2 cores here are shared, so
wall time holds other work's waits) and wall: the signatures as the workers compute them, then
the candidates, the screen and the test; `--repeat R` keeps the least of R runs of each.

`--scale` measures memory instead: for each size it builds (once, kept in --scale-folder) a
warehouse of that many synthetic articles with their keys, then links one load into it in a
fresh process (half edited copies of articles there, rolled back after) and prints that
process's RSS before and its peak while linking, and the CPU per article of the load.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# DEDUP_ROOT=/path/to/another/checkout measures that tree's src (and its seeds, corpus and pairs)
# with this harness: before and after back to back.
ROOT = Path(os.environ.get("DEDUP_ROOT") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from vnrok_etl import stories  # noqa: E402
from vnrok_etl.identity import identity_text, simhash  # noqa: E402

DISTINCT = ROOT / "benchmarks" / "data" / "distinct"
INTROS = (
    "The following article was carried by the Viet Nam News Agency.",
    "Below is a report from our partner agency on the latest developments.",
    "Editor's note: this story was first published by the national news agency.",
)
CREDITS = ("Source: VNA", "— VNA/VNS", "Source: Vietnam News Agency", "(Photo and text: VNA)")
HEADLINES = (
    "Two countries agree to deepen cooperation",
    "Officials meet to review partnership progress",
    "New steps planned for bilateral ties",
)
DATELINES = ("SEOUL (VNA) — ", "HÀ NỘI — ", "Hanoi (VNA) - ", "BUSAN, June 3 (Yonhap) -- ")
MIN_COPY_WORDS = 25  # a copy shorter than this is a headline or a teaser, not an article
FILLER = ("new", "major", "key", "several", "further", "joint", "regional", "local", "recent", "broad")


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    story: str  # the true story: the original's name
    edit: str  # "original", "distinct" or the edit that made the copy
    body: str


def clean_body(path: Path) -> str | None:
    from vnrok_etl.clean import clean_document  # imported here: --link-one measures its RSS without it
    from vnrok_etl.decode import decode_bytes

    try:
        return clean_document(decode_bytes(path.read_bytes()), str(path)).body
    except Exception:  # noqa: BLE001 - a document the pipeline rejects is simply not an original
        return None


def generated_bodies(n: int) -> list[tuple[str, str]]:
    import corpus  # benchmarks/corpus.py

    from vnrok_etl.clean import clean_document
    from vnrok_etl.decode import decode_bytes

    found = []
    index = 0
    while len(found) < n:
        if corpus.kind_of(7, index) == "fresh":
            _, content, _ = corpus.original(7, index)
            body = clean_document(decode_bytes(content), f"generated-{index}").body
            found.append((f"generated-{index:05d}", body))
        index += 1
    return found


DEFAULT_ORIGINALS = (ROOT / "seeds", ROOT / "tests" / "corpus")


def originals(generated: int, folders: Sequence[Path] = DEFAULT_ORIGINALS) -> list[tuple[str, str]]:
    found = []
    for path in [path for folder in folders for path in sorted(folder.glob("*.*"))]:
        if path.suffix not in (".txt", ".html"):
            continue
        body = clean_body(path)
        if body and len(body.split()) >= 40:
            found.append((path.stem, body))
    return found + generated_bodies(generated)


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip()]


def change_words(body: str, share: float, rng: random.Random) -> str:
    """Replace or delete `share` of the words, spread over the text, paragraphs kept."""
    blocks = [p.split(" ") for p in paragraphs(body)]
    positions = [(b, w) for b, block in enumerate(blocks) for w in range(len(block))]
    for b, w in rng.sample(positions, int(len(positions) * share)):
        blocks[b][w] = "" if rng.random() < 0.3 else rng.choice(FILLER)
    return "\n\n".join(" ".join(word for word in block if word) for block in blocks)


def trim_end(body: str, rng: random.Random, most: float = 0.4) -> str:
    """The last paragraphs dropped, keeping at least 1 - `most` of the words; when no paragraph
    can go, the last fifth of the words."""
    kept = paragraphs(body)
    total = len(body.split())
    while len(kept) > 1 and len(" ".join(kept[:-1]).split()) >= (1 - most) * total and rng.random() < 0.8:
        kept.pop()
    if len(kept) == len(paragraphs(body)):
        words = body.split(" ")
        return " ".join(words[: int(len(words) * 0.8)])
    return "\n\n".join(kept)


def first_paragraphs(body: str, rng: random.Random) -> str:
    """The first one to three paragraphs, and more while they make fewer than MIN_COPY_WORDS."""
    kept = paragraphs(body)[: rng.randint(1, 3)]
    while len(" ".join(kept).split()) < MIN_COPY_WORDS and len(kept) < len(paragraphs(body)):
        kept = paragraphs(body)[: len(kept) + 1]
    return "\n\n".join(kept)


def reorder(body: str, rng: random.Random) -> str:
    blocks = paragraphs(body)
    if len(blocks) >= 2:
        i, j = rng.sample(range(len(blocks)), 2)
        blocks[i], blocks[j] = blocks[j], blocks[i]
    return "\n\n".join(blocks)


EDITS = {
    "trim_end": trim_end,
    "first_paragraphs": first_paragraphs,
    "words_2": lambda body, rng: change_words(body, 0.02, rng),
    "words_5": lambda body, rng: change_words(body, 0.05, rng),
    "words_10": lambda body, rng: change_words(body, 0.10, rng),
    "headline_dateline": lambda body, rng: rng.choice(HEADLINES) + "\n\n" + rng.choice(DATELINES) + body,
    "credits_intro": lambda body, rng: rng.choice(INTROS) + "\n\n" + body + "\n\n" + rng.choice(CREDITS),
    "reorder": reorder,
    "combined": lambda body, rng: change_words(trim_end(body, rng, 0.25), 0.05, rng) + "\n\n" + rng.choice(CREDITS),
    "intro_first_paragraphs": lambda body, rng: rng.choice(INTROS) + "\n\n" + first_paragraphs(body, rng),
}


def build_items(generated: int, copies: int, seed: int, folders: Sequence[Path] = DEFAULT_ORIGINALS) -> list[Item]:
    rng = random.Random(seed)
    items = []
    for name, body in originals(generated, folders):
        items.append(Item(name, name, "original", body))
        for edit in rng.sample(sorted(EDITS), min(copies, len(EDITS))):
            items.append(Item(f"{name}~{edit}", name, edit, EDITS[edit](body, rng)))
    for path in sorted(DISTINCT.glob("*-a.txt")):
        for side in ("a", "b"):
            other = path.with_name(path.name.replace("-a.txt", f"-{side}.txt"))
            body = clean_body(other)
            if body:
                items.append(Item(other.stem, other.stem, "distinct", body))
    return items


# ─── methods: each returns (links, Clock) ──────────────────────────────────────────────────────

class Clock:
    """CPU time of this process (time.process_time: DuckDB's threads included) and wall time,
    summed over the spans a method times; on 2 shared cores the wall time holds other work's
    waits, the CPU time does not."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0
        self._started: tuple[float, float] | None = None

    def start(self) -> Clock:
        self._started = (time.process_time(), time.perf_counter())
        return self

    def stop(self) -> Clock:
        cpu, wall = self._started
        self.cpu += time.process_time() - cpu
        self.wall += time.perf_counter() - wall
        self._started = None
        return self


def by_stories(texts: list[str]) -> tuple[list[tuple[int, int]], Clock]:
    """As the warehouse links: signatures computed batch by batch (as the workers do), then each
    article in turn meets the earlier ones on shared keys (the SQL join, here a dict of buckets),
    the sample screen and the exact test; a pair already in one story is not tested (its link
    could not change the story)."""
    clock = Clock().start()
    signatures = signatures_of(texts)
    holders: dict[int, list[int]] = defaultdict(list)  # key -> the articles that have it
    top_holders: dict[int, list[int]] = defaultdict(list)  # key -> the articles that have it as a top key
    sets: dict[int, stories.Shingles] = {}  # as the merge does: shingled again, only for candidates
    samples: dict[int, set[int]] = {}
    parent = list(range(len(texts)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def shingles(index: int) -> stories.Shingles:
        if index not in sets:
            sets[index] = stories.shingles_of(texts[index])
        return sets[index]

    links = []
    for index, signature in enumerate(signatures):
        samples[index] = set(signature.sample)
        shared: Counter[int] = Counter()  # a shared key counts when one side holds it as a top key
        for key in signature.top_keys:
            shared.update(holders[key])
        for key in signature.keys:
            shared.update(top_holders[key])
        for key in signature.top_keys:
            holders[key].append(index)
            top_holders[key].append(index)
        for key in signature.keys:
            holders[key].append(index)
        candidates = sorted(other for other, count in shared.items()
                            if count >= stories.MIN_SHARED_KEYS and screened(samples[other], samples[index]))
        for other in candidates:
            if root(other) != root(index) and stories.same_story(shingles(other), shingles(index)):
                links.append((other, index))
                parent[root(index)] = root(other)
    return links, clock.stop()


def screened(a: set[int], b: set[int]) -> bool:
    """linking._screen's test: the samples' estimate of containment does not rule out a copy."""
    smaller = min(len(a), len(b))
    return smaller < stories.MIN_SAMPLE or len(a & b) >= stories.SAMPLE_CONTAINMENT * smaller


def signatures_of(texts: list[str]) -> list[stories.Signature]:
    """Story signatures as the workers compute them: SIGNATURE_BATCH articles at a time (one at
    a time with a tree from before batched signatures, to compare back to back; trees before 5 Dec
    returned (shingle digests, signature) pairs)."""
    def signature(item: object) -> stories.Signature:
        return item if isinstance(item, stories.Signature) else item[1]

    if not hasattr(stories, "story_signatures"):
        return [signature(stories.story_signature(text)) for text in texts]
    batch = stories.SIGNATURE_BATCH
    return [signature(item) for start in range(0, len(texts), batch)
            for item in stories.story_signatures(texts[start:start + batch])]


def by_warehouse(texts: list[str]) -> tuple[list[tuple[int, int]], Clock]:
    """The real thing: signatures batch by batch (the workers' share), then linking.py's
    link_new_articles in an in-memory DuckDB, LOAD_SIZE articles per load (the merge's share:
    the SQL join on _story_keys, the sample screen, the exact test, the story updates), each
    load's articles inserted with their story as the merge does. Links: article -> its story.

    Timed: the signatures (and their Arrow list columns) and link_new_articles. Not timed: the
    load's other columns and the insert of its articles (the staging and the merge do both with
    or without stories); the `warehouse+` method times them too (WHOLE_LOAD)."""
    import duckdb
    import pyarrow as pa

    from vnrok_etl.linking import link_new_articles

    clock = Clock()
    if WHOLE_LOAD:
        clock.start()
    connection = duckdb.connect()
    connection.execute(WAREHOUSE_TABLES)
    ids = [f"{index:07d}" for index in range(len(texts))]
    for start in range(0, len(texts), LOAD_SIZE):
        chunk = range(start, min(start + LOAD_SIZE, len(texts)))
        if not WHOLE_LOAD:
            clock.start()
        signatures = signatures_of(texts[chunk.start:chunk.stop])
        story_columns = {  # what the staging stores of the signatures, timed with them
            "story_keys": pa.array([signature.keys for signature in signatures], pa.list_(pa.int64())),
            "story_top_keys": pa.array([signature.top_keys for signature in signatures], pa.list_(pa.int64())),
            "story_sample": pa.array([signature.sample for signature in signatures], pa.list_(pa.int64())),
            # every shingle hash, staged for the exact test (None with a tree from before 5 Dec, 11:00)
            "story_shingles": pa.array([getattr(signature, "shingles", None) for signature in signatures], pa.binary()),
        }
        if not WHOLE_LOAD:
            clock.stop()
        load = pa.table({
            "article_id": [ids[index] for index in chunk],
            "body": [texts[index] for index in chunk],
            "published_date": pa.nulls(len(chunk), pa.date32()),
            "published_at": pa.nulls(len(chunk), pa.timestamp("us", "UTC")),
            **story_columns,
        })
        connection.register("load", load)
        if not WHOLE_LOAD:
            clock.start()
        story_of = link_new_articles(connection, "load")
        if not WHOLE_LOAD:
            clock.stop()
        moves = pa.table({"article_id": list(story_of), "story_id": list(story_of.values())})
        connection.register("moves", moves)
        connection.execute("""INSERT INTO articles SELECT l.article_id, l.body, m.story_id,
                                  CASE WHEN m.story_id <> l.article_id THEN m.story_id END,
                                  l.published_date, l.published_at
                              FROM load l JOIN moves m USING (article_id)""")
        connection.unregister("load")
        connection.unregister("moves")
    rows = connection.execute("SELECT article_id, story_id FROM articles").fetchall()
    if WHOLE_LOAD:
        clock.stop()
    index_of = {article: index for index, article in enumerate(ids)}
    return [(index_of[story], index_of[article]) for article, story in rows if story != article], clock


def by_whole_load(texts: list[str]) -> tuple[list[tuple[int, int]], Clock]:
    """`warehouse` timing everything, as before 5 Dec (third session): the load's Arrow table and
    the articles insert too."""
    global WHOLE_LOAD
    WHOLE_LOAD = True
    try:
        return by_warehouse(texts)
    finally:
        WHOLE_LOAD = False


WHOLE_LOAD = False


LOAD_SIZE = 500  # articles per load (merge) in `warehouse`
WAREHOUSE_TABLES = """
    CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, body VARCHAR, story_id VARCHAR, duplicate_of VARCHAR,
                           published_date DATE, published_at TIMESTAMPTZ);
    CREATE TABLE _story_keys (key BIGINT NOT NULL, article_id VARCHAR NOT NULL, is_top BOOLEAN NOT NULL);
    CREATE TABLE _story_samples (article_id VARCHAR NOT NULL, sample BIGINT[] NOT NULL);
    CREATE TABLE _story_key_counts (key BIGINT NOT NULL, articles BIGINT NOT NULL);  -- since 5 Dec (keyprune)
"""


# ─── scale: does linking a load cost more, in memory or time, as the warehouse grows? ─────────

VOCABULARY = 6000  # synthetic words, drawn with Zipf-like weights (a news text's shape)


def synthetic_bodies(count: int, seed: int) -> list[str]:
    """`count` bodies of 150-600 words in paragraphs of about 60, from one synthetic vocabulary:
    unrelated articles share common words and some phrases, as news on one subject does."""
    rng = random.Random(seed)
    vocabulary = [f"w{index}" for index in range(VOCABULARY)]
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    bodies = []
    for _ in range(count):
        words = rng.choices(vocabulary, weights, k=rng.randint(150, 600))
        bodies.append("\n\n".join(" ".join(words[start:start + 60]) for start in range(0, len(words), 60)))
    return bodies


def build_warehouse(path: Path, size: int) -> None:
    """A warehouse file of `size` synthetic articles with their story keys and samples (each its
    own story), written SIGNATURE_BATCH articles at a time."""
    import duckdb
    import pyarrow as pa

    connection = duckdb.connect(str(path))
    connection.execute(WAREHOUSE_TABLES)
    step = 5000
    for start in range(0, size, step):
        bodies = synthetic_bodies(min(step, size - start), seed=start)
        ids = [f"{start + index:09d}" for index in range(len(bodies))]
        signatures = signatures_of([identity_text(body) for body in bodies])
        connection.register("batch", pa.table({"article_id": ids, "body": bodies}))
        connection.execute("INSERT INTO articles SELECT article_id, body, article_id, NULL, NULL, NULL FROM batch")
        keys = [(key, article, False) for article, signature in zip(ids, signatures) for key in signature.keys]
        keys += [(key, article, True) for article, signature in zip(ids, signatures) for key in signature.top_keys]
        connection.register("keys", pa.table({"key": pa.array([k for k, _, _ in keys], pa.int64()),
                                              "article_id": [a for _, a, _ in keys], "is_top": [t for _, _, t in keys]}))
        connection.execute("INSERT INTO _story_keys SELECT * FROM keys")
        connection.register("samples", pa.table({"article_id": ids, "sample": pa.array(
            [signature.sample for signature in signatures], pa.list_(pa.int64()))}))
        connection.execute("INSERT INTO _story_samples SELECT * FROM samples")
    connection.execute(
        "INSERT INTO _story_key_counts SELECT key, count(DISTINCT article_id) FROM _story_keys GROUP BY key")
    connection.close()


def link_one_load(path: Path, load_size: int, memory_limit: str) -> dict[str, float]:
    """Link one load of `load_size` articles into the warehouse at `path` within `memory_limit`:
    half edited copies of articles already there (EDITS), half new articles. Returns CPU seconds,
    wall seconds, the process's RSS (MB) before and its peak while linking, and the copies linked."""
    import duckdb
    import pyarrow as pa

    from vnrok_etl.linking import link_new_articles

    connection = duckdb.connect(str(path))
    connection.execute(f"SET memory_limit = '{memory_limit}'")
    size = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    rng = random.Random(size)
    originals = connection.execute(
        "SELECT article_id, body FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [[f"{rng.randrange(size):09d}" for _ in range(load_size // 2)]]).fetchall()
    edits = sorted(EDITS)
    bodies = [EDITS[rng.choice(edits)](body, rng) for _, body in originals]
    bodies += synthetic_bodies(load_size - len(bodies), seed=-size)
    ids = [f"new{index:06d}" for index in range(len(bodies))]
    rss_before = _rss_mb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (the peak RSS) to the RSS now
    started, wall = time.process_time(), time.perf_counter()
    signatures = signatures_of([identity_text(body) for body in bodies])
    load = pa.table({
        "article_id": ids, "body": bodies,
        "published_date": pa.nulls(len(ids), pa.date32()), "published_at": pa.nulls(len(ids), pa.timestamp("us", "UTC")),
        "story_keys": pa.array([s.keys for s in signatures], pa.list_(pa.int64())),
        "story_top_keys": pa.array([s.top_keys for s in signatures], pa.list_(pa.int64())),
        "story_sample": pa.array([s.sample for s in signatures], pa.list_(pa.int64())),
        "story_shingles": pa.array([getattr(s, "shingles", None) for s in signatures], pa.binary()),
    })
    connection.register("load", load)
    connection.execute("BEGIN")
    story_of = link_new_articles(connection, "load")
    seconds, wall = time.process_time() - started, time.perf_counter() - wall
    rss_peak = _rss_mb("VmHWM")
    story_now = dict(connection.execute(
        "SELECT article_id, story_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [[article for article, _ in originals]]).fetchall())
    linked = sum(1 for (original, _), copy in zip(originals, ids) if story_of[copy] == story_now[original])
    connection.execute("ROLLBACK")  # the warehouse stays as built, for the next measurement
    return {"warehouse": size, "cpu_ms_per_article": 1000 * seconds / len(ids), "wall_s": wall,
            "rss_before_mb": rss_before, "rss_peak_mb": rss_peak,
            "copies_linked": linked, "copies": len(originals)}


def _rss_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (the peak since exec or the last reset) of this process, in MB (Linux).
    Not ru_maxrss: a child started by fork and exec keeps its parent's peak in it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def scale(sizes: list[int], load_size: int, memory_limit: str, folder: Path) -> None:
    import json
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        path = folder / f"stories-{size}.duckdb"
        if not path.exists():
            started = time.perf_counter()
            build_warehouse(path, size)
            print(f"built {path} ({size:,} articles) in {time.perf_counter() - started:.0f} s")
        # A fresh process per measurement: its peak RSS is this load's, not the build's.
        result = subprocess.run(
            [sys.executable, __file__, "--link-one", str(path), "--load-size", str(load_size),
             "--memory-limit", memory_limit], check=True, capture_output=True, text=True)
        print(json.dumps(json.loads(result.stdout.strip().splitlines()[-1])))


def by_simhash(texts: list[str]) -> tuple[list[tuple[int, int]], Clock]:
    clock = Clock().start()
    bands: dict[tuple[int, int], list[int]] = defaultdict(list)
    hashes = []
    links = []
    for index, text in enumerate(texts):
        value = simhash(text)
        hashes.append(value)
        candidates = set()
        for band in range(4):
            key = (band, (value >> (16 * band)) & 0xFFFF)
            candidates.update(bands[key])
            bands[key].append(index)
        links += [(other, index) for other in sorted(candidates)
                  if ((hashes[other] ^ value) & ((1 << 64) - 1)).bit_count() <= 3]
    return links, clock.stop()


def by_datasketch(texts: list[str]) -> tuple[list[tuple[int, int]], Clock]:
    from datasketch import MinHash, MinHashLSH

    clock = Clock().start()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sets = []
    links = []
    for index, text in enumerate(texts):
        shingles = [" ".join(s).encode() for s in _shingles(stories.words(text))]
        signature = MinHash(num_perm=128)
        signature.update_batch(shingles)
        sets.append(stories.shingles_of(text))
        links += [(other, index) for other in sorted(lsh.query(signature))
                  if stories.same_story(sets[other], sets[index])]
        lsh.insert(index, signature)
    return links, clock.stop()


def _shingles(word_list: list[str]) -> list[tuple[str, ...]]:
    if len(word_list) < stories.SHINGLE:
        return [tuple(word_list)]
    return list(zip(*(word_list[i:] for i in range(stories.SHINGLE))))


METHODS = {"simhash": by_simhash, "stories": by_stories, "warehouse": by_warehouse, "warehouse+": by_whole_load,
           "datasketch": by_datasketch}
try:  # datasketch is only compared with, not used: `pip install datasketch` to run that method
    import datasketch  # noqa: F401
    DEFAULT_METHODS = "simhash,stories,datasketch"
except ImportError:
    DEFAULT_METHODS = "simhash,stories"


def score(items: list[Item], links: list[tuple[int, int]], details: bool) -> dict[str, object]:
    component = stories.components(map(str, range(len(items))), ((str(a), str(b)) for a, b in links))
    story_of = [component[str(i)] for i in range(len(items))]
    original_of = {item.story: i for i, item in enumerate(items) if item.edit in ("original", "distinct")}
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, item in enumerate(items):
        if item.edit in ("original", "distinct"):
            continue
        hit = story_of[i] == story_of[original_of[item.story]]
        recall[item.edit][0] += hit
        recall[item.edit][1] += 1
        if details and not hit:
            print(f"    missed {item.name}")
    members: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(story_of):
        members[label].append(i)
    predicted = correct = 0
    for group in members.values():
        for x, a in enumerate(group):
            for b in group[x + 1:]:
                predicted += 1
                same = items[a].story == items[b].story
                correct += same
                if details and not same:
                    print(f"    wrongly merged {items[a].name} + {items[b].name}")
    distinct = defaultdict(list)
    for i, item in enumerate(items):
        if item.edit == "distinct":
            distinct[item.name[:-2]].append(i)
    merged = sum(1 for pair in distinct.values() if len(pair) == 2 and story_of[pair[0]] == story_of[pair[1]])
    return {"recall": recall, "precision": correct / predicted if predicted else 1.0,
            "pairs": predicted, "distinct_merged": merged, "distinct_pairs": len(distinct)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--generated", type=int, default=0,
                        help="also N fresh generated articles as originals (see the module docstring)")
    parser.add_argument("--copies", type=int, default=len(EDITS), help="copies per original (one per edit)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--originals", type=Path, action="append",
                        help="folder of originals instead of seeds/ and tests/corpus/ (repeatable); e.g."
                             " tests/heldout, articles the story rules were never tuned on")
    parser.add_argument("--methods", default=DEFAULT_METHODS, help="comma-separated: " + ", ".join(METHODS))
    parser.add_argument("--details", action="store_true", help="list every missed copy and wrong merge")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each method N times and print the least time (a busy machine's noise is added time)")
    parser.add_argument("--scale", help="comma-separated warehouse sizes: link one load into each (memory, time)")
    parser.add_argument("--scale-folder", type=Path, default=Path("/tmp/vnrok-dedup-scale"),
                        help="where --scale builds its warehouses (kept for later runs)")
    parser.add_argument("--load-size", type=int, default=1000, help="articles in the load --scale links")
    parser.add_argument("--memory-limit", default="512MB", help="DuckDB memory_limit for --scale (the merge's)")
    parser.add_argument("--link-one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.link_one:
        import json
        print(json.dumps(link_one_load(args.link_one, args.load_size, args.memory_limit)))
        return 0
    if args.scale:
        scale([int(size) for size in args.scale.split(",")], args.load_size, args.memory_limit, args.scale_folder)
        return 0
    items = build_items(args.generated, args.copies, args.seed, args.originals or DEFAULT_ORIGINALS)
    order = list(range(len(items)))
    random.Random(args.seed).shuffle(order)  # copies do not always come after their original
    shuffled = [items[i] for i in order]
    texts = [identity_text(item.body) for item in shuffled]
    kinds = defaultdict(int)
    for item in items:
        kinds[item.edit] += 1
    print(f"{len(items)} articles: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for method in args.methods.split(","):
        links, clock = METHODS[method](texts)
        cpu, wall = clock.cpu, clock.wall
        for _ in range(args.repeat - 1):
            clock = METHODS[method](texts)[1]
            cpu, wall = min(cpu, clock.cpu), min(wall, clock.wall)
        result = score(shuffled, links, args.details)
        recall = result["recall"]
        hits = sum(h for h, _ in recall.values())
        total = sum(t for _, t in recall.values())
        print(f"\n{method}: recall {hits}/{total} = {hits / total:.3f}, precision {result['precision']:.4f}"
              f" ({result['pairs']} pairs in stories), distinct pairs merged {result['distinct_merged']}"
              f"/{result['distinct_pairs']}, {1000 * cpu / len(items):.3f} ms per article (CPU),"
              f" {1000 * wall / len(items):.3f} (wall)")
        for edit, (hit, count) in sorted(recall.items()):
            print(f"    {edit:<18} {hit:>4}/{count:<4} {hit / count:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
