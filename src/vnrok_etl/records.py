"""Typed records passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses, never parallel lists: a weak scraper
paired headlines and bodies by index and saved every row after a failure with another
article's URL (STYLE.md). Offsets (`start_char`, `end_char`) always index into `Article.body`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class RawDocument:
    """The bytes of one input file or page, as given: identity is the sha256 of the bytes."""

    uri: str
    content: bytes
    sha256: str
    # (size, mtime_ns) as read: lets a later run skip an unchanged file without reading it
    # (sources.unchanged_documents). Not part of identity, so neither compared nor printed.
    signature: tuple[int, int] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A piece of the input that cleaning dropped, with the rule that dropped it."""

    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """The clean article: metadata from the header, body paragraphs, captions set aside."""

    title: str | None
    published_at: datetime | None  # timezone-aware; None when the source states no date
    published_date: date | None  # the local calendar date at the source
    date_source: str | None  # where the date came from: marker, byline, meta, jsonld, time, text
    source: str | None  # agency code as printed: VNA, VNS, NDO, VNA/VNS
    dateline: str | None  # place, e.g. "Hà Nội", "Seoul"
    byline: str | None
    kind: str  # news | interview
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    removed: tuple[RemovedSpan, ...] = ()

    @property
    def body(self) -> str:
        """Clean text, paragraphs separated by one blank line: what every offset points into."""
        return "\n\n".join(self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph inside `body`."""
        spans, start = [], 0
        for paragraph in self.paragraphs:
            spans.append((start, start + len(paragraph)))
            start += len(paragraph) + 2
        return spans


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in the body: a measured quantity with its context."""

    kind: str  # money, count, percent, rank, multiplier, duration
    value: float | None  # fully scaled: "US$150 billion" -> 150000000000.0
    unit: str | None  # currency code for money, counted noun for counts, "percent", ...
    qualifier: str  # exact, approx, over, under; doubtful: a malformed number, value None
    subject: str | None  # the noun phrase counted or measured
    ref_year: int | None
    is_target: bool  # a planned or agreed goal: "by 2030", "aim to", "raise trade to US$X"
    text: str  # surface form, == body[start_char:end_char]
    sentence: str
    start_char: int
    end_char: int
    speaker: str | None = None  # canonical speaker when the figure sits inside a quote
    # A prediction ("expected to hit", "will reach next year"): never also a target.
    is_forecast: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """What someone said, directly, reported, or as an interview answer."""

    kind: str  # direct, indirect, interview
    speaker: str | None  # canonical name, or None when no speaker can be resolved
    speaker_title: str | None
    cue: str | None  # said, stressed, remarked, ...
    text: str  # == body[start_char:end_char]
    start_char: int
    end_char: int
    # person | organisation: who the cue's subject is, even when it cannot be resolved to a name
    # ("the agency said" is an organisation's statement); None when the text names no subject.
    speaker_type: str | None = None
    # The subject as printed when it resolves to nobody ("the ambassador", "he"), so an analyst
    # can still read who spoke; None when `speaker` holds the name.
    speaker_printed: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A canonical person or organisation; aliases map every printed form of the name onto `name`."""

    name: str
    title: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "person"  # person | organisation


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one document yields: the article, its figures and quotes."""

    document: RawDocument
    article: Article
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that could not be turned into an article, and why."""

    uri: str
    sha256: str | None
    reason: str
    stage: str = "decode"
    detail: str = field(default="", compare=False)
