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
import threading
from dataclasses import dataclass

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag
from bs4.builder import LXMLTreeBuilder

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
ASCII_SPACES = BeautifulSoup.ASCII_SPACES  # a text of only these is built as one space or newline
NON_WHITESPACE = re.compile(r"\S+")  # bs4's nonwhitespace_re: how it splits a class list
ODD_SPACE = re.compile(r"[\t\r\f\v]")  # the whitespace WHITESPACE turns into a space
# Block-level elements around which whitespace-only text is not printed (not <br>, not <img>:
# those sit inside a line of text).
BLANK_AROUND_TAGS = BLOCK_TAGS | {"html", "head", "body", "td", "th", "meta", "link", "title", "option"}
# Inside an element, these split its text into lines (element_text keeps them apart).
BREAKING_TAGS = BLOCK_TAGS | {"br", "td", "th"}
# Elements whose text is code, never logged when removed (the others' words are logged).
SILENT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "object", "embed"})
# What `parse` prunes when its caller names nothing (the package passes its common furniture
# tags, outlets.PRUNED_TAGS).
DEFAULT_PRUNED_TAGS = (*sorted(SILENT_TEXT), "nav", "footer", "aside")
RELATED_CLASS = re.compile(r"relat|more|other|lien-quan|latest|box|tag|keyword", re.IGNORECASE)
# The fields of a bs4 element that are its own (its attributes and its place in the tree); the
# others are the same for every element of a name (PruningTreeBuilder._build).
ELEMENT_OWN_FIELDS = frozenset(
    {"attrs", "contents", "parent", "previous_element", "next_element", "previous_sibling", "next_sibling"}
)
CELL_SEPARATOR = " | "
PARAGRAPH_SEPARATOR = "\ue000"  # see _normalize


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the article and the kind of element it came from.

    kind is "p" (a paragraph, or text in a div), "heading", "item" (a list item, <li>/<dd>/<dt>),
    "row" (a table row, cells joined by " | ") or "pre" (preformatted). Items and rows recur on
    purpose ("Yes", "Total"); cleaning must not take them for repeated paragraphs, nor the same
    paragraph opening two sections.
    """

    text: str
    kind: str
    section: int = 0
    """How many headings of the page stand before it (the heading itself opens a section)."""


def parse(
    html: str, removed: list[RemovedSpan] | None = None, pruned_tags: tuple[str, ...] = DEFAULT_PRUNED_TAGS
) -> BeautifulSoup:
    """The page as BeautifulSoup builds it with lxml (libxml2's HTML parser), scripts never run.

    Parsed once and pruned as it is parsed (`PruningTreeBuilder`): BeautifulSoup builds every
    element in Python, and elements that can never be article text need not be built.
    """
    if html[:1] == "\N{BYTE ORDER MARK}":
        html = html[1:]
    builder = getattr(_THREAD, "builder", None)
    if builder is None:
        builder = _THREAD.builder = PruningTreeBuilder()
    builder.prepare(pruned_tags, removed if removed is not None else [])
    try:
        soup = BeautifulSoup(html, builder=builder)
    except BaseException:
        _THREAD.builder = None  # its libxml2 parser may be left mid-page
        raise
    soup.elements = builder.elements  # every element built, in page order (selectors.PageIndex)
    builder.elements, builder.removed, builder.soup = [], [], None  # keep no page alive
    return soup


# One builder (and its libxml2 parser) per thread, reused page after page: creating the parser
# costs as much as building 20 elements (lxml inspects the builder's callbacks each time).
_THREAD = threading.local()


class PruningTreeBuilder(LXMLTreeBuilder):
    """BeautifulSoup's lxml builder, which leaves out what no article is ever in as libxml2
    reports it, so that BeautifulSoup never builds it (one parse of the page, pruned early).

    * The elements named in `pruned_tags` (scripts, styles, nav, footer...; a JSON-LD <script>
      stays, metadata.py reads it), with everything inside them: their words are logged (scripts
      and styles silently), the text after them stays. On mozilla/readability's test pages the
      pruned page takes about 3/4 of the whole page's time to build (benchmarks/RESULTS.md).
    * Whitespace-only text after a block element, or before its first child block
      (`_flush`): a third of the nodes of a typical page.
    * HTML has no namespaces: an element's attributes go to BeautifulSoup as libxml2 gives them,
      without the XML builder's namespace bookkeeping (a quarter of the per-element cost).
    * An element is built as bs4's `handle_starttag` and `handle_endtag` build it, without their
      generality (`_build`, `_close`, `_add_text`): the fields every element of a name shares
      are copied from the first one bs4 built, and libxml2 closes elements in order, so an end
      tag pops the current element; a run of text becomes a string as bs4's `endData` makes it.
      Elements bs4 keeps extra state for (`special_tags`: <pre>, <textarea>, string containers
      such as <script>) are left to bs4. The generated corpus's HTML pages parse in 0.39 ms
      instead of 0.61 (benchmarks/RESULTS.md); tests/test_html_extract.py checks that both ways
      build the same tree, field by field.

    Text is handed to BeautifulSoup one run at a time: libxml2 may report one text in pieces,
    and a pruned element's text before and after it is one run, as if it had never been there.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pruned: frozenset[str] = frozenset()
        self.removed: list[RemovedSpan] = []
        self.elements: list[Tag] = []  # every element built, in page order
        self.run: list[str] = []  # text not yet handed to BeautifulSoup
        self.last_start: str | None = None  # the element the run opens (its .text), if any
        self.last_end: str | None = None  # the element the run follows (its tail), if any
        self.skipped: _Skipped | None = None  # the pruned element being read, if any
        self.parsers: dict[str | None, object] = {}
        # What every element of a name shares (see `_build`), taken from the first bs4 built.
        self.shared_fields: dict[str, dict[str, object]] = {}
        self.special_tags = frozenset({*self.preserve_whitespace_tags, *self.string_containers})
        self.list_attributes: dict[str, tuple[str, ...]] = {}  # per tag: the attributes holding lists

    def prepare(self, pruned_tags: tuple[str, ...], removed: list[RemovedSpan]) -> None:
        """Set up for the next page: what to prune, where to log it."""
        self.pruned = _pruned_set(tuple(pruned_tags))
        self.removed = removed
        self.elements = []
        self.run.clear()
        self.last_start = self.last_end = self.skipped = None

    def feed(self, markup) -> None:  # type: ignore[no-untyped-def]
        try:
            super().feed(markup)
        except BaseException:
            self.parsers.clear()  # a parser that failed mid-page is not reused
            raise

    def parser_for(self, encoding):  # type: ignore[no-untyped-def]
        parser = self.parsers.get(encoding)
        if parser is None:
            parser = self.parsers[encoding] = super().parser_for(encoding)
        return parser

    def start(self, tag: str, attrib: dict[str, str], nsmap: dict | None = None) -> None:  # type: ignore[override]
        skipped = self.skipped
        if skipped is not None:
            skipped.start(tag)
            return
        if tag in self.pruned and not (tag == "script" and _is_jsonld(attrib)):
            self.skipped = _Skipped(tag, attrib.get("class") or "")
            return
        if self.run:
            self._flush(tag)
        soup = self.soup
        if soup.current_data:
            soup.endData()
        self.elements.append(self._build(tag, attrib))
        self.last_start, self.last_end = tag, None

    def _build_by_bs4(self, tag: str, attrib: dict[str, str]) -> Tag:
        """BeautifulSoup.handle_starttag's steps for a parse without SoupStrainer or custom
        element classes (it also resolves those, and a typing cast, for every element)."""
        soup = self.soup
        previous = soup._most_recent_element
        element = Tag(
            soup, self, tag, None, None, self.attribute_dict_class(attrib), soup.currentTag, previous,
            namespaces=self.active_namespace_prefixes[-1],
        )
        if previous is not None:
            previous.next_element = element
        soup._most_recent_element = element
        soup.pushTag(element)
        if tag not in self.special_tags:
            self.shared_fields[tag] = {
                key: value for key, value in element.__dict__.items() if key not in ELEMENT_OWN_FIELDS
            }
        return element

    def _build(self, tag: str, attrib: dict[str, str]) -> Tag:
        """What `_build_by_bs4` makes, field by field: Tag.__init__ and Tag.setup (the element
        linked after the last one built, as its parent's last child), then pushTag (no <pre>, no
        string container: those are special tags)."""
        shared = self.shared_fields.get(tag)
        if shared is None:
            return self._build_by_bs4(tag, attrib)
        soup = self.soup
        parent = soup.currentTag
        previous = soup._most_recent_element
        siblings = parent.contents
        previous_sibling = siblings[-1] if siblings else None
        element = Tag.__new__(Tag)
        fields = element.__dict__
        fields.update(shared)
        # Speed: libxml2 reports an element without attributes with an empty immutable mapping,
        # which dict() copies through Python-level keys() (1.2 µs an element); none is copied.
        attrs = self.attribute_dict_class(attrib) if attrib else self.attribute_dict_class()
        if attrs:
            # _replace_cdata_list_attribute_values's steps: class="a b" is the list ["a", "b"].
            listed = self.list_attributes.get(tag)
            if listed is None:
                listed = self.list_attributes[tag] = self._list_attributes(tag)
            for name in listed:
                value = attrs.get(name)
                if value is not None:
                    attrs[name] = self.attribute_value_list_class(NON_WHITESPACE.findall(value))
        fields["attrs"] = attrs
        fields["contents"] = []
        fields["parent"] = parent
        fields["previous_element"] = previous
        fields["next_element"] = None
        fields["next_sibling"] = None
        fields["previous_sibling"] = previous_sibling
        if tag == "meta":
            self.set_up_substitutions(element)  # a declared charset, kept for bs4's output
        if previous is not None:
            previous.next_element = element
        if previous_sibling is not None:
            previous_sibling.next_sibling = element
        soup._most_recent_element = element
        siblings.append(element)
        soup.tagStack.append(element)
        soup.currentTag = element
        soup.open_tag_counter[tag] += 1
        return element

    def _list_attributes(self, tag: str) -> tuple[str, ...]:
        """The attributes whose value is a list of words on this tag ("class" on every tag)."""
        listed = self.cdata_list_attributes
        return tuple(sorted(listed.get("*", set()) | listed.get(tag.lower(), set())))

    def end(self, tag: str) -> None:  # type: ignore[override]
        skipped = self.skipped
        if skipped is not None:
            if skipped.end():
                self.skipped = None
                skipped.log(self.removed)
            return
        if self.run:
            self._flush(None)
        self._close(tag)
        self.last_start, self.last_end = None, tag

    def _close(self, tag: str) -> None:
        """BeautifulSoup.handle_endtag's steps when the element ending is the current one (popTag's
        <pre> and string-container steps apply to special tags only); else bs4's."""
        soup = self.soup
        stack = soup.tagStack
        if stack[-1].name == tag and tag not in self.special_tags and len(stack) > 1:
            if soup.current_data:
                soup.endData()
            stack.pop()
            soup.open_tag_counter[tag] -= 1
            soup.currentTag = stack[-1]
        else:
            soup.handle_endtag(tag, None)

    def data(self, content: str) -> None:  # type: ignore[override]
        if self.skipped is not None:
            self.skipped.data(content)
        else:
            self.run.append(content)

    def comment(self, text: str) -> None:  # type: ignore[override]
        if self.skipped is not None:
            self.skipped.boundary()
            return
        self._flush(None)
        super().comment(text)
        self.last_start = self.last_end = None

    def pi(self, target: str, data: str) -> None:  # type: ignore[override]
        if self.skipped is not None:
            self.skipped.boundary()
            return
        self._flush(None)
        super().pi(target, data)
        self.last_start = self.last_end = None

    def doctype(self, name: str, pubid: str, system: str) -> None:  # type: ignore[override]
        self._flush(None)
        super().doctype(name, pubid, system)
        self.last_start = self.last_end = None

    def close(self) -> None:
        self._flush(None)
        super().close()

    def _flush(self, next_start: str | None) -> None:
        """Hand the text run to BeautifulSoup, unless it is blank between blocks; `next_start` is
        the element about to open (None: an end tag, a comment or the end of the page)."""
        run = self.run
        if not run:
            return
        text = run[0] if len(run) == 1 else "".join(run)
        run.clear()
        if text.isspace() and (
            self.last_end in BLANK_AROUND_TAGS
            or (self.last_start in BLANK_AROUND_TAGS and next_start in BLANK_AROUND_TAGS)
        ):
            return
        self._add_text(text)

    def _add_text(self, text: str) -> None:
        """BeautifulSoup.endData's steps for one run of text outside <pre> and string containers;
        else bs4's (it joins the text with what it holds, in its string class)."""
        soup = self.soup
        if soup.current_data or soup.string_container_stack or soup.preserve_whitespace_tag_stack:
            soup.handle_data(text)
            return
        if not text.strip(ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        # NavigableString(text), then object_was_parsed's steps: PageElement.setup linking it
        # after the last element built, as the current element's last child. (Its
        # _linkage_fixer then finds every link already right: while the page is read, each open
        # element is the last child of its parent.)
        string = str.__new__(NavigableString, text)
        parent = soup.currentTag
        previous = soup._most_recent_element
        siblings = parent.contents
        previous_sibling = siblings[-1] if siblings else None
        fields = string.__dict__
        fields["hidden"] = False
        fields["parent"] = parent
        fields["previous_element"] = previous
        fields["next_element"] = None
        fields["next_sibling"] = None
        fields["previous_sibling"] = previous_sibling
        if previous is not None:
            previous.next_element = string
        if previous_sibling is not None:
            previous_sibling.next_sibling = string
        soup._most_recent_element = string
        siblings.append(string)


class _Skipped:
    """A pruned element while libxml2 reads it: how deep inside it the parser is, and its words
    as BeautifulSoup's get_text(" ") would join them (no comment, no script or style text)."""

    __slots__ = ("tag", "classes", "depth", "strings", "run", "silent")

    def __init__(self, tag: str, classes: str) -> None:
        self.tag = tag
        self.classes = classes
        self.depth = 1
        self.strings: list[str] = []
        self.run: list[str] = []
        self.silent = tag in SILENT_TEXT  # the run is a silent element's own text

    def start(self, tag: str) -> None:
        self.boundary()
        self.depth += 1
        self.silent = tag in SILENT_TEXT

    def end(self) -> bool:
        """True when the pruned element itself ends."""
        self.boundary()
        self.depth -= 1
        return self.depth == 0

    def data(self, content: str) -> None:
        self.run.append(content)

    def boundary(self) -> None:
        if self.run:
            if not self.silent:
                self.strings.append("".join(self.run))
            self.run.clear()
        self.silent = False

    def log(self, removed: list[RemovedSpan]) -> None:
        if self.tag in SILENT_TEXT:
            return
        text = clean_text(" ".join(self.strings))
        if text:
            classes = " ".join(self.classes.split())
            rule = ("related_block" if RELATED_CLASS.search(classes) else "chrome") if classes else f"html_{self.tag}"
            removed.append(RemovedSpan(rule=rule, text=text))


@functools.lru_cache(maxsize=8)
def _pruned_set(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(tags)


def _is_jsonld(attrib: dict[str, str]) -> bool:
    kind = attrib.get("type")
    return kind is not None and " ".join(kind.split()).lower() == "application/ld+json"


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
        return clean_text(text_of(element, separator))
    # Speed: a plain walk, not find(): bs4 builds a name filter for every find() call.
    if element.name in BLOCK_TAGS or element.name in CELL_TAGS or any(
        node.name in BREAKING_TAGS and type(node) is Tag for node in nodes_under(element)
    ):
        return clean_text(" ".join(block.text for block in blocks_of(element)))
    return clean_text(text_of(element))


def tags_under(element: Tag, names: frozenset[str] | None = None) -> list[Tag]:
    """Elements under `element` (with one of `names`), in page order.

    A plain walk along the nodes (`nodes_under`): bs4's find_all builds a filter and matches
    every node through it, several times slower for these simple name lookups.
    """
    if names is None:
        return [node for node in nodes_under(element) if type(node) is Tag]
    return [node for node in nodes_under(element) if node.name in names and type(node) is Tag]


def strings_of(element: Tag, nodes: list[PageElement] | None = None) -> list[NavigableString]:
    """The strings `element.get_text()` joins, in page order: those of the element's
    `interesting_string_types` (printed text; no comment, and no script text outside a script).
    `nodes`: the element's nodes when the caller has them (`nodes_under`)."""
    types = element.interesting_string_types
    if types is None:
        types = BeautifulSoup.MAIN_CONTENT_STRING_TYPES
    if isinstance(types, type):
        types = (types,)
    return [node for node in (nodes_under(element) if nodes is None else nodes) if type(node) in types]


def text_of(element: Tag, separator: str = "") -> str:
    """element.get_text(separator), read by `strings_of`."""
    return separator.join(strings_of(element))


def stripped_length(element: Tag) -> int:
    """len(element.get_text(strip=True)): the characters of its strings without their ends' blanks."""
    return sum(len(string.strip()) for string in strings_of(element))


def nodes_under(element: Tag) -> list[PageElement]:
    """list(element.descendants), read along the next_element chain as bs4's generator reads
    it, without a generator's cost per node (text is read from large blocks many times over)."""
    contents = element.contents
    if not contents:
        return []
    if len(contents) == 1 and not isinstance(contents[0], Tag):
        return [contents[0]]  # a link's or a heading's one string
    stop = element._last_descendant().next_element
    nodes = []
    node = contents[0]
    while node is not stop and node is not None:
        nodes.append(node)
        node = node.next_element
    return nodes


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


def blocks_of(container: Tag, section: int = 0) -> list[Block]:
    """Split the container's text at block elements and <br>, in document order.

    Iterative (a stack of child iterators), so that a page nested thousands deep cannot overflow
    the stack. A newline in the HTML source is a space; only <br> and blocks break a line, and
    inside <pre> the source lines are kept.
    """
    raw: list[tuple[str, str, int]] = []
    buffer: list[str] = []
    kinds: list[str] = ["p"]  # the kind of the innermost open block
    stack = [iter(container.contents)]
    closing: list[tuple[bool, str | None]] = []  # per open element: a block?, a cell?

    def flush() -> None:
        if buffer:
            raw.append(("".join(buffer), kinds[-1], section))
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
                if "  " not in node and node.isprintable():
                    buffer.append(node)  # Speed: _source_text's answer for a plain run of words
                else:
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
            if name in HEADING_TAGS:
                section += 1
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


def _normalize(raw: list[tuple[str, str, int]]) -> list[Block]:
    """normalize_text on each block's text, lines trimmed, empty blocks dropped.

    One normalize_text call for the whole container, the blocks joined by a private-use
    character that nothing in normalize_text changes; a page using that character itself takes
    one call per block.
    """
    if not raw:
        return []
    joined = PARAGRAPH_SEPARATOR.join(text for text, _, _ in raw)
    if joined.count(PARAGRAPH_SEPARATOR) == len(raw) - 1:
        texts = normalize_text(joined).split(PARAGRAPH_SEPARATOR)
    else:
        texts = [normalize_text(text) for text, _, _ in raw]
    blocks = []
    for text, (_, kind, section) in zip(texts, raw):
        # Speed: WHITESPACE.sub changes a line only if it holds two spaces or a \t\r\f\v.
        lines = (
            (WHITESPACE.sub(" ", line) if "  " in line or ODD_SPACE.search(line) else line).strip()
            for line in text.split("\n")
        )
        if joined_lines := "\n".join(line for line in lines if line):
            blocks.append(Block(joined_lines.strip(" |").strip() if kind == "row" else joined_lines, kind, section))
    return blocks
