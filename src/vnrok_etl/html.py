"""HTML pages to paragraphs: title and date from markup, article text without the page around it.

BeautifulSoup with lxml parses whatever the outlets serve (unclosed tags, stray scripts) and never
runs a script. What is hand-written is the choice of *which* markup is the article: per-outlet
selectors from profiles.py, with a generic fallback (`<article>`, itemprop=articleBody, `<main>`,
the densest block of `<p>`), because a generic boilerplate remover keeps figure captions and
related headlines that our figures and quotes must never see. The paragraphs returned here are
cleaned by clean.py with the same rules as plain text, so a page and its .txt give one body.

Dates come from explicit fields before any text: `<meta property="article:published_time">` and
its relatives, then JSON-LD `datePublished` of the article object itself, then a `<time datetime>`
marked as the publication time or inside the `<article>`, and only then the date the profile's
date element prints; related blocks, asides, "Latest" boxes and captions are removed before any
`<time>` or printed date is read.

Speed matters (100k pages): CSS selectors are compiled once per profile at import, all drop
selectors run as one selector in one pass, and `<meta>` tags are read in one pass into a dict.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import soupsieve
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

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

# <meta> keys (property, name or itemprop, lower case), most specific first.
META_DATE_KEYS = (
    "article:published_time", "pubdate", "publishdate", "datepublished", "date",
    "dc.date.issued", "og:published_time",
)
META_TITLE_KEYS = ("og:title", "twitter:title")
META_AUTHOR_KEYS = ("author", "article:author")
META_SITE_NAME_KEYS = ("og:site_name", "application-name")
ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle"}
)
# Elements that never hold article text, even inside the article container.
CONTAINER_DROP = ("header", "nav", "footer", "aside", "figure", "picture", "img", "video", "audio")
# Never logged as removed text: code and markup, not words anyone printed.
SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "object", "embed"})
# Elements that start and end a paragraph; everything else is inline and joins its neighbours.
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
     "blockquote", "pre", "section", "article", "main", "table", "thead", "tbody", "tr", "td",
     "th", "caption", "address", "hr", "center", "details", "summary"}
)
BYLINE_PREFIX = re.compile(r"^(?:by|written by)\s*:?\s+", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+(?P<name>[^|–—-]+)$")
MAX_SITE_NAME_WORDS = 4
WHITESPACE = re.compile(r"[ \t\r\f\v]+")
ANY_WHITESPACE = re.compile(r"\s+")
RELATED_CLASS = re.compile(r"relat|more|other|lien-quan|latest|box|tag|keyword", re.IGNORECASE)
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


SIMPLE_TAG = re.compile(r"^[a-z][a-z0-9]*$")
SIMPLE_CLASS = re.compile(r"^\.([\w-]+)$")
SIMPLE_ID = re.compile(r"^#([\w-]+)$")
SIMPLE_ATTRIBUTE = re.compile(r"^\[([\w:-]+)(?:(\*?=)\"?([^\]\"]*)\"?)?\]$")


@dataclass(frozen=True, slots=True)
class _Matcher:
    """A set of selectors applied in one walk over the page.

    soupsieve evaluates every selector of a long list against every element, which cost ~20 ms
    a page for the ~70 drop selectors; nearly all of them are a bare tag, class, id or attribute,
    which a set lookup answers. Compound selectors still go to soupsieve, in the same pass order.
    """

    names: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]
    attributes: tuple[tuple[str, str, str], ...]  # (attribute, operator "", "=" or "*=", value)
    compound: soupsieve.SoupSieve | None

    def select(self, soup: BeautifulSoup) -> list[Tag]:
        """Matching elements in document order."""
        elements = soup.find_all(True)
        extra = {id(element) for element in self.compound.select(soup)} if self.compound else set()
        return [element for element in elements if id(element) in extra or self._matches(element)]

    def _matches(self, element: Tag) -> bool:
        if element.name in self.names:
            return True
        attrs = element.attrs
        classes = attrs.get("class") or ()
        if self.classes and not self.classes.isdisjoint(classes):
            return True
        if self.ids and attrs.get("id") in self.ids:
            return True
        for attribute, operator, value in self.attributes:
            actual = attrs.get(attribute)
            if actual is None:
                continue
            actual = " ".join(actual) if isinstance(actual, list) else actual
            if not operator or (operator == "=" and actual == value) or (
                operator == "*=" and value in actual
            ):
                return True
        return False


def _matcher(selectors: tuple[str, ...]) -> _Matcher:
    names, classes, ids, attributes, compound = set(), set(), set(), [], []
    for selector in selectors:
        if SIMPLE_TAG.match(selector):
            names.add(selector)
        elif match := SIMPLE_CLASS.match(selector):
            classes.add(match.group(1))
        elif match := SIMPLE_ID.match(selector):
            ids.add(match.group(1))
        elif match := SIMPLE_ATTRIBUTE.match(selector):
            attributes.append((match.group(1), match.group(2) or "", match.group(3) or ""))
        else:
            compound.append(selector)
    return _Matcher(
        names=frozenset(names),
        classes=frozenset(classes),
        ids=frozenset(ids),
        attributes=tuple(attributes),
        compound=soupsieve.compile(", ".join(compound)) if compound else None,
    )


@dataclass(frozen=True, slots=True)
class _Selectors:
    """One profile's selectors, compiled once: cascades stay tuples, one-pass sets are matchers."""

    drop: _Matcher
    captions: _Matcher
    titles: tuple[soupsieve.SoupSieve, ...]
    bylines: tuple[soupsieve.SoupSieve, ...]
    dates: tuple[soupsieve.SoupSieve, ...]
    leads: tuple[soupsieve.SoupSieve, ...]
    bodies: tuple[soupsieve.SoupSieve, ...]
    # Every cascade selector at once: one walk finds all candidates, cascades pick among them.
    candidates: soupsieve.SoupSieve


