"""Article links out of RSS and Atom feeds, read with feedparser.

feedparser reads every RSS version, RSS 1.0 (RDF) and Atom, and is lenient with the malformed
XML feeds often are (an unescaped `&`, a wrong encoding declaration): such a feed is "bozo" but
its entries are still read, and taken. A document in which feedparser finds no feed at all
(no version, no entries) is a FeedError with the parser's complaint, which the crawl records as
the source's rejection reason.

An entry's article is its `link` (Atom: the rel="alternate" link); relative links are resolved
against the feed's own URL; entries without a usable http(s) link (none, another scheme, the feed's own URL) are skipped. The bytes are
handed to feedparser as a stream, never as a string: feedparser would fetch a string that looks
like a URL itself, or open one that names a local file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timezone

import feedparser

from vnrok_etl.web.urls import try_clean_url


class FeedError(ValueError):
    """Not a feed we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Link:
    """An article URL found in a feed or sitemap, with what the listing says about it."""

    url: str  # clean (web/urls.py)
    title: str | None = None
    published: datetime | None = None


def parse_feed(content: bytes, base_url: str, content_type: str | None = None) -> list[Link]:
    """The article links of an RSS/Atom feed, in the feed's order, each once."""
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not a readable RSS/Atom feed ({_first_line(problem) if problem else 'no feed element'})")
    links: dict[str, Link] = {}
    own = try_clean_url(base_url)
    for entry in parsed.entries:
        link = _entry_link(entry).strip()
        url = try_clean_url(link, base_url) if link else None
        if url and url != own and url not in links:
            links[url] = Link(url, (entry.get("title") or "").strip() or None, _entry_time(entry))
    return list(links.values())


def _entry_link(entry: feedparser.FeedParserDict) -> str:
    if entry.get("feedburner_origlink"):  # FeedBurner proxies: the original article's URL
        return entry["feedburner_origlink"]
    if entry.get("link"):
        return entry["link"]
    for link in entry.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return entry.get("id", "") if str(entry.get("id", "")).startswith("http") else ""


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime(*value[:6], tzinfo=timezone.utc)
            except (TypeError, ValueError):
                continue
    return None


def _first_line(error: object) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
