"""The article block of a page no outlet profile claims: content scoring on the BeautifulSoup tree.

Measured against trafilatura 2.3.1 and readability-lxml 0.9 on the same pages
(benchmarks/html_peers.py, table in benchmarks/RESULTS.md), this scorer wins on F1 and runs on the
tree the rest of the package already holds, where trafilatura needs its own parse of the page (a
second parse costs as much as a BeautifulSoup one); so it is the generic extractor, not a library.
It follows the arc90/Readability scoring, stated here as the rules it applies:

1. *Unlikely blocks go first*: an element whose class or id names furniture (menu, sidebar,
   comment, sponsor, pager, ...) and nothing article-like (content, article, body, main, ...) is
   removed, as is any element whose ARIA role is a menu, a dialog or complementary content.
2. *Paragraphs vote for their ancestors*: every <p>, <pre>, <td>, <blockquote>, and every <div>
   or <section> holding text of its own (a body laid out with <br> and no <p>), with at least
   MIN_PARAGRAPH_CHARS characters, is worth 1 + its commas + one per 100 characters (3 at most);
   its parent receives that, its grandparent half, and ancestors further up a third of it per
   level (five levels). An ancestor starts from a score for its tag (div +5, lists and forms -3,
   headings -5) and its class/id (+25 article-like, -25 furniture-like).
3. *Links count against*: a block's score is scaled by (1 - link density), the share of its text
   inside <a>; a related-post card or a menu is mostly links.
4. *The article may span siblings*: the best block's siblings join it when their own score is at
   least a fifth of the best one's (or 10), or when they are a long paragraph with few links,
   so an article split across several blocks is read whole; a sibling wearing the best block's
   own class joins, unscored, when its paragraphs sit too deep to have voted but it holds a long
   paragraph's worth of text with few links (one article cut into wrappers of one kind).
5. *Boxes inside the chosen block are judged again*: a list, table, div or form inside it that is
   mostly links, or has more list items or inputs than paragraphs, or has negative class weight,
   is removed before its text is read.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from vnrok_etl.html.document import (
    TEXT_TYPES,
    attached,
    child_tags,
    is_removed,
    nodes_under,
    strings_of,
    tags_under,
    text_of,
)
from vnrok_etl.html.furniture import drop, drop_related_boxes
from vnrok_etl.records import RemovedSpan

UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    r"header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|"
    r"most-?popular|trending|outbrain|taboola",
    re.IGNORECASE,
)
MAYBE_CANDIDATE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.IGNORECASE)
UNLIKELY_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"})
POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.IGNORECASE
)
NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|"
    r"media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
    r"tags|widget|byline|author-info|newsletter",
    re.IGNORECASE,
)
# Never removed as unlikely: the page itself and elements that hold articles by definition.
KEEP_TAGS = frozenset({"html", "body", "article", "main", "a", "table", "tbody", "tr", "td", "th", "p"})
PARAGRAPH_TAGS = ("p", "pre", "td", "blockquote")
TEXT_HOLDER_TAGS = ("div", "section", "article", "main", "font", "center")
BLOCK_CHILDREN = frozenset(
    {"a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
     "h1", "h2", "h3", "h4", "h5", "h6"}
)
TAG_SCORES = {
    "div": 5, "article": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
LAYOUT_CELL_CONTENT = frozenset({"p", "div", "table"})
QUOTE_PARAGRAPHS = frozenset({"p"})
MIN_PARAGRAPH_CHARS = 25
ANCESTOR_LEVELS = 5
CLASS_WEIGHT = 25
ARTICLE_BODY_BONUS = 50  # itemprop=articleBody: the page says so itself
SIBLING_SHARE = 0.2
MIN_SIBLING_SCORE = 10
LONG_PARAGRAPH_CHARS = 80
SIBLING_MAX_LINK_DENSITY = 0.25
CONDITIONAL_SET = frozenset({"form", "fieldset", "table", "ul", "ol", "div", "section"})
SCORED_TAGS = frozenset(PARAGRAPH_TAGS + TEXT_HOLDER_TAGS)
LINK_TAGS = frozenset({"a"})
ROW_TAGS = frozenset({"tr"})
CELL_SET = frozenset({"td", "th"})
MIN_CLEAN_COMMAS = 10
MIN_ARTICLE_CHARS = 500
TOP_CANDIDATES = 5
CLOSE_SHARE = 0.75
MIN_CLOSE_CANDIDATES = 3


def article_blocks(soup: BeautifulSoup, removed: list[RemovedSpan]) -> list[Tag]:
    """Rules 1-5: the elements whose text is the article, in page order (empty: none found).

    Readability's retries: a furniture-looking class can be on the article's own wrapper
    ("site_header" around a whole page, "sidebar-right-mix" on a two-column layout), so when the
    first choice holds less than MIN_ARTICLE_CHARS of text, the unlikely blocks are put back and
    the page is scored again, then again without class weights; the longest choice wins.
    """
    root = soup.body or soup
    unlikely = _take_out(_unlikely(root))
    attempts: list[tuple[int, list[Tag], bool]] = []
    chosen = _choose(root, weigh_classes=True)
    chars = _text_chars(chosen)
    if chars < MIN_ARTICLE_CHARS:
        _put_back(unlikely)
        attempts.append((chars, chosen, True))
        for weigh_classes in (True, False):
            chosen = _choose(root, weigh_classes)
            chars = _text_chars(chosen)
            attempts.append((chars, chosen, weigh_classes))
            if chars >= MIN_ARTICLE_CHARS:
                break
        else:
            chars, chosen, weigh_classes = max(attempts, key=lambda attempt: attempt[0])
        unlikely = []
    else:
        weigh_classes = True
    for element, _, _ in unlikely:
        drop(element, removed, "chrome")  # out of the page already; logged, then gone for good
    for element in chosen:
        # Related boxes first, as boxes (logged as such), then what still looks like furniture.
        drop_related_boxes(element, removed)
        _clean_conditionally(element, removed, weigh_classes)
    return [element for element in chosen if attached(element, soup)]


def _unlikely(root: Tag) -> list[Tag]:
    """Rule 1: furniture named by class, id or role, whatever tag it is (outermost only)."""
    found = []
    walker = iter(nodes_under(root))
    skip_until = None
    for element in walker:
        if skip_until is not None:
            if element is skip_until:
                skip_until = None
            continue
        name = element.name
        if name is None or name in KEEP_TAGS:
            continue
        attrs = element.attrs
        if not attrs:
            continue
        role = attrs.get("role")
        if role is None and "class" not in attrs and "id" not in attrs:
            continue  # Speed: nothing names it furniture (a link, an image, a plain <p>)
        names = _class_and_id(element)
        if (isinstance(role, str) and role.lower() in UNLIKELY_ROLES) or (
            names and UNLIKELY.search(names) and not MAYBE_CANDIDATE.search(names)
            and element.find_parent(("table", "code")) is None
        ):
            found.append(element)
            skip_until = _last_descendant(element)
    return found


def _last_descendant(element: Tag):
    last = element
    while isinstance(last, Tag) and last.contents:
        last = last.contents[-1]
    return last if last is not element else None


def _take_out(elements: list[Tag]) -> list[tuple[Tag, Tag, int]]:
    """Extract elements from the page, remembering where each was (for `_put_back`)."""
    taken = []
    for element in elements:
        parent = element.parent
        if parent is None:
            continue
        position = parent.index(element)
        element.extract()
        taken.append((element, parent, position))
    return taken


def _put_back(taken: list[tuple[Tag, Tag, int]]) -> None:
    for element, parent, position in reversed(taken):
        parent.insert(position, element)


def _text_chars(elements: list[Tag]) -> int:
    return sum(len(text_of(element).strip()) for element in elements)


def _choose(root: Tag, weigh_classes: bool) -> list[Tag]:
    """Rules 2-4 on the page as it is: the best block and the siblings that join it."""
    scores: dict[int, list] = {}  # id(element) -> [element, score, scaled by link density]
    # Each link's text length, read once for every candidate holding it (the page does not
    # change while the block is chosen; nested candidates share their links).
    lengths: dict[int, int] = {}

    def touch(element: Tag) -> list:
        entry = scores.get(id(element))
        if entry is None:
            entry = scores[id(element)] = [element, _initial_score(element, weigh_classes), False]
        return entry

    for element, text_chars, commas in _paragraphs(root):
        score = 1 + commas + min(text_chars // 100, 3)
        ancestor, level = element, 0
        while ancestor is not None and level < ANCESTOR_LEVELS:
            if ancestor.name is None or ancestor.name == "[document]" or ancestor.name == "html":
                break
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            touch(ancestor)[1] += score / divider
            ancestor = ancestor.parent
            level += 1
    if not scores:
        return []
    # Link density only lowers a score, so candidates are taken from the highest raw score down
    # and the search stops when no raw score left can beat the TOP_CANDIDATES-th scaled one (the
    # same top list as scaling every candidate, without reading every large ancestor's text).
    top: list[list] = []
    for entry in sorted(scores.values(), key=lambda entry: entry[1], reverse=True):
        if len(top) == TOP_CANDIDATES and entry[1] <= top[-1][1]:
            break
        _scale(entry, lengths)
        top.append(entry)
        top.sort(key=lambda entry: entry[1], reverse=True)
        del top[TOP_CANDIDATES:]
    if not top:
        return []
    best, best_score = top[0][0], top[0][1]
    if best is root and best_score <= 0:
        return []
    best = _unify(best, top, scores, root, lengths)
    best_score = scores[id(best)][1] if id(best) in scores else best_score
    return _with_siblings(best, best_score, scores, lengths)


def _unify(best: Tag, top: list[list], scores: dict[int, list], root: Tag, lengths: dict[int, int]) -> Tag:
    """Readability's three moves up the tree from the best block, stated as rules:

    * when at least three of the other top blocks score 3/4 of the best one and share an
      ancestor with it, that ancestor is the article (steps of a how-to, each in its own box);
    * going up, a parent scoring more than the block below it is taken (more text lurks
      beside it), until a parent scores under a third of the best;
    * a block that is its parent's only child is the parent.
    """
    best_score = top[0][1]
    close = [entry[0] for entry in top[1:] if best_score > 0 and entry[1] / best_score >= CLOSE_SHARE]
    if len(close) >= MIN_CLOSE_CANDIDATES:
        ancestor_sets = [{id(parent) for parent in element.parents} for element in close]
        parent = best.parent
        while parent is not None and parent is not root and parent.name not in ("[document]", "html"):
            if sum(id(parent) in ancestors for ancestors in ancestor_sets) >= MIN_CLOSE_CANDIDATES:
                best = parent
                break
            parent = parent.parent
    entry = scores.get(id(best))
    last = entry[1] if entry is not None else best_score
    threshold = last / 3
    parent = best.parent
    while parent is not None and parent is not root and parent.name not in ("[document]", "html"):
        entry = scores.get(id(parent))
        if entry is None:
            parent = parent.parent
            continue
        _scale(entry, lengths)
        if entry[1] < threshold:
            break
        if entry[1] > last:
            best = parent
            break
        last = entry[1]
        parent = parent.parent
    parent = best.parent
    while (
        parent is not None and parent is not root and parent.name not in ("[document]", "html")
        and len(child_tags(parent)) == 1
    ):
        best, parent = parent, parent.parent
    return best


def _scale(entry: list, lengths: dict[int, int]) -> None:
    """Rule 3 on a score entry [element, score, scaled], once."""
    if not entry[2]:
        entry[1] *= 1 - link_density(entry[0], lengths)
        entry[2] = True


def _paragraphs(root: Tag):
    """(element whose parent gets the vote, its text length, its commas) for rule 2.

    A <p>-like element votes for its parent; a div with text of its own votes as if that text
    were a <p> inside it, so the div itself is the first to receive the vote.
    """
    for element in tags_under(root, SCORED_TAGS):
        name = element.name
        if name in PARAGRAPH_TAGS:
            if name == "td" and _has_descendant(element, LAYOUT_CELL_CONTENT):
                continue  # a layout cell: its own paragraphs vote
            if name == "blockquote" and _has_descendant(element, QUOTE_PARAGRAPHS):
                continue
            text = text_of(element)
            chars = len(text.strip())
            if chars >= MIN_PARAGRAPH_CHARS:
                yield element.parent, chars, text.count(",")
            continue
        children = element.contents
        if not any(child.name in BLOCK_CHILDREN for child in children):
            chunks = _br_chunks(children)
            if len(chunks) >= 2:
                # Paragraphs laid out with <br>: each vote goes to the div, as a <p> inside it.
                for text in chunks:
                    yield element, len(text), text.count(",")
                continue
            # No block children: the whole div is one paragraph (inline markup included).
            text = text_of(element).strip()
            if len(text) >= MIN_PARAGRAPH_CHARS:
                yield element.parent, len(text), text.count(",")
            continue
        own = "".join(child for child in children if type(child) in TEXT_TYPES).strip()
        if len(own) >= MIN_PARAGRAPH_CHARS:
            yield element, len(own), own.count(",")


def _br_chunks(children: list) -> list[str]:
    """The text between <br> elements, chunks of at least MIN_PARAGRAPH_CHARS only."""
    chunks, current = [], []
    for child in children:
        if child.name == "br":
            chunks.append("".join(current).strip())
            current = []
        elif type(child) in TEXT_TYPES:
            current.append(child)
        elif type(child) is Tag:
            current.append(text_of(child))
    chunks.append("".join(current).strip())
    return [chunk for chunk in chunks if len(chunk) >= MIN_PARAGRAPH_CHARS]


def _has_descendant(element: Tag, names: frozenset[str]) -> bool:
    return any(node.name in names for node in nodes_under(element))


def _initial_score(element: Tag, weigh_classes: bool) -> float:
    score = TAG_SCORES.get(element.name, 0) + (class_weight(element) if weigh_classes else 0)
    if element.get("itemprop") == "articleBody":
        score += ARTICLE_BODY_BONUS
    return score


def class_weight(element: Tag) -> int:
    weight = 0
    classes = " ".join(element.get("class") or ())
    if classes:
        weight += -CLASS_WEIGHT if NEGATIVE.search(classes) else 0
        weight += CLASS_WEIGHT if POSITIVE.search(classes) else 0
    identifier = element.get("id")
    if isinstance(identifier, str) and identifier:
        weight += -CLASS_WEIGHT if NEGATIVE.search(identifier) else 0
        weight += CLASS_WEIGHT if POSITIVE.search(identifier) else 0
    return weight


def link_density(element: Tag, lengths: dict[int, int] | None = None) -> float:
    """Share of the element's text inside links (in-page "#" links count a third). `lengths`:
    links' text lengths already read, while the page has not changed."""
    nodes = nodes_under(element)  # one walk for its text and its links
    links = [node for node in nodes if node.name in LINK_TAGS and type(node) is Tag]
    return _density(_length(" ".join(strings_of(element, nodes))), links, lengths)


