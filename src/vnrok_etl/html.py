"""HTML pages to paragraphs: title and date from markup, article text without the page around it.

BeautifulSoup with lxml parses whatever the outlets serve (unclosed tags, stray scripts) and never
runs a script. What is hand-written is the choice of *which* markup is the article: per-outlet
selectors from profiles.py, with a generic fallback (`<article>`, itemprop=articleBody, `<main>`,
the densest block of `<p>`), because a generic boilerplate remover keeps figure captions and
related headlines that our figures and quotes must never see. The paragraphs returned here are
cleaned by clean.py with the same rules as plain text, so a page and its .txt give one body.

Dates come from explicit fields before any text: `<meta property="article:published_time">` and
its relatives, JSON-LD `datePublished` of the article itself, then `<time datetime>` outside any
related list (related blocks are removed before any `<time>` is read).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Tag

from vnrok_etl.dates import FoundDate, parse_date
from vnrok_etl.decode import normalize_text
from vnrok_etl.profiles import (
    COMMON_CAPTION_SELECTORS,
    COMMON_DROP_SELECTORS,
    GENERIC,
    GENERIC_BODY_SELECTORS,
    PROFILES,
    Profile,
)
from vnrok_etl.records import RemovedSpan

META_DATE_SELECTORS = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
    'meta[name="dc.date.issued"]',
)
META_TITLE_SELECTORS = ('meta[property="og:title"]', 'meta[name="twitter:title"]')
META_AUTHOR_SELECTORS = ('meta[name="author"]', 'meta[property="article:author"]')
SITE_NAME_SELECTORS = ('meta[property="og:site_name"]', 'meta[name="application-name"]')
TIME_SELECTORS = (
    "time[itemprop=datePublished][datetime]",
    "time[pubdate][datetime]",
    "time.published[datetime]",
    "article time[datetime]",
)
ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle"}
)
# Elements whose text is one paragraph of the article.
PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "h5", "li", "blockquote", "pre")
# Elements that never hold article text, even inside the article container.
CONTAINER_DROP = ("header", "nav", "footer", "aside", "figure", "picture", "img", "video", "audio")
ARTICLE_HEADING_SELECTORS = ("article h1", "main h1", "[itemprop=headline]", "h1")
BYLINE_PREFIX = re.compile(r"^(?:by|written by)\s*:?\s+", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+[^|–—-]+$")
WHITESPACE = re.compile(r"\s+")
MIN_DENSE_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What the markup says about the article, and its paragraphs in reading order."""

    profile: str
    title: str | None
    found_date: FoundDate | None
    byline: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    removed: tuple[RemovedSpan, ...]


def extract_html(html: str, uri: str) -> HtmlPage:
    """Parse a page and return its article parts; never executes or keeps scripts."""
    soup = BeautifulSoup(html, "lxml")
    profile = select_profile(soup, uri)
    removed: list[RemovedSpan] = []
    _drop_comments(soup)
    found_date = _meta_date(soup) or _jsonld_date(soup)
    for selector in COMMON_DROP_SELECTORS + profile.drop_selectors:
        for element in soup.select(selector):
            if element.decomposed:
                continue
            text = _text(element, separator=" ")
            if text and element.name not in ("script", "style", "noscript", "template", "svg"):
                removed.append(RemovedSpan(rule=_drop_rule(element), text=text))
            element.decompose()
    title = _title(soup, profile)
    found_date = found_date or _time_date(soup)
    byline = _byline(soup, profile)
    captions = _take_captions(soup, profile)
    containers = _containers(soup, profile)
    paragraphs: list[str] = []
    for container in containers:
        for element in container.find_all(CONTAINER_DROP):
            if not element.decomposed:
                text = _text(element, separator=" ")
                if text:
                    removed.append(RemovedSpan(rule=f"html_{element.name}", text=text))
                element.decompose()
        paragraphs.extend(_paragraphs(container))
    return HtmlPage(
        profile=profile.name,
        title=title,
        found_date=found_date,
        byline=byline,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        removed=tuple(removed),
    )


