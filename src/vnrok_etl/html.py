"""HTML pages to paragraphs: title and date from markup, article text without the page around it.

lxml (libxml2's HTML parser) reads whatever the outlets serve (unclosed tags, stray scripts) and
never runs a script. What is hand-written is the choice of *which* markup is the article: per-outlet
selectors from profiles.py, with a generic fallback (`<article>`, itemprop=articleBody, `<main>`,
the densest block of `<p>`), because a generic boilerplate remover keeps figure captions and
related headlines that our figures and quotes must never see. The paragraphs returned here are
cleaned by clean.py with the same rules as plain text, so a page and its .txt give one body.

Dates come from explicit fields before any text: `<meta property="article:published_time">` and
its relatives, then JSON-LD `datePublished` of the article object itself, then a `<time datetime>`
marked as the publication time or inside the `<article>`, and only then the date the profile's
date element prints; related blocks, asides, "Latest" boxes and captions are removed before any
`<time>` or printed date is read.

Speed matters (100k pages). This module used to walk a BeautifulSoup tree with soupsieve
selectors, ~6 ms a page, most of it in bs4's Python tree building and selector matching. It now
works on lxml's own tree (~1.2 ms, a third of it dates.py and normalize_text): lxml's C
iterators and XPath find candidates, and the profile selectors are a small CSS subset compiled
here (tag, .class, #id, [attr], [attr=v], [attr*=v], compounds, the descendant combinator). The output is what the BeautifulSoup version gave,
string for string, which needs four details kept on purpose:

* the same libxml2 parser as bs4's "lxml" builder, fed the same way; markup after </html> opens
  a second <html>, which lxml leaves beside the root and `_parse` keeps; libxml2 builds trees at
  most 2048 levels deep, so a deeper page goes through a TreeBuilder target as bs4 did (only a
  page both that deep and using names lxml's TreeBuilder refuses keeps the cut tree);
* a removed element leaves an empty element holding its tail (`_extract`), and comments are
  skipped but kept: text on either side stays two strings, as in bs4 (get_text(" ") logs
  "Share Print", not "SharePrint");
* a string of ASCII whitespace outside <pre>/<textarea> counts as one space or newline, as bs4
  stores it (`_bs4_string`), which the densest-block sizes depend on;
* text inside <rt>/<rp> is not article text (bs4 keeps it as ruby strings); <script>, <style> and
  <template>, bs4's other string containers, never survive the drop pass.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

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
# Ruby annotations: their text is not article text (bs4 stored it as RubyTextString etc.).
RUBY_TAGS = frozenset({"rt", "rp"})
# Whitespace inside these is kept as written (bs4's preserve_whitespace_tags).
PRESERVE_TAGS = frozenset({"pre", "textarea"})
ASCII_SPACES = " \n\t\x0c\r"
BYLINE_PREFIX = re.compile(r"^(?:by|written by)\s*:?\s+", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+(?P<name>[^|–—-]+)$")
MAX_SITE_NAME_WORDS = 4
WHITESPACE = re.compile(r"[ \t\r\f\v]+")
ANY_WHITESPACE = re.compile(r"\s+")
RELATED_CLASS = re.compile(r"relat|more|other|lien-quan|latest|box|tag|keyword", re.IGNORECASE)
MIN_DENSE_PARAGRAPHS = 2
PARAGRAPH_SEPARATOR = "\ue000"  # see _normalize_paragraphs
# The parsed page hangs under this element, so that even <html> can be removed like any other.
DOCUMENT_TAG = "vnrok-document"
# What a removed element leaves when text follows it (see `_extract`): no attributes, no content.
REMOVED_TAG = "vnrok-removed"
WALK_EVENTS = ("start", "end", "comment", "pi")


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


# ---------------------------------------------------------------- selectors

# Attributes whose value is a space-separated list; a selector sees it with single spaces.
LIST_ATTRIBUTES = {"*": frozenset({"class", "accesskey", "dropzone"}), "a": frozenset({"rel", "rev"}),
                   "link": frozenset({"rel", "rev"}), "area": frozenset({"rel"})}
# Attribute values HTML compares without case (as soupsieve, which read these selectors before).
CASE_INSENSITIVE_ATTRIBUTES = frozenset((
    "accept", "accept-charset", "align", "alink", "axis", "bgcolor", "charset", "checked", "clear",
    "codetype", "color", "compact", "declare", "defer", "dir", "direction", "disabled", "enctype",
    "face", "frame", "hreflang", "http-equiv", "lang", "language", "link", "media", "method",
    "multiple", "nohref", "noresize", "noshade", "nowrap", "readonly", "rel", "rev", "rules", "scope",
    "scrolling", "selected", "shape", "target", "text", "type", "valign", "valuetype", "vlink",
))
COMPOUND = re.compile(
    r"(?P<tag>[a-z][a-z0-9]*)?(?P<rest>(?:\.[\w-]+|#[\w-]+|\[[\w:-]+(?:\*?=\"?[^\]\"]*\"?)?\])*)$"
)
PART = re.compile(r"\.([\w-]+)|#([\w-]+)|\[([\w:-]+)(?:(\*?=)\"?([^\]\"]*)\"?)?\]")


@dataclass(frozen=True, slots=True)
class _Compound:
    """One compound selector (`h1.article__title`, `[itemprop=articleBody]`), matched as CSS does:
    class tokens split on whitespace, list attributes joined by one space, `rel` without case."""

    tag: str | None
    classes: tuple[str, ...]
    id: str | None
    attributes: tuple[tuple[str, str, str], ...]  # (attribute, "" | "=" | "*=", value)

    def match(self, element: etree._Element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.id is not None and element.get("id") != self.id:
            return False
        if self.classes:
            tokens = (element.get("class") or "").split()
            if any(name not in tokens for name in self.classes):
                return False
        for attribute, operator, value in self.attributes:
            actual = element.get(attribute)
            if actual is None:
                return False
            if not operator:
                continue
            if attribute in LIST_ATTRIBUTES["*"] or attribute in LIST_ATTRIBUTES.get(element.tag, ()):
                actual = " ".join(actual.split())
            if attribute in CASE_INSENSITIVE_ATTRIBUTES:
                actual = actual.lower() if actual.isascii() else actual.translate(ASCII_LOWER)
                value = value.lower()
            if operator == "=" and actual != value:
                return False
            if operator == "*=" and (not value or value not in actual):
                return False
        return True

    def candidates(self, page: _Page) -> Iterator[etree._Element]:
        """A superset of the matches in the page as it is now, in document order, found in C."""
        if self.tag is not None:
            return page.document.iter(self.tag)
        if self.id is not None:
            return (element for element, value in page.having("id") if value == self.id)
        if self.classes:
            name = self.classes[0]
            return (element for element, value in page.having("class") if name in value)
        return (element for element, _ in page.having(self.attributes[0][0]))


ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


@dataclass(frozen=True, slots=True)
class _Selector:
    """A compound, or compounds joined by the descendant combinator (`.detail-header h1`)."""

    ancestors: tuple[_Compound, ...]  # outermost first
    subject: _Compound

    def match(self, element: etree._Element) -> bool:
        if not self.subject.match(element):
            return False
        wanted = len(self.ancestors) - 1
        for ancestor in element.iterancestors():
            if wanted < 0:
                break
            if ancestor.tag != DOCUMENT_TAG and self.ancestors[wanted].match(ancestor):
                wanted -= 1
        return wanted < 0

    def find(self, page: _Page) -> list[etree._Element]:
        """Matches in the page as it is now, in document order."""
        return [element for element in self.subject.candidates(page) if self.match(element)]


def _compound(text: str) -> _Compound:
    match = COMPOUND.match(text)
    if not text or match is None:
        raise ValueError(f"profile selector outside the supported CSS subset: {text!r}")
    classes, ids, attributes = [], [], []
    for part in PART.finditer(match.group("rest")):
        if part.group(1):
            classes.append(part.group(1))
        elif part.group(2):
            ids.append(part.group(2))
        else:
            attributes.append((part.group(3).lower(), part.group(4) or "", part.group(5) or ""))
    if len(ids) > 1:
        raise ValueError(f"profile selector with two ids: {text!r}")
    return _Compound(match.group("tag"), tuple(classes), ids[0] if ids else None, tuple(attributes))


def _selector(text: str) -> _Selector:
    *ancestors, subject = (_compound(part) for part in text.split())
    return _Selector(tuple(ancestors), subject)


@dataclass(frozen=True, slots=True)
class _SelectorSet:
    """Many selectors matched in one walk over the page (the drop and caption lists).

    Nearly all of them are a bare tag, class, id or attribute, which a set lookup answers, with
    exact case-sensitive values; compounds are matched one by one as `_Selector`s.
    """

    names: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]
    # attribute -> (operator, value, whether a list value must be joined first): a `*=` substring
    # without spaces is found alike in the raw value and in the joined list, so it skips the join.
    attributes: dict[str, tuple[tuple[str, str, bool], ...]]
    others: tuple[_Selector, ...]

    def match(self, element: etree._Element) -> bool:
        if element.tag in self.names:
            return True
        # Only the element's own few attributes are looked at, not every selector's attribute.
        for attribute in element.keys():
            if attribute == "class":
                if self.classes and not self.classes.isdisjoint(element.get("class").split()):
                    return True
            elif attribute == "id" and element.get("id") in self.ids:
                return True
            rules = self.attributes.get(attribute)
            if rules is None:
                continue
            actual = element.get(attribute)
            for operator, value, exact in rules:
                if not operator:
                    return True
                if exact and (attribute in LIST_ATTRIBUTES["*"] or attribute in LIST_ATTRIBUTES.get(element.tag, ())):
                    actual = " ".join(actual.split())
                if (operator == "=" and actual == value) or (operator == "*=" and value in actual):
                    return True
        # A loop, not any() over a generator: most sets have no compounds, and building the
        # generator for every element of the page cost more than the set lookups above.
        for selector in self.others:
            if selector.match(element):
                return True
        return False

    def outermost(self, top: etree._Element) -> list[etree._Element]:
        """Matching elements under `top` in document order, none inside another (it goes with it)."""
        found = []
        walker = etree.iterwalk(top, events=("start",))
        for _, element in walker:
            if element is not top and self.match(element):
                found.append(element)
                walker.skip_subtree()  # linear even for a page nested thousands deep
        return found


def _selector_set(selectors: tuple[str, ...]) -> _SelectorSet:
    names, classes, ids, attributes, others = set(), set(), set(), {}, []
    for text in selectors:
        compound = _compound(text) if " " not in text else None
        parts = compound and (compound.tag is not None) + len(compound.classes) + (
            compound.id is not None) + len(compound.attributes)
        if compound is None or parts != 1:
            others.append(_selector(text))
        elif compound.tag is not None:
            names.add(compound.tag)
        elif compound.classes:
            classes.add(compound.classes[0])
        elif compound.id is not None:
            ids.add(compound.id)
        else:
            attribute, operator, value = compound.attributes[0]
            exact = operator == "=" or any(char.isspace() for char in value)
            attributes[attribute] = (*attributes.get(attribute, ()), (operator, value, exact))
    return _SelectorSet(frozenset(names), frozenset(classes), frozenset(ids), attributes, tuple(others))


@dataclass(frozen=True, slots=True)
class _Selectors:
    """One profile's selectors, compiled once: cascades stay tuples, one-walk lists are sets."""

    drop: _SelectorSet
    captions: _SelectorSet
    titles: tuple[_Selector, ...]
    bylines: tuple[_Selector, ...]
    dates: tuple[_Selector, ...]
    leads: tuple[_Selector, ...]
    bodies: tuple[_Selector, ...]


