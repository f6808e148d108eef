"""Story identity: which articles are copies of one story, however a syndicator edited them.

News repeats by syndication: one agency's story is carried by a dozen outlets, each trimmed,
re-headlined, credited differently or lightly edited. Every copy is its own article (its own
clean body), and all of them are one STORY. Two outlets that write their own reports of the same
event are two stories, even when they share quotes and figures.

The same-story test (`same_story`) is exact, on word 3-shingles of the identity text (typography
folded, lower case): two articles are one story when at least `MIN_CONTAINMENT` of the smaller
one's shingles are in the larger one. Containment, not resemblance (Jaccard), because a trimmed
copy or one keeping only the first paragraphs is contained in its original while sharing little
of its length (Broder 1997). Measured in benchmarks/dedup.py (RESULTS.md "Story identity"):
copies with up to 10 % of their words changed keep about three quarters of their shingles (a
changed word breaks the three shingles it is in); own reports of one event that share quotes
and figures share a fifth at most, because everything around the quotes is written anew.

Finding the candidates to test is MinHash LSH (Broder 1997; Indyk-Motwani 1998) kept in the
warehouse, not in memory: each article gets `BAND_KEYS` 64-bit keys, and two articles are
candidates when they share one, an equi-join in SQL (table `story_keys`). Keys come from two
sketches:

- the whole body: one-permutation MinHash (Li, Owen & Zhang 2012; empty bins densified by
  rotation, Shrivastava & Li 2014) in `WHOLE_BANDS` bands of `WHOLE_ROWS` values. Finds copies
  whose shingle sets resemble each other (edited words, a credit or an intro line, a headline
  or dateline glued on, paragraphs reordered, the end trimmed);
- the lead: the same over the shingles of the first `LEAD_WORDS` words only. A copy that keeps
  only the first paragraphs resembles its original little as a whole, but starts the same way;
  every article's lead is indexed, so the copy's lead meets the original's.

One-permutation MinHash hashes each shingle once (the 8-byte blake2b digest that the SimHash
already needs) and keeps the least value per bin: linear in the words, where k-permutation
MinHash (datasketch's MinHash) computes 128 hashes per shingle. benchmarks/dedup.py measures
both, with datasketch's in-memory MinHashLSH, against the SimHash the warehouse used before.

Stories are the connected components of the same-story relation over all articles: a new
article joins the stories of every article it is a copy of (and so may join two stories into
one). The result depends on the set of articles only, never on the order of the files or the
batches, because candidates are symmetric (shared keys) and the test is symmetric. The story's
canonical article is the fullest earliest copy (`canonical_order`).
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_left
from collections.abc import Iterable
from hashlib import blake2b

WORD = re.compile(r"\w+")
SHINGLE = 3  # words per shingle
MIN_CONTAINMENT = 0.5  # share of the smaller article's shingles found in the larger one
MIN_SHINGLES = 1  # an article with fewer shingles than this has no story keys
WHOLE_BINS, WHOLE_ROWS = 128, 3  # 42 bands of 3 (two bins unused)
LEAD_WORDS = 40
LEAD_BINS, LEAD_ROWS = 16, 2  # 8 bands of 2
BAND_KEYS = WHOLE_BINS // WHOLE_ROWS + LEAD_BINS // LEAD_ROWS
WHOLE_SALT, LEAD_SALT = b"whole", b"lead"  # whole-body and lead keys never meet
# A story's canonical article is among its "full" copies: those at least this share of the
# longest copy's length (an intro or credit line makes a copy a little longer, not fuller).
FULL_SHARE = 0.9
EMPTY_BLAKE2B_8 = blake2b(digest_size=8)
MASK_64 = (1 << 64) - 1


def words(text: str) -> list[str]:
    """The words of an identity text (`identity.identity_text`: folded, lower case)."""
    return WORD.findall(text)


def shingle_digests(word_list: list[str]) -> list[bytes]:
    """The 8-byte blake2b digest of each word 3-shingle, in text order.

    A text shorter than a shingle is one shingle of all its words. copy() of an empty
    digest_size=8 state then update() is blake2b(shingle, digest_size=8) without parsing the
    constructor's keywords per shingle (0.17 -> 0.12 ms per article of ~500 words).
    """
    if len(word_list) < SHINGLE:
        shingles = [" ".join(word_list)]
    else:
        shingles = list(map(" ".join, zip(*(word_list[i:] for i in range(SHINGLE)))))
    digests = []
    append, copy = digests.append, EMPTY_BLAKE2B_8.copy
    for shingle in shingles:
        state = copy()
        state.update(shingle.encode())
        append(state.digest())
    return digests


def shingle_set(text: str) -> frozenset[int]:
    """The set of shingle hashes of an identity text, for `containment`."""
    digests = shingle_digests(words(text))
    return frozenset(struct.unpack(f">{len(digests)}Q", b"".join(digests)))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of the smaller set's shingles that are in the larger one (0.0 for an empty set)."""
    smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
    if not smaller:
        return 0.0
    return len(smaller & larger) / len(smaller)