def text_length(element: Tag) -> int:
    """Characters of the element's text with each run of whitespace, and each boundary between
    two strings, counted as one space (Readability's measure: whitespace the markup may or may
    not carry between blocks does not change a block's length)."""
    return _length(text_of(element, " "))


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _density(total: int, links: list[Tag], lengths: dict[int, int] | None = None) -> float:
    if not total:
        return 0.0
    chars = 0.0
    for link in links:
        href = link.get("href")
        share = 0.3 if isinstance(href, str) and href.startswith("#") else 1.0
        if lengths is None:
            length = text_length(link)
        else:
            length = lengths.get(id(link))
            if length is None:
                length = lengths[id(link)] = text_length(link)
        chars += length * share
    return min(chars / total, 1.0)


def _with_siblings(best: Tag, best_score: float, scores: dict[int, list], lengths: dict[int, int]) -> list[Tag]:
    parent = best.parent
    if parent is None or parent.name in ("[document]", "html"):
        return [best]
    threshold = max(MIN_SIBLING_SCORE, best_score * SIBLING_SHARE)
    best_classes = best.get("class")
    chosen = []
    for sibling in child_tags(parent):
        if sibling is best:
            chosen.append(sibling)
            continue
        entry = scores.get(id(sibling))
        if entry is not None:
            _scale(entry, lengths)
        bonus = best_score * SIBLING_SHARE if best_classes and sibling.get("class") == best_classes else 0
        if entry is not None and entry[1] + bonus >= threshold:
            chosen.append(sibling)
        elif entry is None and bonus and _reads_as_prose(sibling, lengths):
            # Same wrapper as the best block, paragraphs nested too deep to have voted.
            chosen.append(sibling)
        elif sibling.name == "p":
            text = text_of(sibling).strip()
            density = link_density(sibling, lengths)
            if (len(text) > LONG_PARAGRAPH_CHARS and density < SIBLING_MAX_LINK_DENSITY) or (
                0 < len(text) <= LONG_PARAGRAPH_CHARS and density == 0 and re.search(r"\.( |$)", text)
            ):
                chosen.append(sibling)
    return chosen


