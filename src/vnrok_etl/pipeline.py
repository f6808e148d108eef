"""The per-document stages in order: decode → clean → extract quotes → extract figures.

A failure becomes a Rejection naming the stage and the reason; it never escapes to the batch, so
one bad document cannot take the others down. Unexpected exceptions are rejections too (stage
"extract" with the exception type), because the batch must finish either way; they are bugs to fix,
and the rejection row keeps the document visible until they are.

Before cleaning and before extraction, documents far larger than any article (megabytes of text,
tens of thousands of tags, one giant paragraph) are rejected with their size: the stages are
written for articles, and such inputs would cost minutes of one batch (see MAX_TEXT_CHARS).
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from itertools import count

from vnrok_etl.clean import CleanError, clean_document
from vnrok_etl.decode import DecodeError, decode_bytes
from vnrok_etl.figures import extract_figures
from vnrok_etl.quotes import extract_quotes
from vnrok_etl.records import Article, Extraction, Figure, Quote, RawDocument, Rejection
from vnrok_etl.sources import read_document

STAGES = ("read", "decode", "clean", "extract")

# A news article is kilobytes. Past these sizes a document is not an article, and the stages are
# written for articles: early versions of html.py took 7 s on 20,000 nested <div>s and quotes.py
# 25 s on one 1 MB paragraph (both quadratic; linear since). The guards keep any one document to
# seconds whatever a stage's complexity: at the limits, clean and extract take about 1-2 s each.
MAX_TEXT_CHARS = 2_000_000
MAX_HTML_TAGS = 20_000
MAX_PARAGRAPH_CHARS = 50_000
MAX_REASON_CHARS = 300
HTML_TAG = re.compile(r"<[A-Za-z]")  # opening tags only


@dataclass(slots=True)
class BatchResult:
    """What one batch of paths yields; `known` are documents whose bytes the warehouse has."""

    extractions: list[Extraction] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    known: list[RawDocument] = field(default_factory=list)
    # Every document read, in the batch's order: (uri, sha256, its position in the run), and the
    # bytes of those the warehouse does not know yet, to keep them (rawstore.py).
    seen: list[tuple[str, str | None, int]] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    @property
    def documents(self) -> int:
        return len(self.extractions) + len(self.rejections) + len(self.known)

    def process(self, document: RawDocument) -> None:
        """Run `document` through the stages, timing them here, and keep its extraction or rejection."""
        outcome = process_document(document, self.seconds)
        if isinstance(outcome, Rejection):
            self.rejections.append(outcome)
        else:
            self.extractions.append(outcome)


def process_document(document: RawDocument, seconds: dict[str, float] | None = None) -> Extraction | Rejection:
    """Run one document through decode, clean and extraction."""
    seconds = seconds if seconds is not None else dict.fromkeys(STAGES, 0.0)
    stage = "decode"
    try:
        started = time.perf_counter()
        text = decode_bytes(document.content)
        cleaned_at = time.perf_counter()
        seconds["decode"] += cleaned_at - started
        stage = "clean"
        check_text_size(text)
        article = clean_document(text, document.uri)
        extracted_at = time.perf_counter()
        seconds["clean"] += extracted_at - cleaned_at
        stage = "extract"
        check_paragraph_size(article)
        quotes, speakers = extract_quotes(article)
        figures = attribute_figures(extract_figures(article.body, article.published_date), quotes)
        seconds["extract"] += time.perf_counter() - extracted_at
    except (DecodeError, CleanError, TooLarge) as error:
        return Rejection(document.uri, document.sha256, str(error), stage)
    except RecursionError:
        return Rejection(document.uri, document.sha256, "internal error: RecursionError: input nested too deeply", stage)
    except Exception as error:  # noqa: BLE001 - see module docstring
        reason = f"internal error: {type(error).__name__}: {error}"
        return Rejection(document.uri, document.sha256, reason[:MAX_REASON_CHARS], stage, detail=reason)
    return Extraction(document, article, figures, quotes, speakers)


class TooLarge(ValueError):
    """The document is far larger than an article can be; the message is the rejection reason."""


def check_text_size(text: str) -> None:
    """Refuse text no article has: megabytes of it, or tens of thousands of tags."""
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(f"text too long for an article ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})")
    tags = sum(1 for _ in HTML_TAG.finditer(text))
    if tags > MAX_HTML_TAGS:
        raise TooLarge(f"too much markup for an article ({tags:,} tags; limit {MAX_HTML_TAGS:,})")


def check_paragraph_size(article: Article) -> None:
    """Refuse a paragraph no article has (a giant single line), before extraction reads it."""
    longest = max((len(paragraph) for paragraph in article.paragraphs), default=0)
    if longest > MAX_PARAGRAPH_CHARS:
        raise TooLarge(
            f"paragraph too long for an article ({longest:,} characters; limit {MAX_PARAGRAPH_CHARS:,})"
        )


def process_paths(
    paths: Iterable[str], known_sha256: Collection[str] = (), positions: Iterable[int] | None = None
) -> BatchResult:
    """Read and process a batch of files; bytes the warehouse already has cost only a hash.

    `positions`: each path's position in the run's list of files (default: its place here).
    """
    result = BatchResult()
    for path, position in zip(paths, positions if positions is not None else count()):
        started = time.perf_counter()
        document = read_document(path)
        result.seconds["read"] += time.perf_counter() - started
        if isinstance(document, Rejection):
            result.rejections.append(document)
            continue
        result.seen.append((document.uri, document.sha256, position))
        if document.sha256 in known_sha256:
            result.known.append(replace(document, content=b""))
        else:
            result.raw[document.sha256] = document.content
            result.process(document)
    return result


def process_stored(documents: Iterable[RawDocument]) -> BatchResult:
    """Process documents whose bytes the warehouse keeps (a reprocess) as `process_paths` does
    files it reads; their bytes and sightings are kept already, so they are not staged again."""
    result = BatchResult()
    for document in documents:
        result.process(document)
    return result


def attribute_figures(figures: Iterable[Figure], quotes: Iterable[Quote]) -> tuple[Figure, ...]:
    """A figure inside a quote is the quote's speaker's claim."""
    spoken = [quote for quote in quotes if quote.speaker]
    return tuple(
        next(
            (replace(figure, speaker=q.speaker) for q in spoken
             if q.start_char <= figure.start_char and figure.end_char <= q.end_char),
            figure,
        )
        for figure in figures
    )
