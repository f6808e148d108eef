"""A page printed to PDF and saved as text: the browser's page header and footer, repeated on
every printed page, and the page breaks they stand in.

A browser prints each page with a header (the print date and time, then the page's title:
"12/4/26, 8:17 PM      <Title> - <Site>", or "04/12/2026, 20:17   <Title>") and a footer (the
page's address, then the page count: "https://site/path.html   1/2", or "... Page 1 of 2"). Saved
as text, the pair stands between the last line of one page and the first of the next, often inside
a sentence ("... Korean firms have become⏎<footer>⏎⏎<header>⏎important partners ..."). Neither is
the article: the title is printed again above the text, the date is the printing's, not the
publication's. The lines are removed and a sentence the break cut is joined again.

Read only when the text's first line is such a header (a printed page starts with one) and a
footer stands somewhere below it, so other texts cost one match of their first line.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.common import Draft, ends_terminal

# "12/4/26, 8:17 PM", "04/12/2026, 20:17", "2026-12-04 20:17": the print date and time, then at
# least two spaces (the header's columns) and the title.
PRINT_HEADER = re.compile(
    r"^[ \t]*(?P<when>(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}),?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?)"
    r"(?:[ \t]{2,}(?P<title>\S.*?))?[ \t]*$"
)
# The page's address, then the page count ("1/2", "Page 1 of 2"), or the count alone.
PRINT_FOOTER = re.compile(
    r"^[ \t]*(?:(?:https?://|www\.)\S+[ \t]+)?(?:\d{1,3}/\d{1,3}|[Pp]age[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3})[ \t]*$"
)
# Speed: the characters a header and a footer can open with (read before the patterns).
PRINT_HEADER_FIRST = "0123456789 \t"
PRINT_FOOTER_FIRST = "0123456789hwP"


def join_printed_pages(text: str, draft: Draft) -> str:
    """The text without its print headers and footers, each page break's cut sentence joined."""
    start = len(text) - len(text.lstrip("\n"))
    first_end = text.find("\n", start)
    first = text[start:first_end if first_end >= 0 else len(text)]
    if first[:1] not in PRINT_HEADER_FIRST:
        return text
    header = PRINT_HEADER.match(first)
    if header is None or not header.group("title"):
        return text
    header_line = first.strip()
    lines = text.split("\n")
    # A printed page has its footer too: a text opening with a date and a headline has none.
    if not any(_is_footer(line.strip()) for line in lines):
        return text
    kept: list[str] = []
    at_break = False  # a footer or header was just removed: the page's next line may continue a sentence
    for line in lines:
        stripped = line.strip()
        if stripped == header_line or _is_footer(stripped):
            draft.drop("print_frame", stripped)
            at_break = True
            continue
        if at_break and not stripped:
            continue
        if at_break and stripped and kept:
            previous = next((index for index in range(len(kept) - 1, -1, -1) if kept[index].strip()), None)
            if (
                previous is not None
                and not ends_terminal(kept[previous].rstrip())
                and stripped[:1].islower()
            ):
                # The break cut a sentence: its two halves are one line again.
                kept[previous] = kept[previous].rstrip() + " " + stripped
                del kept[previous + 1:]
                at_break = False
                continue
            if kept[-1].strip():
                kept.append("")  # a page's last line and the next page's first are two blocks
        at_break = False
        kept.append(line)
    return "\n".join(kept)


def _is_footer(stripped: str) -> bool:
    """Whether a stripped line is a print footer (PRINT_FOOTER, its first character checked first)."""
    return stripped[:1] in PRINT_FOOTER_FIRST and PRINT_FOOTER.match(stripped) is not None


# A saved page's menu or language row keeps the gaps between its items ("Home   News   Sport",
# "Tiếng Việt   English   Français"): at least MIN_MENU_ITEMS items parted by runs of two or more
# spaces or tabs, each a few capitalised words with no digit and no sentence punctuation. Read
# only above the text's first line of prose (the header), where a table's columns do not stand.
MENU_GAP = re.compile(r"[ \t]{2,}")
MIN_MENU_ITEMS = 3
MAX_MENU_ITEM_WORDS = 4
MIN_PROSE_WORDS = 12
MIN_PROSE_CHARS = 40  # Speed: twelve words are longer than this
MAX_HEADER_CHARS = 4000


def drop_menu_rows(text: str, draft: Draft) -> str:
    """The text without the menu and language rows of its header (MENU_GAP); the rest unchanged."""
    # Speed: only the header's characters are read (a header is at most MAX_HEADER_CHARS long);
    # a text without a gap there has no row.
    head = text[:MAX_HEADER_CHARS]
    if "  " not in head and "\t" not in head:
        return text
    lines = head.split("\n")
    dropped = False
    for index, line in enumerate(lines[:-1]):  # the last piece may be cut: not read
        if "  " in line or "\t" in line:
            stripped = line.strip()  # an indented line's leading gap parts no items
            if ("  " in stripped or "\t" in stripped) and _is_menu_row(stripped):
                draft.drop("menu_row", stripped)
                lines[index] = ""
                dropped = True
                continue
        if len(line) > MIN_PROSE_CHARS and len(line.split()) >= MIN_PROSE_WORDS and ends_terminal(line.rstrip()):
            break  # the first line of prose: the header is over
    return "\n".join(lines) + text[MAX_HEADER_CHARS:] if dropped else text


def _is_menu_row(line: str) -> bool:
    items = MENU_GAP.split(line)
    if len(items) < MIN_MENU_ITEMS:
        return False
    for item in items:
        words = item.split()
        if len(words) > MAX_MENU_ITEM_WORDS or any(character.isdigit() for character in item):
            return False
        if not item[:1].isupper() or item[-1:] in ".!?;:," or "," in item:
            return False
    return True
