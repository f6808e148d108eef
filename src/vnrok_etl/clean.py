"""Cleaning: from decoded text (or an HTML page) to exactly the article, with its metadata.

Figures and quotes are read from `Article.body` only, so whatever is left in a paragraph must be
article text: headers (date markers, bylines, datelines, titles), agency sign-offs, captions,
image file names, related-article blocks and page chrome are taken out, and every dropped span is
logged as a RemovedSpan with the rule that dropped it, so that the removal log plus the body
account for the whole input.

Hand-written rather than delegated to a boilerplate library: trafilatura is not a dependency and,
like readability, judges blocks by link density and length, which keeps a photo caption or a
related headline as happily as a sentence. Our inputs are a handful of outlets whose forms are
known (the seeds): outlet words are data in profiles.py, the forms are the patterns below, each
pointing at the seed behind it. HTML pages are reduced to paragraphs by html.py and then go through
the very same text rules, so that one article as .txt and as .html gets one body, hence one
article_id (DESIGN.md).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from vnrok_etl.dates import FoundDate, parse_date
from vnrok_etl.html import HtmlPage, extract_html
from vnrok_etl.profiles import (
    AGENCY_CODES,
    CHROME_LINES,
    KNOWN_PLACES,
    RELATED_HEADINGS,
)
from vnrok_etl.records import Article, RemovedSpan


class CleanError(ValueError):
    """The input holds no article; the message is the rejection reason."""


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


AGENCY = _alternation(AGENCY_CODES)
AGENCY_SET = frozenset(AGENCY_CODES)
KNOWN_PLACE_SPELLING = {place.casefold(): place for place in KNOWN_PLACES}

# A page, or a saved fragment of one ("<p>..." in a .txt): tags must never reach the body.
HTML_START = re.compile(
    r"\A\s*(?:<!doctype\s+html|<html|<(?:head|body|article|main|div|p|section|meta)\b)",
    re.IGNORECASE,
)
HTML_URI = re.compile(r"\.html?(?:[?#].*)?\Z", re.IGNORECASE)

# Seeds 000, 003, 004: the text opens with " date 2025-08-08 " and the first paragraph follows on
# the same line.
DATE_MARKER = re.compile(r"^date:?[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?=[ \t]|$)")
# Seed 001: "by NDO 15/08/2025, 01:50", the date day-first in local time.
BYLINE_WITH_DATE = re.compile(
    r"^by\s+(?P<who>[^\d\n]{1,60}?)\s*[,|–—-]?\s*"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}(?:\s*[,|-]?\s*\d{1,2}:\d{2})?)\s*$",
    re.IGNORECASE,
)
# "By Minh Anh" alone on a header line: a byline without a date.
BYLINE_ONLY = re.compile(r"^by\s+(?P<who>[A-ZÀ-Ỹ][^\d.!?;:\n]{0,60})$")
# A header line that is only a date: "Updated: 15/08/2025 09:10", "Friday, August 15, 2025".
DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|date)\s*:?\s*)?"
    r"(?P<date>(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r"(?:\s*[,|-]?\s*\d{1,2}:\d{2}(?:\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2})?)?)\s*$",
    re.IGNORECASE,
)
# Seed 002: the related block opens with "See more"; "Tags: a, b" carries its items inline.
RELATED_HEADING = re.compile(
    rf"^(?:(?:{_alternation(RELATED_HEADINGS)})\s*:?\s*$|(?:tags|keywords|topics)\s*:)",
    re.IGNORECASE,
)
# "Read more: <headline>" on one line inside the text: that line goes, the text after it stays.
RELATED_LINK = re.compile(
    r"^(?:read more|see more|see also|related|related news|related story|xem thêm)\s*:\s*\S",
    re.IGNORECASE,
)
# "by Lan Anh - NDO": the agency closing a byline is the source.
BYLINE_AGENCY = re.compile(rf"(?:^|[\s,/–—-])(?P<source>{AGENCY})$")
# Seeds 001, 002: "vna-potal-ong-bi-thu-...jpg" alone on a line, the caption on the next one.
IMAGE_FILENAME = re.compile(r"^[^\s/]*(?:/[^\s/]+)*\.(?:jpe?g|png|gif|webp|bmp|tiff?|avif)$", re.I)
# Seeds 001, 002: a caption ends with its credit: "(Photo: VNA)", "(Photo courtesy of the
# Vietnamese Embassy in Brazil)", "(VNA Photo)"; also "– Photo: VNA" without brackets and the VNS
# forms "— VNA/VNS Photo" and "... talks. VNA/VNS Photo Thống Nhất" (photographer's name last).
CAPTION = re.compile(
    rf"(?:\((?:(?:file\s+)?(?:photos?|ảnh|image|illustrative\s+photo)\s*(?::|courtesy\b)[^()]*"
    rf"|(?:{AGENCY})\s+(?:file\s+)?photos?|photos?\s+(?:{AGENCY}))\)"
    rf"|(?:^|\s[—–-]\s*)photos?\s*:\s*[^\s.][^.()]{{0,60}}"
    rf"|(?:\s[—–-]\s*|[.!?]\s+)(?:{AGENCY})\s+(?:file\s+)?photos?"
    rf"(?:\s+[^\W\d_][^.()]{{0,40}})?)\s*\.?$",
    re.IGNORECASE,
)
# A photo credit alone on its line, under the caption it belongs to.
CREDIT_ONLY = re.compile(r"^\(?photos?\s*:\s*[^.()]{1,60}\)?\.?$", re.IGNORECASE)
CHROME = re.compile(rf"^(?:(?:{_alternation(CHROME_LINES)})\s*[|·•/,:]?\s*)+$", re.IGNORECASE)
# Seed 002: a bare "VNA" line after the last paragraph; also "— VNS" or "Source: VNA" alone.
STANDALONE_AGENCY = re.compile(rf"^(?:[—–-]|(?i:source)\s*:)?\s*(?P<source>{AGENCY})\.?$")
# Seeds 000, 003, 004: "... many fields. — VNS", "... the world. — VNA/VNS".
TRAILING_SIGNOFF = re.compile(rf"(?:\s*[—–]|\s+--?)\s*(?P<source>{AGENCY})\.?$")
# Seed 002: VNA ends its last paragraph with "/." after the full stop.
VNA_END_MARK = re.compile(r"\s*/\.$")
# Seeds 002, 003, 004: "HÀ NỘI — ", "Hanoi (VNA) - ", and relatives "Seoul (VNA) – ", "SEOUL — ",
# "Hanoi, August 12 (VNA) - ". The day in a dateline has no year and is never used as a date.
DATELINE = re.compile(
    rf"^(?P<place>[^\W\d_][^\W\d_'’.]*(?:[ '’.-]{{1,2}}[^\W\d_]+){{0,3}})"
    rf"(?:,\s*(?P<day>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}))?"
    rf"(?:\s*\((?P<agency>{AGENCY})\))?"
    rf"(?P<gap>\s*)(?P<dash>[—–]|--?)(?:[ \t]+|$)"
)
# A line that is only a dateline ("HÀ NỘI —") is not a title.
DATELINE_ONLY = re.compile(r"^[^\W\d_][\w .'’()/-]{0,40}[—–-]$")
TERMINAL_PUNCTUATION = re.compile(r"[.!?…;:,]['\"”’)\]]*$")
SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")
# Where a paragraph could be cut into "an earlier paragraph" + "more sentences".
SENTENCE_BOUNDARY = re.compile(r"[.!?…]['\"”’)\]]*(?= )")
QUESTION_END = re.compile(r"\?['\"”’)\]]*$")
INTERVIEW_CUE = re.compile(r"^(?:Q|Question|Hỏi)\s*[:.]\s", re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")
# Speed: most lines can be ruled out for the end-anchored searches above with a str method (the
# regex engine has no fast path for "$"-anchored or case-insensitive searches and tries every
# position, several µs a line). Each pre-check is a necessary condition for its pattern, so the
# pattern still decides every line that passes.
AGENCY_ENDINGS = tuple(AGENCY_CODES)  # TRAILING_SIGNOFF ends with one of them, then "." and "$"
# CAPTION needs one of these words (case-insensitive): "mage" for "image", whose "i" also matches
# "İ" and "ı" under re.IGNORECASE, which str.lower() does not turn into "i" (checked for every
# character: no other letter of these words has such a match).
CAPTION_WORDS = ("photo", "mage", "ảnh")
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")

MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
MAX_HEADER_LINES = 5
DATELINE_SEARCH_PARAGRAPHS = 3
MIN_BODY_WORDS = 8
MIN_INTERVIEW_QUESTIONS = 2
MAX_RELATED_LINK_WORDS = 30
# A repeated paragraph is paragraph-sized: longer prefixes are not looked up (bounds the cost).
MAX_REPEAT_PREFIX_CHARS = 4000
# Paragraphs that begin alike (this many characters) are the only ones cut into prefixes.
REPEAT_HEAD_CHARS = 32


@dataclass(slots=True)
class _Draft:
    """What one cleaning has found so far; private and mutable, turned into an Article at the end."""

    removed: list[RemovedSpan] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    caption_keys: set[str] = field(default_factory=set)
    title: str | None = None
    found_date: FoundDate | None = None
    byline: str | None = None
    byline_source: str | None = None
    signoff_source: str | None = None
    dateline: str | None = None
    dateline_source: str | None = None

    def drop(self, rule: str, text: str) -> None:
        if text.strip():
            self.removed.append(RemovedSpan(rule=rule, text=text.strip()))

    def add_caption(self, text: str) -> None:
        text = _squeeze(text)
        if not text:
            return
        key = text.casefold()
        if key in self.caption_keys:
            self.drop("repeated_caption", text)
            return
        self.caption_keys.add(key)
        self.captions.append(text)
        self.drop("caption", text)


def clean_document(text: str, uri: str) -> Article:
    """Clean one decoded document into an Article; CleanError when it holds no article."""
    if not isinstance(text, str) or not isinstance(uri, str):
        raise CleanError("document text and uri must be strings")
    try:
        if _looks_like_html(text, uri):
            return _clean_html(extract_html(text, uri))
        return _clean_plain(text)
    except CleanError:
        raise
    except Exception as error:  # the contract: a bad document is a rejection, never a crash
        raise CleanError(f"cleaning failed: {type(error).__name__}: {error}") from error


def _looks_like_html(text: str, uri: str) -> bool:
    return bool(HTML_URI.search(uri) or HTML_START.match(text))


def _clean_plain(text: str) -> Article:
    draft = _Draft()
    blocks = _cut_related(_split_blocks(text), draft)
    blocks = _take_front_matter(blocks, draft, known_title=None)
    return _finish(blocks, draft)


def _clean_html(page: HtmlPage) -> Article:
    draft = _Draft()
    for caption in page.captions:
        draft.add_caption(caption)
    draft.removed.extend(page.removed)
    blocks = _cut_related(_split_blocks("\n\n".join(page.paragraphs)), draft)
    blocks = _take_front_matter(blocks, draft, known_title=page.title)
    # Markup fields are explicit: they win over anything printed in the text.
    draft.title = page.title or draft.title
    draft.found_date = page.found_date or draft.found_date
    draft.byline = draft.byline or page.byline
    if draft.byline_source is None and page.byline in AGENCY_SET:
        draft.byline_source = page.byline
    return _finish(blocks, draft)


def _take_front_matter(
    blocks: list[list[str]], draft: _Draft, known_title: str | None
) -> list[list[str]]:
    """Header lines before the first paragraph, in any order: a date marker (seeds 000, 003, 004,
    followed by the first paragraph on the same line), a byline with its date (seed 001), a date
    line, and one title line (seeds 001, 002), or a repeat of the title the markup gave.
    """
    blocks = [list(block) for block in blocks]
    for _ in range(MAX_HEADER_LINES):
        if not blocks:
            break
        line = blocks[0][0]
        marker = DATE_MARKER.match(line)
        if marker:
            draft.found_date = draft.found_date or parse_date(marker.group("date"), "marker")
            draft.drop("date_marker", marker.group(0))
            rest = line[marker.end():].strip()
            _replace_first_line(blocks, rest)
        elif known_title is not None and _key(line) == _key(known_title):
            draft.drop("title", line)
            _replace_first_line(blocks, "")
        elif _take_header_line(line, draft):
            _replace_first_line(blocks, "")
        elif known_title is None and draft.title is None and _is_title(blocks):
            draft.title = line
            draft.drop("title", line)
            _replace_first_line(blocks, "")
        else:
            break
    return blocks


def _replace_first_line(blocks: list[list[str]], line: str) -> None:
    if line:
        blocks[0][0] = line
        return
    del blocks[0][0]
    if not blocks[0]:
        del blocks[0]


def _take_header_line(line: str, draft: _Draft) -> bool:
    byline = BYLINE_WITH_DATE.match(line)
    if byline:
        _set_byline(byline.group("who"), draft)
        if draft.found_date is None:
            draft.found_date = parse_date(byline.group("date"), "byline")
        draft.drop("byline", line)
        return True
    byline_only = BYLINE_ONLY.match(line)
    if byline_only and len(byline_only.group("who").split()) <= 6:
        _set_byline(byline_only.group("who"), draft)
        draft.drop("byline", line)
        return True
    date_line = DATE_LINE.match(line)
    if date_line:
        found = parse_date(date_line.group("date"), "text")
        if found is None:
            return False
        if draft.found_date is None:
            draft.found_date = found
        draft.drop("date_line", line)
        return True
    return False


def _set_byline(who: str, draft: _Draft) -> None:
    who = WHITESPACE.sub(" ", who).strip(" ,-–—|")
    draft.byline = who
    agency = BYLINE_AGENCY.search(who)
    if agency:
        draft.byline_source = agency.group("source")


def _split_blocks(text: str) -> list[list[str]]:
    """Blocks are separated by blank lines; a block keeps its lines (caption pairs, hard wraps)."""
    blocks = []
    for chunk in BLOCK_BREAK.split(text.strip()):
        lines = [_squeeze(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    return blocks


def _cut_related(blocks: list[list[str]], draft: _Draft) -> list[list[str]]:
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
            return _cut_at(blocks, b, i, draft)
        if words <= MIN_BODY_WORDS:  # only "more than MIN_BODY_WORDS" matters: stop counting there
            words += len(line.split())
        # An end mark needs an article before it: "by Lan Anh - NDO" heads a text, it ends none.
        at_block_end = i == len(blocks[b]) - 1
        has_more = position + 1 < len(lines)
        if at_block_end and has_more and words > MIN_BODY_WORDS and _ends_article(blocks[b]):
            following = lines[position + 1]
            if STANDALONE_AGENCY.match(blocks[following[0]][following[1]]):
                position += 1  # "/." then "VNA": the sign-off line stays with the article
            if position + 1 < len(lines):
                return _cut_at(blocks, *lines[position + 1], draft)
            return blocks
    return blocks


def _ends_article(block: list[str]) -> bool:
    """The block's last line ends the article; a bare "VNA" only as a block of its own (under a
    caption, on the caption's next line, it is a photo credit)."""
    line = block[-1]
    return bool(
        _end_mark(line)
        or _trailing_signoff(line)
        or (len(block) == 1 and STANDALONE_AGENCY.match(line))
    )


