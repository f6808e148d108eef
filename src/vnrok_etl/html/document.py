"""The page as a BeautifulSoup tree (lxml builder), and its text as printed.

The page is parsed once; every later step (metadata, furniture, block choice) reads and prunes
that one tree. BeautifulSoup already keeps the strings a reader sees apart from the ones they do
not: `get_text` skips comments, script and style text and ruby annotations (<rt>, <rp>), so no
string type is re-implemented here. What is ours is how a block of the page becomes paragraphs:
block elements and <br> start a new one, inline elements join their neighbours as printed
(`<b>Ha</b>noi` is "Hanoi"), a table row is one paragraph with its cells apart, and every
paragraph says what kind of element it came from (see `Block`), so that cleaning can tell a list
item or a table row from a paragraph.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import lxml.html
from bs4 import BeautifulSoup, CData, NavigableString, Tag
from lxml import etree

from vnrok_etl.decode import normalize_text
from vnrok_etl.records import RemovedSpan

# Elements that start and end a paragraph; everything else is inline and joins its neighbours.
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
     "blockquote", "pre", "section", "article", "main", "table", "thead", "tbody", "tfoot", "tr",
     "caption", "address", "hr", "center", "details", "summary", "figure", "header", "footer",
     "form", "fieldset", "aside", "nav"}
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELL_TAGS = frozenset({"td", "th"})
# Never article text: their strings are code or annotations.
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "rt", "rp", "svg", "math", "head", "title"})
# Only these string types are printed text (not comments, doctypes, script or ruby strings).
TEXT_TYPES = (NavigableString, CData)
WHITESPACE = re.compile(r"[ \t\r\f\v]+")
ODD_SPACE = re.compile(r"[\t\r\f\v]")  # the whitespace WHITESPACE turns into a space
# Block-level elements around which whitespace-only text is not printed (not <br>, not <img>:
# those sit inside a line of text).
BLANK_AROUND_TAGS = BLOCK_TAGS | {"html", "head", "body", "td", "th", "meta", "link", "title", "option"}
# Inside an element, these split its text into lines (element_text keeps them apart).
BREAKING_TAGS = [*sorted(BLOCK_TAGS), "br", "td", "th"]
# Elements whose text is code, never logged when removed (the others' words are logged).
SILENT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "object", "embed"})
# What `parse` prunes when its caller names nothing (the package passes its common furniture
# tags, outlets.PRUNED_TAGS).
DEFAULT_PRUNED_TAGS = (*sorted(SILENT_TEXT), "nav", "footer", "aside")
RELATED_CLASS = re.compile(r"relat|more|other|lien-quan|latest|box|tag|keyword", re.IGNORECASE)
MAX_NATIVE_DEPTH = 2000
DEEPER_THAN_NATIVE = etree.XPath("boolean(/*" + "/*" * (MAX_NATIVE_DEPTH - 1) + ")")
CELL_SEPARATOR = " | "
PARAGRAPH_SEPARATOR = "\ue000"  # see _normalize


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the article and the kind of element it came from.

    kind is "p" (a paragraph, or text in a div), "heading", "item" (a list item, <li>/<dd>/<dt>),
    "row" (a table row, cells joined by " | ") or "pre" (preformatted). Items and rows recur on
    purpose ("Yes", "Total"); cleaning must not take them for repeated paragraphs.
    """

    text: str
    kind: str


def parse(
    html: str, removed: list[RemovedSpan] | None = None, pruned_tags: tuple[str, ...] = DEFAULT_PRUNED_TAGS
) -> BeautifulSoup:
    """The page as BeautifulSoup builds it with lxml (libxml2's HTML parser), scripts never run.

    Pruned first (`prune_markup`): BeautifulSoup builds every element in Python, ~12 ms for a
    median 110 KB page here, and elements that can never be article text need not be built.
    """
    if html[:1] == "\N{BYTE ORDER MARK}":
        html = html[1:]
    pruned = prune_markup(html, removed if removed is not None else [], pruned_tags)
    return BeautifulSoup(pruned if pruned is not None else html, "lxml")


