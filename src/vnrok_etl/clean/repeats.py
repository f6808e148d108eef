"""Paragraphs printed twice (a lead repeated after the dateline, a paragraph pasted again).

What repeats by nature is never a repeated paragraph: list items and table rows ("- 12 tonnes",
"| Hanoi | 12 |"), headings (a table of contents lists them again), preformatted lines (the same
command twice in a tutorial). An HTML page says which is which (`Block.kind`); plain text only
shows it by the line's form (a bullet, cells apart by " | ").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from vnrok_etl.clean.common import SENTENCE_BOUNDARY, Draft

# A repeated paragraph is paragraph-sized: longer prefixes are not looked up (bounds the cost).
MAX_REPEAT_PREFIX_CHARS = 4000

# A list item ("- ", "• ", "1. ") or a table row ("| a | b |", "a | b | c").
LIST_ITEM_OR_ROW_START = re.compile(r"^(?:[-•·*▪►]\s|\d{1,2}[.)]\s|\|)")
MIN_ROW_SEPARATORS = 2

# Paragraphs that begin alike (this many characters) are the only ones cut into prefixes.
REPEAT_HEAD_CHARS = 32

# The only block kind whose copies are repeats; items, rows, headings and pre recur on purpose.
PROSE_KIND = "p"


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a cleaned paragraph stood in the page: its block's kind, and its section (how many
    headings came before it)."""

    kind: str
    section: int


def place_paragraphs(paragraphs: Sequence[str], blocks: Sequence) -> list[Placement | None]:
    """Each cleaned paragraph's block on the page (`html.Block`: text, kind, section), in order.

    Cleaning keeps paragraphs in page order and mostly as the page printed them (a block, or one
    line of it); each paragraph is matched to the first block at or after the previous match that
    prints it. A paragraph the text rules rewrote (a dateline cut off its front) has no block:
    None, read as prose.
    """
    where: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        where.setdefault(block.text, []).append(index)
        if "\n" in block.text:
            for line in block.text.split("\n"):
                where.setdefault(line.strip(), []).append(index)
    placements: list[Placement | None] = []
    cursor = 0
    for paragraph in paragraphs:
        indices = where.get(paragraph)
        found = None
        if indices:
            position = bisect_left(indices, cursor)
            if position < len(indices):
                found = indices[position]
        if found is None:
            placements.append(None)
            continue
        placements.append(Placement(blocks[found].kind, blocks[found].section))
        cursor = found
    return placements


def drop_repeats(paragraphs: list[str], draft: Draft, blocks: Sequence | None = None) -> list[str]:
    """Keep each paragraph once; when one paragraph is another plus more sentences, keep the fuller.

    Seed 001 repeats "During their high-level meetings..." verbatim (the later copy goes) and ends
    with the "The visit of ... concluded successfully" paragraph plus one more sentence (the
    earlier, shorter copy goes). Seed 002 repeats its lead after the dateline (the later copy goes).
    List items and table rows are never dropped: they repeat by nature.

    With `blocks` (an HTML page's `html.Block`s, placed by `place_paragraphs`), two copies are a
    repeat only when both are prose paragraphs (`Placement.kind`), in the same section (no
    heading between them: a section may open with the same paragraph as the one before, a
    recurring notice), and not side by side: a copy set among the text (a standfirst printed
    again under the dateline, a highlighted sentence) is what a page repeats by mistake, while
    copies in a row are each an element of their own that the page prints in turn, which no
    text rule can tell from a refrain.

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
    heads = Counter([key[:REPEAT_HEAD_CHARS] for key in keys])  # Speed: a list, not a generator
    short_keys = {key for key in keys if len(key) < REPEAT_HEAD_CHARS}
    short_lengths = {len(key) for key in short_keys}
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    fuller: dict[str, int] = {}  # a sentence-ending prefix -> the first paragraph extending it
    dropped: set[int] = set()
    # (copy, the paragraph it copies): the copy goes, unless the pair is no repeat (see above).
    pairs: list[tuple[int, int]] = []
    for later, key in enumerate(keys):
        extended_by = fuller.get(key)
        if key in first_seen or (extended_by is not None and extended_by not in dropped):
            dropped.add(later)
            pairs.append((later, last_seen[key] if key in last_seen else extended_by))
            last_seen[key] = later
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
                pairs.append((earlier, later))
        first_seen[key] = last_seen[key] = later
        for prefix in prefixes:
            fuller.setdefault(prefix, later)
    # Speed: most pages have no copies; their paragraphs are never placed on the page.
    placements = place_paragraphs(paragraphs, blocks) if pairs and blocks is not None else None
    dropped = {copy for copy, original in pairs if _is_repeat(paragraphs, copy, original, placements)}
    for index in sorted(dropped):
        draft.drop("repeated_paragraph", paragraphs[index])
    return [paragraph for index, paragraph in enumerate(paragraphs) if index not in dropped]


def _is_repeat(
    paragraphs: list[str], copy: int, original: int, placements: Sequence[Placement | None] | None
) -> bool:
    # Rows of a table and items of a list repeat by nature ("- 12 tonnes", "| Hanoi | 12 |"):
    # they are never taken for a repeated paragraph (issue 16).
    if _is_list_item_or_row(paragraphs[copy]):
        return False
    if placements is None:
        return True
    if abs(copy - original) == 1:
        return False
    first, second = placements[copy], placements[original]
    kinds = (first.kind if first else PROSE_KIND, second.kind if second else PROSE_KIND)
    if kinds != (PROSE_KIND, PROSE_KIND):
        return False
    return first is None or second is None or first.section == second.section


def _is_list_item_or_row(paragraph: str) -> bool:
    return bool(LIST_ITEM_OR_ROW_START.match(paragraph)) or paragraph.count(" | ") >= MIN_ROW_SEPARATORS
