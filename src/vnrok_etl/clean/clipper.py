"""A page saved with a Markdown web clipper (Obsidian's, MarkDownload and their peers).

The clipper writes the page as Markdown under a YAML front matter block:

    ---
    created: 2026-12-03T09:14:22 (UTC +07:00)     <- when the page was SAVED, not published
    tags: []
    source: https://...                           <- the page's address
    author: <name or empty>
    published: <date, when the page gave one>
    ---

    # <Headline> | <Site name>

    > ## Excerpt
    > <the page's description, which repeats the lead>

    ---
    <the article in Markdown: "![alt](src) |" image rows, each caption on the next line,
    "_<Name>_" in italics for the writer ...>

The front matter is read as fields (the title, the author as byline, `published`/`date` as the
date; never `created`, `clipped` or `saved`, which date the saving), the heading is the title
without the site's name after its last " | ", the excerpt block and the rule under it go (the
description printed again), an image row goes and makes the line under it its caption, and a
line that is only emphasis ("_Tuan Minh_", "*Tuan Minh*") loses its marks. What is left is the
saved-text form every other rule reads.

Read only when the text opens with "---" (the front matter), or holds "![" (an image row).
"""

from __future__ import annotations

import re

from vnrok_etl.clean.common import Draft
from vnrok_etl.dates import parse_date

FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]{0,30})\s*:\s*(?P<value>.*)$")
# A front matter is at most this many lines (fields and their list items).
MAX_FRONT_MATTER_LINES = 40
# The fields that date the page's publication; `created`, `clipped`, `saved` date its saving.
PUBLISHED_FIELDS = ("published", "date", "date_published", "pubdate")
MARKDOWN_HEADING = re.compile(r"^#{1,2}\s+(?P<text>\S.*?)\s*#*\s*$")
# "![](https://.../photo.jpg) |", "![Delegates at the talks](img.png)": an image row.
IMAGE_ROW = re.compile(r"^\s*\|?\s*!\[[^\]]*\]\([^)]*\)\s*\|?\s*$")
# "_Tuan Minh_", "*Tuan Minh*", "**Tuan Minh**": a line that is only emphasis.
EMPHASIS_LINE = re.compile(r"^\s*(?P<mark>\*{1,2}|_{1,2})(?P<text>[^*_\n]{1,80}?)(?P=mark)\s*$")
MAX_SITE_SUFFIX_WORDS = 10
MAX_CLIP_CAPTION_WORDS = 40


def read_markdown_clip(text: str, draft: Draft) -> str:
    """The clipped text as a saved page's text (module docstring); other texts unchanged."""
    opened = text.lstrip()
    unclipped = _take_front_matter(opened.split("\n"), draft) if opened.startswith("---") else None
    if unclipped is None and "![" not in text:
        return text
    lines = unclipped if unclipped is not None else text.split("\n")
    return "\n".join(_take_images(lines, draft, clipped=unclipped is not None))


def _take_front_matter(lines: list[str], draft: Draft) -> list[str] | None:
    """The fields of a front matter block opening the text, and the heading and excerpt under it;
    None when the text does not open with one."""
    end = next(
        (index for index in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)) if lines[index].strip() == "---"),
        None,
    )
    if end is None:
        return None
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        field = FRONT_MATTER_FIELD.match(line.strip())
        if field is not None:
            fields[field.group("key").lower()] = field.group("value").strip().strip("\"'")
        elif line.strip() and not line.lstrip().startswith("- "):
            return None  # not a front matter: a line that is neither a field nor a list item
    draft.drop("front_matter", "\n".join(lines[: end + 1]))
    author = fields.get("author", "").strip("[]\"' ")
    if author and not author.startswith(("http", "@")):
        draft.byline = draft.byline or author
    for name in PUBLISHED_FIELDS:
        if fields.get(name) and draft.found_date is None:
            draft.found_date = parse_date(fields[name], "text")
    rest = lines[end + 1:]
    title = fields.get("title")
    kept: list[str] = []
    index = 0
    while index < len(rest) and not rest[index].strip():
        index += 1
    heading = MARKDOWN_HEADING.match(rest[index]) if index < len(rest) else None
    if heading is not None:
        title = title or heading.group("text")
        draft.drop("title", rest[index])
        index += 1
    if title:
        kept.append(_without_site_name(title))
        kept.append("")
    # The excerpt: a blockquote under the heading (the page's description), and the rule after it.
    while index < len(rest) and (not rest[index].strip() or rest[index].lstrip().startswith(">")):
        if rest[index].strip():
            draft.drop("clip_excerpt", rest[index])
        index += 1
    if index < len(rest) and rest[index].strip() in ("---", "***", "___"):
        index += 1
    return kept + rest[index:]


def _without_site_name(title: str) -> str:
    """"<Headline> | <Site name>" → "<Headline>": the site's name after the last " | "."""
    head, bar, site = title.rpartition(" | ")
    if bar and head and len(site.split()) <= MAX_SITE_SUFFIX_WORDS:
        return head.strip()
    return title.strip()


def _take_images(lines: list[str], draft: Draft, clipped: bool) -> list[str]:
    """Image rows go; the short line right under one is its caption (" |" closing it, as a
    table's cell); in a clipped text, a line that is only emphasis loses its marks."""
    kept: list[str] = []
    caption_next = False
    for line in lines:
        stripped = line.strip()
        if stripped[:2] in ("![", "|!", "| ") and IMAGE_ROW.match(stripped):
            draft.drop("image_row", stripped)
            caption_next = True
            continue
        if caption_next:  # only the line right under the image: a blank line ends the figure
            caption_next = False
            caption = stripped.strip("|").strip()
            if caption and len(caption.split()) <= MAX_CLIP_CAPTION_WORDS:
                draft.add_caption(caption)
                continue
        if clipped and stripped[:1] in "*_" and (emphasis := EMPHASIS_LINE.match(stripped)):
            line = emphasis.group("text").strip()
        kept.append(line)
    return kept
