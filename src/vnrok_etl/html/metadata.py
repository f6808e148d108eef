"""Title, date and author from the page's own markup, before any printed text.

Explicit fields come first because they are what the publisher states about the page: `<meta>`
(Open Graph, article:*, Dublin Core, itemprop), then JSON-LD of the article object itself (never an
ItemList of related links or the WebPage around it), then a `<time datetime>` marked as the
publication time or inside the `<article>`, and only then what the profile's date element
prints. Related blocks, asides and captions are removed before any `<time>` or printed date is
read, so that a "Latest" box cannot date the article.

htmldate 1.11 was measured for the date on mozilla/readability's test pages (benchmarks/RESULTS.md):
of the 33 pages whose reference states a publication time, these rules give the same instant on
30 and htmldate the same day on 31, but htmldate parses the page again (~2 ms a page, a fifth of
the whole extraction) and dates 47 of the 97 other pages against 20 here, from URLs and page
text this package deliberately does not trust (a "Latest" box's date is not the article's). It
is not used.
"""

from __future__ import annotations

import json
import re
import unicodedata

from bs4 import Tag

from vnrok_etl.dates import FoundDate, parse_date
from vnrok_etl.html.document import clean_text, element_text, has_text, remove
from vnrok_etl.html.outlets import ARTICLE_HEADINGS, CompiledProfile
from vnrok_etl.html.selectors import PageIndex, SelectorSet, is_removed
from vnrok_etl.profiles import Profile
from vnrok_etl.records import RemovedSpan

# <meta> keys (property, name or itemprop, lower case), most specific first.
META_DATE_KEYS = (
    "article:published_time", "pubdate", "publishdate", "datepublished", "date",
    "dc.date.issued", "og:published_time", "parsely-pub-date", "sailthru.date",
)
META_TITLE_KEYS = ("og:title", "twitter:title", "parsely-title", "dc.title")
META_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author")
META_SITE_NAME_KEYS = ("og:site_name", "application-name")
ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "ScholarlyArticle", "TechArticle",
     "SocialMediaPosting", "LiveBlogPosting"}
)
# A JSON-LD block wrapped for XHTML or old browsers: `<![CDATA[ ... ]]>`, `<!-- ... -->`.
JSON_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
# "By Name", "Written by: Name", and a list item's bullet before it ("• Kyodo" in an author list).
BYLINE_PREFIX = re.compile(r"^(?:[•·▪‣◦]\s*)?(?:(?:by|written by)\s*:?\s+)?", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+(?P<name>[^|–—-]+)$")
MAX_SITE_NAME_WORDS = 4
BYLINE_OUTLET_TAIL = re.compile(r"\s+[/|–—-]\s+(?P<name>[^/|–—-]+)$")
# An author given as a URL (article:author often is) is not a name.
URL = re.compile(r"^https?://|^www\.", re.IGNORECASE)


def read_metas(index: PageIndex) -> dict[str, str]:
    """Every <meta> content by its property, name or itemprop (first one wins), in one pass."""
    metas: dict[str, str] = {}
    for element in index.tags("meta"):
        content = element.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if isinstance(key, str):
                # `property="og:title twitter:title"` names two keys at once.
                for name in key.lower().split():
                    metas.setdefault(name, clean_text(content))
    return metas


def first_meta(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[key] for key in keys if key in metas), None)


def read_jsonld(index: PageIndex) -> list[dict]:
    """The page's own article objects from its JSON-LD scripts (broken JSON is skipped)."""
    articles: list[dict] = []
    for script in index.tags("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(JSON_WRAPPER.sub("", script.string or ""))
        except ValueError:
            continue
        articles.extend(_jsonld_articles(data))
    return articles


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


# "2025-12-03T00:00:00+11:00": a CMS that was given a day stores it as that day's midnight in the
# site's zone (WordPress and its peers when only a date is entered). It is a day, not an instant:
# read in another zone it would fall on the day before (East Asia Forum's Canberra midnight is
# 20:00 the previous evening in Hà Nội), so the day is taken as written and no time is kept.
MIDNIGHT_STAMP = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})$")


def stamped_date(value: str, date_source: str) -> FoundDate | None:
    """parse_date for a markup's time stamp; a midnight stamp (MIDNIGHT_STAMP) is its day alone."""
    midnight = MIDNIGHT_STAMP.match(value.strip()) if "T00:00" in value else None
    if midnight is not None:
        return parse_date(midnight.group("day"), date_source)
    return parse_date(value, date_source)


