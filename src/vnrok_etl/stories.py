"""Story identity: which articles are copies of one story, however a syndicator edited them.

News repeats by syndication: one agency's story is carried by a dozen outlets, each trimmed,
re-headlined, credited differently or lightly edited. Every copy is its own article (its own
clean body), and all of them are one STORY. Two outlets that write their own reports of the same
event are two stories, even when they share quotes and figures.

The same-story test (`same_story`) is exact, on word 3-shingles of the identity text (typography
folded, lower case): two articles are one story when at least MIN_CONTAINMENT of the smaller
one's shingles are in the larger one, and, when the smaller is a partial copy (under WHOLE_SHARE
of the larger), its lead is in the larger one's opening. Containment, not resemblance (Jaccard),
because a trimmed copy or one keeping only the first paragraphs is contained in its original
while sharing little of its length (Broder 1997). Measured in benchmarks/dedup.py (RESULTS.md
"Story identity"): copies with 10 % of their words changed keep at least 72 % of their shingles
(a changed word breaks the three shingles it is in); our own pairs of reports of one event, which
share quotes and figures word for word, share at most 15 %, because everything around the quotes
is written anew.

Candidates for the test come from MinHash LSH (Broder 1997; Indyk & Motwani 1998) kept in the
warehouse, not in memory: each article gets 64-bit keys (table `_story_keys`), and two articles
are candidates when they share MIN_SHARED_KEYS of them, found by an equi-join in SQL:

- whole-body keys: one-permutation MinHash (Li, Owen & Zhang 2012; empty bins densified by
  rotation, Shrivastava & Li 2014) in WHOLE_BANDS bands of WHOLE_ROWS values. Finds copies whose
  shingle sets resemble each other (edited words, a credit or an intro line, a headline or
  dateline glued on, paragraphs swapped, the end trimmed);
- prefix keys: the same over the first 20, 80, 320, ... words (PREFIX_WORDS doubled while it fits
  the article). A copy that keeps only the first paragraphs resembles its original little as a
  whole, but its longest prefix is its original's prefix of that length. Only a key of the
  longest prefix level of one of the two articles counts (the "top" keys), so two long articles
  that merely open alike (a formulaic first paragraph) are no candidates.

Two shared keys, not one, and bands of 4: this corpus is narrow (Viet Nam-Korea relations), so
unrelated articles share phrases, and every candidate costs an exact test. A shingle sample
(every shingle whose hash is 0 mod SAMPLE_EVERY, `_story_samples`) then screens the candidates
in SQL before the exact test.

One-permutation MinHash hashes each shingle once (the 8-byte blake2b digest the SimHash already
needs) and takes each bin's least value with a sort and a bisection per bin, where k-permutation
MinHash (datasketch's MinHash) computes 128 hashes per shingle. benchmarks/dedup.py measures it
against datasketch's MinHash in its in-memory MinHashLSH and against the SimHash (3 bits of 64)
the warehouse used before: SimHash found 18 % of copies, datasketch 92 % (it cannot find a copy
that keeps only the first paragraphs), this 100 %.

Stories are the connected components of the same-story relation over all articles: a new
article joins the stories of every article it is a copy of (and so may join two stories into
one). The result depends on the set of articles only, never on the order of the files or the
batches, because candidates are symmetric (shared keys) and so is the test. The story's
canonical article is the fullest earliest copy (`canonical_order`). Single linkage chains: the
lead condition on partial copies keeps an article that repeats a passage from the middle of
another (background paragraphs two reports share) from gluing two stories together.
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

WORD = re.compile(r"\w+")
SHINGLE = 3  # words per shingle
MIN_CONTAINMENT = 0.6  # share of the smaller article's shingles found in the larger one
WHOLE_SHARE = 0.8  # a smaller article under this share of the larger's shingles is a partial copy
MIN_LEAD_CONTAINMENT = 0.5  # share of a partial copy's lead found in the larger one's opening
OPENING_WORDS = 120  # where a partial copy's lead is looked for (an intro or headline may precede it)
WHOLE_BINS, WHOLE_ROWS, WHOLE_BANDS = 128, 4, 32  # 32 bands of 4
PREFIX_WORDS, PREFIX_GROWTH = 20, 4  # prefixes of 20, 80, 320, ... words are indexed
PREFIX_BINS, PREFIX_ROWS, PREFIX_BANDS = 32, 3, 10  # 30 of the 32 bins in bands of 3
MIN_SHARED_KEYS = 2  # two articles are candidates when they share at least this many keys
WHOLE_SALT, PREFIX_SALT = 1 << 40, 2 << 40  # keys of the whole body and of each prefix level never meet
LEAD_WORDS = 40  # a partial copy's lead, looked for in the larger article's opening
# Candidates are screened in SQL before the exact test: the shingles whose hash is 0 mod
# SAMPLE_EVERY are a uniform sample, the same in every article that has the shingle, so the share
# of the smaller sample found in the larger estimates containment (Broder 1997). A pair whose
# estimate is under SAMPLE_CONTAINMENT is not tested, unless the smaller sample has fewer than
# MIN_SAMPLE shingles (too few to estimate from).
SAMPLE_EVERY = 8
SAMPLE_CONTAINMENT = 0.5
MIN_SAMPLE = 20
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


@dataclass(frozen=True, slots=True)
class Shingles:
    """An article's word 3-shingles as the same-story test reads them: Python's hash() of each
    shingle's word tuple, since the test runs within one process (measured 3x cheaper to build
    than the blake2b digests the stored keys need)."""

    all: frozenset[int]
    lead: frozenset[int]  # of the first LEAD_WORDS words
    opening: frozenset[int]  # of the first OPENING_WORDS words


def shingles_of(text: str) -> Shingles:
    """The shingles of an identity text (`identity.identity_text`), for `same_story`."""
    word_list = words(text)
    if len(word_list) < SHINGLE:
        hashes = [hash(tuple(word_list))] if word_list else []
    else:
        hashes = list(map(hash, zip(*(word_list[i:] for i in range(SHINGLE)))))
    return Shingles(
        frozenset(hashes),
        frozenset(hashes[:lead_shingles(len(word_list))]),
        frozenset(hashes[:max(1, OPENING_WORDS - SHINGLE + 1)]),
    )


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of the smaller set's shingles that are in the larger one (0.0 for an empty set)."""
    smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
    if not smaller:
        return 0.0
    return len(smaller & larger) / len(smaller)