def _compile(profile: Profile) -> _Selectors:
    def cascade(selectors: tuple[str, ...]) -> tuple[_Selector, ...]:
        return tuple(_selector(selector) for selector in selectors)

    return _Selectors(
        drop=_selector_set(COMMON_DROP_SELECTORS + profile.drop_selectors),
        captions=_selector_set(COMMON_CAPTION_SELECTORS + profile.caption_selectors),
        titles=cascade(profile.title_selectors),
        bylines=cascade(profile.byline_selectors),
        dates=cascade(profile.date_selectors),
        leads=cascade(profile.lead_selectors),
        bodies=cascade(profile.body_selectors + GENERIC_BODY_SELECTORS),
    )


ARTICLE_HEADING_SELECTORS = ("article h1", "main h1", "[itemprop=headline]", "h1")
SELECTORS = {profile.name: _compile(profile) for profile in (*PROFILES.values(), GENERIC)}
ARTICLE_HEADINGS = tuple(_selector(selector) for selector in ARTICLE_HEADING_SELECTORS)
# Each profile's own body selectors, for recognising a saved page by its markup.
PROFILE_BODIES = {
    profile.name: tuple(_selector(selector) for selector in profile.body_selectors)
    for profile in PROFILES.values()
}
FIND_META = etree.XPath(".//meta")
HAVING = {attribute: etree.XPath(f".//*[@{attribute}]") for attribute in ("class", "id", "itemprop", "role", "rel")}
FIND_FORMS = etree.XPath(".//form")
# libxml2 builds trees up to 2048 levels deep (with huge_tree); a page with fewer tags cannot
# reach that, and a deeper one is parsed again through a TreeBuilder (`_parse_deep`).
MAX_NATIVE_DEPTH = 2000
DEEPER_THAN_NATIVE = etree.XPath("boolean(/*" + "/*" * (MAX_NATIVE_DEPTH - 1) + ")")