def meta_date(metas: dict[str, str]) -> FoundDate | None:
    for key in META_DATE_KEYS:
        if key in metas and (found := stamped_date(metas[key], "meta")):
            return found
    return None


def jsonld_date(articles: list[dict]) -> FoundDate | None:
    for item in articles:
        value = item.get("datePublished")
        if isinstance(value, str) and (found := stamped_date(value, "jsonld")):
            return found
    return None


def jsonld_author(articles: list[dict]) -> str | None:
    for item in articles:
        author = item.get("author")
        authors = author if isinstance(author, list) else [author]
        names = [a.get("name") if isinstance(a, dict) else a for a in authors]
        names = [clean_text(name) for name in names if isinstance(name, str) and name.strip()]
        if names:
            return ", ".join(names)
    return None


def time_date(index: PageIndex) -> FoundDate | None:
    """The article's own <time>: marked as the publication time, or inside the <article>.

    Any other <time> may belong to a "Latest" box that no selector knew (a bare first <time>
    would date seed 001's NDO page to the previous evening's headline).
    """
    candidates = []
    for element in index.tags("time"):
        if not element.has_attr("datetime"):
            continue
        rank = _time_rank(element)
        if rank is not None:
            candidates.append((rank, element["datetime"]))
    for _, value in sorted(candidates, key=lambda candidate: candidate[0]):
        if isinstance(value, str) and (found := parse_date(value, "time")):
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


def printed_date(index: PageIndex, cascade: tuple[SelectorSet, ...], removed: list[RemovedSpan]) -> FoundDate | None:
    """The date as the page prints it next to the headline ("15/08/2025, 01:50"), day first.

    Only the profile's date elements, never any date-looking text: a related list or a caption
    prints dates too. The element is removed so that it cannot become a paragraph.
    """
    for selector in cascade:
        for element in selector.select(index):
            text = element_text(element)
            found = parse_date(text, "text")
            if found is not None:
                removed.append(RemovedSpan(rule="date_line", text=text))
                remove(element)
                return found
    return None


# "First published on Tue 12 Aug 2025 01.05 BST", "Published: ...", "Posted on ...": the label
# before a printed publication date. An "Updated" date is not the publication date: not read.
# The label before a printed date, in English ("Published on:", "Posted date:", "Date posted:")
# or, on a Vietnamese site's English page, in Vietnamese ("Ngày đăng:" posted on).
PUBLISHED_LABEL = re.compile(
    r"^(?:(?:(?:first\s+)?(?:published|posted)\s*(?:on\b|date\b)?|date\s+posted|ngày\s+đăng)\s*:?\s*)?(?!updated)",
    re.IGNORECASE,
)
# A view counter printed in the date's element, after it ("24/11/2026 | Views: 87", "03/12/2026
# Lượt xem: 214"): not part of the date, cut off before the date is read.
VIEW_COUNTER = re.compile(r"\s*[|·•]?\s*(?:views?|view\s+counts?|lượt\s+xem)\s*:?\s*[\d.,]{1,9}\s*$", re.IGNORECASE)
# "Posted on : 2025-11-27 17:05 KST Modified on : 2025-11-27 18:10 KST": the publication date and
# a later edit's printed in one element; the edit's part is cut off before the date is read.
LATER_EDIT_LABEL = re.compile(r"\s+(?:last\s+)?(?:modified|updated?|edited|revised)(?:\s+on)?\s*:", re.IGNORECASE)
MAX_PRINTED_DATE_CHARS = 60
# "By Nguyen Khanh Linh": a printed byline, a name of at most five words. Also labelled
# ("Author: <Name>"), with the writer's institution after a comma ("Author: <Name>, VASS", an
# analysis site's contributor) or the outlet or service written for ("By <Name> for RFA
# Vietnamese", a freelancer's or a language service's byline): the name alone is the byline.
PRINTED_BYLINE = re.compile(
    r"^(?:(?i:by)|(?i:author|written\s+by|posted\s+by)\s*:?)\s+(?P<who>[A-ZÀ-ỸĐ][\w'’.-]*(?:\s+[A-ZÀ-ỸĐ][\w'’.-]*){1,4})"
    r"(?:\s*,\s*[A-Z][\w&.'’-]*(?:\s+[\w&.'’-]+){0,5}|\s+for\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})?$"
)


