"""HTML pages to paragraphs: title, date and author from markup, the article without the page.

One BeautifulSoup tree (lxml builder) per page, read and pruned in this order:

1. `document.parse`: the page, parsed once into BeautifulSoup by its lxml builder, which leaves
   out the common furniture that is a bare tag name (scripts, styles, nav, footer...) and blank
   text between blocks as libxml2 reports them, so that BeautifulSoup never builds them in
   Python; `selectors.PageIndex` then records which elements carry which tag, class, id and
   attribute, for the selectors.
2. `metadata`: <meta>, JSON-LD and the outlet, read before anything is removed (JSON-LD lives in
   <script> elements that the next step removes).
3. The outlet profile (`outlets.py`), chosen from the URL's host, then `og:site_name`, then the
   outlet's own body markup; none claims the page: the generic profile.
4. `furniture`: chrome and related boxes out of the tree (profile selectors run by soupsieve,
   compiled once), small forms, captions set aside.
5. Title, byline and dates from the markup (`metadata`), their elements removed; on a page no
   profile claims and whose markup states none, the date and "By <Name>" as printed in elements
   whose class says so (`outlets.GENERIC_PRINTED_*`).
6. The block: a profiled outlet's lead and body selectors (the exact path), else the generic
   extractor (`generic.py`); related boxes inside it removed structurally; its text as
   paragraphs (`document.blocks_of`).

The paragraphs are then cleaned by clean.py with the same rules as plain text, so a page and its
.txt give one body.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from vnrok_etl.dates import FoundDate
from vnrok_etl.html import furniture, generic, metadata
from vnrok_etl.html.document import HEADING_TAGS, Block, blocks_of, has_text, is_removed, parse
from vnrok_etl.html.selectors import PageIndex
from vnrok_etl.html.outlets import (
    COMPILED,
    CONTAINER_DROP,
    GENERIC,
    GENERIC_PRINTED_BYLINES,
    GENERIC_NAMED_DATES,
    GENERIC_PRINTED_DATES,
    OUTLET_BODIES,
    OUTLETS,
    PAGE_TAGS,
    PRUNED_TAGS,
    CompiledProfile,
)
from vnrok_etl.profiles import Profile
from vnrok_etl.records import RemovedSpan

__all__ = ["Block", "HtmlPage", "extract_html", "select_profile"]


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What the markup says about the article, and its paragraphs in reading order.

    `blocks` holds the same paragraphs with the kind of element each came from (list item, table
    row, heading, paragraph), for rules that must tell them apart; it is empty only when
    `paragraphs` is.
    """

    profile: str
    title: str | None
    found_date: FoundDate | None
    byline: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    removed: tuple[RemovedSpan, ...]
    blocks: tuple[Block, ...] = ()


def extract_html(html: str, uri: str) -> HtmlPage:
    """Parse a page and return its article parts; never executes or keeps scripts."""
    removed: list[RemovedSpan] = []
    soup = parse(html, removed, PRUNED_TAGS)
    index = PageIndex(soup)
    metas = metadata.read_metas(index)
    articles = metadata.read_jsonld(index)
    named = _profile_from_uri(uri) or _profile_from_site_name(metas)
    profile = named or _profile_from_markup(index) or GENERIC
    compiled = COMPILED[profile.name]
    found_date = metadata.meta_date(metas) or metadata.jsonld_date(articles)
    furniture.drop_matching(compiled.drop, index, removed)
    furniture.drop_matching(compiled.drop_patterns, index, removed, keep=PAGE_TAGS)
    furniture.drop_small_forms(index, removed)
    # Captions leave before any <time> is read: a caption's date is not the article's.
    captions = furniture.take_captions(index, compiled.captions)
    captions += furniture.take_italic_captions(index)
    title = metadata.title_of(index, compiled, metas, articles)
    found_date = found_date or metadata.time_date(index) or metadata.printed_date(index, compiled.dates, removed)
    # A profile known by class names alone may be another site's template on the same CMS
    # classes (VUFO's "h1.detail-title" and ".detail-content" are also Tuoi Tre's): its date
    # elements missing, the page's printed date is looked for as on any page.
    if found_date is None and named is None:
        found_date = metadata.printed_label_date(index, GENERIC_PRINTED_DATES, removed)
    if found_date is None and named is None:
        found_date = metadata.printed_label_date(index, GENERIC_NAMED_DATES, removed, alone=True)
    byline = metadata.byline_of(index, compiled, metas, articles)
    if byline is None and profile is GENERIC:
        byline = metadata.printed_byline(index, GENERIC_PRINTED_BYLINES)
    blocks: list[Block] = []
    containers, generic_choice = _containers(index, compiled, removed)
    for container in containers:
        furniture.drop_matching(CONTAINER_DROP, index, removed, top=container)
        if not generic_choice:  # the generic extractor removed its related boxes already
            furniture.drop_related_boxes(container, removed)
        blocks.extend(blocks_of(container, _headings_before(index, container)))
    _drop_closing_byline(blocks, byline, removed)
    return HtmlPage(
        profile=profile.name,
        title=title,
        found_date=found_date,
        byline=byline,
        paragraphs=tuple(block.text for block in blocks),
        captions=tuple(captions),
        removed=tuple(removed),
        blocks=tuple(blocks),
    )