def same_story(a: Shingles, b: Shingles) -> bool:
    """True when one article is a copy of the other: the smaller contained in the larger.

    At least MIN_CONTAINMENT of the smaller one's shingles must be in the larger one. When the
    smaller is under WHOLE_SHARE of the larger's size (a partial copy: trimmed, or only the
    first paragraphs kept), its lead must also be found in the larger one's opening, because a
    syndicator trims from the end: an article that matches a stretch from the middle of a longer
    one (a paragraph of background two reports share, or a brief reprinted inside a round-up) is
    not a copy of it, and linking it would chain unrelated stories together.
    """
    small, large = (a, b) if len(a.all) <= len(b.all) else (b, a)
    if not small.all or len(small.all & large.all) < MIN_CONTAINMENT * len(small.all):
        return False
    if len(small.all) >= WHOLE_SHARE * len(large.all):
        return True
    return len(small.lead & large.opening) >= MIN_LEAD_CONTAINMENT * len(small.lead)


def band_keys(hashes: list[int], word_count: int) -> tuple[list[int], list[int]]:
    """(keys, top keys) of an article from its shingle hashes (text order), as signed 64-bit ints.

    Top keys are the whole-body keys and the keys of the longest prefix level the article has;
    the other keys are its shorter prefix levels. Two articles are candidates when they share
    MIN_SHARED_KEYS keys of which, for each shared key, at least one side holds it as a top key:
    a partial copy's longest prefix meets the same prefix of its original, while two articles
    that only begin alike (longer than their common opening) do not meet at all.
    """
    if not hashes:
        return [], []
    top = _bands(_one_permutation_minhash(hashes, WHOLE_BINS, WHOLE_BANDS * WHOLE_ROWS), WHOLE_ROWS, WHOLE_SALT)
    levels = prefix_levels(word_count)
    keys: list[int] = []
    for level, words_in_prefix in enumerate(levels):
        prefix = hashes[:max(1, words_in_prefix - SHINGLE + 1)]
        values = _one_permutation_minhash(prefix, PREFIX_BINS, PREFIX_BANDS * PREFIX_ROWS)
        level_keys = _bands(values, PREFIX_ROWS, PREFIX_SALT + (level << 16))
        (top if level == len(levels) - 1 else keys).extend(level_keys)
    return keys, top


