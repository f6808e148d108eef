"""Inside a block: which lines are captions, image names, chrome or related links, and which are text."""

from __future__ import annotations

import re

from vnrok_etl.clean.captions import CREDIT_ONLY, IMAGE_FILENAME, caption_match
from vnrok_etl.clean.common import SENTENCE_END, Draft, alternation
from vnrok_etl.clean.tail import STANDALONE_AGENCY
from vnrok_etl.profiles import CHROME_LINES

CHROME = re.compile(rf"^(?:(?:{alternation(CHROME_LINES)})\s*[|·•/,:]?\s*)+$", re.IGNORECASE)

# "Read more: <headline>" on one line inside the text: that line goes, the text after it stays.
RELATED_LINK = re.compile(
    r"^(?:read more|see more|see also|related|related news|related story|xem thêm)\s*:\s*\S",
    re.IGNORECASE,
)

MAX_RELATED_LINK_WORDS = 30


def lines_to_paragraphs(blocks: list[list[str]], draft: Draft) -> list[str]:
    """Set captions, image names and chrome aside; join the remaining lines of a block."""
    paragraphs: list[str] = []
    for block in blocks:
        kept: list[str] = []
        caption_next = after_caption = False
        for line in block:
            if " " not in line and IMAGE_FILENAME.match(line):  # a file name has no spaces
                draft.drop("image_filename", line)
                caption_next = True
                continue
            was_caption, after_caption = after_caption, False
            if CREDIT_ONLY.match(line) and kept:
                # "Leaders at the talks\nPhoto: VNA": the line above the credit is its caption.
                draft.add_caption(f"{kept.pop()} {line}")
            elif was_caption and (STANDALONE_AGENCY.match(line) or CREDIT_ONLY.match(line)):
                draft.drop("caption_credit", line)  # "VNA" or "Photo: VNA" under a caption
            elif caption_next or caption_match(line):
                draft.add_caption(line)
                after_caption = True
            elif CHROME.match(line):
                draft.drop("chrome", line)
            elif RELATED_LINK.match(line) and len(line.split()) <= MAX_RELATED_LINK_WORDS:
                draft.drop("related_link", line)
            else:
                kept.append(line)
            caption_next = False
        paragraphs.extend(join_wrapped(kept))
    return paragraphs


def drop_caption_copies(paragraphs: list[str], draft: Draft) -> list[str]:
    """A caption printed again as a paragraph without its credit (a <figcaption> and a <p>)."""
    if not draft.caption_keys:
        return paragraphs
    kept = []
    for paragraph in paragraphs:
        if paragraph.casefold() in draft.caption_keys:
            draft.drop("repeated_caption", paragraph)
        else:
            kept.append(paragraph)
    return kept


def join_wrapped(lines: list[str]) -> list[str]:
    """A line that does not end a sentence continues on the next one (hard-wrapped text)."""
    joined: list[str] = []
    for line in lines:
        if joined and not SENTENCE_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