def _reads_as_prose(element: Tag, lengths: dict[int, int]) -> bool:
    """Rule 4's unscored twin: a sibling wearing the best block's own class, that no paragraph
    voted for (its paragraphs sit more than ANCESTOR_LEVELS below it, or none is long enough to
    vote), joins when it holds more than a long paragraph's worth of text and under
    SIBLING_MAX_LINK_DENSITY of it in links: an article cut into several wrappers of one kind,
    each section nested at its own depth. A wrapper of headline links stays out."""
    text = text_length(element)
    return text > LONG_PARAGRAPH_CHARS and link_density(element, lengths) < SIBLING_MAX_LINK_DENSITY


def _clean_conditionally(container: Tag, removed: list[RemovedSpan], weigh_classes: bool) -> None:
    """Rule 5, innermost boxes first (a box's verdict depends on what is left inside it)."""
    for element in reversed(tags_under(container, CONDITIONAL_SET)):
        if is_removed(element) or not attached(element, container):
            continue
        if _is_furniture_box(element, weigh_classes):
            drop(element, removed, "html_box")


def _is_furniture_box(element: Tag, weigh_classes: bool) -> bool:
    if element.name == "table" and element.find_parent("table") is None and _is_data_table(element):
        return False
    weight = class_weight(element) if weigh_classes else 0
    if weight < 0:
        return True
    counts: dict[str, int] = {}
    links: list[Tag] = []
    nodes = nodes_under(element)  # one walk for its elements and its text
    for node in nodes:
        name = node.name
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
            if name == "a":
                links.append(node)
    text = " ".join(strings_of(element, nodes))
    if text.count(",") >= MIN_CLEAN_COMMAS:
        return False
    paragraphs = counts.get("p", 0)
    images = counts.get("img", 0)
    # Readability's rule: more list items than paragraphs, counting a hundred items fewer.
    items = counts.get("li", 0) - 100
    inputs = counts.get("input", 0)
    chars = len(" ".join(text.split()))
    density = _density(chars, links)
    is_list = element.name in ("ul", "ol")
    return bool(
        (images > 1 and paragraphs / images < 0.5)
        or (not is_list and items > paragraphs)
        or inputs > paragraphs // 3 + 1
        or (chars < MIN_PARAGRAPH_CHARS and images == 0 and not is_list and element.name not in ("div", "section")
            and "pre" not in counts and "code" not in counts)
        # A list is judged by its links only when they are most of it (a list of features,
        # each with a "Learn more" link, is article text; Readability's current rule).
        or (not is_list and weight < CLASS_WEIGHT and density > 0.2 and chars < 1000)
        or ((weight >= CLASS_WEIGHT or is_list) and density > 0.5)
    )


def _is_data_table(table: Tag) -> bool:
    """A table of data (header cells, a caption, or several rows of several cells), not layout."""
    if table.get("role") == "presentation":
        return False
    if table.find(("th", "caption", "thead")) is not None:
        return True
    rows = tags_under(table, ROW_TAGS)
    return len(rows) >= 2 and any(sum(child.name in CELL_SET for child in child_tags(row)) >= 2 for row in rows)


def _class_and_id(element: Tag) -> str:
    classes = element.get("class")
    identifier = element.get("id")
    return " ".join((*(classes or ()), identifier if isinstance(identifier, str) else ""))