def _cut_at(blocks: list[list[str]], b: int, i: int, draft: _Draft) -> list[list[str]]:
    cut = [blocks[b][i:]] + blocks[b + 1:]
    draft.drop("related_block", "\n\n".join("\n".join(lines) for lines in cut))
    return blocks[:b] + ([blocks[b][:i]] if i else [])


def _is_title(blocks: list[list[str]]) -> bool:
    """A first short one-line block without terminal punctuation, with text after it."""
    if len(blocks) < 2 or len(blocks[0]) != 1:
        return False
    line = blocks[0][0]
    return not (
        len(line) > MAX_TITLE_CHARS
        or len(line.split()) > MAX_TITLE_WORDS
        or TERMINAL_PUNCTUATION.search(line)
        or _is_boilerplate_line(line)
        or DATELINE_ONLY.match(line)
    )


def _is_boilerplate_line(line: str) -> bool:
    return bool(
        IMAGE_FILENAME.match(line)
        or _caption(line)
        or CHROME.match(line)
        or STANDALONE_AGENCY.match(line)
    )


def _finish(blocks: list[list[str]], draft: _Draft) -> Article:
    paragraphs = _paragraphs(blocks, draft)
    paragraphs = _drop_caption_copies(paragraphs, draft)
    paragraphs = _take_signoff(paragraphs, draft)
    paragraphs = _take_dateline(paragraphs, draft)
    paragraphs = _drop_repeats(paragraphs, draft)
    if not paragraphs:
        raise CleanError("no article body after cleaning")
    words = 0
    for paragraph in paragraphs:  # the exact count matters only below MIN_BODY_WORDS
        words += len(paragraph.split())
        if words >= MIN_BODY_WORDS:
            break
    if words < MIN_BODY_WORDS:
        raise CleanError(f"article body too short after cleaning ({words} words)")
    found = draft.found_date
    return Article(
        title=draft.title,
        published_at=found.published_at if found else None,
        published_date=found.published_date if found else None,
        date_source=found.date_source if found else None,
        source=draft.signoff_source or draft.dateline_source or draft.byline_source,
        dateline=draft.dateline,
        byline=draft.byline,
        kind=_kind(paragraphs),
        paragraphs=tuple(paragraphs),
        captions=tuple(draft.captions),
        removed=tuple(draft.removed),
    )