def prune_markup(
    html: str, removed: list[RemovedSpan], pruned_tags: tuple[str, ...] = DEFAULT_PRUNED_TAGS
) -> str | None:
    """The page's markup without the elements no article is ever in, or None to parse it as is.

    libxml2 parses the page in C (~1 ms), the elements named in `pruned_tags` go (their words
    logged as BeautifulSoup's furniture pass would log them, scripts and styles silently; a
    JSON-LD script stays, metadata.py reads it), and the rest is written back out for
    BeautifulSoup: measured on mozilla/readability's 130 test pages, the BeautifulSoup parse of
    the pruned page takes about 3/4 of the time of the whole page's (benchmarks/RESULTS.md).
    A page nested deeper than libxml2 builds (2048 levels) is parsed as is: BeautifulSoup's
    lxml builder has no depth limit, libxml2's own tree does.
    """
    try:
        parser = lxml.html.HTMLParser(recover=True, huge_tree=True)
        parser.feed(html)
        root = parser.close()
    except (ValueError, etree.LxmlError):
        return None
    if root is None or (html.count("<") >= MAX_NATIVE_DEPTH and DEEPER_THAN_NATIVE(root)):
        return None
    for element in _outermost_finder(tuple(pruned_tags))(root):
        if element.getparent() is None:
            continue  # the root itself is never pruned
        if element.tag not in SILENT_TEXT:
            text = clean_text(" ".join(_strings(element)))
            if text:
                classes = " ".join((element.get("class") or "").split())
                rule = ("related_block" if RELATED_CLASS.search(classes) else "chrome") if classes else f"html_{element.tag}"
                removed.append(RemovedSpan(rule=rule, text=text))
        element.drop_tree()  # the text after it stays
    _drop_blank_text_between_blocks(root)
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    doctype = root.getroottree().docinfo.doctype
    return (doctype or "") + "".join(etree.tostring(top, encoding="unicode", method="html") for top in tops)


def _drop_blank_text_between_blocks(root: etree._Element) -> None:
    """Whitespace-only text after a block element, or before its first child block, goes.

    A browser shows nothing for it (blocks already break the line), paragraphs split at blocks
    anyway, and it is a third of the nodes BeautifulSoup would build for a typical page (852 to
    535 median on mozilla/readability's pages, a fifth less parse time). Whitespace beside inline
    elements stays: `<b>Viet</b> <i>Nam</i>` keeps its space.
    """
    for element in root.iter():
        tag = element.tag
        if tag not in BLANK_AROUND_TAGS:
            continue
        tail = element.tail
        if tail is not None and tail.isspace():
            element.tail = None
        text = element.text
        if text is not None and text.isspace() and len(element) and element[0].tag in BLANK_AROUND_TAGS:
            element.text = None


@functools.lru_cache(maxsize=8)
def _outermost_finder(tags: tuple[str, ...]) -> etree.XPath:
    """XPath (run in C) for the elements named in `tags`, in page order, none inside another;
    a JSON-LD <script> is not one of them (metadata.py reads it)."""
    named = " or ".join(
        "self::script[not(translate(normalize-space(@type), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
        "'abcdefghijklmnopqrstuvwxyz') = 'application/ld+json')]" if tag == "script" else f"self::{tag}"
        for tag in tags
    )
    return etree.XPath(f"//*[{named}][not(ancestor::*[{named}])]")


def _strings(element: etree._Element) -> list[str]:
    """Text strings as BeautifulSoup's get_text(" ") joins them: no comment, script or style."""
    strings = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if isinstance(node.tag, str) and node.tag not in SILENT_TEXT and node.text:
                strings.append(node.text)
        elif node is not element and node.tail:
            strings.append(node.tail)
    return strings


def clean_text(text: str) -> str:
    """normalize_text, then whitespace runs as one space and none at the ends."""
    return " ".join(normalize_text(text).split())


def element_text(element: Tag, separator: str = "") -> str:
    """The element's printed text on one line: inline markup joined as printed (`<b>Ha</b>noi`
    is "Hanoi"), blocks and <br> apart (`<p>Photo.</p><p>VNA</p>` is "Photo. VNA"), whatever
    whitespace the markup had between them (`prune_markup` removes it).

    Removed furniture is logged with `separator=" "` so that menu items stay apart in the log.
    """
    if separator:
        return clean_text(element.get_text(separator))
    if element.name in BLOCK_TAGS or element.name in CELL_TAGS or element.find(BREAKING_TAGS) is not None:
        return clean_text(" ".join(block.text for block in blocks_of(element)))
    return clean_text(element.get_text())


def tags_under(element: Tag, names: frozenset[str] | None = None) -> list[Tag]:
    """Elements under `element` (with one of `names`), in page order.

    A plain walk over `descendants`: bs4's find_all builds a filter and matches every node
    through it, several times slower for these simple name lookups.
    """
    if names is None:
        return [node for node in element.descendants if type(node) is Tag]
    return [node for node in element.descendants if node.name in names and type(node) is Tag]


