"""Splitting the documents of one run into batches.

Batches bound the number of Prefect task runs per flow (each costs 10-15 ms, and ~1000 at once
lock the embedded server's database) while keeping each batch small enough to stream: the batch
size grows with the corpus only once MAX_BATCHES is reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

DEFAULT_BATCH_SIZE = 500
MAX_BATCHES = 100


def plan_batches(items: Sequence[str], batch_size: int | None = None) -> list[list[str]]:
    """Consecutive batches of at most `batch_size` items, never more than MAX_BATCHES of them."""
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {batch_size}")
    size = max(batch_size or DEFAULT_BATCH_SIZE, ceil(len(items) / MAX_BATCHES))
    return [list(items[start : start + size]) for start in range(0, len(items), size)]