def _paragraphs(blocks: list[list[str]], draft: _Draft) -> list[str]:
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
            elif caption_next or _caption(line):
                draft.add_caption(line)
                after_caption = True
            elif CHROME.match(line):
                draft.drop("chrome", line)
            elif RELATED_LINK.match(line) and len(line.split()) <= MAX_RELATED_LINK_WORDS:
                draft.drop("related_link", line)
            else:
                kept.append(line)
            caption_next = False
        paragraphs.extend(_join_wrapped(kept))
    return paragraphs


def _drop_caption_copies(paragraphs: list[str], draft: _Draft) -> list[str]:
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


def _join_wrapped(lines: list[str]) -> list[str]:
    """A line that does not end a sentence continues on the next one (hard-wrapped text)."""
    joined: list[str] = []
    for line in lines:
        if joined and not SENTENCE_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _take_signoff(paragraphs: list[str], draft: _Draft) -> list[str]:
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
        trailing = _trailing_signoff(last) or _end_mark(last)
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


def _take_dateline(paragraphs: list[str], draft: _Draft) -> list[str]:
    """Strip the dateline from the first paragraph that opens with one (seed 002: the third)."""
    for index, paragraph in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        match = DATELINE.match(paragraph)
        if match is None or not _is_dateline(match, paragraph[match.end():]):
            continue
        place = match.group("place")
        draft.dateline = KNOWN_PLACE_SPELLING.get(place.casefold()) or (
            place.title() if place.isupper() else place
        )
        draft.dateline_source = match.group("agency")
        draft.drop("dateline", match.group(0))
        rest = paragraph[match.end():].strip()
        return paragraphs[:index] + ([rest] if rest else []) + paragraphs[index + 1:]
    return paragraphs


