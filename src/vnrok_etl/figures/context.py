"""The per-call context (body, sentences, publication year) and building the records."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    """Per-call lookups shared by the classifiers: sentence spans and the publication year."""

    body: str
    sentence_starts: list[int]
    sentence_spans: list[tuple[int, int]]
    published_year: int | None
    # sentence start -> reference.SentenceFacts: what its figures read, found once per sentence
    cues: dict[int, object]
    lowered: str = ""
    published_month: int | None = None  # "last month" in a January article is December
    # The body's ASCII words as bytes (amounts.body_words): which literals are worth a look.
    words: frozenset[bytes] = frozenset()  # body.lower(): literal look-ups before a pattern is tried (word_figures._around)


def may_match(ctx: Context, words: frozenset[bytes], literals: tuple[str, ...]) -> bool:
    """Whether a pattern whose every match holds one of `words` (and so one of `literals`) is
    worth running on the body: a set look-up when the body's words are known, else a substring test."""
    if ctx.words:
        return not words.isdisjoint(ctx.words)
    return any(literal in ctx.body for literal in literals)


def sentence_span(ctx: Context, offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(ctx.sentence_starts, offset) - 1
    if index >= 0 and ctx.sentence_spans[index][0] <= offset < ctx.sentence_spans[index][1]:
        return ctx.sentence_spans[index]
    # An offset between sentences (never a figure in practice): its paragraph-less neighbourhood.
    return (offset, offset)


