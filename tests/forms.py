"""What the form tests share: a text cleaned from paragraphs; an article made of paragraphs, its
quotes, who said what.

Form tests build a text or an article from a few paragraphs written for the form they test, clean
it or extract its quotes, and compare with what was written by hand.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document
from vnrok_etl.quotes import extract_quotes
from vnrok_etl.records import Article, Quote


def cleaned(*paragraphs: str, uri: str = "t.txt") -> Article:
    """The paragraphs as a saved text (a blank line between them), cleaned."""
    return clean_document("\n\n".join(paragraphs) + "\n", uri)


def article(*paragraphs: str, kind: str = "news") -> Article:
    return Article(None, None, None, None, None, None, None, kind, paragraphs)


def quotes_of(*paragraphs: str, kind: str = "news") -> tuple[Quote, ...]:
    return extract_quotes(article(*paragraphs, kind=kind))[0]


def who(quotes: tuple[Quote, ...]) -> list[tuple[str, str | None, str]]:
    """(kind, speaker, first four words of the text) of each quote."""
    return [(q.kind, q.speaker, " ".join(q.text.split()[:4])) for q in quotes]