def _is_dateline(match: re.Match[str], rest: str) -> bool:
    """Only a place the way outlets print it: ALL CAPS, with an agency code, or a known city,
    followed by a capitalised sentence or by nothing (a dateline on its own line)."""
    first = rest.lstrip("\"“‘'(")[:1]
    if rest and not (first.isupper() or first.isdigit()):
        return False
    place = match.group("place")
    if match.group("agency"):
        return True
    if not match.group("gap"):  # "Seoul–Busan rail" is a compound, not a dateline
        return False
    if place.isupper() and len(place) >= 3:
        return True
    return match.group("dash") in "—–" and place.casefold() in KNOWN_PLACE_SPELLING


def _drop_repeats(paragraphs: list[str], draft: _Draft) -> list[str]:
    """Keep each paragraph once; when one paragraph is another plus more sentences, keep the fuller.

    Seed 001 repeats "During their high-level meetings..." verbatim (the later copy goes) and ends
    with the "The visit of ... concluded successfully" paragraph plus one more sentence (the
    earlier, shorter copy goes). Seed 002 repeats its lead after the dateline (the later copy goes).
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
    for index in sorted(dropped):
        draft.drop("repeated_paragraph", paragraphs[index])
    return [paragraph for index, paragraph in enumerate(paragraphs) if index not in dropped]


def _squeeze(text: str) -> str:
    """WHITESPACE.sub(" ", text).strip(): whitespace runs as one space, none at the ends."""
    # Speed: a printable line has no whitespace but " " (str.isprintable is false for every other
    # character str.isspace, i.e. regex \s, accepts), so without "  " there is nothing to squeeze.
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return WHITESPACE.sub(" ", text).strip()


def _trailing_signoff(line: str) -> re.Match[str] | None:
    return TRAILING_SIGNOFF.search(line) if line.rstrip(".\n").endswith(AGENCY_ENDINGS) else None


def _end_mark(line: str) -> re.Match[str] | None:
    return VNA_END_MARK.search(line) if line.rstrip("\n").endswith("/.") else None


def _caption(line: str) -> re.Match[str] | None:
    lowered = line.lower()
    photo, image, anh = CAPTION_WORDS
    if photo in lowered or image in lowered or anh in lowered:
        return CAPTION.search(line)
    return None


def _ends_question(paragraph: str) -> bool:
    return "?" in paragraph and QUESTION_END.search(paragraph) is not None


def _key(text: str) -> str:
    return _squeeze(text).casefold()


def _kind(paragraphs: list[str]) -> str:
    """An interview alternates questions and answers (seed 000); reported speech is news (002).

    A question paragraph is one whose last sentence ends in "?": seed 000's answer "Have you ever
    heard ... Gyeonggi Province? So many ..." holds a question but is an answer.
    """
    cues = sum(bool(INTERVIEW_CUE.match(paragraph)) for paragraph in paragraphs)
    if cues >= MIN_INTERVIEW_QUESTIONS:
        return "interview"
    answered = sum(
        1
        for question, answer in zip(paragraphs, paragraphs[1:])
        if _ends_question(question) and not _ends_question(answer)
    )
    return "interview" if answered >= MIN_INTERVIEW_QUESTIONS else "news"