def select_profile(soup: BeautifulSoup, uri: str) -> Profile:
    """The outlet's profile: by URL host, then by site name, then by its body markup; else GENERIC."""
    return (
        _profile_from_uri(uri)
        or _profile_from_site_name(soup)
        or _profile_from_markup(soup)
        or GENERIC
    )


def _profile_from_uri(uri: str) -> Profile | None:
    host = urlsplit(uri).hostname or ""
    for profile in PROFILES.values():
        if any(host == suffix or host.endswith("." + suffix) for suffix in profile.hosts):
            return profile
    return None


def _profile_from_site_name(soup: BeautifulSoup) -> Profile | None:
    name = _fold(_meta_text(soup, SITE_NAME_SELECTORS) or "")
    if not name:
        return None
    for profile in PROFILES.values():
        if any(name.startswith(_fold(site)) for site in profile.site_names):
            return profile
    return None


def _fold(text: str) -> str:
    """Case- and diacritic-insensitive form: "Việt Nam News" and "Viet Nam News" are one site."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _profile_from_markup(soup: BeautifulSoup) -> Profile | None:
    for profile in PROFILES.values():
        if any(soup.select_one(selector) for selector in profile.body_selectors):
            return profile
    return None


def _drop_comments(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()


def _drop_rule(element: Tag) -> str:
    classes = " ".join(element.get("class") or ()).casefold()
    if any(word in classes for word in ("related", "relate", "more", "other", "lien-quan", "box")):
        return "related_block"
    if "tag" in classes or "keyword" in classes:
        return "related_block"
    return f"html_{element.name}" if not classes else "chrome"


def _meta_text(soup: BeautifulSoup, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        element = soup.select_one(selector)
        content = element.get("content") if element else None
        if isinstance(content, str) and content.strip():
            return _clean(content)
    return None


def _meta_date(soup: BeautifulSoup) -> FoundDate | None:
    for selector in META_DATE_SELECTORS:
        element = soup.select_one(selector)
        content = element.get("content") if element else None
        if isinstance(content, str) and (found := parse_date(content, "meta")):
            return found
    return None


def _jsonld_date(soup: BeautifulSoup) -> FoundDate | None:
    """datePublished of the page's own article object (never of an ItemList of related links)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in _jsonld_items(data):
            value = item.get("datePublished")
            if isinstance(value, str) and (found := parse_date(value, "jsonld")):
                return found
    return None


def _jsonld_items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [item for entry in data for item in _jsonld_items(entry)]
    if not isinstance(data, dict):
        return []
    items = _jsonld_items(data.get("@graph", []))
    types = data.get("@type")
    types = set(types) if isinstance(types, list) else {types}
    if types & ARTICLE_TYPES:
        items.insert(0, data)
    return items


def _time_date(soup: BeautifulSoup) -> FoundDate | None:
    """The article's own <time>: marked as the publication time, or inside the <article>.

    Any other <time> may belong to a "Latest" box that the drop selectors did not know (a bare
    first <time> would date seed 001's NDO page to the previous evening's headline).
    """
    for selector in TIME_SELECTORS:
        for element in soup.select(selector):
            value = element.get("datetime")
            if isinstance(value, str) and (found := parse_date(value, "time")):
                return found
    return None


def _title(soup: BeautifulSoup, profile: Profile) -> str | None:
    """Title cascade: the profile's headline, og:title, an <h1> in the article, then <title>.

    A bare first <h1> comes after og:title because many templates put the site logo in one.
    The headline element is removed so that the body does not start with the title again.
    """
    return (
        _take_element_text(soup, profile.title_selectors)
        or _strip_site_name(_meta_text(soup, META_TITLE_SELECTORS), profile)
        or _take_element_text(soup, ARTICLE_HEADING_SELECTORS)
        or _strip_site_name(_text(soup.title) if soup.title else None, profile)
    )


