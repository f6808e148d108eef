"""Story signatures as their definition reads (stories.py's docstring), one article and one value
at a time in plain Python, for tests to hold the batched numpy code to; and the shingle hashes of
before migration 012, to make a warehouse as older code left it."""

from __future__ import annotations

import re
from collections.abc import Callable
from hashlib import blake2b

from vnrok_etl.stories import (
    DENSIFY_SALT,
    MAX_PROBES,
    PREFIX_BANDS,
    PREFIX_BINS,
    PREFIX_ROWS,
    PREFIX_SALT,
    SAMPLE_EVERY,
    SHINGLE_SEED,
    WHOLE_BANDS,
    WHOLE_BINS,
    WHOLE_ROWS,
    WHOLE_SALT,
    WORD,
    prefix_levels,
)


def mix(value: int, salt: int) -> int:
    """splitmix64's finalizer of value XOR salt, in 64 bits."""
    mask = (1 << 64) - 1
    value = ((value ^ salt) * 0x9E3779B97F4A7C15) & mask
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & mask
    return value ^ (value >> 31)


def reference_shingle_hashes(word_list: list[str]) -> list[int]:
    """Each word 3-shingle's hash as stories.py defines it, one word at a time in plain Python:
    a word is the first 8 bytes of its blake2b digest (big-endian); a shingle's hash starts at
    SHINGLE_SEED and mixes in its words in order. A text under three words is one shingle."""
    def word_value(word: str) -> int:
        return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "big")

    groups = [word_list] if len(word_list) < 3 else [word_list[i:i + 3] for i in range(len(word_list) - 2)]
    hashes = []
    for group in groups:
        value = SHINGLE_SEED
        for word in group:
            value = mix(value, word_value(word))
        hashes.append(value)
    return hashes


def reference_keys(
    text: str, shingle_hashes: Callable[[list[str]], list[int]], probes: int = MAX_PROBES,
) -> tuple[list[int], list[int], list[int]]:
    """(keys, top keys, sample) of an identity text as the definition reads, from its shingle
    hashes (`shingle_hashes` of its words): the batched numpy code must give exactly these. With
    `probes=0` empty bins are densified by rotation alone, as before migration 012."""
    word_list = WORD.findall(text)
    hashes = shingle_hashes(word_list)

    def minhash(values: list[int], bins: int, used: int) -> list[int]:
        least = [None] * bins
        for value in values:
            index = value >> (64 - (bins.bit_length() - 1))
            if least[index] is None or value < least[index]:
                least[index] = value
        filled = [index for index, value in enumerate(least) if value is not None]
        out = []
        for index in range(used):
            if least[index] is not None:
                out.append(least[index])
                continue
            # An empty bin tries bins in the order its own probe sequence gives and borrows the
            # first filled one's value; after MAX_PROBES misses, the next filled bin's, circularly,
            # mixed with the distance.
            for attempt in range(probes):
                probe = mix((index << 32) | attempt, DENSIFY_SALT) >> (64 - (bins.bit_length() - 1))
                if least[probe] is not None:
                    out.append(least[probe])
                    break
            else:
                lender = next((f for f in filled if f > index), filled[0])
                out.append(mix(least[lender], (lender - index) % bins))
        return out

    def bands(values: list[int], rows: int, salt: int) -> list[int]:
        width = 64 // rows
        keys = []
        for band in range(len(values) // rows):
            key = mix(salt, band)
            for row in range(rows):
                key ^= (values[band * rows + row] & ((1 << width) - 1)) << (row * width)
            keys.append(key - (1 << 64) if key >= 1 << 63 else key)
        return keys

    top = bands(minhash(hashes, WHOLE_BINS, WHOLE_BANDS * WHOLE_ROWS), WHOLE_ROWS, WHOLE_SALT)
    keys: list[int] = []
    levels = prefix_levels(len(word_list))
    for level, length in enumerate(levels):
        values = minhash(hashes[:max(1, length - 2)], PREFIX_BINS, PREFIX_BANDS * PREFIX_ROWS)
        (top if level == len(levels) - 1 else keys).extend(bands(values, PREFIX_ROWS, PREFIX_SALT + (level << 16)))
    # The longest level again from the word after a short first sentence (an intro line).
    first = re.search(r"[.!?]\s", text[:400])
    intro = len(WORD.findall(text[:first.start()])) if first else 0
    if levels and 4 <= intro < 20 and intro + levels[-1] <= len(word_list):
        values = minhash(hashes[intro:intro + levels[-1] - 2], PREFIX_BINS, PREFIX_BANDS * PREFIX_ROWS)
        top.extend(bands(values, PREFIX_ROWS, PREFIX_SALT + ((len(levels) - 1) << 16)))
    sample = sorted({value - (1 << 64) if value >= 1 << 63 else value for value in hashes if value % SAMPLE_EVERY == 0})
    return keys, top, sample


def old_shingle_hashes(word_list: list[str]) -> list[int]:
    """The shingle hashes of before migration 012: each shingle's text (its words joined by a
    space) digested by blake2b, 8 bytes, big-endian."""
    groups = [word_list] if len(word_list) < 3 else [word_list[i:i + 3] for i in range(len(word_list) - 2)]
    return [int.from_bytes(blake2b(" ".join(group).encode(), digest_size=8).digest(), "big") for group in groups]