# ---------------------------------------------------------------- the page


def _parse(html: str) -> etree._Element:
    """The page under a DOCUMENT_TAG element, as bs4 held it: every top-level node in order."""
    if html[:1] == "\N{BYTE ORDER MARK}":
        html = html[1:]
    parser = etree.HTMLParser(recover=True, huge_tree=True)
    parser.feed(html)
    root = parser.close()
    document = etree.Element(DOCUMENT_TAG)
    if root is None:
        return document
    if html.count("<") >= MAX_NATIVE_DEPTH and DEEPER_THAN_NATIVE(root):
        return _parse_deep(html, document)
    # Markup after </html> becomes a second <html> beside the first (bs4 kept both).
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    for top in tops:
        document.append(top)
    return document


def _parse_deep(html: str, document: etree._Element) -> etree._Element:
    """A page nested past libxml2's tree-building limit (2048 levels), through a TreeBuilder.

    A parser target has no depth limit (bs4 used one); it refuses names lxml cannot store
    (`xml:lang`, `<o:p>`), so such a page keeps the tree cut at the limit.
    """
    builder = etree.TreeBuilder()
    # Opened before the parser starts, the document element receives every top-level element.
    deep = builder.start(DOCUMENT_TAG, {})
    parser = etree.HTMLParser(recover=True, target=builder)
    try:
        parser.feed(html)
    except (ValueError, etree.LxmlError):
        return document
    try:
        parser.close()  # parses the end of the page, then says the document element is open
    except etree.XMLSyntaxError:
        pass
    return deep