def _byline(soup: BeautifulSoup, profile: Profile) -> str | None:
    """The author as printed ("by NDO" is "NDO"), from the profile's byline element or <meta>."""
    text = _take_element_text(soup, profile.byline_selectors) or _meta_text(
        soup, META_AUTHOR_SELECTORS
    )
    if text is None:
        return None
    return BYLINE_PREFIX.sub("", text).strip() or None


def _take_element_text(soup: BeautifulSoup, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        element = soup.select_one(selector)
        if element is not None and (text := _text(element)):
            element.decompose()
            return text
    return None


def _strip_site_name(title: str | None, profile: Profile) -> str | None:
    if not title:
        return None
    for suffix in profile.title_suffixes:
        if title.endswith(suffix):
            return title[: -len(suffix)].strip()
    return TITLE_SEPARATOR.sub("", title).strip() if profile is GENERIC else title


def _take_captions(soup: BeautifulSoup, profile: Profile) -> list[str]:
    """Figure captions leave the page for `captions` before the body is read."""
    captions = []
    for element in soup.select(", ".join(COMMON_CAPTION_SELECTORS + profile.caption_selectors)):
        if element.decomposed:
            continue
        text = _text(element)
        if text:
            captions.append(text)
        element.decompose()
    return captions


def _containers(soup: BeautifulSoup, profile: Profile) -> list[Tag]:
    """The lead (if the profile has one) and the body container; generic fallbacks otherwise."""
    lead = _first_match(soup, profile.lead_selectors)
    body = (
        _first_match(soup, profile.body_selectors)
        or _first_match(soup, GENERIC_BODY_SELECTORS)
        or _densest_block(soup)
    )
    if body is None:
        return [lead] if lead is not None else []
    if lead is not None and lead not in body.parents and body not in lead.parents and lead is not body:
        return [lead, body]
    return [body]


def _first_match(soup: BeautifulSoup, selectors: tuple[str, ...]) -> Tag | None:
    for selector in selectors:
        element = soup.select_one(selector)
        if element is not None and _text(element):
            return element
    return None


def _densest_block(soup: BeautifulSoup) -> Tag | None:
    """The element holding the most paragraph text in its direct <p> children."""
    best, best_size = None, 0
    for parent in {p.parent for p in soup.find_all("p") if p.parent is not None}:
        paragraphs = parent.find_all("p", recursive=False)
        size = sum(len(_text(p)) for p in paragraphs)
        if len(paragraphs) >= MIN_DENSE_PARAGRAPHS and size > best_size:
            best, best_size = parent, size
    return best


def _paragraphs(container: Tag) -> list[str]:
    """Text of the innermost paragraph-like elements, in document order; <br> splits lines."""
    for br in container.find_all("br"):
        br.replace_with("\n")
    if container.name in PARAGRAPH_TAGS:
        leaves = [container]
    else:
        leaves = [
            element
            for element in container.find_all(PARAGRAPH_TAGS)
            if not element.find(PARAGRAPH_TAGS)
        ]
    if not leaves:
        text = _text(container, keep_lines=True)
        return [text] if text else []
    paragraphs = []
    for element in leaves:
        text = _text(element, keep_lines=True)
        if text:
            paragraphs.append(text)
    return paragraphs


def _text(element: Tag, keep_lines: bool = False, separator: str = "") -> str:
    """Element text with inline tags joined as printed (`<b>Ha</b>noi` is "Hanoi").

    Dropped chrome is logged with `separator=" "` so that menu items stay apart in the log.
    """
    text = normalize_text(element.get_text(separator))
    if keep_lines:
        lines = (WHITESPACE.sub(" ", line).strip() for line in text.split("\n"))
        return "\n".join(line for line in lines if line)
    return _clean(text)


def _clean(text: str) -> str:
    return WHITESPACE.sub(" ", normalize_text(text)).strip()
