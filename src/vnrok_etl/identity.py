"""Identity of documents and articles, and the SimHash fingerprint.

A document is its bytes (sha256). An article is its clean body, normalized so that typography a
re-save can change (curly vs straight quotes, dash styles, spacing, case) does not make a new
article: the same text as .txt and .html, with CRLF, a BOM or in cp1252 gets one article_id.

Which articles are copies of one story is stories.py's concern (MinHash LSH keys and an exact
containment test). The 64-bit SimHash over word 3-shingles (Charikar; Manku et al. 2007) that
linked near duplicates before is still computed from the same shingle hashes and stored in
`articles.simhash` (a public column), at 0.02 ms per article; it found 14-17 % of edited copies
(benchmarks/RESULTS.md "Story identity").
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache

from vnrok_etl.stories import SIGNATURE_BATCH, Signature, shingle_hash_batch, story_signatures, words

TYPOGRAPHY = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("‑", "-"))
NEAR_DUPLICATE_BITS = 3  # at most this many differing bits of 64 make a near duplicate
MASKS_CACHED_UP_TO = 1 << 14  # shingles; articles have hundreds, larger mask sets are rebuilt


def content_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def identity_text(body: str) -> str:
    """The body as identity sees it: typography folded, spaces collapsed, lower case."""
    # str.replace per character and split/join, not translate() and re.sub: the same result
    # (str.split and re's \s agree on what is whitespace) in a tenth of the time (benchmarks/).
    for typographic, plain in TYPOGRAPHY:
        body = body.replace(typographic, plain)
    return " ".join(body.split()).lower()


def article_id(body: str) -> str:
    return _article_id(identity_text(body))


def article_identity(body: str) -> tuple[str, int, Signature]:
    """(article_id, simhash, story signature) of a body, folding it once and hashing its
    shingles once (stories.story_signature)."""
    return article_identities([body])[0]


def article_identities(bodies: Sequence[str]) -> list[tuple[str, int, Signature]]:
    """article_identity of each body of a batch: the story signatures are computed for
    SIGNATURE_BATCH articles at once (stories.story_signatures)."""
    identities = []
    for start in range(0, len(bodies), SIGNATURE_BATCH):
        texts = [identity_text(body) for body in bodies[start:start + SIGNATURE_BATCH]]
        identities += [
            (_article_id(text), simhash_of_digests(signature.shingles), signature)
            for text, signature in zip(texts, story_signatures(texts))
        ]
    return identities


def _article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def record_id(*parts: object) -> str:
    """A stable key for a record inside an article, e.g. (article_id, start, end, kind)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]


def simhash(body: str) -> int:
    """64-bit SimHash of the body's word 3-shingles, as a signed integer (DuckDB BIGINT)."""
    return _simhash(identity_text(body))


def _simhash(text: str) -> int:
    hashes, _ = shingle_hash_batch([words(text)])
    return simhash_of_digests(hashes.astype(">u8").tobytes())


def simhash_of_digests(digests: bytes) -> int:
    """The SimHash of a text from its shingles' 64-bit hashes (stories.shingle_hash_batch), 8
    bytes each, big-endian, one after the other (a stories.Signature's `shingles`)."""
    return _majority_bits(digests, len(digests) // 8)


def _majority_bits(digests: bytes, count: int) -> int:
    """The 64 bits set in more than half of `count` 8-byte digests, as a signed integer.

    Bit-sliced counting: byte column j of the digests (digests[j::8]) as one big integer, then
    for each of its 8 bits one AND with a mask that has that bit in every byte and a C-level
    popcount. That is 8 slices and 64 AND+bit_count on count-byte integers, where a 0/1
    translate()+count() per bit column took 5x longer (0.13 -> 0.026 ms per article of ~500
    words, CPU time on the generated 1k corpus).
    """
    half = count / 2
    size = 1 << (count - 1).bit_length()  # a power of two >= count: few distinct mask sets
    masks = _bit_masks(size) if size <= MASKS_CACHED_UP_TO else _bit_masks.__wrapped__(size)
    unsigned = 0
    for byte in range(8):
        column = int.from_bytes(digests[byte::8], "big")
        for bit, mask in enumerate(masks):
            if (column & mask).bit_count() > half:
                unsigned |= 1 << (63 - 8 * byte - bit)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


@lru_cache(maxsize=None)
def _bit_masks(size: int) -> tuple[int, ...]:
    """For bit 0..7 (0 = most significant), an integer of `size` bytes with that bit in each.

    Mask bytes beyond a shorter column meet its zero high bytes and count nothing, so one set
    per power of two serves all counts up to it; cached only up to MASKS_CACHED_UP_TO (256 KB
    in all), so a giant document does not leave megabytes of masks in the process.
    """
    return tuple(int.from_bytes(bytes([0x80 >> bit]) * size, "big") for bit in range(8))


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