class _Page:
    """The parsed page and the text rules that make its strings the ones bs4 gave."""

    __slots__ = ("document", "plain", "_having")

    def __init__(self, document: etree._Element) -> None:
        self.document = document
        self._having: dict[str, list[tuple[etree._Element, str]]] = {}
        # Without <pre>, <textarea>, <rt> or <rp> anywhere, lxml's C itertext gives the strings.
        special = RUBY_TAGS | PRESERVE_TAGS
        self.plain = next(document.iter(*special), None) is None

    def strings(self, element: etree._Element, skip: frozenset[str] = frozenset()) -> list[str]:
        """The element's text strings as bs4's get_text joined them, in document order.

        `skip` names elements whose text is left out (their tails stay).
        """
        if self.plain and not (skip and next(_descendants(element, skip), None) is not None):
            return [_bs4_string(text, False) for text in element.itertext() if text]
        return list(self._walk_strings(element, skip))

    def _walk_strings(self, element: etree._Element, skip: frozenset[str]):
        wanted = element.tag if element.tag in RUBY_TAGS else None
        ruby, preserve = self._context(element)
        stack = []  # (ruby, preserve) outside each open element
        walker = etree.iterwalk(element, events=WALK_EVENTS)
        for event, node in walker:
            if event == "start":
                stack.append((ruby, preserve))
                if node is not element and node.tag in skip:
                    walker.skip_subtree()
                    continue
                ruby = node.tag if node.tag in RUBY_TAGS else ruby
                preserve = preserve or node.tag in PRESERVE_TAGS
                if node.text and ruby == wanted:
                    yield _bs4_string(node.text, preserve)
            elif event == "end":
                ruby, preserve = stack.pop()
                if node is not element and node.tail and ruby == wanted:
                    yield _bs4_string(node.tail, preserve)
            elif node.tail and ruby == wanted:
                yield _bs4_string(node.tail, preserve)

    def _context(self, element: etree._Element) -> tuple[str | None, bool]:
        """The innermost <rt>/<rp> around the element, and whether a <pre> is around it."""
        if self.plain:
            return None, False
        ruby, preserve = None, False
        for ancestor in element.iterancestors():
            if ruby is None and ancestor.tag in RUBY_TAGS:
                ruby = ancestor.tag
            preserve = preserve or ancestor.tag in PRESERVE_TAGS
        return ruby, preserve

    def text(self, element: etree._Element, separator: str = "") -> str:
        """Element text on one line with inline tags joined as printed (`<b>Ha</b>noi` is "Hanoi").

        Dropped chrome is logged with `separator=" "` so that menu items stay apart in the log.
        """
        return _clean(separator.join(self.strings(element)))

    def has_text(self, element: etree._Element) -> bool:
        if self.plain:
            return any(not text.isspace() for text in element.itertext() if text)
        return any(not text.isspace() for text in self._walk_strings_plain(element))

    def _walk_strings_plain(self, element: etree._Element):
        """Article strings (not ruby) under any element, whatever the element is."""
        ruby, _ = self._context(element)
        if ruby is not None:
            return
        stack = []
        walker = etree.iterwalk(element, events=WALK_EVENTS)
        for event, node in walker:
            if event == "start":
                stack.append(ruby)
                ruby = node.tag if node.tag in RUBY_TAGS else ruby
                if node.text and ruby is None:
                    yield node.text
            elif event == "end":
                ruby = stack.pop()
                if node is not element and node.tail and ruby is None:
                    yield node.tail
            elif node.tail and ruby is None:
                yield node.tail

    def first(self, tag: str) -> etree._Element | None:
        return next(self.document.iter(tag), None)

    def having(self, attribute: str) -> list[tuple[etree._Element, str]]:
        """Elements with the attribute, and its value, in document order.

        One XPath a page per attribute instead of one per selector: the selector cascades look
        up classes and ids many times between two removals (`extract` forgets the lists).
        """
        found = self._having.get(attribute)
        if found is None:
            finder = HAVING.get(attribute) or etree.XPath(f".//*[@{attribute}]")
            found = self._having[attribute] = [
                (element, element.get(attribute)) for element in finder(self.document)
            ]
        return found

    def extract(self, element: etree._Element) -> None:
        _extract(element)
        self._having.clear()


