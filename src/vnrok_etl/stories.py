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
  probing, Shrivastava 2017) in WHOLE_BANDS bands of WHOLE_ROWS values. Finds copies whose
  shingle sets resemble each other (edited words, a credit or an intro line, a headline or
  dateline glued on, paragraphs swapped, the end trimmed);
- prefix keys: the same over the first 20, 80, 320, ... words (PREFIX_WORDS times PREFIX_GROWTH
  while it fits the article). A copy that keeps only the first paragraphs resembles its original little as a
  whole, but its longest prefix is its original's prefix of that length. Only a key of the
  longest prefix level of one of the two articles counts (the "top" keys), so two long articles
  that merely open alike (a formulaic first paragraph) are no candidates;
- the longest prefix again, past a short first sentence (`intro_length`): a copier's intro line
  ("Editor's note: ...") shifts every prefix of a copy away from its original's, which mattered
  most for short copies (under 80 words, whose only prefix is their first 20 words).

Two shared keys, not one: this corpus is narrow (Viet Nam-Korea relations), so unrelated
articles share phrases, and every candidate costs an exact test. A shingle sample (every shingle
whose hash is 0 mod SAMPLE_EVERY, `_story_samples`) then screens the candidates before the exact
test. Whole-body bands of 3 (42 of them), not 4 (32, before migration 012): once empty bins
borrowed by probing, the runs of agreeing borrowed bins that had made short unrelated articles
candidates were gone (unrelated candidate pairs on benchmarks/dedup.py 2,900-3,500 -> 750-1,000),
and so was the help those runs gave edited copies: with bands of 4, 1.4 % of copies with 10 % of
their words changed no longer shared two keys with their original; with bands of 3, none of 875
(seeds 1-7), and the other edits as many or more (RESULTS.md).

One-permutation MinHash hashes each shingle once (a 64-bit hash the SimHash and the same-story
test also read: a new article's test at the merge reads the hashes its worker staged) and takes
each bin's least value, where k-permutation MinHash (datasketch's MinHash) computes 128 hashes per
shingle. A shingle's hash is made from its three words' hashes (`shingle_hash_batch`: a word's
blake2b digest is computed once and kept, the three are mixed in numpy), and the bins of a whole
batch of articles are filled by one numpy call (`story_signatures`), so finding the words is most
of the signature's cost. (Until migration 012 each shingle's text was digested by blake2b: 0.07
ms per article of the 0.13 the signature cost then.) benchmarks/dedup.py measures it
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from hashlib import blake2b

import numpy as np

