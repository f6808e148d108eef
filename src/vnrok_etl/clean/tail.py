"""The article's end: related-article blocks, agency end marks and sign-offs, and what follows them."""

from __future__ import annotations

import re

from vnrok_etl.clean.common import AGENCY, MIN_BODY_WORDS, Draft, alternation
from vnrok_etl.profiles import AGENCY_CODES, RELATED_HEADINGS

# Seed 002: the related block opens with "See more"; "Tags: a, b" carries its items inline.
RELATED_HEADING = re.compile(
    rf"^(?:(?:{alternation(RELATED_HEADINGS)})\s*:?\s*$|(?:tags|keywords|topics)\s*:)",
    re.IGNORECASE,
)

# Seed 002: a bare "VNA" line after the last paragraph; also "— VNS" or "Source: VNA" alone.
STANDALONE_AGENCY = re.compile(rf"^(?:[—–-]|(?i:source)\s*:)?\s*(?P<source>{AGENCY})\.?$")

# Seeds 000, 003, 004: "... many fields. — VNS", "... the world. — VNA/VNS".
TRAILING_SIGNOFF = re.compile(rf"(?:\s*[—–]|\s+--?)\s*(?P<source>{AGENCY})\.?$")

# Seed 002: VNA ends its last paragraph with "/." after the full stop.
VNA_END_MARK = re.compile(r"\s*/\.$")

# Speed: most lines can be ruled out for the end-anchored searches above with a str method (the
# regex engine has no fast path for "$"-anchored or case-insensitive searches and tries every
# position, several µs a line). Each pre-check is a necessary condition for its pattern, so the
# pattern still decides every line that passes.
AGENCY_ENDINGS = tuple(AGENCY_CODES)  # TRAILING_SIGNOFF ends with one of them, then "." and "$"


def cut_related(blocks: list[list[str]], draft: Draft) -> list[list[str]]:
    """Drop everything after the article's end: from a related-articles heading (seed 002's
    "See more"), or after the agency's end mark when no heading follows it (VNA's "/." and bare
    "VNA" line, VNS's "— VNS"): what comes after a sign-off is other articles' headlines.

    Never from the first line: a text cannot start with its own related list. Nothing after the
    cut feeds the title, the date or the captions.
    """
    lines = [(b, i) for b, block in enumerate(blocks) for i in range(len(block))]
    words = 0
    for position, (b, i) in enumerate(lines):
        line = blocks[b][i]
        if position and RELATED_HEADING.match(line):
            return cut_at(blocks, b, i, draft)
        if words <= MIN_BODY_WORDS:  # only "more than MIN_BODY_WORDS" matters: stop counting there
            words += len(line.split())
        # An end mark needs an article before it: "by Lan Anh - NDO" heads a text, it ends none.
        at_block_end = i == len(blocks[b]) - 1
        has_more = position + 1 < len(lines)
        if at_block_end and has_more and words > MIN_BODY_WORDS and ends_article(blocks[b]):
            following = lines[position + 1]
            if STANDALONE_AGENCY.match(blocks[following[0]][following[1]]):
                position += 1  # "/." then "VNA": the sign-off line stays with the article
            if position + 1 < len(lines):
                return cut_at(blocks, *lines[position + 1], draft)
            return blocks
    return blocks


def ends_article(block: list[str]) -> bool:
    """The block's last line ends the article; a bare "VNA" only as a block of its own (under a
    caption, on the caption's next line, it is a photo credit)."""
    line = block[-1]
    return bool(
        end_mark(line)
        or trailing_signoff(line)
        or (len(block) == 1 and STANDALONE_AGENCY.match(line))
    )


def cut_at(blocks: list[list[str]], b: int, i: int, draft: Draft) -> list[list[str]]:
    cut = [blocks[b][i:]] + blocks[b + 1:]
    draft.drop("related_block", "\n\n".join("\n".join(lines) for lines in cut))
    return blocks[:b] + ([blocks[b][:i]] if i else [])


def take_signoff(paragraphs: list[str], draft: Draft) -> list[str]:
    """Agency sign-offs at the end: a bare "VNA" line, "— VNS" and "/." after the last sentence."""
    paragraphs = list(paragraphs)
    while paragraphs:
        last = paragraphs[-1]
        standalone = STANDALONE_AGENCY.match(last)
        if standalone:
            draft.signoff_source = draft.signoff_source or standalone.group("source")
            draft.drop("signoff", last)
            paragraphs.pop()
            continue
        trailing = trailing_signoff(last) or end_mark(last)
        if trailing is None:
            break
        if "source" in trailing.re.groupindex:
            draft.signoff_source = draft.signoff_source or trailing.group("source")
        draft.drop("signoff", trailing.group(0))
        remaining = last[: trailing.start()].rstrip()
        if remaining:
            paragraphs[-1] = remaining
        else:
            paragraphs.pop()
    return paragraphs


def trailing_signoff(line: str) -> re.Match[str] | None:
    return TRAILING_SIGNOFF.search(line) if line.rstrip(".\n").endswith(AGENCY_ENDINGS) else None


def end_mark(line: str) -> re.Match[str] | None:
    return VNA_END_MARK.search(line) if line.rstrip("\n").endswith("/.") else None
