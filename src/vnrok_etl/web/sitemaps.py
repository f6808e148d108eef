"""Article links out of sitemaps (sitemaps.org 0.9), Google News sitemaps and sitemap indexes.

A sitemap is `<urlset>` of `<url><loc>` entries, optionally with `<lastmod>` and, in a news
sitemap, `<news:news>` carrying the title and publication date; an index is `<sitemapindex>` of
`<sitemap><loc>` entries pointing at sitemaps. Elements are matched by local name, so sitemaps
that forget or misspell the namespace still read. A body starting with the gzip magic bytes
(`.xml.gz`) is inflated first, at most MAX_SITEMAP_BYTES (the protocol's own limit is 50 MB
uncompressed; a bomb is cut off there).

The XML parser resolves no entities and reaches no network (no XXE, no billion laughs);
malformed XML is a SitemapError with the parser's first complaint.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

from vnrok_etl.web.feeds import Link
from vnrok_etl.web.urls import try_clean_url

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)


class SitemapError(ValueError):
    """Not a sitemap we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A sitemap's article links, or an index's child sitemaps (one of the two is empty)."""

    kind: str  # "urlset" | "sitemapindex"
    links: list[Link] = field(default_factory=list)
    sitemaps: list[Link] = field(default_factory=list)


def inflate(content: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes:
    """The bytes, inflated when gzip-compressed (at most `limit`)."""
    if not content.startswith(GZIP_MAGIC):
        return content
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(content, limit + 1)
    except zlib.error as error:
        raise SitemapError(f"corrupt gzip sitemap ({error})") from None
    if len(data) > limit:
        raise SitemapError(f"sitemap too large once inflated (over {limit:,} bytes)")
    return data


def root_name(content: bytes) -> str | None:
    """The local name of the XML root element, or None when the bytes are not XML."""
    try:
        for _, element in etree.iterparse(io.BytesIO(content), events=("start",), resolve_entities=False,
                                          no_network=True, load_dtd=False):
            return etree.QName(element).localname
    except (etree.XMLSyntaxError, ValueError):
        return None
    return None


def parse_sitemap(content: bytes, base_url: str) -> Sitemap:
    """Read a sitemap or sitemap index; raises SitemapError for anything else."""
    data = inflate(content)
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"malformed sitemap XML ({error})") from None
    if root is None:
        raise SitemapError("empty sitemap")
    kind = etree.QName(root).localname
    if kind == "urlset":
        return Sitemap(kind, links=_entries(root, "url", base_url))
    if kind == "sitemapindex":
        return Sitemap(kind, sitemaps=_entries(root, "sitemap", base_url))
    raise SitemapError(f"not a sitemap (root element <{kind}>)")


def _entries(root: etree._Element, entry: str, base_url: str) -> list[Link]:
    links: dict[str, Link] = {}
    for element in root:
        if not isinstance(element.tag, str) or etree.QName(element).localname != entry:
            continue
        fields = {etree.QName(child).localname: child for child in element.iter() if isinstance(child.tag, str)}
        location = fields.get("loc")
        text = (location.text or "").strip() if location is not None else ""
        url = try_clean_url(text, base_url) if text else None
        if not url or url in links:
            continue
        title = fields.get("title")  # news:title
        when = fields.get("publication_date")
        if when is None:
            when = fields.get("lastmod")
        links[url] = Link(url, (title.text or "").strip() or None if title is not None else None,
                          _w3c_datetime(when.text if when is not None else None))
    return list(links.values())


def _w3c_datetime(text: str | None) -> datetime | None:
    """A sitemap date (W3C datetime: 2026-11-30, 2026-11-30T08:15:00+07:00, ...Z)."""
    if not text:
        return None
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
