"""What every cleaning rule shares: the draft being filled, agency codes and tags, whitespace and block helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnrok_etl.dates import FoundDate
from vnrok_etl.profiles import AGENCY_CODES, AGENCY_TAGS, DATELINE_COUNTRIES, KNOWN_PLACES
from vnrok_etl.records import RemovedSpan


class CleanError(ValueError):
    """The input holds no article; the message is the rejection reason."""


def alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))

AGENCY = alternation(AGENCY_CODES)

AGENCY_SET = frozenset(AGENCY_CODES)

# An agency tag printed alone on a line: "SGGP", "VOV.VN", "(VNA)" (in the header, in a byline).
TAG = alternation(AGENCY_TAGS)
AGENCY_TAG_LINE = re.compile(rf"^\(?(?P<tag>(?:{TAG})(?:/(?:{TAG}))?)\)?$", re.IGNORECASE)
DOMAIN_SUFFIX = re.compile(r"\.vn$", re.IGNORECASE)
# "VGP - ", "VOV.VN - ", "(VOVWORLD) -", "(VOVWORLD) -South Korean ...": an agency tag opens the
# lead; the tag is the source and there is no place.
AGENCY_TAG = re.compile(
    rf"^\(?(?P<tag>(?:{TAG})(?:/(?:{TAG}))?)\)?\s*(?:[—–]|--?)\s*(?=\S)", re.IGNORECASE
)

KNOWN_PLACE_SPELLING = {place.casefold(): place for place in KNOWN_PLACES}
DATELINE_COUNTRY_KEYS = frozenset(country.casefold() for country in DATELINE_COUNTRIES)

WHITESPACE = re.compile(r"\s+")
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A reporter's e-mail alone on a line (Yonhap's "mjchoi@yna.co.kr" above "(END)").
EMAIL_LINE = re.compile(rf"^\(?{EMAIL}\)?$")

BLOCK_BREAK = re.compile(r"\n[ \t]*\n")

TERMINAL_PUNCTUATION = re.compile(r"[.!?…;:,]['\"”’)\]]*$")

SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")
# What may close a sentence after its mark: quotes and brackets.
CLOSERS = "'\"”’)]"


def ends_sentence(text: str) -> bool:
    """bool(SENTENCE_END.search(text)), read from the end (an end-anchored search tries every
    position of the text: several µs on a paragraph)."""
    if text.endswith("\n"):  # "$" also matches before a final newline
        text = text[:-1]
    return text.rstrip(CLOSERS)[-1:] in SENTENCE_MARKS


def ends_terminal(text: str) -> bool:
    """bool(TERMINAL_PUNCTUATION.search(text)), read from the end."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.rstrip(CLOSERS)[-1:] in TERMINAL_MARKS


SENTENCE_MARKS = frozenset(".!?…")
TERMINAL_MARKS = frozenset(".!?…;:,")

# Where a paragraph could be cut into "an earlier paragraph" + "more sentences".
SENTENCE_BOUNDARY = re.compile(r"[.!?…]['\"”’)\]]*(?= )")

MIN_BODY_WORDS = 8


@dataclass(slots=True)
class Draft:
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
    dateline_day: str | None = None  # "Dec 3" as the dateline prints it (never a date by itself)
    mirror_title: str | None = None  # a mirror's footer names the copied article
    mirror_date: str | None = None
    zone: object = None  # outlet_zone.OutletZone: the outlet's zone for printed dates, .get() on use
    header_source: str | None = None  # an agency tag line or "By <agency>" in the header

    def drop(self, rule: str, text: str) -> None:
        if text.strip():
            self.removed.append(RemovedSpan(rule=rule, text=text.strip()))

    def add_caption(self, text: str) -> None:
        text = squeeze(text)
        if not text:
            return
        key = text.casefold()
        if key in self.caption_keys:
            self.drop("repeated_caption", text)
            return
        self.caption_keys.add(key)
        self.captions.append(text)
        self.drop("caption", text)


def by_first_character(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The (non-empty) prefixes grouped by their first character: `text.startswith(groups.get(
    text[:1], ()))` is `text.startswith(prefixes)`, comparing the few that can match only."""
    groups: dict[str, list[str]] = {}
    for prefix in prefixes:
        groups.setdefault(prefix[0], []).append(prefix)
    return {character: tuple(group) for character, group in groups.items()}


def by_last_character(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The (non-empty) suffixes grouped by their last character, for str.endswith (as above)."""
    groups: dict[str, list[str]] = {}
    for suffix in suffixes:
        groups.setdefault(suffix[-1], []).append(suffix)
    return {character: tuple(group) for character, group in groups.items()}


def words_up_to(text: str, limit: int) -> int:
    """len(text.split()) when that is at most `limit`, else limit + 1: enough to compare a word
    count with `limit`, without splitting a long paragraph to its end."""
    return len(text.split(None, limit))


# Letters that re.IGNORECASE matches to an ASCII letter and str.lower() does not turn into it
# ("İ" and "ı" match "i", "ſ" matches "s"): a word spelled with one of them is found by a
# case-insensitive pattern, not by `in` on a lower-cased copy.
CASELESS_ODDITIES = ("İ", "ı", "ſ")


def may_hold_words(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (lower case, ASCII) in any case, as re.IGNORECASE
    reads case: a necessary condition, read with `in`, for a case-insensitive pattern that
    cannot match without one of them (the regex engine tries such a pattern at every position)."""
    lowered = text.lower()
    return any(word in lowered for word in words) or any(odd in text for odd in CASELESS_ODDITIES)


def squeeze(text: str) -> str:
    """WHITESPACE.sub(" ", text).strip(): whitespace runs as one space, none at the ends."""
    # Speed: a printable line has no whitespace but " " (str.isprintable is false for every other
    # character str.isspace, i.e. regex \s, accepts), so without "  " there is nothing to squeeze.
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return WHITESPACE.sub(" ", text).strip()


def fold_key(text: str) -> str:
    return squeeze(text).casefold()


def split_blocks(text: str) -> list[list[str]]:
    """Blocks are separated by blank lines; a block keeps its lines (caption pairs, hard wraps)."""
    blocks = []
    for chunk in BLOCK_BREAK.split(text.strip()):
        lines = [squeeze(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    return blocks


def replace_first_line(blocks: list[list[str]], line: str) -> None:
    """Put `line` in place of the first line of `blocks` ("" removes it, and an emptied block).

    The first block is replaced by a new list, never changed in place: `blocks` may be a shallow
    copy whose inner lists are the caller's (copying every block up front cost more than the
    header's whole parse).
    """
    first = blocks[0]
    if line:
        blocks[0] = [line, *first[1:]]
    elif len(first) > 1:
        blocks[0] = first[1:]
    else:
        del blocks[0]


# Chinese and Japanese print words without spaces between them: their characters are counted.
UNSPACED_SCRIPT_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
UNSPACED_CHARS_PER_WORD = 2


def count_words(paragraph: str) -> int:
    """Words as spaces part them, and a word per UNSPACED_CHARS_PER_WORD characters of a script
    printed without spaces (a Chinese article of 200 characters is not a 2-word body)."""
    unspaced = len(UNSPACED_SCRIPT_CHAR.findall(paragraph))
    return len(paragraph.split()) + unspaced // UNSPACED_CHARS_PER_WORD