def printed_label_date(
    index: PageIndex, cascade: tuple[SelectorSet, ...], removed: list[RemovedSpan], alone: bool = False
) -> FoundDate | None:
    """A generic page's printed publication date (outlets.GENERIC_PRINTED_DATE_SELECTORS): the
    first element whose whole text, a label read off, is a date; it is removed like the profile's.
    With `alone`, an element beside a link (a sibling <a href>: a teaser's date) is passed over."""
    for selector in cascade:
        for element in selector.select(index):
            if alone and element.parent is not None and element.parent.find("a", href=True, recursive=False):
                continue
            text = element_text(element)
            edit = LATER_EDIT_LABEL.search(text) if text else None
            text = text[: edit.start()] if edit is not None and edit.start() > 0 else text
            if text and ("iew" in text or "xem" in text):
                counter = VIEW_COUNTER.search(text)
                text = text[: counter.start()] if counter is not None and counter.start() > 0 else text
            if not text or len(text) > MAX_PRINTED_DATE_CHARS or text.lower().startswith("updated"):
                continue
            found = parse_date(PUBLISHED_LABEL.sub("", text, count=1), "text")
            if found is not None:
                removed.append(RemovedSpan(rule="date_line", text=text))
                remove(element)
                return found
    return None


def printed_byline(index: PageIndex, cascade: tuple[SelectorSet, ...]) -> str | None:
    """A generic page's printed "By <Name>" (outlets.GENERIC_PRINTED_BYLINE_SELECTORS), removed."""
    for selector in cascade:
        for element in selector.select(index):
            match = PRINTED_BYLINE.match(element_text(element, " ").strip())
            if match is not None:
                remove(element)
                return match.group("who")
    return None


def take_first(index: PageIndex, cascade: tuple[SelectorSet, ...]) -> str | None:
    """Text of the first element with text of the first selector that has one; it is removed
    (the headline must not open the body again, nor the byline)."""
    for selector in cascade:
        for element in selector.select(index):
            if has_text(element):
                text = element_text(element)
                remove(element)
                return text
    return None


def title_of(index: PageIndex, compiled: CompiledProfile, metas: dict[str, str], articles: list[dict]) -> str | None:
    """Title cascade: the profile's headline, og:title, JSON-LD headline, an <h1> in the
    article, then <title>.

    A bare first <h1> comes after og:title because many templates put the site logo in one.
    """
    profile = compiled.profile
    if text := take_first(index, compiled.titles):
        return text
    if text := _strip_site_name(first_meta(metas, META_TITLE_KEYS), profile, metas, is_title_tag=False):
        return text
    headline = next((item.get("headline") for item in articles if isinstance(item.get("headline"), str)), None)
    if headline and (text := clean_text(headline)):
        return text
    title = next(iter(index.tags("title")), None)
    first = _first_text(index, ARTICLE_HEADINGS)
    # A page without an <h1> (the headline in an <h3>, a law firm's newsletter) is read the same way.
    if (
        title is not None and (first is None or len(first.split()) <= MAX_LABEL_HEADING_WORDS)
        and (text := _heading_named_by_title(index, element_text(title)))
    ):
        return text
    if text := take_first(index, ARTICLE_HEADINGS):
        return text
    page_title = element_text(title) if title is not None else None
    if page_title and _is_logo_text(index, page_title) and (text := _titled_element(index)):
        return text
    return _strip_site_name(page_title, profile, metas, True)


# A class token that names an element as the headline on a template without headings: a
# board's "view_tit", a CMS's "news-title", "post_title", a Korean board's "subject".
TITLE_CLASS = re.compile(r"(?:^|[-_])(?:tit|title|subject)$")
MIN_TITLED_WORDS = 4
MAX_TITLED_WORDS = 40


def _is_logo_text(index: PageIndex, page_title: str) -> bool:
    """The page's <title> is only the site's name: the same text as its home link (the logo,
    `<a href="/">VIETNAM LIFE</a>`) or as an element classed as a logo."""
    folded = fold(page_title.strip())
    for link in index.tags("a"):
        if link.get("href") in ("/", "./", "index.html") and fold(element_text(link).strip()) == folded:
            return True
    return False


def _titled_element(index: PageIndex) -> str | None:
    """On a page whose <title> is the site's name and which prints no heading, the first element
    classed as a title (TITLE_CLASS, not a subtitle) with a headline's length is the headline
    (a community board's "div.view_tit"); removed like any taken headline."""
    for element in index.all:
        classes = element.get("class") if element.attrs else None
        if not classes or is_removed(element):
            continue
        tokens = classes if isinstance(classes, list) else classes.split()
        if not any(TITLE_CLASS.search(token.lower()) and "subtit" not in token.lower() for token in tokens):
            continue
        text = element_text(element).strip()
        if MIN_TITLED_WORDS <= len(text.split()) <= MAX_TITLED_WORDS:
            remove(element)
            return text
    return None


