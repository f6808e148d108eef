"""CSS selectors run by soupsieve, without testing every element of the page against each one.

soupsieve's `select` tries every selector of a list on every element under the root: with the
~60 furniture selectors on a 5,000-element page that was ~200 ms (measured, issue 16). Nearly
every selector names, in its last compound, something the element must carry: a tag
(`h1.headline`), a class (`.sapo`), an id (`#abody`) or an attribute (`[class*=share-]`). So the
page is walked once (`PageIndex`), recording which elements carry which tag, class, id and
attribute name; a `SelectorSet` groups its selectors by that key, and soupsieve's own `match`
decides only for the elements that carry the key (class, id and substring keys compared
without case, so the index never hides an element that soupsieve's quirks mode would match), with one matcher per call (as its own `select`
uses one), not one per element (`SoupSieve.match`). The answer is soupsieve's: the index only
skips elements that cannot match. A selector whose key cannot be read (a pseudo-class, a
combinator other than the descendant space) is tried on every element. The index lists every
element BeautifulSoup built; soupsieve never matches inside a <template> (its content is not
part of the document), and `document.parse` prunes <template> before the index is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import soupsieve
from bs4 import BeautifulSoup, Tag
from soupsieve.css_match import CSSMatch

from vnrok_etl.html.document import is_removed

# The last compound of a selector (after its last descendant-combinator space).
LAST_COMPOUND = re.compile(r"(?:^|\s)(?P<compound>[^\s]+)$")
SIMPLE_COMPOUND = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*)?(?P<rest>(?:\.[\w-]+|#[\w-]+|\[[^\]]+\])*)$")
FIRST_PART = re.compile(r"\.(?P<cls>[\w-]+)|#(?P<id>[\w-]+)|\[(?P<attr>[\w:-]+)(?:\*=\"?(?P<part>[^\]\"]+)\"?\])?")
ATTRIBUTE_BRACKETS = re.compile(r"\[[^\]]*\]")
ANY = "*"
# A selector that is only a tag, class or id name.
BARE_NAME = re.compile(r"^(?:[a-zA-Z][\w-]*|\.[\w-]+|#[\w-]+)$")
# Attribute names some SelectorSet keys on (class and id always): a PageIndex records only these
# as it walks the page, and finds any other on first request.
INDEXED_ATTRIBUTES: set[str] = {"class", "id"}
# Attributes whose values the index keeps for `[attr*=text]` keys.
SUBSTRING_ATTRIBUTES = ("class", "id", "style")


def selector_key(selector: str) -> str:
    """What an element must carry to match: "tag:h1", "class:sapo", "id:abody", "attr:class",
    or ANY when the selector is not a plain compound (then every element is tried)."""
    selector = selector.strip()
    # Attribute values may hold anything ("display: none"): blanked, same length, for the checks.
    bare = ATTRIBUTE_BRACKETS.sub(lambda match: "[" + "_" * (len(match.group()) - 2) + "]", selector)
    if any(char in bare for char in ",>+~:()"):
        return ANY
    match = LAST_COMPOUND.search(bare)
    compound = selector[match.start("compound"):] if match else ""
    simple = SIMPLE_COMPOUND.match(compound)
    if not compound or simple is None:
        return ANY
    if simple.group("tag"):
        return f"tag:{simple.group('tag').lower()}"
    part = FIRST_PART.search(simple.group("rest"))
    if part is None:
        return ANY
    if part.group("cls"):
        return f"class:{part.group('cls').lower()}"
    if part.group("id"):
        return f"id:{part.group('id').lower()}"
    if part.group("part") and part.group("attr").lower() in SUBSTRING_ATTRIBUTES:
        # [class*=related]: only elements whose class or id holds the text.
        return f"part:{part.group('attr').lower()}:{part.group('part').lower()}"
    return f"attr:{part.group('attr').lower()}"


class SelectorSet:
    """Selectors compiled once by soupsieve, grouped by the key an element needs to match.

    A group whose selectors are all bare names of its key ("figure", ".sapo", "#abody") is
    decided without soupsieve (`bare_names`): the key's candidates are its matches, those that
    carry one of the exact class or id names (soupsieve compares them with case, the index
    without), as soupsieve would decide.
    """

    __slots__ = ("selectors", "groups", "bare", "direct")

    def __init__(self, selectors: Iterable[str]) -> None:
        self.selectors = tuple(selectors)
        grouped: dict[str, list[str]] = {}
        for selector in self.selectors:
            grouped.setdefault(selector_key(selector), []).append(selector)
        self.groups = {key: soupsieve.compile(", ".join(group)) for key, group in grouped.items()}
        # Keys the index holds as they are (tag, class, id): looked up without `carrying`.
        self.direct = frozenset(key for key in grouped if key.startswith(("tag:", "class:", "id:")))
        self.bare = {
            key: names for key, group in grouped.items() if (names := bare_names(key, group)) is not None
        }
        for key in grouped:
            if key.startswith(("attr:", "part:")):
                INDEXED_ATTRIBUTES.add(key.split(":")[1])

    def select(self, index: PageIndex, root: Tag | None = None) -> list[Tag]:
        """Every matching element in the page (under `root` if given), in page order."""
        found: dict[int, Tag] = {}
        matcher: CSSMatch | None = None
        settings: tuple = ()
        by_key = index.by_key
        direct = self.direct
        for key, compiled in self.groups.items():
            candidates = by_key.get(key) if key in direct else index.carrying(key)
            if not candidates:
                continue
            names = self.bare.get(key)
            if names is not None:
                for element in candidates:
                    if id(element) not in found and not is_removed(element) and _carries(element, key, names):
                        found[id(element)] = element
                continue
            # One matcher for the whole call, as soupsieve's own `select` does: `SoupSieve.match`
            # builds a matcher (and walks up to the root) for every element it is asked about,
            # which was most of the cost. The tree does not change until this call returns, so
            # the groups share it (their selectors swapped in; all compiled without flags or
            # namespaces).
            if matcher is None or (compiled.namespaces, compiled.flags) != settings:
                matcher = CSSMatch(compiled.selectors, index.soup, compiled.namespaces, compiled.flags)
                settings = (compiled.namespaces, compiled.flags)
            else:
                matcher.selectors = compiled.selectors
            for element in candidates:
                if id(element) not in found and not is_removed(element) and matcher.match(element):
                    found[id(element)] = element
        elements = sorted(found.values(), key=index.position)
        if root is not None and root is not index.soup:
            elements = [element for element in elements if element is not root and _inside(element, root)]
        return elements

    def select_one(self, index: PageIndex) -> Tag | None:
        found = self.select(index)
        return found[0] if found else None


class PageIndex:
    """Which elements carry each tag, class, id and attribute name, and their page order.

    Built in one walk over the parsed page; elements removed later are skipped by their
    `decomposed` flag, so the index stays valid while the page is pruned.
    """

    __slots__ = ("soup", "by_key", "order", "all", "values", "indexed")

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.indexed = indexed = frozenset(INDEXED_ATTRIBUTES)
        by_key: dict[str, list[Tag]] = {}
        order: dict[int, int] = {}
        every: list[Tag] = []
        # The elements as the parse built them (document.parse), else found by a walk.
        elements = soup.__dict__.get("elements")
        if elements is None:
            elements = soup.find_all(True)
        for position, element in enumerate(elements):
            order[id(element)] = position
            every.append(element)
            by_key.setdefault("tag:" + element.name, []).append(element)
            attrs = element.attrs
            if attrs:
                for name, value in attrs.items():
                    if name not in indexed:
                        continue
                    by_key.setdefault("attr:" + name, []).append(element)
                    if name == "class":
                        for token in value if isinstance(value, list) else value.split():
                            by_key.setdefault("class:" + token.lower(), []).append(element)
                    elif name == "id" and isinstance(value, str):
                        by_key.setdefault("id:" + value.lower(), []).append(element)
        self.by_key = by_key
        self.order = order
        self.all = every
        self.values: dict[str, list[tuple[Tag, str]]] = {}

    def carrying(self, key: str) -> list[Tag]:
        if key == ANY:
            return self.all
        if key.startswith("part:"):
            _, attribute, text = key.split(":", 2)
            return [element for element, value in self._values(attribute) if text in value]
        if key.startswith("attr:") and key[5:] not in self.indexed and key not in self.by_key:
            name = key[5:]  # keyed by a SelectorSet compiled after this index was built
            self.by_key[key] = [element for element in self.all if not is_removed(element) and name in element.attrs]
        return self.by_key.get(key, [])

    def _values(self, attribute: str) -> list[tuple[Tag, str]]:
        """(element, its attribute value as text) for every element carrying the attribute."""
        found = self.values.get(attribute)
        if found is None:
            self.carrying("attr:" + attribute)
            found = self.values[attribute] = [
                (element, (" ".join(value) if isinstance(value, list) else str(value)).lower())
                for element in self.by_key.get("attr:" + attribute, ())
                if not is_removed(element) and (value := element.attrs.get(attribute)) is not None
            ]
        return found

    def position(self, element: Tag) -> int:
        return self.order.get(id(element), -1)

    def tags(self, *names: str) -> list[Tag]:
        """Elements with one of these tag names still in the page, in page order."""
        if len(names) == 1:
            found = self.by_key.get("tag:" + names[0], [])
            return [element for element in found if not is_removed(element)]
        found = [element for name in names for element in self.by_key.get("tag:" + name, ())]
        return sorted((element for element in found if not is_removed(element)), key=self.position)


def bare_names(key: str, group: list[str]) -> frozenset[str] | None:
    """The exact names when every selector of the group is a bare tag, class or id name of the
    group's key ("figure"; ".sapo", ".Sapo"); else None (soupsieve decides)."""
    kind = key.split(":", 1)[0]
    marks = {"tag": "", "class": ".", "id": "#"}
    if kind not in marks:
        return None
    mark = marks[kind]
    names = []
    for selector in group:
        selector = selector.strip()
        if not BARE_NAME.match(selector):
            return None
        if (selector[:1] != mark) if mark else not selector[:1].isalpha():
            return None
        names.append(selector[len(mark):])
    return frozenset(names)


def _carries(element: Tag, key: str, names: frozenset[str]) -> bool:
    if key.startswith("tag:"):
        return True  # the index keys tags by their name: every candidate is one
    if key.startswith("class:"):
        classes = element.attrs.get("class")
        if isinstance(classes, str):
            classes = classes.split()
        return any(name in names for name in classes or ())
    return element.attrs.get("id") in names


def _inside(element: Tag, root: Tag) -> bool:
    return any(parent is root for parent in element.parents)