def _descendants(element: etree._Element, tags: frozenset[str]):
    return (node for node in element.iter(*tags) if node is not element)


def _bs4_string(text: str, preserve: bool) -> str:
    """A string of nothing but ASCII whitespace is one space or newline, as bs4 stores it."""
    if preserve or not text.isspace() or text.strip(ASCII_SPACES):
        return text
    return "\n" if "\n" in text else " "


def _extract(element: etree._Element) -> None:
    """Take the element out of the page, leaving the text around it as two strings.

    lxml keeps the text after an element in the element (its tail), and refuses to copy some
    texts (control characters) to a new node; so an element with a tail stays as an empty
    REMOVED_TAG element holding it. Merged, "Share" and "Print" around a removed icon would log
    as one word.
    """
    if element.tail:
        element.clear(keep_tail=True)
        element.tag = REMOVED_TAG
    else:
        element.getparent().remove(element)


def _attached(element: etree._Element, document: etree._Element) -> bool:
    """Still in the page (not inside a removed element)."""
    top = element
    for top in element.iterancestors():
        pass
    return top is document


# ---------------------------------------------------------------- extraction


def extract_html(html: str, uri: str) -> HtmlPage:
    """Parse a page and return its article parts; never executes or keeps scripts."""
    page = _Page(_parse(html))
    document = page.document
    metas = _read_metas(document)
    profile = _select_profile(page, uri, metas)
    selectors = SELECTORS[profile.name]
    removed: list[RemovedSpan] = []
    found_date = _meta_date(metas) or _jsonld_date(document)
    for element in selectors.drop.outermost(document):
        _drop(page, element, removed)
    for form in FIND_FORMS(document):
        if not _attached(form, document):
            continue  # went with the form around it
        if sum(1 for _ in islice(form.iter("p"), MIN_DENSE_PARAGRAPHS)) < MIN_DENSE_PARAGRAPHS:
            _drop(page, form, removed, "html_form")  # comment, search, newsletter boxes
    # Captions leave before any <time> is read: a caption's date is not the article's.
    captions = _take_captions(page, selectors)
    title = _title(page, profile, selectors, metas)
    found_date = found_date or _time_date(document) or _printed_date(page, selectors, removed)
    byline = _byline(page, selectors, metas)
    paragraphs: list[str] = []
    for container in _containers(page, selectors):
        for element in CONTAINER_SET.outermost(container):
            _drop(page, element, removed, f"html_{element.tag}")
        paragraphs.extend(_paragraphs(page, container))
    return HtmlPage(
        profile=profile.name,
        title=title,
        found_date=found_date,
        byline=byline,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        removed=tuple(removed),
    )