def _compile(profile: Profile) -> _Selectors:
    def cascade(selectors: tuple[str, ...]) -> tuple[soupsieve.SoupSieve, ...]:
        return tuple(soupsieve.compile(selector) for selector in selectors)

    every = (
        profile.title_selectors + profile.byline_selectors + profile.date_selectors
        + profile.lead_selectors
        + profile.body_selectors + GENERIC_BODY_SELECTORS + ARTICLE_HEADING_SELECTORS
    )
    return _Selectors(
        drop=_matcher(COMMON_DROP_SELECTORS + profile.drop_selectors),
        captions=_matcher(COMMON_CAPTION_SELECTORS + profile.caption_selectors),
        titles=cascade(profile.title_selectors),
        bylines=cascade(profile.byline_selectors),
        dates=cascade(profile.date_selectors),
        leads=cascade(profile.lead_selectors),
        bodies=cascade(profile.body_selectors + GENERIC_BODY_SELECTORS),
        candidates=soupsieve.compile(", ".join(every)),
    )


ARTICLE_HEADING_SELECTORS = ("article h1", "main h1", "[itemprop=headline]", "h1")
SELECTORS = {profile.name: _compile(profile) for profile in (*PROFILES.values(), GENERIC)}
ARTICLE_HEADINGS = tuple(soupsieve.compile(selector) for selector in ARTICLE_HEADING_SELECTORS)
# Each profile's own body selectors, for recognising a saved page by its markup in one walk.
PROFILE_BODIES = soupsieve.compile(
    ", ".join(selector for profile in PROFILES.values() for selector in profile.body_selectors)
)


def extract_html(html: str, uri: str) -> HtmlPage:
    """Parse a page and return its article parts; never executes or keeps scripts."""
    soup = BeautifulSoup(html, "lxml")
    metas = _read_metas(soup)
    profile = select_profile(soup, uri, metas)
    selectors = SELECTORS[profile.name]
    removed: list[RemovedSpan] = []
    found_date = _meta_date(metas) or _jsonld_date(soup)
    _drop_comments(soup)
    for element in selectors.drop.select(soup):
        _drop(element, removed)
    for form in soup.find_all("form"):
        if len(form.find_all("p", limit=MIN_DENSE_PARAGRAPHS)) < MIN_DENSE_PARAGRAPHS:
            _drop(form, removed, "html_form")  # comment, search, newsletter boxes
    # Captions leave before any <time> is read: a caption's date is not the article's.
    captions = _take_captions(soup, selectors)
    candidates = selectors.candidates.select(soup)
    title = _title(soup, profile, selectors, metas, candidates)
    found_date = found_date or _time_date(soup) or _printed_date(selectors, candidates, removed)
    byline = _byline(selectors, metas, candidates)
    paragraphs: list[str] = []
    for container in _containers(soup, selectors, candidates):
        for element in container.find_all(CONTAINER_DROP):
            _drop(element, removed, f"html_{element.name}")
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