# Headings a page's <title> may name; at most this many are read.
TITLE_HEADING_TAGS = ("h1", "h2", "h3")
MAX_TITLE_HEADINGS = 40
# What may follow the headline in a <title>: a separator, then the site's name.
TITLE_TAIL_SEPARATORS = "|-–—:·»"


# A first heading of at most this many words is a box's label ("Link", "Foreign News"), not a headline.
MAX_LABEL_HEADING_WORDS = 3


def _first_text(index: PageIndex, cascade: tuple[SelectorSet, ...]) -> str | None:
    """The text `take_first` would take, left on the page."""
    for selector in cascade:
        for element in selector.select(index):
            if has_text(element):
                return element_text(element)
    return None


def _heading_named_by_title(index: PageIndex, page_title: str | None) -> str | None:
    """The heading whose text opens the page's <title> ("<headline> - <site name>"): the page
    names itself after its article, so that heading is the headline, wherever it stands (a
    portal's asset in an <h3> under a portlet's "Link" <h1>). Read only when the first heading
    is a box's label (MAX_LABEL_HEADING_WORDS): a page whose first heading reads as a headline
    keeps it. Removed like any taken headline. A heading that is the whole <title> counts too;
    one that only opens it without a separator after it ("Korea" of "Korea, Vietnam ...") does not.
    The page may put its section's label before the headline ("Newsletter | <headline> | <firm>",
    a law firm's or ministry's newsletter): a heading standing between two separators counts."""
    if not page_title:
        return None
    folded_title = fold(page_title)
    for position, heading in enumerate(index.tags(*TITLE_HEADING_TAGS)):
        if position >= MAX_TITLE_HEADINGS:
            break
        text = element_text(heading)
        if not text or len(text.split()) < 3:
            continue
        folded = fold(text)
        at = folded_title.find(folded)
        if at < 0:
            continue
        rest = folded_title[at + len(folded):].lstrip()
        if rest and rest[:1] not in TITLE_TAIL_SEPARATORS:
            continue
        if at and folded_title[:at].rstrip()[-1:] not in TITLE_TAIL_SEPARATORS:
            continue
        remove(heading)
        return text
    return None


def byline_of(index: PageIndex, compiled: CompiledProfile, metas: dict[str, str], articles: list[dict]) -> str | None:
    """The author as printed ("by NDO" is "NDO"): the profile's byline element, <meta>, JSON-LD."""
    text = take_first(index, compiled.bylines)
    if text is None:
        text = first_meta(metas, META_AUTHOR_KEYS)
        if text is not None and URL.match(text):
            text = None
    text = text or jsonld_author(articles)
    if text is None:
        return None
    return _strip_outlet(BYLINE_PREFIX.sub("", text).strip(), compiled.profile, metas) or None


def _strip_outlet(byline: str, profile: Profile, metas: dict[str, str]) -> str:
    """"Ngoc Phuong / Tuoi Tre News" is by Ngoc Phuong: a tail after "/", "-" or "|" naming the
    outlet (one of the profile's site names, or the page's og:site_name) is not the author."""
    tail = BYLINE_OUTLET_TAIL.search(byline)
    if tail is None:
        return byline
    name = fold(tail.group("name"))
    site_name = first_meta(metas, META_SITE_NAME_KEYS)
    names = [fold(known) for known in profile.site_names] + ([fold(site_name)] if site_name else [])
    if any(name.startswith(known) for known in names if known):
        return byline[: tail.start()].strip()
    return byline


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: "Việt Nam News" and "Viet Nam News" are one site."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _strip_site_name(title: str | None, profile: Profile, metas: dict[str, str], is_title_tag: bool) -> str | None:
    """Drop a site name tail: the profile's known tails, the page's og:site_name, or (in a
    <title> only) a short tail after a "|"; "Vietnam - RoK ties deepen" keeps its dash."""
    if not title:
        return None
    for suffix in profile.title_suffixes:
        if title.endswith(suffix):
            return title[: -len(suffix)].strip()
    tail = TITLE_SEPARATOR.search(title)
    if tail is None:
        return title
    name = tail.group("name")
    site_name = first_meta(metas, META_SITE_NAME_KEYS)
    if (site_name and fold(name) == fold(site_name)) or (
        is_title_tag and len(name.split()) <= MAX_SITE_NAME_WORDS and "|" in tail.group(0)
    ):
        return title[: tail.start()].strip()
    return title