WORD = re.compile(r"\w+")
# Each ASCII character that WORD does not match -> a space, the others -> themselves (a full
# table: str.translate's ASCII path is fastest when every code has an entry); derived from WORD.
ASCII_WORD_BREAKS = {code: code if WORD.fullmatch(chr(code)) else ord(" ") for code in range(128)}
SHINGLE = 3  # words per shingle
MIN_CONTAINMENT = 0.6  # share of the smaller article's shingles found in the larger one
WHOLE_SHARE = 0.8  # a smaller article under this share of the larger's shingles is a partial copy
MIN_LEAD_CONTAINMENT = 0.5  # share of a partial copy's lead found in the larger one's opening
OPENING_WORDS = 120  # where a partial copy's lead is looked for (an intro or headline may precede it)
WHOLE_BINS, WHOLE_ROWS, WHOLE_BANDS = 128, 3, 42  # 126 of the 128 bins in bands of 3
PREFIX_WORDS, PREFIX_GROWTH = 20, 4  # prefixes of 20, 80, 320, ... words are indexed
PREFIX_BINS, PREFIX_ROWS, PREFIX_BANDS = 32, 3, 10  # 30 of the 32 bins in bands of 3
MIN_SHARED_KEYS = 2  # two articles are candidates when they share at least this many keys
WHOLE_SALT, PREFIX_SALT = 1 << 40, 2 << 40  # keys of the whole body and of each prefix level never meet
LEAD_WORDS = 40  # a partial copy's lead, looked for in the larger article's opening
OPENING_SHINGLES = max(1, OPENING_WORDS - SHINGLE + 1)  # the shingles of the first OPENING_WORDS words
SENTENCE_END = re.compile(r"[.!?]\s")
MIN_INTRO_WORDS = 4  # a first sentence this long or longer, and under PREFIX_WORDS, may be an intro line
INTRO_CHARS = 400  # where the end of an intro line is looked for (PREFIX_WORDS words fit in it)
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
# Articles whose signatures story_signatures computes together: numpy's cost per call is paid
# once per batch, and the batch's shingle hashes stay small (about 6 MB).
SIGNATURE_BATCH = 256
EMPTY_BLAKE2B_8 = blake2b(digest_size=8)
WORD_CACHE_LIMIT = 1 << 16  # words whose hash is kept (WORD_HASHES): about 8 MB
SHINGLE_SEED = 0x5354_4F52_4945_5331  # where every shingle's hash chain starts ("STORIES1")
DENSIFY_SALT = 0x4445_4E53_4946_5931  # the probe sequences of empty bins ("DENSIFY1")
MAX_PROBES = 64  # probes of an empty bin before it falls back to the next filled bin
EMPTY_TEXT_DIGESTS = SHINGLE_SEED.to_bytes(8, "big")  # the shingle digests of a text without words


def words(text: str) -> list[str]:
    """The words of an identity text (`identity.identity_text`: folded, lower case): WORD's
    matches. An ASCII text (most articles) has each character that is not a word character made a
    space (ASCII_WORD_BREAKS) and is split on spaces: the same words in half the time of findall
    (0.028 -> 0.017 ms per article, RESULTS.md "Linking cost with a margin"). Other texts go
    through findall: translating them character by character costs more than it saves."""
    if text.isascii():
        return text.translate(ASCII_WORD_BREAKS).split()
    return WORD.findall(text)


def word_hash(word: str) -> int:
    """A word's stable 64-bit hash: the first 8 bytes of its UTF-8 blake2b digest, big-endian.

    Stable across processes and machines (the keys it leads to are stored), unlike hash().
    """
    state = EMPTY_BLAKE2B_8.copy()
    state.update(word.encode())
    return int.from_bytes(state.digest(), "big")


class _WordHashes(dict):
    """word -> word_hash(word), computed once per word: a text's words are mostly words seen
    before, and a dict lookup costs a tenth of a digest. Emptied when it reaches WORD_CACHE_LIMIT
    words, so its memory is bounded whatever the corpus (about 8 MB at the limit).
    """

    def __missing__(self, word: str) -> int:
        if len(self) >= WORD_CACHE_LIMIT:
            self.clear()
        value = self[word] = word_hash(word)
        return value


WORD_HASHES = _WordHashes()


