"""Page furniture out of the tree before any text is read: chrome, small forms, captions, and
related boxes, each logged as a RemovedSpan with its words.

Related boxes are removed *structurally*: a box (list, div, section) introduced by a related
heading ("Related", "Read more", "See also", "Tags", "More stories", ...) goes as one element, its
heading with it, so the article text after it stays. A text-only rule would have to guess where
the box ends, and "drop everything after the heading" loses the rest of an article that carries an
inline related box or a "Read more" button in its middle (issue 16).
"""

from __future__ import annotations

import re
from itertools import islice

from bs4 import NavigableString, Tag

from vnrok_etl.html.document import (
    RELATED_CLASS,
    child_tags,
    element_text,
    is_removed,
    nodes_under,
    remove,
    stripped_length,
    tags_under,
    text_of,
)
from vnrok_etl.html.selectors import PageIndex, SelectorSet
from vnrok_etl.profiles import RELATED_HEADINGS
from vnrok_etl.records import RemovedSpan

# Never logged as removed text: code and markup, not words anyone printed.
SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "object", "embed", "link", "meta"})
MIN_FORM_PARAGRAPHS = 2
# A related heading's text: one of the headings, with an optional colon, arrow or count.
RELATED_HEADING = re.compile(
    r"^(?:%s|continue reading|read the full story|read next|recommended|you may also like|"
    r"you might also like|more from [\w .'-]{1,40}|more on this story|trending|popular|most popular"
    r")\s*[:»›>→…\d.]*$"
    % "|".join(re.escape(heading) for heading in sorted(RELATED_HEADINGS, key=len, reverse=True)),
    re.IGNORECASE,
)
MAX_RELATED_HEADING_CHARS = 60
# Tags that can introduce a box; the box is the heading's nearest ancestor (a few levels up at
# most) whose text, the heading's aside, is mostly links.
HEADING_LIKE_SET = frozenset(
    {"h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "p", "div", "header", "a", "button", "label", "dt", "em", "i"}
)
MAX_RELATED_HEADING_SOURCE_CHARS = 200
MAX_BOX_LEVELS = 3
MIN_BOX_LINK_SHARE = 0.5
LINK_TAGS = frozenset({"a"})


def drop_rule(element: Tag) -> str:
    classes = " ".join(element.get("class") or ())
    if RELATED_CLASS.search(classes):
        return "related_block"
    return "chrome" if classes else f"html_{element.name}"


def drop(element: Tag, removed: list[RemovedSpan], rule: str | None = None) -> None:
    """Remove an element, logging its words (never the code of scripts and styles)."""
    rule = rule or drop_rule(element)
    if element.name not in SILENT_TAGS:
        text = element_text(element, " ")
        if text:
            removed.append(RemovedSpan(rule=rule, text=text))
    remove(element)


def outermost(
    selector: SelectorSet, index: PageIndex, top: Tag | None = None, keep: frozenset[str] = frozenset()
) -> list[Tag]:
    """Matches (under `top`, not named in `keep`) in page order, none inside another (it goes
    with the outer one)."""
    found = selector.select(index, top)
    if keep:
        found = [element for element in found if element.name not in keep]
    if len(found) < 2:
        return found
    matched = {id(element) for element in found}
    return [
        element for element in found
        if not any(id(parent) in matched for parent in element.parents)
    ]


def drop_matching(
    selector: SelectorSet, index: PageIndex, removed: list[RemovedSpan], top: Tag | None = None,
    rule: str | None = None, keep: frozenset[str] = frozenset(),
) -> None:
    for element in outermost(selector, index, top, keep):
        drop(element, removed, rule)


def drop_small_forms(index: PageIndex, removed: list[RemovedSpan]) -> None:
    """Comment, search and newsletter forms; not a form holding paragraphs (ASP.NET pages wrap
    the whole page in one)."""
    for form in index.tags("form"):
        if is_removed(form):
            continue  # went with the form around it
        if sum(1 for _ in islice(form.find_all("p"), MIN_FORM_PARAGRAPHS)) < MIN_FORM_PARAGRAPHS:
            drop(form, removed, "html_form")


def take_captions(index: PageIndex, selector: SelectorSet) -> list[str]:
    """Figure captions leave the page for `captions` before the body is read."""
    captions = []
    for element in outermost(selector, index):
        text = element_text(element)
        if text:
            captions.append(text)
        remove(element)
    return captions


ITALIC_TAGS = frozenset(("em", "i"))
PICTURE_TAGS = frozenset(("figure", "img", "picture"))
MAX_ITALIC_CAPTION_WORDS = 60


# "Pic: ...", "Photo: ...": a caption's label opening an italic paragraph.
PICTURE_LABEL = re.compile(r"^(?:pic|photo|picture|image)s?\s*:", re.IGNORECASE)
CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def take_italic_captions(index: PageIndex) -> list[str]:
    """A paragraph set wholly in italics right after a picture is the picture's caption (a
    WordPress page's "<figure><img></figure><p><em>Dr. X receives Mr. Y ...</em></p>", a
    government site's "<p><img></p><p><i>...</i></p>"): it leaves for `captions` as a figcaption
    does. So does one that is centred (`text-align: center`, where the picture's own paragraph
    was lost or stands apart) or that opens with a picture's label ("Pic: ...", "Photo: ..."): a
    paragraph of the text is neither centred nor labelled so. A paragraph that only opens in
    italics ("<em>Note:</em> ...") is text."""
    captions = []
    for paragraph in index.tags("p"):
        children = child_tags(paragraph)
        if len(children) != 1 or children[0].name not in ITALIC_TAGS or is_removed(paragraph):
            continue
        text = element_text(paragraph).strip()
        if not text or text != element_text(children[0]).strip() or len(text.split()) > MAX_ITALIC_CAPTION_WORDS:
            continue
        previous = paragraph.find_previous_sibling()
        if (previous is None or not _is_picture(previous)) and not (
            PICTURE_LABEL.match(text) or CENTRED_STYLE.search(paragraph.get("style") or "")
        ):
            continue
        captions.append(text)
        remove(paragraph)
    return captions


def _is_picture(element: Tag) -> bool:
    """A picture, or a block that holds one and no text."""
    if element.name in PICTURE_TAGS:
        return True
    return element.find("img") is not None and not element_text(element).strip()


def drop_related_boxes(top: Tag, removed: list[RemovedSpan]) -> None:
    """Each related heading goes with its own box: the nearest ancestor (MAX_BOX_LEVELS up at
    most) whose other text is mostly links, or else the heading and the link list right after it.

    A heading is a string of the page that is a related heading on its own, and the element
    around it holding nothing else. A "Read more" link or button alone (an ancestor holding
    nothing else) is removed alone. The article's container itself is never the box.
    """
    headings = []
    for node in nodes_under(top):
        if type(node) is not NavigableString or len(node) > MAX_RELATED_HEADING_SOURCE_CHARS:
            continue
        text = " ".join(node.split())
        if text and len(text) <= MAX_RELATED_HEADING_CHARS and RELATED_HEADING.match(text):
            headings.append((node, text))
    for node, text in headings:
        if is_removed(node) or node.parent is None or node.parent is top:
            continue
        heading = node.parent
        while heading.parent is not None and heading.parent is not top and heading.parent.name in HEADING_LIKE_SET and (
            " ".join(text_of(heading.parent, " ").split()) == text
        ):
            heading = heading.parent
        box, following = _box_around(heading, top)
        drop(box, removed, "related_block")
        if following is not None:
            drop(following, removed, "related_block")


def _box_around(heading: Tag, top: Tag) -> tuple[Tag, Tag | None]:
    """The box to remove, and a link list printed right after a bare heading (or None)."""
    heading_chars = stripped_length(heading)
    box = heading
    element = heading
    for _ in range(MAX_BOX_LEVELS):
        parent = element.parent
        if parent is None or parent is top or parent.name in ("body", "html", "[document]", "article", "main"):
            break
        total = stripped_length(parent) - heading_chars
        if total <= 0:
            box = element = parent  # a wrapper around the heading alone ("Read more" button)
            continue
        links = sum(stripped_length(link) for link in tags_under(parent, LINK_TAGS)) - (
            heading_chars if heading.name == "a" or heading.find_parent("a") else 0
        )
        if links / total >= MIN_BOX_LINK_SHARE:
            box = element = parent
            continue
        break
    if box is heading:
        # Heading and list side by side in the article: the list right after it goes too.
        following = heading.find_next_sibling()
        if following is not None and following.name in ("ul", "ol") and _link_share(following) >= MIN_BOX_LINK_SHARE:
            return box, following
    return box, None


def _link_share(element: Tag) -> float:
    total = stripped_length(element)
    if not total:
        return 0.0
    return sum(stripped_length(link) for link in tags_under(element, LINK_TAGS)) / total