def same_story(a: frozenset[int], b: frozenset[int]) -> bool:
    """True when one article is a copy of the other (contained in it, up to light edits)."""
    return containment(a, b) >= MIN_CONTAINMENT


def band_keys(hashes: list[int], lead_count: int) -> list[int]:
    """The story keys of an article from its shingle hashes (text order) as signed 64-bit ints.

    `lead_count` is how many of the first hashes are the lead's shingles. Whole-body keys and
    lead keys are salted differently, so a lead key never meets a whole-body key.
    """
    if not hashes:
        return []
    keys = _bands(_one_permutation_minhash(hashes, WHOLE_BINS), WHOLE_ROWS, WHOLE_SALT)
    keys += _bands(_one_permutation_minhash(hashes[:max(1, lead_count)], LEAD_BINS), LEAD_ROWS, LEAD_SALT)
    return keys


def lead_shingles(word_count: int) -> int:
    """How many shingles the first LEAD_WORDS words make (at least one)."""
    return max(1, min(word_count, LEAD_WORDS) - SHINGLE + 1)


def _one_permutation_minhash(hashes: list[int], bins: int) -> list[int]:
    """The least 64-bit hash in each of `bins` bins (a power of two; a hash's top bits pick its bin).

    With the hashes sorted, a bin's least hash is the first one at or above the bin's lower
    bound: one C-level sort and a bisection per bin, not a Python step per shingle. An empty bin
    takes the least hash of the next non-empty bin (circularly; that is what the bisection finds)
    tagged with the distance, so two sets agree on a borrowed bin only when they agree on the
    bin lent and on the gap: rotation densification (Shrivastava & Li 2014).
    """
    shift = 64 - (bins.bit_length() - 1)
    ordered = sorted(hashes)
    count = len(ordered)
    least = []
    for index in range(bins):
        found = bisect_left(ordered, index << shift)
        value = ordered[found] if found < count else ordered[0]
        lender = value >> shift
        least.append(value if lender == index else _mix(value, (lender - index) % bins))
    return least


def _mix(value: int, salt: int) -> int:
    """A 64-bit value mixed with a salt (splitmix64's finalizer): a borrowed bin's value."""
    value = ((value ^ salt) * 0x9E3779B97F4A7C15) & MASK_64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & MASK_64
    return value ^ (value >> 31)


def _bands(values: list[int], rows: int, salt: bytes) -> list[int]:
    """One key per band of `rows` values: blake2b of the salt, the band's number and its values."""
    packed = struct.pack(f">{len(values)}Q", *values)
    width = 8 * rows
    keys = []
    for band in range(len(values) // rows):
        digest = blake2b(salt + band.to_bytes(2, "big") + packed[band * width:(band + 1) * width], digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def story_signature(text: str) -> tuple[list[bytes], list[int]]:
    """(shingle digests, story keys) of an identity text: the digests also make the SimHash."""
    word_list = words(text)
    digests = shingle_digests(word_list)
    hashes = list(struct.unpack(f">{len(digests)}Q", b"".join(digests)))
    return digests, band_keys(hashes, lead_shingles(len(word_list)))


def canonical_order(length: int, longest: int, published: tuple, article_id: str) -> tuple:
    """Sort key of a story's copies, the canonical article first: the fullest earliest copy.

    Full copies (at least FULL_SHARE of the longest copy's length, in characters) come before
    trimmed ones; among full copies the earliest published (`published` is (published_date,
    published_at); unknown parts sort last), then the longest, then the article_id. Nothing
    here depends on the order the copies were loaded in, so neither does the choice.
    """
    full = length >= FULL_SHARE * longest
    when = tuple((value is None, value) if value is not None else (True, 0) for value in published)
    return (not full, when, -length, article_id)


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Union-find: each node -> the least node of its connected component."""
    parent: dict[str, str] = {node: node for node in nodes}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            parent[rb] = ra
    return {node: root(node) for node in list(parent)}
