"""What a page's block prints above its lead besides the headline, read by where it stands.

The markup chooses the block, and the header scan (header.py) takes only unmistakable furniture
from an HTML block's first paragraphs. Some pages put the article's whole header in the block the
markup chose with the text (Nikkei Asia's article element: a tag link, the h1, the subtitle, the
time; CNA's: the description, the time, an app's promotion), so three more kinds of line are read
there, each by its place relative to the headline, the page's date line and the lead's dateline:

- a label right above the headline (a tag link "Business trends", a category "Asia"): at most
  MAX_LABEL_WORDS + 1 words, no sentence's closing punctuation, and the next line is the page's
  headline (`HeaderScan.title_key`);
- a standfirst right above the page's date line or byline: a sentence or two (at most
  MAX_STANDFIRST_WORDS words) that opens with no dateline, with more text under the date; on a
  page the lead stands under the date, not above it;
- between the page's date line and the lead that opens with its dateline ("HANOI: ...", within
  MAX_LEAD_LOOKAHEAD lines), short lines (at most MAX_PROMO_WORDS words) that open with none: an
  app's or newsletter's promotion, share labels. The dateline opens the article's first
  paragraph, so nothing above it is the article's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vnrok_etl.clean.common import ends_terminal, fold_key
from vnrok_etl.clean.datelines import is_date_line
from vnrok_etl.clean.header_furniture import MAX_LABEL_WORDS
from vnrok_etl.clean.header_meta import is_byline_line
from vnrok_etl.clean.lead import opens_with_dateline

if TYPE_CHECKING:
    from vnrok_etl.clean.header import HeaderScan

# How many lines below a header line the lead's dateline is looked for.
MAX_LEAD_LOOKAHEAD = 6
# A page's standfirst is a sentence or two.
MAX_STANDFIRST_WORDS = 45
# A line of promotion or page chrome between the date line and the lead is short.
MAX_PROMO_WORDS = 25


def lines_ahead(blocks: list[list[str]]) -> tuple[str, ...]:
    """The MAX_LEAD_LOOKAHEAD lines after the first one."""
    lines = (line for block in blocks for line in block)
    next(lines, None)
    return tuple(line for _, line in zip(range(MAX_LEAD_LOOKAHEAD), lines))


def html_header_rule(line: str, header: HeaderScan) -> str | None:
    """The rule for a line of a page's block above its lead (module docstring); None for text."""
    following = header.next_text
    words = len(line.split())
    if (
        following is not None
        and header.title_key
        and words <= MAX_LABEL_WORDS + 1
        and not ends_terminal(line)
        and fold_key(following) == header.title_key
    ):
        return "section_label"
    if opens_with_dateline(line):
        return None
    if (
        following is not None
        and len(header.ahead) >= 2  # text goes on under the date: this is no one-paragraph brief
        and not header.after_date_line
        and words <= MAX_STANDFIRST_WORDS
        and ends_terminal(line)
        and (is_date_line(following) or is_byline_line(following))
    ):
        return "subheadline"
    if (
        header.after_date_line
        and words <= MAX_PROMO_WORDS
        and any(opens_with_dateline(later) for later in header.ahead)
    ):
        return "chrome"
    return None
