"""Sentence spans inside a clean body.

Hand-written because the libraries that split well either need downloaded model data (nltk punkt)
or cost milliseconds per paragraph (pysbd), and news prose needs only a few rules: a sentence ends
at . ! ? (plus closing quotes or brackets) followed by a space and a capital, digit or opening
quote (or glued to an opening curly quote and a capital: "route.“We"), never inside a number
(``93.7``, ``US$150 billion.`` ends there, ``US$1.5`` does not), and
never after a known abbreviation (``Mr.``, ``No.``). Paragraph breaks always end a sentence.
An ellipsis right after a reporting verb ("Minister Ahn says... Vietnam is", "she added...
the plan") is a spoken pause before the words reported, as broadcast scripts and transcripts
print it, not the end of a sentence: the attribution and what it reports stay one sentence.

Speed: the candidate-end scan starts with a character class and the word before a dot is read
backwards from the dot, not searched for from the sentence start (0.071 -> 0.030 ms/doc). The
quotation and figure stages split the same body one after the other; ``body_sentences`` lets the
second reuse the first's split, and ``lowered_body`` its lower-cased copy.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "lt", "col", "capt", "sen",
        "rep", "gov", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.k", "e.g", "i.e", "approx",
    }
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace and a
# character that can open a sentence. "[.!?][.!?]*", not "[.!?]+": a pattern that starts with a
# character class lets the regex engine skip to the next candidate in C (twice as fast).
# A full stop glued to an opening curly quotation mark and a capital ("… the route.“We listened,”
# the diplomat said."; reader views and copied pages drop the paragraph break there) ends a
# sentence too: “ opens, it never closes, and a closing quote after the stop would be ”.
SENTENCE_END = re.compile(r"""[.!?][.!?]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-Ỵ]|(?<=[.!?])“[A-Z])""")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
ABBREVIATION_CHARS = frozenset(string.ascii_letters + ".")
# Reporting verbs after which "..." is a pause before the reported words (see the docstring).
PAUSE_AFTER_VERBS = frozenset(
    {"says", "said", "say", "adds", "added", "explains", "explained", "notes", "noted", "tells",
     "told", "stresses", "stressed", "believes", "believed", "thinks", "insists", "insisted",
     "warns", "warned", "admits", "admitted", "hopes", "expects", "argues", "argued"}
)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text, start, end):
        cursor = block_start
        for match in SENTENCE_END.finditer(text, block_start, block_end):
            if _is_abbreviation(text, cursor, match.start()) or _is_spoken_pause(text, cursor, match):
                continue
            spans.append((cursor, match.end()))
            cursor = match.end()
        spans.append((cursor, block_end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def body_sentences(text: str) -> list[tuple[int, int]]:
    """``split_sentences(text)``, remembered for the last text asked for: the pipeline gives the
    quotation and then the figure stage the same article body, and both need its sentences.

    A new list each call, so a caller that changes its list cannot change another's.
    """
    return list(_last_body_sentences(text))


# One entry: the stages of one document run back to back, so only the last body is asked again.
@lru_cache(maxsize=1)
def _last_body_sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(split_sentences(text))


def lowered_body(text: str) -> str:
    """``text.lower()``, remembered for the last text asked for: the quotation stage (its cue
    scans) and then the figure stage (its word scans) read the same body lower-cased, and a body
    with letters outside ASCII costs tens of µs to lower."""
    return _last_lowered_body(text)


@lru_cache(maxsize=1)
def _last_lowered_body(text: str) -> str:
    return text.lower()


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the sentence containing ``offset`` (the whole text if none does)."""
    for span in split_sentences(text):
        if span[0] <= offset < span[1]:
            return span
    return (0, len(text))


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    blocks, cursor = [], start
    for match in PARAGRAPH_BREAK.finditer(text, start, end):
        blocks.append((cursor, match.start()))
        cursor = match.end()
    blocks.append((cursor, end))
    return blocks


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _word_before(text, sentence_start, dot)
    if not word:
        return False
    token = text[word[0]:word[1]].lower()
    # Single capital initials ("Kim J. Lee") are not sentence ends either.
    return token in ABBREVIATIONS or (len(token) == 1 and text[word[0]].isupper())


def _is_spoken_pause(text: str, sentence_start: int, match: re.Match) -> bool:
    """Whether the candidate end is an ellipsis right after a reporting verb ("says... ")."""
    dot = match.start()
    if not text.startswith("...", dot) or match.end() - dot != 3:
        return False
    word = _word_before(text, sentence_start, dot)
    return word is not None and text[word[0] : word[1]].lower() in PAUSE_AFTER_VERBS


def _word_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The letters and dots that end ``text[start:end]``, from their first letter: what
    ``re.search(r"[A-Za-z][A-Za-z.]*$")`` finds, walked back from the end rather than searched for
    from the sentence start (the search tried every letter of the sentence)."""
    if end > start and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a newline that ends the string
    first = end
    while first > start and text[first - 1] in ABBREVIATION_CHARS:
        first -= 1
    while first < end and text[first] == ".":
        first += 1
    return (first, end) if first < end else None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