def prefix_levels(word_count: int) -> list[int]:
    """The prefix lengths (in words) an article of `word_count` words is indexed at: PREFIX_WORDS
    times PREFIX_GROWTH while it fits in the article (none for one shorter than PREFIX_WORDS).

    Any growth works: a partial copy's longest level is a prefix of its original too, whatever
    the copy's length; a larger growth means fewer keys, and that the top prefix of a short
    article covers less of it."""
    levels = []
    length = PREFIX_WORDS
    while length <= word_count:
        levels.append(length)
        length *= PREFIX_GROWTH
    return levels


def lead_shingles(word_count: int) -> int:
    """How many shingles the first LEAD_WORDS words make (at least one)."""
    return max(1, min(word_count, LEAD_WORDS) - SHINGLE + 1)


def _one_permutation_minhash(hashes: list[int], bins: int, used: int) -> list[int]:
    """The least 64-bit hash in each of the first `used` of `bins` bins (a power of two; a hash's
    top bits pick its bin): one pass over the hashes (measured twice as fast as sorting them).

    An empty bin takes the least hash of the next non-empty bin (circularly) mixed with the
    distance, so two sets agree on a borrowed bin only when they agree on the bin lent and on the
    gap: rotation densification (Shrivastava & Li 2014).
    """
    shift = 64 - (bins.bit_length() - 1)
    empty = 1 << 64
    least = [empty] * bins
    for value in hashes:
        index = value >> shift
        if value < least[index]:
            least[index] = value
    values = least[:used]
    if empty in values:
        filled = [index for index, value in enumerate(least) if value != empty]
        for index, value in enumerate(values):
            if value == empty:
                lender = filled[bisect_left(filled, index) % len(filled)]
                values[index] = _mix(least[lender], (lender - index) % bins)
    return values


def _mix(value: int, salt: int) -> int:
    """A 64-bit value mixed with a salt (splitmix64's finalizer): a borrowed bin's value."""
    value = ((value ^ salt) * 0x9E3779B97F4A7C15) & MASK_64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & MASK_64
    return value ^ (value >> 31)


def _bands(values: list[int], rows: int, salt: int) -> list[int]:
    """One key per band of `rows` values, as a signed int: the low 64 // rows bits of each value
    packed side by side, XORed with a constant of the band and the salt.

    The values are uniform hashes, so two bands that differ agree on every packed part only by a
    chance of 2^-64 or so, as a hash of the band would; packing costs a third of hashing.
    """
    width = 64 // rows
    part = (1 << width) - 1
    shifts = range(0, width * rows, width)
    keys = []
    for constant, band in zip(_band_constants(salt, len(values) // rows), zip(*[iter(values)] * rows)):
        key = constant
        for value, shift in zip(band, shifts):
            key ^= (value & part) << shift
        keys.append(key - (1 << 64) if key >= 1 << 63 else key)
    return keys


@lru_cache(maxsize=64)
def _band_constants(salt: int, bands: int) -> tuple[int, ...]:
    return tuple(_mix(salt, band) for band in range(bands))


@dataclass(frozen=True, slots=True)
class Signature:
    """What the warehouse keeps of an article to find its story: LSH keys and a shingle sample."""

    keys: list[int]  # shorter prefix levels (band_keys)
    top_keys: list[int]  # whole body and longest prefix level
    sample: list[int]  # the shingle hashes that are 0 mod SAMPLE_EVERY, sorted, signed


def story_signature(text: str) -> tuple[list[bytes], Signature]:
    """(shingle digests, signature) of an identity text; the digests also make the SimHash."""
    word_list = words(text)
    digests = shingle_digests(word_list)
    hashes = struct.unpack(f">{len(digests)}Q", b"".join(digests))
    keys, top_keys = band_keys(list(hashes), len(word_list))
    sample = sorted({value - (1 << 64) if value >= 1 << 63 else value for value in hashes if not value % SAMPLE_EVERY})
    return digests, Signature(keys, top_keys, sample)


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