def select_profile(soup: BeautifulSoup, uri: str, metas: dict[str, str] | None = None) -> Profile:
    """The outlet's profile: by URL host, then by site name, then by its body markup; else GENERIC."""
    metas = _read_metas(soup) if metas is None else metas
    return (
        _profile_from_uri(uri)
        or _profile_from_site_name(metas)
        or _profile_from_markup(soup)
        or GENERIC
    )


def _profile_from_uri(uri: str) -> Profile | None:
    host = urlsplit(uri).hostname or ""
    for profile in PROFILES.values():
        if any(host == suffix or host.endswith("." + suffix) for suffix in profile.hosts):
            return profile
    return None


def _profile_from_site_name(metas: dict[str, str]) -> Profile | None:
    name = _fold(_first(metas, META_SITE_NAME_KEYS) or "")
    if not name:
        return None
    for profile in PROFILES.values():
        if any(name.startswith(_fold(site)) for site in profile.site_names):
            return profile
    return None


def _profile_from_markup(soup: BeautifulSoup) -> Profile | None:
    """The first profile whose own body selector matches (generic selectors excluded)."""
    matches = PROFILE_BODIES.select(soup)
    for profile in PROFILES.values():
        own = SELECTORS[profile.name].bodies[: len(profile.body_selectors)]
        if any(selector.match(element) for selector in own for element in matches):
            return profile
    return None


def _fold(text: str) -> str:
    """Case- and diacritic-insensitive form: "Việt Nam News" and "Viet Nam News" are one site."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _read_metas(soup: BeautifulSoup) -> dict[str, str]:
    """Every <meta> content by its property, name or itemprop (first one wins), in one pass."""
    metas: dict[str, str] = {}
    for element in soup.find_all("meta"):
        content = element.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if isinstance(key, str):
                metas.setdefault(key.strip().lower(), _clean(content))
    return metas


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[key] for key in keys if key in metas), None)


def _meta_date(metas: dict[str, str]) -> FoundDate | None:
    for key in META_DATE_KEYS:
        if key in metas and (found := parse_date(metas[key], "meta")):
            return found
    return None


def _jsonld_date(soup: BeautifulSoup) -> FoundDate | None:
    """datePublished of the page's own article object (never of an ItemList of related links)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in _jsonld_articles(data):
            value = item.get("datePublished")
            if isinstance(value, str) and (found := parse_date(value, "jsonld")):
                return found
    return None


def _jsonld_articles(data: object) -> list[dict]:
    """Article objects at the top level, in a list, or in an @graph; not nested in other items."""
    if isinstance(data, list):
        return [item for entry in data for item in _jsonld_articles(entry)]
    if not isinstance(data, dict):
        return []
    items = _jsonld_articles(data.get("@graph", []))
    types = data.get("@type")
    types = set(types) if isinstance(types, list) else {types}
    if any(isinstance(kind, str) and kind in ARTICLE_TYPES for kind in types):
        items.insert(0, data)
    return items


def _time_date(soup: BeautifulSoup) -> FoundDate | None:
    """The article's own <time>: marked as the publication time, or inside the <article>.

    Any other <time> may belong to a "Latest" box that the drop selectors did not know (a bare
    first <time> would date seed 001's NDO page to the previous evening's headline).
    """
    candidates = []
    for element in soup.find_all("time"):
        value = element.get("datetime")
        if not isinstance(value, str):
            continue
        rank = _time_rank(element)
        if rank is not None:
            candidates.append((rank, value))
    for _, value in sorted(candidates, key=lambda candidate: candidate[0]):
        if found := parse_date(value, "time"):
            return found
    return None