def shingle_hash_batch(word_lists: Sequence[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, lengths): the 64-bit hash of every word 3-shingle of each word list of a batch,
    in text order, article after article (uint64), and how many each article has.

    A shingle's hash chains its words' hashes (word_hash) through splitmix64's finalizer:
    h = SHINGLE_SEED, then h = mix(h, w) for each word w in order (`_mix`). A text shorter than
    a shingle is one shingle of all its words (SHINGLE_SEED alone for no words). One numpy pass
    over the whole batch: 3 mixes per shingle, where a blake2b digest of each shingle's text
    cost 0.07 ms per article (RESULTS.md "Story identity").
    """
    count = len(word_lists)
    sizes = np.fromiter(map(len, word_lists), np.intp, count)
    flat = list(chain.from_iterable(word_lists))
    word_values = np.fromiter(map(WORD_HASHES.__getitem__, flat), np.uint64, len(flat))
    lengths = np.maximum(sizes - (SHINGLE - 1), 1)
    chained = np.full(max(len(flat) - (SHINGLE - 1), 0), SHINGLE_SEED, np.uint64)
    for offset in range(SHINGLE):  # the shingle starting at each word (across article ends too)
        chained = _mix(chained, word_values[offset:offset + len(chained)])
    article = np.repeat(np.arange(count), lengths)
    position = np.arange(len(article)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    first_word = np.cumsum(sizes) - sizes
    short = np.flatnonzero(sizes < SHINGLE)
    if not short.size:
        return chained[first_word[article] + position], lengths
    hashes = chained[np.minimum(first_word[article] + position, max(len(chained) - 1, 0))] if len(chained) else (
        np.zeros(len(article), np.uint64))
    for index in short.tolist():  # one shingle of all its words
        value = np.array([SHINGLE_SEED], np.uint64)
        for word_value in word_values[first_word[index]:first_word[index] + sizes[index]]:
            value = _mix(value, np.array([word_value], np.uint64))
        hashes[np.searchsorted(article, index)] = value[0]
    return hashes, lengths


@dataclass(frozen=True, slots=True)
class Shingles:
    """An article's word 3-shingles as the same-story test reads them: the 64-bit hashes of the
    signature (shingle_hash_batch), so that a new article's test reads the hashes its worker
    computed for the signature, staged with it (`story_shingles`, `shingles_from_digests`),
    instead of finding and hashing its words again at the merge: that cost 0.05 ms per article
    tested, a sixth of the linking's cost (RESULTS.md "Linking cost with a margin"). An old
    article's body is shingled again (`shingles_of`), when a test needs it. The lead and the
    opening sets are built only when a test asks (a partial copy): most tests never do.
    """

    all: frozenset[int]
    first: list[int]  # the first OPENING_SHINGLES shingles, in text order
    lead_count: int  # how many of `first` are the lead (the first LEAD_WORDS words' shingles)

    @property
    def lead(self) -> frozenset[int]:
        """The shingles of the first LEAD_WORDS words."""
        return frozenset(self.first[:self.lead_count])

    @property
    def opening(self) -> frozenset[int]:
        """The shingles of the first OPENING_WORDS words."""
        return frozenset(self.first)


NO_SHINGLES = Shingles(frozenset(), [], 0)


def shingles_from_hashes(hashes: list[int]) -> Shingles:
    """The Shingles of an article from its shingle hashes in text order (shingle_hash_batch's).

    A text of n >= 3 words has n - 2 shingles, a shorter one a single shingle of all its words,
    so the lead (the shingles of the first LEAD_WORDS words) is the first min(n, LEAD_WORDS - 2)
    hashes in every case. A text without words has none (its one hash, SHINGLE_SEED alone,
    stands for no words: `shingles_from_digests`)."""
    if not hashes:
        return NO_SHINGLES
    return Shingles(frozenset(hashes), hashes[:OPENING_SHINGLES], min(len(hashes), LEAD_WORDS - SHINGLE + 1))


def shingles_from_digests(digests: bytes) -> Shingles:
    """The Shingles of an article from its staged shingle hashes: 8 bytes each, big-endian, in
    text order (a Signature's `shingles`, which the SimHash reads too). The digest of a text
    without words (SHINGLE_SEED alone) gives no shingles, as shingles_of("") does."""
    if digests == EMPTY_TEXT_DIGESTS:
        return NO_SHINGLES
    return shingles_from_hashes(np.frombuffer(digests, ">u8").tolist())


def shingles_of(text: str) -> Shingles:
    """The shingles of an identity text (`identity.identity_text`), for `same_story`: the same
    hashes story_signatures computes (shingle_hashes)."""
    word_list = words(text)
    if not word_list:
        return NO_SHINGLES
    return shingles_from_hashes(shingle_hashes(word_list).tolist())


def shingle_hashes(word_list: list[str]) -> np.ndarray:
    """The shingle hashes of one word list: shingle_hash_batch([word_list])[0], without the
    bookkeeping of article ends a batch needs (a third of the cost for one article)."""
    if len(word_list) < SHINGLE:
        return shingle_hash_batch([word_list])[0]
    values = np.fromiter(map(WORD_HASHES.__getitem__, word_list), np.uint64, len(word_list))
    chained = np.full(len(word_list) - (SHINGLE - 1), SHINGLE_SEED, np.uint64)
    for offset in range(SHINGLE):
        chained = _mix(chained, values[offset:offset + len(chained)])
    return chained


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


def intro_length(text: str) -> int:
    """Words in the text's first sentence when it is short enough to be a line a copier put
    before the story (an introduction, "Editor's note: ..."): MIN_INTRO_WORDS to PREFIX_WORDS - 1
    words ended by . ! or ? and a space; else 0.

    Such a line shifts every prefix of the copy away from its original's. So an article's longest
    prefix level is also indexed from the word after that sentence, under the same salt: a
    copy's shifted prefix is its original's prefix of the same length. A real first sentence this
    short costs the article ten more keys and nothing else (its shifted prefix meets no other
    article's prefix unless that article is a copy without the sentence).
    """
    end = SENTENCE_END.search(text, 0, INTRO_CHARS)
    if end is None:
        return 0
    length = len(WORD.findall(text, 0, end.start()))
    return length if MIN_INTRO_WORDS <= length < PREFIX_WORDS else 0


def _one_permutation_minhash(hashes: np.ndarray, article: np.ndarray, articles: int, bins: int, used: int) -> np.ndarray:
    """(articles, used) array: for each article, the least 64-bit hash in each of the first
    `used` of `bins` bins (a power of two; a hash's top bits pick its bin).

    `hashes` (uint64) are the shingle hashes of every article of a batch, `article` the row of
    each; every row has at least one. One np.minimum.at over the whole batch, not a loop per
    article (numpy's overhead per call is what a per-article loop pays).

    An empty bin takes the least hash of a filled bin of its article chosen by probing: bin j
    tries the bins `_probe_bins(bins)[j]` in order, the same sequence in every article, and
    borrows from the first filled one (optimal densification, Shrivastava 2017). Each empty bin
    has a sequence of its own, so two articles agree on a borrowed bin with the chance they agree
    on any bin. Rotation (the next filled bin, Shrivastava & Li 2014), used before migration 012,
    made a run of empty bins borrow from one bin: two short articles that shared one shingle then
    agreed on whole bands, and 30 % of the candidate pairs of benchmarks/dedup.py were unrelated
    short articles sharing an intro or dateline line (RESULTS.md). A bin whose MAX_PROBES probes
    all meet empty bins (an article of a few shingles) takes the next filled bin's least hash,
    circularly, mixed with the distance (rotation).
    """
    slot = article * bins + (hashes >> np.uint64(64 - (bins.bit_length() - 1))).astype(np.intp)
    least = np.full(articles * bins, np.iinfo(np.uint64).max, np.uint64)
    np.minimum.at(least, slot, hashes)
    filled = np.zeros(articles * bins, bool)
    filled[slot] = True
    values = least.reshape(articles, bins)[:, :used].copy()
    empty_row, empty_bin = np.nonzero(~filled.reshape(articles, bins)[:, :used])
    if not len(empty_row):
        return values
    probes = _probe_bins(bins)
    lender = np.full(len(empty_row), -1, np.intp)
    pending = np.arange(len(empty_row))
    for attempt in range(MAX_PROBES):
        tried = empty_row[pending] * bins + probes[empty_bin[pending], attempt]
        found = filled[tried]
        lender[pending[found]] = tried[found]
        pending = pending[~found]
        if not pending.size:
            break
    values[empty_row, empty_bin] = least[np.maximum(lender, 0)]
    if pending.size:
        rows, empties = empty_row[pending], empty_bin[pending]
        lenders = np.flatnonzero(filled)  # sorted: article by article, bin by bin
        flat = rows * bins + empties
        after = lenders[np.minimum(np.searchsorted(lenders, flat), len(lenders) - 1)]  # > flat, if any
        first = lenders[np.searchsorted(lenders, rows * bins)]  # every article has a filled bin
        rotated = np.where((after > flat) & (after // bins == rows), after, first)
        distance = ((rotated - rows * bins - empties) % bins).astype(np.uint64)
        values[rows, empties] = _mix(least[rotated], distance)
    return values


@lru_cache(maxsize=8)
def _probe_bins(bins: int) -> np.ndarray:
    """(bins, MAX_PROBES) array: the bins an empty bin j tries in turn, the top bits of
    mix(j << 32 | attempt, DENSIFY_SALT) (`_mix`)."""
    attempts = np.arange(MAX_PROBES, dtype=np.uint64)
    keys = (np.arange(bins, dtype=np.uint64)[:, None] << np.uint64(32)) | attempts[None, :]
    return (_mix(keys, np.uint64(DENSIFY_SALT)) >> np.uint64(64 - (bins.bit_length() - 1))).astype(np.intp)


def _mix(value: np.ndarray, salt: np.ndarray) -> np.ndarray:
    """64-bit values mixed with salts (splitmix64's finalizer; uint64 arithmetic wraps)."""
    value = (value ^ salt) * np.uint64(0x9E3779B97F4A7C15)
    value = (value ^ (value >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    return value ^ (value >> np.uint64(31))


def _bands(values: np.ndarray, rows: int, salt: int) -> np.ndarray:
    """(articles, bands) int64 keys from (articles, bands * rows) minimum values: per band, the
    low 64 // rows bits of each value packed side by side, XORed with a constant of the band and
    the salt.

    The values are uniform hashes, so two bands that differ agree on every packed part only by a
    chance of 2^-64 or so, as a hash of the band would; packing costs a third of hashing.
    """
    articles, used = values.shape
    width = 64 // rows
    shifts = np.arange(rows, dtype=np.uint64) * np.uint64(width)
    parts = (values.reshape(articles, used // rows, rows) & np.uint64((1 << width) - 1)) << shifts
    return (np.bitwise_xor.reduce(parts, axis=2) ^ _band_constants(salt, used // rows)).view(np.int64)


@lru_cache(maxsize=64)
def _band_constants(salt: int, bands: int) -> np.ndarray:
    salts = np.full(bands, salt, np.uint64)
    return _mix(salts, np.arange(bands, dtype=np.uint64))


@dataclass(frozen=True, slots=True)
class Signature:
    """What the warehouse keeps of an article to find its story (LSH keys and a shingle sample),
    and what its load's same-story tests read (every shingle hash: staged, not kept)."""

    keys: list[int]  # shorter prefix levels (band_keys)
    top_keys: list[int]  # whole body and longest prefix level
    sample: list[int]  # the shingle hashes that are 0 mod SAMPLE_EVERY, sorted, signed
    shingles: bytes  # every shingle hash in text order, 8 bytes big-endian (shingles_from_digests)


def story_signature(text: str) -> Signature:
    """The signature of an identity text; its shingle digests also make the SimHash."""
    return story_signatures([text])[0]


def story_signatures(texts: Sequence[str]) -> list[Signature]:
    """The signature of each identity text of a batch: the MinHash runs over all of them at once
    (_one_permutation_minhash). Its `shingles` are the article's shingle hashes
    (shingle_hash_batch), 8 bytes each, big-endian, in text order: what the SimHash reads. Callers
    pass SIGNATURE_BATCH texts or so: the hashes of every shingle of the batch are held until it
    returns (about 25 KB per article).

    Keys (see the module docstring): the whole body's WHOLE_BANDS bands, and for each prefix
    level (prefix_levels) PREFIX_BANDS bands of the MinHash of the shingles in its first words.
    Top keys are the whole-body keys and the keys of the longest prefix level the article has;
    the other keys are its shorter prefix levels. Two articles are candidates when they share
    MIN_SHARED_KEYS keys of which, for each shared key, at least one side holds it as a top key:
    a partial copy's longest prefix meets the same prefix of its original, while two articles
    that only begin alike (longer than their common opening) do not meet at all.
    """
    if not texts:
        return []
    word_lists = [words(text) for text in texts]
    count = len(texts)
    hashes, lengths = shingle_hash_batch(word_lists)  # at least one shingle each
    article = np.repeat(np.arange(count), lengths)
    position = np.arange(len(hashes)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    whole = _bands(_one_permutation_minhash(hashes, article, count, WHOLE_BINS, WHOLE_BANDS * WHOLE_ROWS),
                   WHOLE_ROWS, WHOLE_SALT).tolist()
    keys: list[list[int]] = [[] for _ in texts]
    tops: list[list[int]] = whole
    word_counts = np.fromiter(map(len, word_lists), np.intp, count)
    intro_words = np.fromiter(map(intro_length, texts), np.intp, count)
    level, prefix_words = 0, PREFIX_WORDS
    while (members := np.flatnonzero(word_counts >= prefix_words)).size:
        row = np.full(count, -1, np.intp)
        row[members] = np.arange(members.size)
        kept = (row[article] >= 0) & (position < max(1, prefix_words - SHINGLE + 1))
        values = _one_permutation_minhash(hashes[kept], row[article[kept]], members.size,
                                          PREFIX_BINS, PREFIX_BANDS * PREFIX_ROWS)
        is_top = word_counts[members] < prefix_words * PREFIX_GROWTH
        salt = PREFIX_SALT + (level << 16)
        for index, top, level_keys in zip(members.tolist(), is_top.tolist(), _bands(values, PREFIX_ROWS, salt).tolist()):
            (tops if top else keys)[index] += level_keys
        # The longest level again, past an opening sentence a copier may have put before the lead.
        shifted = members[is_top & (intro_words[members] > 0) & (intro_words[members] + prefix_words <= word_counts[members])]
        if shifted.size:
            row = np.full(count, -1, np.intp)
            row[shifted] = np.arange(shifted.size)
            start = intro_words[article]
            kept = (row[article] >= 0) & (position >= start) & (position < start + max(1, prefix_words - SHINGLE + 1))
            values = _one_permutation_minhash(hashes[kept], row[article[kept]], shifted.size,
                                              PREFIX_BINS, PREFIX_BANDS * PREFIX_ROWS)
            for index, level_keys in zip(shifted.tolist(), _bands(values, PREFIX_ROWS, salt).tolist()):
                tops[index] += level_keys
        level, prefix_words = level + 1, prefix_words * PREFIX_GROWTH
    sampled = (hashes % np.uint64(SAMPLE_EVERY)) == 0
    sample_article, sample_value = article[sampled], hashes[sampled].view(np.int64)
    order = np.lexsort((sample_value, sample_article))
    sample_article, sample_value = sample_article[order], sample_value[order]
    distinct = np.ones(len(order), bool)
    distinct[1:] = (sample_article[1:] != sample_article[:-1]) | (sample_value[1:] != sample_value[:-1])
    sample_values = sample_value[distinct].tolist()
    bounds = np.searchsorted(sample_article[distinct], np.arange(count + 1)).tolist()
    digests = hashes.astype(">u8").tobytes()
    byte_ends = (8 * np.cumsum(lengths)).tolist()
    return [
        Signature(keys[index], tops[index], sample_values[bounds[index]:bounds[index + 1]],
                  digests[byte_ends[index] - 8 * int(lengths[index]):byte_ends[index]])
        for index in range(count)
    ]


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