CONTAINER_SET = _selector_set(CONTAINER_DROP)


def select_profile(soup: object, uri: str, metas: dict[str, str] | None = None) -> Profile:
    """The outlet's profile: by URL host, then by site name, then by its body markup; else GENERIC.

    `soup` is the page: an lxml element, or anything whose str() is its markup (a BeautifulSoup).
    """
    document = soup if isinstance(soup, etree._Element) else _parse(str(soup))
    metas = _read_metas(document) if metas is None else metas
    return _select_profile(_Page(document), uri, metas)


def _select_profile(page: _Page, uri: str, metas: dict[str, str]) -> Profile:
    return (
        _profile_from_uri(uri)
        or _profile_from_site_name(metas)
        or _profile_from_markup(page)
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
        if name.startswith(FOLDED_SITE_NAMES[profile.name]):
            return profile
    return None


def _profile_from_markup(page: _Page) -> Profile | None:
    """The first profile whose own body selector matches (generic selectors excluded)."""
    for profile in PROFILES.values():
        if any(selector.find(page) for selector in PROFILE_BODIES[profile.name]):
            return profile
    return None


def _fold(text: str) -> str:
    """Case- and diacritic-insensitive form: "Việt Nam News" and "Viet Nam News" are one site."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Each profile's site names folded once, not again for every page with og:site_name (~0.01 ms a page).
FOLDED_SITE_NAMES = {profile.name: tuple(map(_fold, profile.site_names)) for profile in PROFILES.values()}


def _read_metas(document: etree._Element) -> dict[str, str]:
    """Every <meta> content by its property, name or itemprop (first one wins), in one pass."""
    metas: dict[str, str] = {}
    for element in FIND_META(document):
        content = element.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if key is not None:
                metas.setdefault(key.strip().lower(), _clean(content))
    return metas


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[key] for key in keys if key in metas), None)


def _meta_date(metas: dict[str, str]) -> FoundDate | None:
    for key in META_DATE_KEYS:
        if key in metas and (found := parse_date(metas[key], "meta")):
            return found
    return None


def _jsonld_date(document: etree._Element) -> FoundDate | None:
    """datePublished of the page's own article object (never of an ItemList of related links)."""
    for script in document.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
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


def _time_date(document: etree._Element) -> FoundDate | None:
    """The article's own <time>: marked as the publication time, or inside the <article>.

    Any other <time> may belong to a "Latest" box that the drop selectors did not know (a bare
    first <time> would date seed 001's NDO page to the previous evening's headline).
    """
    candidates = []
    for element in document.iter("time"):
        value = element.get("datetime")
        if value is None:
            continue
        rank = _time_rank(element)
        if rank is not None:
            candidates.append((rank, value))
    for _, value in sorted(candidates, key=lambda candidate: candidate[0]):
        if found := parse_date(value, "time"):
            return found
    return None


def _printed_date(page: _Page, selectors: _Selectors, removed: list[RemovedSpan]) -> FoundDate | None:
    """The date as the page prints it next to the headline ("15/08/2025, 01:50"), day first.

    Only the profile's date elements, never any date-looking text: a related list or a caption
    prints dates too. The element is removed so that it cannot become a paragraph.
    """
    for selector in selectors.dates:
        for element in selector.find(page):
            text = page.text(element)
            found = parse_date(text, "text")
            if found is not None:
                removed.append(RemovedSpan(rule="date_line", text=text))
                page.extract(element)
                return found
    return None


def _time_rank(element: etree._Element) -> int | None:
    # Substrings hold no space: searching the raw class value equals searching the joined list.
    classes = (element.get("class") or "").casefold()
    if element.get("itemprop") == "datePublished" or element.get("pubdate") is not None:
        return 0
    if "publish" in classes:
        return 1
    if next(element.iterancestors("article"), None) is not None:
        return 2
    return None


def _drop(page: _Page, element: etree._Element, removed: list[RemovedSpan], rule: str | None = None) -> None:
    """Remove an element, logging its words (never the code of scripts and styles)."""
    rule = rule or _drop_rule(element)
    if element.tag not in SILENT_TAGS:
        text = _clean(" ".join(page.strings(element, skip=SILENT_TAGS)))
        if text:
            removed.append(RemovedSpan(rule=rule, text=text))
    page.extract(element)


def _drop_rule(element: etree._Element) -> str:
    classes = " ".join((element.get("class") or "").split())
    if RELATED_CLASS.search(classes):
        return "related_block"
    return "chrome" if classes else f"html_{element.tag}"


def _title(page: _Page, profile: Profile, selectors: _Selectors, metas: dict[str, str]) -> str | None:
    """Title cascade: the profile's headline, og:title, an <h1> in the article, then <title>.

    A bare first <h1> comes after og:title because many templates put the site logo in one.
    The headline element is removed so that the body does not start with the title again.
    """
    if text := _take_element_text(page, selectors.titles):
        return text
    if text := _strip_site_name(_first(metas, META_TITLE_KEYS), profile, metas, is_title_tag=False):
        return text
    if text := _take_element_text(page, ARTICLE_HEADINGS):
        return text
    title = page.first("title")
    return _strip_site_name(page.text(title) if title is not None else None, profile, metas, True)


def _byline(page: _Page, selectors: _Selectors, metas: dict[str, str]) -> str | None:
    """The author as printed ("by NDO" is "NDO"), from the profile's byline element or <meta>."""
    text = _take_element_text(page, selectors.bylines) or _first(metas, META_AUTHOR_KEYS)
    if text is None:
        return None
    return BYLINE_PREFIX.sub("", text).strip() or None


def _take_element_text(page: _Page, cascade: tuple[_Selector, ...]) -> str | None:
    element = _first_match(page, cascade)
    if element is None:
        return None
    text = page.text(element)
    page.extract(element)
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


def _take_captions(page: _Page, selectors: _Selectors) -> list[str]:
    """Figure captions leave the page for `captions` before the body is read."""
    captions = []
    for element in selectors.captions.outermost(page.document):
        text = page.text(element)
        if text:
            captions.append(text)
        page.extract(element)
    return captions


def _containers(page: _Page, selectors: _Selectors) -> list[etree._Element]:
    """The lead (if the profile has one) and the body container, else the densest <p> block,
    else the whole <body> (a page holding a single paragraph)."""
    lead = _first_match(page, selectors.leads)
    body = _first_match(page, selectors.bodies)
    if body is None:
        body = _densest_block(page)
    if body is None:
        body = page.first("body")
    if body is None:
        return [lead] if lead is not None else []
    if lead is None or lead is body:
        return [body]
    if any(parent is body for parent in lead.iterancestors()):
        return [body]
    if any(parent is lead for parent in body.iterancestors()):
        return [lead]
    return [lead, body]


def _first_match(page: _Page, cascade: tuple[_Selector, ...]) -> etree._Element | None:
    """The first element, in document order, of the first selector that has one with text."""
    for selector in cascade:
        for element in selector.find(page):
            if page.has_text(element):
                return element
    return None


def _densest_block(page: _Page) -> etree._Element | None:
    """The element holding the most text in its direct <p> children (at least two of them)."""
    sizes: dict[int, list] = {}
    for paragraph in page.document.iter("p"):
        parent = paragraph.getparent()
        # The entry keeps the parent's lxml proxy alive, so its id() stays its own.
        entry = sizes.setdefault(id(parent), [parent, 0, 0])
        entry[1] += 1
        entry[2] += sum(len(text) for text in page.strings(paragraph))
    dense = [entry for entry in sizes.values() if entry[1] >= MIN_DENSE_PARAGRAPHS]
    return max(dense, key=lambda entry: entry[2])[0] if dense else None


def _paragraphs(page: _Page, container: etree._Element) -> list[str]:
    """Split the container's text at block elements and <br>, in document order.

    lxml's iterwalk walks the tree without recursion (a page nested thousands deep must not
    overflow the stack). Inline elements join their neighbours as printed: `<b>Ha</b>noi` is "Hanoi".
    """
    paragraphs: list[str] = []  # raw text of each block, normalized at the end
    buffer: list[str] = []
    ruby, _ = page._context(container)
    blocks: list[tuple[bool, str | None]] = []  # per open element: is it a block, ruby outside it
    walker = etree.iterwalk(container, events=WALK_EVENTS)
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if node is container:
                blocks.append((False, ruby))
            elif tag == "br":
                buffer.append("\n")
                blocks.append((False, ruby))
                walker.skip_subtree()
                continue
            elif tag in BLOCK_TAGS:
                _flush(buffer, paragraphs)
                blocks.append((True, ruby))
            else:
                blocks.append((False, ruby))
            if tag in RUBY_TAGS:
                ruby = tag
            # A newline in the HTML source is a space; only <br> breaks a line.
            if node.text and ruby is None:
                buffer.append(_one_space(node.text))
        elif event == "end":
            is_block, ruby = blocks.pop()
            if is_block:
                _flush(buffer, paragraphs)
            if node is not container and node.tail and ruby is None:
                buffer.append(_one_space(node.tail))
        elif node.tail and ruby is None:  # a comment: its text is skipped, the text after it is not
            buffer.append(_one_space(node.tail))
    _flush(buffer, paragraphs)
    return _normalize_paragraphs(paragraphs)


def _flush(buffer: list[str], paragraphs: list[str]) -> None:
    if buffer:
        paragraphs.append("".join(buffer))
        buffer.clear()


def _normalize_paragraphs(raw: list[str]) -> list[str]:
    """normalize_text on each block's text, lines trimmed, empty ones dropped.

    One normalize_text call for the whole container, the blocks joined by a private-use
    character: nothing in normalize_text changes it or lets it combine (NFC never composes it),
    so splitting afterwards gives each block's own result. A page using that character itself
    takes one call per block.
    """
    joined = PARAGRAPH_SEPARATOR.join(raw)
    if joined.count(PARAGRAPH_SEPARATOR) == len(raw) - 1:
        texts = normalize_text(joined).split(PARAGRAPH_SEPARATOR)
    else:
        texts = [normalize_text(text) for text in raw]
    paragraphs = []
    for text in texts:
        lines = (_squash_line(line).strip() for line in text.split("\n"))
        if joined_lines := "\n".join(line for line in lines if line):
            paragraphs.append(joined_lines)
    return paragraphs


def _clean(text: str) -> str:
    # str.split() splits at exactly the characters `\s` matches: this is
    # ANY_WHITESPACE.sub(" ", text).strip(), without a substitution at every space.
    return " ".join(normalize_text(text).split())


def _one_space(text: str) -> str:
    """ANY_WHITESPACE.sub(" ", text): whitespace runs as one space.

    Most text has nothing to change, and the check for that (no double space, and every other
    whitespace character is unprintable) is far cheaper than the substitution over a paragraph;
    the rest is split at whitespace (exactly the characters the regex class matches) and joined.
    """
    if "  " not in text and text.isprintable():
        return text
    words = text.split()
    if not words:
        return " " if text else ""
    return f"{' ' if text[0].isspace() else ''}{' '.join(words)}{' ' if text[-1].isspace() else ''}"


def _squash_line(line: str) -> str:
    """WHITESPACE.sub(" ", line), skipped when the line has nothing to change."""
    if "  " not in line and line.isprintable():
        return line
    return WHITESPACE.sub(" ", line)