def _headings_before(index: PageIndex, element: Tag) -> int:
    """Headings still on the page before the element (a block's section, `Block.section`): the
    generic extractor may read two blocks and leave out the heading between them."""
    position = index.position(element)
    return sum(1 for heading in index.tags(*HEADING_TAGS) if index.position(heading) < position)


def _drop_closing_byline(blocks: list[Block], byline: str | None, removed: list[RemovedSpan]) -> None:
    """The author's name printed again as the body's last line (VietNamNet signs off with it)
    is the byline, not article text."""
    if byline and blocks and blocks[-1].text.casefold() == byline.casefold():
        removed.append(RemovedSpan(rule="byline", text=blocks.pop().text))


def _containers(
    index: PageIndex, compiled: CompiledProfile, removed: list[RemovedSpan]
) -> tuple[list[Tag], bool]:
    """A profiled outlet's lead and body; else the generic extractor's blocks; else the <body>
    (a page holding a single paragraph). Also whether the generic extractor chose them (it
    removes their related boxes itself)."""
    soup = index.soup
    lead = _first_with_text(index, compiled.leads)
    body = _first_with_text(index, compiled.bodies)
    if body is None:
        found = generic.article_blocks(soup, removed)
        if not found:
            return ([soup.body] if soup.body is not None else []), False
        if lead is not None and not is_removed(lead) and not any(
            parent is element for element in found for parent in lead.parents
        ):
            furniture.drop_related_boxes(lead, removed)
            return [lead, *found], True
        return found, True
    if lead is None or lead is body:
        return [body], False
    if any(parent is body for parent in lead.parents):
        return [body], False
    if any(parent is lead for parent in body.parents):
        return [lead], False
    return [lead, body], False


def _first_with_text(index: PageIndex, cascade) -> Tag | None:
    for selector in cascade:
        for element in selector.select(index):
            if has_text(element):
                return element
    return None


def select_profile(soup: BeautifulSoup | str, uri: str, metas: dict[str, str] | None = None) -> Profile:
    """The outlet's profile: by URL host, then by og:site_name, then by its body markup; else GENERIC."""
    # Parsed again as extract_html parses (pruned), so both choose alike.
    soup = parse(str(soup), [], PRUNED_TAGS)
    index = PageIndex(soup)
    metas = metadata.read_metas(index) if metas is None else metas
    return _select_profile(index, uri, metas)


def _select_profile(index: PageIndex, uri: str, metas: dict[str, str]) -> Profile:
    return _profile_from_uri(uri) or _profile_from_site_name(metas) or _profile_from_markup(index) or GENERIC


def _profile_from_uri(uri: str) -> Profile | None:
    host = urlsplit(uri).hostname or ""
    for profile in OUTLETS.values():
        if any(host == suffix or host.endswith("." + suffix) for suffix in profile.hosts):
            return profile
    return None


def _profile_from_site_name(metas: dict[str, str]) -> Profile | None:
    name = metadata.fold(metadata.first_meta(metas, metadata.META_SITE_NAME_KEYS) or "")
    if not name:
        return None
    for profile in OUTLETS.values():
        if name.startswith(FOLDED_SITE_NAMES[profile.name]):
            return profile
    return None


def _profile_from_markup(index: PageIndex) -> Profile | None:
    """The outlet whose markup the page has (a page saved without its URL or og:site_name).

    Outlets share class names (".detail-content" is both VNS's and Tuoi Tre's body) and some
    are common on the web (".main-content"), so the body selector alone claims nothing: each
    outlet whose body selector matches is scored by how many of its other cascades (title,
    lead, byline, date) also match, at least one must, and the highest wins (ties: the first
    listed).
    """
    best, best_hits = None, 0
    for name, bodies in OUTLET_BODIES.items():
        if bodies.select_one(index) is None:
            continue
        compiled = COMPILED[name]
        hits = 1 + sum(
            any(selector.select_one(index) is not None for selector in cascade)
            for cascade in (compiled.titles, compiled.leads, compiled.bylines, compiled.dates)
        )
        if hits >= MIN_MARKUP_HITS and hits > best_hits:
            best, best_hits = OUTLETS[name], hits
    return best


MIN_MARKUP_HITS = 2
# Each profile's site names folded once, not again for every page with og:site_name.
FOLDED_SITE_NAMES = {profile.name: tuple(map(metadata.fold, profile.site_names)) for profile in OUTLETS.values()}