def child_tags(element: Tag) -> list[Tag]:
    return [node for node in element.contents if type(node) is Tag]


def has_text(element: Tag) -> bool:
    return any(not text.isspace() for text in element.strings)


def remove(element: Tag) -> None:
    """Take the element out of the page for good (its text on either side stays two strings)."""
    element.decompose()


def is_removed(element: Tag) -> bool:
    """Removed by `remove` (or inside an element that was).

    Read from the instance's own dict: bs4's `decomposed` property asks getattr for a missing
    attribute, and a Tag answers that by searching its whole subtree for a tag of that name.
    """
    return element.__dict__.get("_decomposed", False)


def attached(element: Tag, root: Tag) -> bool:
    """Still in the page: not inside an element removed before it."""
    return element is root or any(parent is root for parent in element.parents)


def blocks_of(container: Tag) -> list[Block]:
    """Split the container's text at block elements and <br>, in document order.

    Iterative (a stack of child iterators), so that a page nested thousands deep cannot overflow
    the stack. A newline in the HTML source is a space; only <br> and blocks break a line, and
    inside <pre> the source lines are kept.
    """
    raw: list[tuple[str, str]] = []
    buffer: list[str] = []
    kinds: list[str] = ["p"]  # the kind of the innermost open block
    stack = [iter(container.contents)]
    closing: list[tuple[bool, str | None]] = []  # per open element: a block?, a cell?

    def flush() -> None:
        if buffer:
            raw.append(("".join(buffer), kinds[-1]))
            buffer.clear()

    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if closing:
                is_block, opened = closing.pop()
                if is_block:
                    flush()
                    kinds.pop()
            continue
        if not isinstance(node, Tag):
            if type(node) in TEXT_TYPES:  # exactly: Comment, Script, RubyTextString... are subclasses
                buffer.append(_source_text(node, kinds[-1] == "pre"))
            continue
        name = node.name
        if name == "br":
            buffer.append("\n")
            continue
        if name in SKIPPED_TAGS:
            continue
        if name in CELL_TAGS:
            if buffer and "".join(buffer).strip():
                buffer.append(CELL_SEPARATOR)
            stack.append(iter(node.contents))
            closing.append((False, name))
            continue
        is_block = name in BLOCK_TAGS
        if is_block:
            flush()
            kinds.append(_kind(name, kinds[-1]))
        stack.append(iter(node.contents))
        closing.append((is_block, None))
    flush()
    return _normalize(raw)


def _kind(name: str, outer: str) -> str:
    if name == "tr":
        return "row"
    if name in ("li", "dd", "dt"):
        return "item"
    if name in HEADING_TAGS:
        return "heading"
    if name == "pre":
        return "pre"
    # A <p> inside a list item or a cell is still part of that item or row.
    return outer if outer in ("item", "row", "pre") else "p"


def _source_text(text: str, preserve: bool) -> str:
    if preserve:
        return text
    if "  " not in text and text.isprintable():
        return text
    words = text.split()
    if not words:
        return " " if text else ""
    return f"{' ' if text[0].isspace() else ''}{' '.join(words)}{' ' if text[-1].isspace() else ''}"


def _normalize(raw: list[tuple[str, str]]) -> list[Block]:
    """normalize_text on each block's text, lines trimmed, empty blocks dropped.

    One normalize_text call for the whole container, the blocks joined by a private-use
    character that nothing in normalize_text changes; a page using that character itself takes
    one call per block.
    """
    if not raw:
        return []
    joined = PARAGRAPH_SEPARATOR.join(text for text, _ in raw)
    if joined.count(PARAGRAPH_SEPARATOR) == len(raw) - 1:
        texts = normalize_text(joined).split(PARAGRAPH_SEPARATOR)
    else:
        texts = [normalize_text(text) for text, _ in raw]
    blocks = []
    for text, (_, kind) in zip(texts, raw):
        # Speed: WHITESPACE.sub changes a line only if it holds two spaces or a \t\r\f\v.
        lines = (
            (WHITESPACE.sub(" ", line) if "  " in line or ODD_SPACE.search(line) else line).strip()
            for line in text.split("\n")
        )
        if joined_lines := "\n".join(line for line in lines if line):
            blocks.append(Block(joined_lines.strip(" |").strip() if kind == "row" else joined_lines, kind))
    return blocks