def _printed_date(
    selectors: _Selectors, candidates: list[Tag], removed: list[RemovedSpan]
) -> FoundDate | None:
    """The date as the page prints it next to the headline ("15/08/2025, 01:50"), day first.

    Only the profile's date elements, never any date-looking text: a related list or a caption
    prints dates too. The element is removed so that it cannot become a paragraph.
    """
    for selector in selectors.dates:
        for element in candidates:
            if not (_attached(element) and selector.match(element)):
                continue
            text = _text(element)
            found = parse_date(text, "text")
            if found is not None:
                removed.append(RemovedSpan(rule="date_line", text=text))
                element.extract()
                return found
    return None


def _time_rank(element: Tag) -> int | None:
    classes = " ".join(element.get("class") or ()).casefold()
    if element.get("itemprop") == "datePublished" or element.has_attr("pubdate"):
        return 0
    if "publish" in classes:
        return 1
    if element.find_parent("article") is not None:
        return 2
    return None


def _drop_comments(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()


def _drop(element: Tag, removed: list[RemovedSpan], rule: str | None = None) -> None:
    """Remove an element, logging its words (never the code of scripts and styles)."""
    if not _attached(element):
        return
    rule = rule or _drop_rule(element)
    if element.name not in SILENT_TAGS:
        for silent in element.find_all(SILENT_TAGS):
            silent.extract()
        text = _text(element, separator=" ")
        if text:
            removed.append(RemovedSpan(rule=rule, text=text))
    element.extract()


def _drop_rule(element: Tag) -> str:
    classes = " ".join(element.get("class") or ())
    if RELATED_CLASS.search(classes):
        return "related_block"
    return "chrome" if classes else f"html_{element.name}"


def _title(
    soup: BeautifulSoup,
    profile: Profile,
    selectors: _Selectors,
    metas: dict[str, str],
    candidates: list[Tag],
) -> str | None:
    """Title cascade: the profile's headline, og:title, an <h1> in the article, then <title>.

    A bare first <h1> comes after og:title because many templates put the site logo in one.
    The headline element is removed so that the body does not start with the title again.
    """
    return (
        _take_element_text(candidates, selectors.titles)
        or _strip_site_name(_first(metas, META_TITLE_KEYS), profile, metas, is_title_tag=False)
        or _take_element_text(candidates, ARTICLE_HEADINGS)
        or _strip_site_name(_text(soup.title) if soup.title else None, profile, metas, True)
    )


def _byline(selectors: _Selectors, metas: dict[str, str], candidates: list[Tag]) -> str | None:
    """The author as printed ("by NDO" is "NDO"), from the profile's byline element or <meta>."""
    text = _take_element_text(candidates, selectors.bylines) or _first(metas, META_AUTHOR_KEYS)
    if text is None:
        return None
    return BYLINE_PREFIX.sub("", text).strip() or None


def _take_element_text(
    candidates: list[Tag], cascade: tuple[soupsieve.SoupSieve, ...]
) -> str | None:
    element = _first_match(candidates, cascade)
    if element is None:
        return None
    text = _text(element)
    element.extract()
    return text


def _strip_site_name(
    title: str | None, profile: Profile, metas: dict[str, str], is_title_tag: bool
) -> str | None:
    """Drop a site name tail: the profile's known tails, the page's og:site_name, or (in a
    <title> only) a short tail after a separator; "Vietnam - RoK ties deepen" keeps its dash."""
    if not title:
        return None
    for suffix in profile.title_suffixes:
        if title.endswith(suffix):
            return title[: -len(suffix)].strip()
    tail = TITLE_SEPARATOR.search(title)
    if tail is None:
        return title
    name = tail.group("name")
    site_name = _first(metas, META_SITE_NAME_KEYS)
    if (site_name and _fold(name) == _fold(site_name)) or (
        is_title_tag and len(name.split()) <= MAX_SITE_NAME_WORDS and "|" in tail.group(0)
    ):
        return title[: tail.start()].strip()
    return title


def _take_captions(soup: BeautifulSoup, selectors: _Selectors) -> list[str]:
    """Figure captions leave the page for `captions` before the body is read."""
    captions = []
    for element in selectors.captions.select(soup):
        if not _attached(element):
            continue
        text = _text(element)
        if text:
            captions.append(text)
        element.extract()
    return captions


def _containers(soup: BeautifulSoup, selectors: _Selectors, candidates: list[Tag]) -> list[Tag]:
    """The lead (if the profile has one) and the body container, else the densest <p> block,
    else the whole <body> (a page holding a single paragraph)."""
    lead = _first_match(candidates, selectors.leads)
    body = _first_match(candidates, selectors.bodies) or _densest_block(soup) or soup.body
    if body is None:
        return [lead] if lead is not None else []
    if lead is None or lead is body:
        return [body]
    if any(parent is body for parent in lead.parents):
        return [body]
    if any(parent is lead for parent in body.parents):
        return [lead]
    return [lead, body]


def _first_match(candidates: list[Tag], cascade: tuple[soupsieve.SoupSieve, ...]) -> Tag | None:
    """The first candidate, in document order, of the first selector that has one with text."""
    for selector in cascade:
        for element in candidates:
            if _attached(element) and selector.match(element) and _has_text(element):
                return element
    return None


def _attached(element: Tag) -> bool:
    """Still in the page: not removed, and not inside a removed element.

    Removal uses `extract()`, which keeps parent links intact, and this walks them up to the
    document. (bs4's `decomposed` property costs a subtree search on every live tag.)
    """
    node = element
    while node.parent is not None:
        node = node.parent
    return isinstance(node, BeautifulSoup)


def _has_text(element: Tag) -> bool:
    return any(
        type(string) is NavigableString and not string.isspace()
        for string in element.find_all(string=True)
    )


def _densest_block(soup: BeautifulSoup) -> Tag | None:
    """The element holding the most text in its direct <p> children (at least two of them)."""
    sizes: dict[int, list] = {}
    for paragraph in soup.find_all("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        entry = sizes.setdefault(id(parent), [parent, 0, 0])
        entry[1] += 1
        entry[2] += len(paragraph.get_text())
    dense = [entry for entry in sizes.values() if entry[1] >= MIN_DENSE_PARAGRAPHS]
    return max(dense, key=lambda entry: entry[2])[0] if dense else None


def _paragraphs(container: Tag) -> list[str]:
    """Split the container's text at block elements and <br>, in document order.

    Walks the tree without recursion (a page nested thousands deep must not overflow the stack).
    Inline elements join their neighbours as printed: `<b>Ha</b>noi` is "Hanoi".
    """
    paragraphs: list[str] = []
    buffer: list[str] = []
    stack: list[tuple[object, bool]] = [(iter(container.children), False)]
    while stack:
        children, is_block = stack[-1]
        child = next(children, None)  # type: ignore[call-overload]
        if child is None:
            stack.pop()
            if is_block:
                _flush(buffer, paragraphs)
            continue
        if isinstance(child, NavigableString):
            # Only plain text: comments, CDATA, doctype and script strings are subclasses.
            # A newline in the HTML source is a space; only <br> breaks a line.
            if type(child) is NavigableString:
                buffer.append(ANY_WHITESPACE.sub(" ", child))
        elif isinstance(child, Tag):
            if child.name == "br":
                buffer.append("\n")
            elif child.name in BLOCK_TAGS:
                _flush(buffer, paragraphs)
                stack.append((iter(child.children), True))
            else:
                stack.append((iter(child.children), False))
    _flush(buffer, paragraphs)
    return paragraphs


def _flush(buffer: list[str], paragraphs: list[str]) -> None:
    if not buffer:
        return
    text = normalize_text("".join(buffer))
    buffer.clear()
    lines = (WHITESPACE.sub(" ", line).strip() for line in text.split("\n"))
    joined = "\n".join(line for line in lines if line)
    if joined:
        paragraphs.append(joined)


def _text(element: Tag, separator: str = "") -> str:
    """Element text on one line with inline tags joined as printed (`<b>Ha</b>noi` is "Hanoi").

    Dropped chrome is logged with `separator=" "` so that menu items stay apart in the log.
    """
    return _clean(element.get_text(separator))


def _clean(text: str) -> str:
    return ANY_WHITESPACE.sub(" ", normalize_text(text)).strip()
