"""Photo captions printed in the header, between the headline and the lead.

A saved page's text keeps the captions of the photos at the top of the article, and in the header
they take forms that need the header's context to be told from the lead: alt text glued to a copy
of the headline ("<headline> ảnh 1<caption>", which may be the headline's only copy), a caption
glued to the next sentence, a caption with a credit tail, a short caption sentence without a
credit between the date line and the lead (VNS), and a scene caption, the present-tense sentence
of what the photo shows, above a lead that does not continue it (Korea.net). Each goes to the
draft's captions, never the body.

Separate from captions.py, which holds the forms of a caption wherever it stands, because these
rules read what the header scan has seen (a headline candidate, a date line just before).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vnrok_etl.clean.captions import (
    caption_match,
    continues,
    credit_caption,
    portrait_caption,
    position_caption,
    scene_caption,
    split_alt_text,
    split_glued_caption,
    stock_caption,
)
from vnrok_etl.clean.common import Draft
from vnrok_etl.clean.headline import is_title_like
from vnrok_etl.clean.lead import DATELINE

if TYPE_CHECKING:
    from vnrok_etl.clean.header import HeaderScan

# A sentence ending inside the line, another one following it: not a one-sentence caption.
SENTENCE_INSIDE = re.compile(r"[.!?…]['\"”’)\]]*\s+[A-Z\"“]")

# A caption sentence printed without a credit between the date line and the lead is short.
MAX_UNCREDITED_CAPTION_WORDS = 16


def take_header_caption(line: str, following: str | None, draft: Draft, header: HeaderScan) -> str | None:
    """A caption in the header: drop it and return what follows it on the line; None if not one."""
    alt = split_alt_text(line)
    if alt is not None:  # "<headline> ảnh 1<caption>": the headline copy may be the only one
        headline_copy, line = alt
        if not header.candidates and draft.title is None and is_title_like(headline_copy):
            header.candidates.append(headline_copy)
        else:
            draft.drop("alt_text", headline_copy)
        glued = split_glued_caption(line)
        if glued is not None:
            draft.add_caption(glued[0])
            return glued[1]
        draft.add_caption(line)
        return ""
    glued = split_glued_caption(line)
    if glued is not None:
        caption, rest = glued
        draft.add_caption(caption)
        return rest
    if (
        caption_match(line) or credit_caption(line) or position_caption(line)
        or portrait_caption(line) or stock_caption(line)
    ):
        draft.add_caption(line)
        return ""
    if (
        header.after_date_line
        and header.last_rule == "date_line"
        and (header.candidates or draft.title)
        and following is not None
        and len(line.split()) <= MAX_UNCREDITED_CAPTION_WORDS
        and line.endswith(".")
        and not SENTENCE_INSIDE.search(line)
        and len(following.split()) > len(line.split())
        and not DATELINE.match(line)
    ):
        draft.add_caption(line)  # VNS: a one-sentence caption between the date line and the lead
        return ""
    if (
        (header.candidates or draft.title or header.after_date_line)
        and following is not None
        and scene_caption(line)
        and not continues(following)
        and (following == line or not scene_caption(following))  # a caption printed twice
    ):
        draft.add_caption(line)  # Korea.net: "Teachers from Vietnam pose at ..." above the lead
        return ""
    return None


