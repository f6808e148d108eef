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

TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})
SPACES = re.compile(r"\s+")
WORD = re.compile(r"\w+")
SHINGLE = 3
NEAR_DUPLICATE_BITS = 3  # at most this many differing bits of 64 make a near duplicate


def content_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def identity_text(body: str) -> str:
    """The body as identity sees it: typography folded, spaces collapsed, lower case."""
    return SPACES.sub(" ", body.translate(TYPOGRAPHY)).strip().lower()


def article_id(body: str) -> str:
    return hashlib.sha256(identity_text(body).encode("utf-8")).hexdigest()[:24]


def record_id(*parts: object) -> str:
    """A stable key for a record inside an article, e.g. (article_id, start, end, kind)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]


def simhash(body: str) -> int:
    """64-bit SimHash of the body's word 3-shingles, as a signed integer (DuckDB BIGINT)."""
    words = WORD.findall(identity_text(body))
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    # Bit-sliced counting: one 64-character row of 0/1 per shingle, then count each column with
    # a C-level slice instead of a Python loop over 64 bits per shingle (10x faster).
    rows = "".join(
        f"{int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), 'big'):064b}"
        for s in shingles
    )
    half = len(shingles) / 2
    unsigned = 0
    for column in range(64):
        if rows[column::64].count("1") > half:
            unsigned |= 1 << (63 - column)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
