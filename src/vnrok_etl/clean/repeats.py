"""Paragraphs printed twice (a lead repeated after the dateline, a paragraph pasted again)."""

from __future__ import annotations

import re
from collections import Counter

from vnrok_etl.clean.common import SENTENCE_BOUNDARY, Draft

# A repeated paragraph is paragraph-sized: longer prefixes are not looked up (bounds the cost).
MAX_REPEAT_PREFIX_CHARS = 4000

# A list item ("- ", "• ", "1. ") or a table row ("| a | b |", "a | b | c").
LIST_ITEM_OR_ROW_START = re.compile(r"^(?:[-•·*▪►]\s|\d{1,2}[.)]\s|\|)")
MIN_ROW_SEPARATORS = 2

# Paragraphs that begin alike (this many characters) are the only ones cut into prefixes.
REPEAT_HEAD_CHARS = 32


def drop_repeats(paragraphs: list[str], draft: Draft) -> list[str]:
    """Keep each paragraph once; when one paragraph is another plus more sentences, keep the fuller.

    Seed 001 repeats "During their high-level meetings..." verbatim (the later copy goes) and ends
    with the "The visit of ... concluded successfully" paragraph plus one more sentence (the
    earlier, shorter copy goes). Seed 002 repeats its lead after the dateline (the later copy goes).
    List items and table rows are never dropped: they repeat by nature.
    Each paragraph is looked up by its full text and by its prefixes that end a sentence, so the
    cost stays linear in the number of sentences however many paragraphs look alike.
    """
    keys = [paragraph.casefold() for paragraph in paragraphs]
    # Speed: a prefix is only ever compared with whole paragraphs, so a paragraph is cut into
    # prefixes only when another one could be its beginning: one with the same first
    # REPEAT_HEAD_CHARS characters, or a shorter one that it starts with. Most paragraphs have no
    # such twin and are not scanned for sentence ends; of the prefixes, only those exactly as long
    # as some paragraph are cut out.
    lengths = {len(key) for key in keys}
    heads = Counter(key[:REPEAT_HEAD_CHARS] for key in keys)
    short_keys = {key for key in keys if len(key) < REPEAT_HEAD_CHARS}
    short_lengths = {len(key) for key in short_keys}
    first_seen: dict[str, int] = {}
    fuller: dict[str, int] = {}  # a sentence-ending prefix -> the first paragraph extending it
    dropped: set[int] = set()
    for later, key in enumerate(keys):
        extended_by = fuller.get(key)
        if key in first_seen or (extended_by is not None and extended_by not in dropped):
            dropped.add(later)
            continue
        has_twin = heads[key[:REPEAT_HEAD_CHARS]] > 1 or any(
            key[:length] in short_keys for length in short_lengths if length < len(key)
        )
        prefixes = [
            key[: match.end()]
            for match in SENTENCE_BOUNDARY.finditer(key, 0, MAX_REPEAT_PREFIX_CHARS)
            if match.end() in lengths
        ] if has_twin else []
        for prefix in prefixes:
            earlier = first_seen.get(prefix)
            if earlier is not None:
                dropped.add(earlier)
        first_seen[key] = later
        for prefix in prefixes:
            fuller.setdefault(prefix, later)
    # Rows of a table and items of a list repeat by nature ("- 12 tonnes", "| Hanoi | 12 |"):
    # they are never taken for a repeated paragraph (issue 16).
    dropped = {index for index in dropped if not _is_list_item_or_row(paragraphs[index])}
    for index in sorted(dropped):
        draft.drop("repeated_paragraph", paragraphs[index])
    return [paragraph for index, paragraph in enumerate(paragraphs) if index not in dropped]


def _is_list_item_or_row(paragraph: str) -> bool:
    return bool(LIST_ITEM_OR_ROW_START.match(paragraph)) or paragraph.count(" | ") >= MIN_ROW_SEPARATORS
