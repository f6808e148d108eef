"""Another article's teaser printed above this one, where the headline should be.

A saved page can lose the article's own headline and keep, above the text, a related story's
headline (VietNamNet's VNS copies: one or two related headlines, then the article's caption and
lead) or a related story's headline and one-sentence standfirst (Viet Nam News: "<other
headline>⏎<other standfirst>⏎|<caption>⏎HÀ NỘI – <lead>"). The header model takes such a line for
the headline, because by form it is one.

What tells it apart is what it is about: a headline names its article's subject, so it shares at
least one content word with the text below it (a name, a place, the thing done). A headline of at
least MIN_HEADLINE_STEMS content words that shares none with the whole body is another article's:
it leaves (rule "related_teaser") and the title is NULL, never a guess. The same holds for a
headline whose words only the first paragraph shares, when that paragraph is one sentence and the
article starts under it with its own dateline ("HÀ NỘI – ", after its caption): that paragraph is
the teaser's standfirst and leaves too. A short headline ("Korean investors look south",
"Beyond the Factory Floor") can be a feature's allusive title: it is never judged this way.

When the headline taken is a teaser or a banner ("Stay Updated on Developing Stories" above
CNN's headline), the header's next headline-like line (logged as a subheadline), when it shares a content word
with the text and is no caption, is the headline: a page prints its own headline under the banners
above it, and the first line about the article is it.

Content words are compared by their first STEM_CHARS letters, lower-cased ("governor" and
"governors", "host" and "hosted"), as substrings of the body: a looser match than words, so it
can only keep a headline, never drop one more. Words every article of the region uses ("Korea",
"Vietnam", "RoK") and function words carry no subject.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.captions import caption_match, credit_caption
from vnrok_etl.clean.common import SENTENCE_BOUNDARY, Draft, ends_terminal
from vnrok_etl.clean.lead import dateline_match, is_dateline
from vnrok_etl.records import RemovedSpan

STEM_CHARS = 4
MIN_HEADLINE_STEMS = 4
# Where the article's own dateline may stand after the teaser's standfirst (its caption between).
DATELINE_SEARCH_LINES = 2
WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")
NO_SUBJECT_WORDS = frozenset(
    "the a an of to in on at for with and or by from as is are was were be has have had will would "
    "its their his her this that these those it into over after before about than more new two "
    "three four five six ten per cent percent year years says said say vietnam vietnamese viet nam "
    "korea korean koreans rok south s. vn".split()
)


def headline_stems(headline: str) -> set[str]:
    """The content words of a headline, each by its first STEM_CHARS letters."""
    return {
        word[:STEM_CHARS]
        for word in WORD.findall(headline.casefold())
        if len(word) >= 3 and word not in NO_SUBJECT_WORDS
    }


def _shares(stems: set[str], text: str) -> bool:
    return any(stem in text for stem in stems)


def take_teaser_above(blocks: list[list[str]], draft: Draft) -> list[list[str]]:
    """Drop a related story's headline (and standfirst) taken for this article's headline."""
    if draft.title is None or not blocks:
        return blocks
    stems = headline_stems(draft.title)
    if len(stems) < MIN_HEADLINE_STEMS:
        return blocks
    lines = [line for block in blocks for line in block]
    # Speed: line by line, stopping at the first shared word (most headlines share one early).
    if any(_shares(stems, line.casefold()) for line in lines[1:]):
        return blocks
    first = lines[0]
    if not _shares(stems, first.casefold()):
        _drop_title(draft)
        _promote_subheadline(draft, lines)
        return blocks
    if SENTENCE_BOUNDARY.search(first) or not any(
        _opens_with_dateline(line) for line in lines[1 : 1 + DATELINE_SEARCH_LINES]
    ):
        return blocks
    _drop_title(draft)
    draft.drop("related_teaser", first)
    blocks = [list(block) for block in blocks]
    del blocks[0][0]
    return [block for block in blocks if block]


def _drop_title(draft: Draft) -> None:
    """The title was logged as rule "title"; it is a related teaser's headline."""
    title = draft.title
    draft.title = None
    for index, span in enumerate(draft.removed):
        if span.rule == "title" and span.text == title:
            draft.removed[index] = RemovedSpan(rule="related_teaser", text=title)
            return
    draft.drop("related_teaser", title)


def _promote_subheadline(draft: Draft, lines: list[str]) -> None:
    """After the title left as a teaser: the header's next headline-like line, if the text shares
    one of its content words and it is no caption, is the headline (module docstring). Only the
    next one: a line further down the header is a deck or a caption, not a headline."""
    for index, span in enumerate(draft.removed):
        if span.rule != "subheadline":
            continue
        text = span.text
        stems = headline_stems(text)
        if (
            stems
            and not SENTENCE_BOUNDARY.search(text)
            and not ends_terminal(text)
            and not text.endswith("|")
            and not (caption_match(text) or credit_caption(text))
            and _starts_words(stems, "\n".join(lines).casefold())
        ):
            draft.title = text
            draft.removed[index] = RemovedSpan(rule="title", text=text)
        return


def _starts_words(stems: set[str], text: str) -> bool:
    """A stem opens a word of the text: stricter than `_shares`, since promoting a line must not
    rest on a stem found inside another word ("port" in "support")."""
    return any(re.search(rf"(?<![^\W_]){re.escape(stem)}", text) for stem in stems)


def _opens_with_dateline(line: str) -> bool:
    match = dateline_match(line)
    return match is not None and is_dateline(match, line[match.end():])
