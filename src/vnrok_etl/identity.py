"""Identity of documents and articles, and the near-duplicate fingerprint.

A document is its bytes (sha256). An article is its clean body, normalized so that typography a
re-save can change (curly vs straight quotes, dash styles, spacing, case) does not make a new
article: the same text as .txt and .html, with CRLF, a BOM or in cp1252 gets one article_id.

Near duplicates use a 64-bit SimHash over word 3-shingles (Charikar; Manku et al. 2007: near
duplicates of web pages differ in at most 3 of 64 bits). Hand-written because it is 20 lines and
its four 16-bit bands let the warehouse find candidates with an SQL equi-join, where datasketch's
MinHash LSH would need numpy and an index kept outside the warehouse.
"""

from __future__ import annotations

import hashlib
import re
from hashlib import blake2b

TYPOGRAPHY = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("‑", "-"))
WORD = re.compile(r"\w+")
SHINGLE = 3
NEAR_DUPLICATE_BITS = 3  # at most this many differing bits of 64 make a near duplicate
# BIT_TABLES[i] maps a byte to 1 if its bit i (0 = most significant) is set, else to 0.
BIT_TABLES = tuple(bytes(value >> (7 - bit) & 1 for value in range(256)) for bit in range(8))


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


def article_identity(body: str) -> tuple[str, int]:
    """(article_id, simhash) of a body, folding it once for both."""
    text = identity_text(body)
    return _article_id(text), _simhash(text)


def _article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def record_id(*parts: object) -> str:
    """A stable key for a record inside an article, e.g. (article_id, start, end, kind)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]


def simhash(body: str) -> int:
    """64-bit SimHash of the body's word 3-shingles, as a signed integer (DuckDB BIGINT)."""
    return _simhash(identity_text(body))


def _simhash(text: str) -> int:
    words = WORD.findall(text)
    if len(words) < SHINGLE:
        shingles = [" ".join(words)]
    else:
        shingles = list(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)))))
    # Bit-sliced counting: the 8-byte digests side by side, then for each of the 64 bits a
    # C-level pass over one byte column (a 0/1 translation table and bytes.count) instead of a
    # Python loop over 64 bits per shingle (1.5x faster than counting 0/1 strings).
    digests = b"".join([blake2b(shingle.encode(), digest_size=8).digest() for shingle in shingles])
    half = len(shingles) / 2
    unsigned = 0
    for byte in range(8):
        column = digests[byte::8]
        for bit, table in enumerate(BIT_TABLES):
            if column.translate(table).count(1) > half:
                unsigned |= 1 << (63 - 8 * byte - bit)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
