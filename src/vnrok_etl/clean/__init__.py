"""Cleaning: from decoded text (or an HTML page) to exactly the article, with its metadata.

Figures and quotes are read from `Article.body` only, so whatever is left in a paragraph must be
article text: headers (date markers, bylines, datelines, titles), agency sign-offs, captions,
image file names, related-article blocks and page chrome are taken out, and every dropped span is
logged as a RemovedSpan with the rule that dropped it, so that the removal log plus the body
account for the whole input.

Hand-written rather than delegated to a boilerplate library: trafilatura and readability judge
blocks by link density and length, which keeps a photo caption or a related headline as happily as
a sentence, and they do not read a saved page's text at all. The rules are stated by form, not by
outlet, and were derived from many outlets' pages (tests/corpus/FORMS*.md): the lines before the
lead are parsed as a header (`header`, with the byline forms of `bylines` and the outlet's zone
for printed dates of `outlet_zone`), the dateline opening the lead is `lead`'s, every line of a
block is text, a caption or furniture (`lines`, `captions`), the article ends at its end mark or
sign-off wherever it stands (`tail`), repairs inside a paragraph are `inline`, repeated paragraphs
`repeats`, another story's teaser taken for the headline `teaser`, and pages that hold no article
are rejected with their reason (`verdict`). Outlet words are data in profiles.py. HTML pages are
reduced to paragraphs by the html subpackage and then go through the same text rules (the header
model only takes bylines, date lines and unmistakable furniture there: the markup chose the
block), so that one article as .txt and as .html gets one body, hence one article_id (DESIGN.md).
"""

from __future__ import annotations

import re
from vnrok_etl.clean.common import AGENCY_SET, MIN_BODY_WORDS, CleanError, Draft, count_words, fold_key, split_blocks, squeeze
from vnrok_etl.profiles import AGENCY_NAMES
from vnrok_etl.clean.bylines import BYLINE_THEN_DATE, interviewer, is_name, take_byline, take_reporter_signoff
from vnrok_etl.clean.captions import split_wrapped_credits, take_titled_name_captions
from vnrok_etl.clean.header import take_front_matter
from vnrok_etl.clean.header_furniture import is_caps_label
from vnrok_etl.clean.lead import cut_next_story, take_dateline
from vnrok_etl.clean.datelines import DATE_LINE, is_date_line, is_date_words
from vnrok_etl.clean.inline import repair_paragraphs
from vnrok_etl.clean.lines import BULLET, BULLET_MARKS, MASTHEAD, drop_caption_copies, lines_to_paragraphs
from vnrok_etl.clean.common import ends_terminal
from vnrok_etl.dates import agree_with_dateline, dateline_date, parse_date
from vnrok_etl.clean.clipper import read_markdown_clip
from vnrok_etl.clean.printed import drop_menu_rows, join_printed_pages
from vnrok_etl.clean.repeats import drop_repeats
from vnrok_etl.clean.tail import CONTACT_REQUEST, WRITER_CREDIT, author_signature, closing_furniture, cut_newsletter_footer, cut_related, cut_release_tail, take_signoff
from vnrok_etl.clean.teaser import take_teaser_above
from vnrok_etl.clean.verdict import reject_after_cleaning, reject_before_cleaning
from vnrok_etl.html import HtmlPage, extract_html
from vnrok_etl.records import Article

__all__ = ["CleanError", "clean_document", "count_words"]

# A page, or a saved fragment of one ("<p>..." in a .txt): tags must never reach the body.
HTML_START = re.compile(
    r"\A\s*(?:<!doctype\s+html|<html|<(?:head|body|article|main|div|p|section|meta)\b)",
    re.IGNORECASE,
)

HTML_URI = re.compile(r"\.html?(?:[?#].*)?\Z", re.IGNORECASE)
# A proxy's or mirror's saved page: its own name and the page's title on a line or two, then the
# page's source from "<!doctype html>" or "<html" at a line's start. The document is that page;
# the lines above it are the proxy's banner. Looked for within the first MAX_BANNER_CHARS only.
EMBEDDED_PAGE_START = re.compile(r"^[ \t]*(?:<!doctype\s+html|<html\b)", re.IGNORECASE | re.MULTILINE)
MAX_BANNER_CHARS = 400

QUESTION_END = re.compile(r"\?['\"”’)\]]*$")

INTERVIEW_CUE = re.compile(r"^(?:Q|Question|Hỏi)\s*[:.]\s", re.IGNORECASE)
INTERVIEW_CUE_FIRST = "QqHh"  # Speed: the letters INTERVIEW_CUE can open with

MIN_INTERVIEW_QUESTIONS = 2
# A date line standing among the first paragraphs (VGP prints it under the lead).
DATE_LINE_SEARCH_PARAGRAPHS = 6
MAX_STRAY_LABEL_WORDS = 3


def clean_document(text: str, uri: str) -> Article:
    """Clean one decoded document into an Article; CleanError when it holds no article."""
    if not isinstance(text, str) or not isinstance(uri, str):
        raise CleanError("document text and uri must be strings")
    try:
        if _looks_like_html(text, uri):
            return _clean_html(extract_html(text, uri), uri)
        start = _embedded_page_start(text)
        if start is not None:
            return _clean_html(extract_html(text[start:], uri), uri, banner=text[:start].strip())
        return _clean_plain(text, uri)
    except CleanError:
        raise
    except Exception as error:  # the contract: a bad document is a rejection, never a crash
        raise CleanError(f"cleaning failed: {type(error).__name__}: {error}") from error


def _looks_like_html(text: str, uri: str) -> bool:
    return bool(HTML_URI.search(uri) or HTML_START.match(text))


def _embedded_page_start(text: str) -> int | None:
    """Where a page's source starts under a proxy's banner (EMBEDDED_PAGE_START), or None."""
    opening = text[: MAX_BANNER_CHARS + 20]
    if "<" not in opening:  # Speed: most texts have no markup at all up there
        return None
    match = EMBEDDED_PAGE_START.search(opening)
    return match.start() if match is not None else None


def _clean_plain(text: str, uri: str = "") -> Article:
    draft = Draft()
    text = read_markdown_clip(drop_menu_rows(join_printed_pages(text, draft), draft), draft)
    blocks = split_blocks(text)
    reject_before_cleaning(blocks)
    blocks = cut_related(blocks, draft)
    blocks = take_front_matter(blocks, draft, known_title=None, text=text, uri=uri)
    blocks = take_teaser_above(blocks, draft)
    blocks = split_wrapped_credits(blocks)
    return _finish(blocks, draft, plain=True)


def _clean_html(page: HtmlPage, uri: str = "", banner: str = "") -> Article:
    draft = Draft()
    if banner:
        draft.drop("proxy_banner", banner)
    for caption in page.captions:
        draft.add_caption(caption)
    draft.removed.extend(page.removed)
    # The page's paragraphs are the blocks (no blank line inside one: `html.document.blocks_of`).
    blocks = [lines for paragraph in page.paragraphs if (lines := _lines_of(paragraph))]
    blocks = cut_related(blocks, draft)
    blocks = take_front_matter(blocks, draft, known_title=page.title, uri=uri)
    # Markup fields are explicit: they win over anything printed in the text.
    draft.title = page.title or draft.title
    draft.found_date = page.found_date or draft.found_date
    draft.byline = draft.byline or page.byline
    if draft.byline is not None:
        together = BYLINE_THEN_DATE.match(draft.byline)
        # "Hoang Phong October 2, 2024 | ...": a date printed after the name has a number; a
        # weekday's or month's word alone is the name's last word ("Hoang Anh Thu", "Le Van Mai").
        if together and _has_digit(together.group("date")) and is_date_words(together.group("date")):
            draft.byline = together.group("who")
            if draft.found_date is None:
                draft.found_date = parse_date(together.group("date"), "byline")
    if draft.byline_source is None and page.byline in AGENCY_SET:
        draft.byline_source = page.byline
    elif page.byline is not None and fold_key(page.byline) in AGENCY_NAMES:
        # "The Associated Press" as the byline element: the agency, which is the source, not a writer.
        draft.byline_source = draft.byline_source or AGENCY_NAMES[fold_key(page.byline)]
        if draft.byline == page.byline:
            draft.byline = None
    return _finish(blocks, draft, page=page)


def _has_digit(text: str) -> bool:
    return any(character.isdigit() for character in text)


def _lines_of(paragraph: str) -> list[str]:
    return [line for line in map(squeeze, paragraph.split("\n")) if line]


def _finish(blocks: list[list[str]], draft: Draft, plain: bool = False, page: HtmlPage | None = None) -> Article:
    blocks = cut_release_tail(blocks, draft)
    paragraphs = lines_to_paragraphs(blocks, draft, plain=plain)
    paragraphs = repair_paragraphs(paragraphs, draft)
    if page is not None:
        paragraphs = _drop_caps_labels(paragraphs, draft)
    if plain:
        paragraphs = _take_date_lines(paragraphs, draft)
    paragraphs = drop_caption_copies(paragraphs, draft)
    paragraphs = _drop_title_copies(paragraphs, draft)
    paragraphs = take_titled_name_captions(paragraphs, draft)
    paragraphs = _take_closing(paragraphs, draft, html=page is not None)
    paragraphs = take_dateline(paragraphs, draft)
    paragraphs = cut_next_story(paragraphs, draft)
    draft.found_date = dateline_date(agree_with_dateline(draft.found_date, draft.dateline_day), draft.dateline_day)
    # A page's blocks say which paragraphs are list items, rows or headings (repeats.py).
    paragraphs = drop_repeats(paragraphs, draft, page.blocks if page is not None else None)
    if not paragraphs:
        raise CleanError("no article body after cleaning")
    if plain:
        reject_after_cleaning(draft.title, paragraphs, draft.dateline)
        if draft.title is None and draft.mirror_title:
            draft.title = draft.mirror_title
        if draft.found_date is None and draft.mirror_date:
            draft.found_date = parse_date(draft.mirror_date, "text")
    words = 0
    for paragraph in paragraphs:  # the exact count matters only below MIN_BODY_WORDS
        words += len(paragraph.split())
        if words >= MIN_BODY_WORDS:
            break
    if words < MIN_BODY_WORDS:
        words = sum(count_words(paragraph) for paragraph in paragraphs)
    if words < MIN_BODY_WORDS:
        raise CleanError(f"article body too short after cleaning ({words} words)")
    kind = article_kind(paragraphs)
    if draft.byline is None and kind == "interview":
        draft.byline = interviewer(paragraphs[0])  # "... talked to VIR's Bich Thu about ..."
    found = draft.found_date
    return Article(
        title=draft.title,
        published_at=found.published_at if found else None,
        published_date=found.published_date if found else None,
        date_source=found.date_source if found else None,
        source=(
            draft.signoff_source or draft.dateline_source or draft.header_source
            or draft.byline_source
        ),
        dateline=draft.dateline,
        byline=draft.byline,
        kind=kind,
        paragraphs=tuple(paragraphs),
        captions=tuple(draft.captions),
        removed=tuple(draft.removed),
    )


def _take_closing(paragraphs: list[str], draft: Draft, html: bool = False) -> list[str]:
    """Sign-offs, end marks, a note on the writer and a closing byline ("By Kim Do-yeon (kimdy@heraldcorp.com)",
    "By Thanh Tam – Translated by Huong Giang", a broadcast reporter's "Name, Channel News,
    Place."), in whatever order they close the text.

    A list of headlines closing a saved text ("- Korean Business Etiquette - A Guide") is another
    page's links; on an HTML page such a list went with its box (furniture.py, generic.py), so
    items typed with a bullet that are left at its end are the article's own (a changelog).
    """
    paragraphs = cut_newsletter_footer(paragraphs, draft)
    while True:
        before = len(paragraphs), paragraphs[-1] if paragraphs else None
        paragraphs = take_signoff(paragraphs, draft)
        last = paragraphs[-1] if paragraphs else ""
        furniture = closing_furniture(last) if len(paragraphs) > 1 else None
        if furniture is not None:
            request = CONTACT_REQUEST.search(last) if furniture == "contact_note" else None
            byline = last[: request.start()].strip() if request is not None else ""
            if byline and take_byline(byline, draft):  # "By X, staff reporter" joined to the note
                last = last[request.start():]
            writer = WRITER_CREDIT.match(last) if furniture == "credit" else None
            if writer is not None and draft.byline is None:  # "News and photos: <Name>"
                draft.byline = writer.group("name").strip()
            draft.drop(furniture, last)
            paragraphs = paragraphs[:-1]
        elif paragraphs and (
            take_byline(last, draft) or (len(paragraphs) > 1 and take_reporter_signoff(last, draft))
        ):
            paragraphs = paragraphs[:-1]
        elif len(paragraphs) > 1 and (author := author_signature(last)) is not None:
            draft.byline = draft.byline or author  # "Senior Colonel, Dr. TRAN QUOC BINH, <institute>"
            draft.drop("byline", last)
            paragraphs = paragraphs[:-1]
        elif paragraphs and is_name(last) and len(paragraphs) > 1:
            draft.byline = draft.byline or last  # "Thuy Linh" alone under the last paragraph
            draft.drop("byline", last)
            paragraphs = paragraphs[:-1]
        elif paragraphs and (MASTHEAD.match(last) or (not html and _is_headline_item(last))):
            draft.drop("masthead" if MASTHEAD.match(last) else "headline_list", last)
            paragraphs = paragraphs[:-1]
        elif len(paragraphs) > 1 and _is_writer_note(last, draft.byline):
            draft.drop("byline", last)  # "Nguyen Van A is a researcher at ...": the writer's bio
            paragraphs = paragraphs[:-1]
        elif len(paragraphs) > 1 and _is_stray_label(last):
            draft.drop("chrome", last)  # "VNQD", "Thống kê": a short label closing the page
            paragraphs = paragraphs[:-1]
        elif len(paragraphs) > 1 and _is_office_signature(last):
            draft.drop("signature", last)  # "Department of International Cooperation" under the text
            paragraphs = paragraphs[:-1]
        elif len(paragraphs) > 1 and _is_cut_teaser(last, paragraphs[-2]):
            draft.drop("related_teaser", last)  # "... whose boat sank off the": the next item's start
            paragraphs = paragraphs[:-1]
        if (len(paragraphs), paragraphs[-1] if paragraphs else None) == before:
            return paragraphs


MAX_WRITER_NOTE_WORDS = 60


# The headline printed again stands among the first paragraphs, above the lead.
TITLE_COPY_SEARCH_PARAGRAPHS = 4
TITLE_COPY_SLACK_CHARS = 10


def _drop_title_copies(paragraphs: list[str], draft: Draft) -> list[str]:
    """The headline printed again as one of the first paragraphs (an aggregator's copy prints it
    above the photo and again under it; an AMP page under its caption): a paragraph that is
    the title, without a sentence's closing punctuation, is the headline, never text."""
    if draft.title is None or len(paragraphs) < 2:
        return paragraphs
    key = None
    length = len(draft.title)
    for index, paragraph in enumerate(paragraphs[:TITLE_COPY_SEARCH_PARAGRAPHS]):
        # Speed: a copy is as long as the title, give or take folded spaces and quotes.
        if abs(len(paragraph) - length) > TITLE_COPY_SLACK_CHARS or ends_terminal(paragraph):
            continue
        key = key or fold_key(draft.title)
        if fold_key(paragraph) == key:
            draft.drop("repeated_title", paragraph)
            return paragraphs[:index] + paragraphs[index + 1:]
    return paragraphs


def _drop_caps_labels(paragraphs: list[str], draft: Draft) -> list[str]:
    """A page's paragraphs that are only a label in capitals ("TOP STORY", "IN BRIEF"): the
    markup made them blocks of their own, and they name a section, never say anything."""
    kept = []
    for paragraph in paragraphs:
        if paragraph[:2].isupper() and is_caps_label(paragraph):
            draft.drop("section_label", paragraph)
        else:
            kept.append(paragraph)
    return kept


def _is_writer_note(paragraph: str, byline: str | None) -> bool:
    """"<the byline's name> is a researcher at ... The views expressed are her own.": a note on the
    writer closing an opinion piece or analysis, which names the byline and says what the writer
    is (or was), never article text."""
    return bool(
        byline
        and paragraph.startswith(byline)
        and paragraph[len(byline):].startswith((" is ", " was ", " has been ", " teaches ", " works "))
        and len(paragraph.split()) <= MAX_WRITER_NOTE_WORDS
    )


# The head nouns of an office's name, and the words that join a name's capitalised words.
OFFICE_WORDS = frozenset(
    "department ministry office embassy consulate agency center centre committee board division "
    "bureau institute association council secretariat authority unit commission directorate "
    # A university's news page signs its items with the faculty or school that wrote them.
    "faculty school college".split()
)
NAME_JOINERS = frozenset("of for and the in on at to".split())
MAX_SIGNATURE_WORDS = 8


def _is_office_signature(paragraph: str) -> bool:
    """The issuing office's name closing the text ("Department of International Cooperation",
    "Faculty of Korean Studies": a ministry's, embassy's or university's news page signs its
    items so, right-aligned): at most
    MAX_SIGNATURE_WORDS words, every one capitalised but the joining words, an office's head noun
    among them, no sentence's punctuation. A sentence has a verb and a full stop."""
    words = paragraph.split()
    if len(words) > MAX_SIGNATURE_WORDS or ends_terminal(paragraph) or "," in paragraph:
        return False
    return all(word[:1].isupper() or word in NAME_JOINERS for word in words) and any(
        word.casefold() in OFFICE_WORDS for word in words
    )


# Words that never end an English sentence: articles, prepositions, conjunctions, possessives.
DANGLING_WORDS = frozenset(
    "the a an of to in on at for with and or but nor by from as that than into onto off its their his "
    "her our whose which who whom this these those".split()
)
MAX_CUT_TEASER_WORDS = 40


def _is_cut_teaser(paragraph: str, before: str) -> bool:
    """The text's last paragraph breaks off inside a sentence, on a word no sentence ends with
    ("A Taiwanese fishing crew yesterday rescued Indonesian sailors whose boat sank off the"),
    after a paragraph that ends one: the start of the page's next item, cut where the page (an
    archive's list, a feed's excerpt) cuts its teasers, never the article's own last words."""
    if ends_terminal(paragraph) or not ends_terminal(before):
        return False
    words = paragraph.split()
    return len(words) <= MAX_CUT_TEASER_WORDS and words[-1].casefold() in DANGLING_WORDS


MAX_CLOSING_HEADING_WORDS = 8


def _is_stray_label(paragraph: str) -> bool:
    """At most MAX_STRAY_LABEL_WORDS words without closing punctuation: never a paragraph. Closing
    the text, a heading with nothing under it is the page's too: a line in title case (every word
    capitalised, "Try Our AI Features") or one that ends with a colon and introduces nothing
    ("Explore what our app can do for you:"), at most MAX_CLOSING_HEADING_WORDS words."""
    # Speed: the closing mark first; counting words scans the paragraph for unspaced scripts.
    if not ends_terminal(paragraph) and count_words(paragraph) <= MAX_STRAY_LABEL_WORDS:
        return True
    words = paragraph.split()
    if len(words) > MAX_CLOSING_HEADING_WORDS:
        return False
    if paragraph.endswith(":"):
        return True
    return (
        not ends_terminal(paragraph)
        and "," not in paragraph  # "Linh Vo, Ji-ho Baek": writers' names, not a heading
        and all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    )


def _is_headline_item(paragraph: str) -> bool:
    """"- Korean Business Etiquette - A Guide": a listed headline closing the text, not prose."""
    return paragraph[:1] in BULLET_MARKS and bool(BULLET.match(paragraph)) and not ends_terminal(paragraph)


def _take_date_lines(paragraphs: list[str], draft: Draft) -> list[str]:
    """A date line printed below the lead ("VGP - ... \n December 07, 2022 1:32 PM GMT+7")."""
    kept = []
    searched = 0
    for paragraph in paragraphs:
        if paragraph[:1] in BULLET_MARKS and BULLET.match(paragraph):
            kept.append(paragraph)
            continue
        searched += 1
        if searched <= DATE_LINE_SEARCH_PARAGRAPHS and is_date_line(paragraph):
            zone = draft.zone.get() if draft.zone is not None else None
            found = parse_date(DATE_LINE.match(paragraph).group("date"), "text", zone)
            if draft.found_date is None or (
                found is not None and found.published_at is not None
                and draft.found_date.published_at is None and draft.found_date.date_source == "marker"
            ):
                draft.found_date = found or draft.found_date
            draft.drop("date_line", paragraph)
            continue
        kept.append(paragraph)
    return kept


def ends_question(paragraph: str) -> bool:
    return "?" in paragraph and QUESTION_END.search(paragraph) is not None


def article_kind(paragraphs: list[str]) -> str:
    """An interview alternates questions and answers (seed 000); reported speech is news (002).

    A question paragraph is one whose last sentence ends in "?": seed 000's answer "Have you ever
    heard ... Gyeonggi Province? So many ..." holds a question but is an answer.
    """
    cues = sum(
        bool(INTERVIEW_CUE.match(paragraph)) for paragraph in paragraphs if paragraph[:1] in INTERVIEW_CUE_FIRST
    )
    if cues >= MIN_INTERVIEW_QUESTIONS:
        return "interview"
    answered = sum(
        1
        for question, answer in zip(paragraphs, paragraphs[1:])
        if ends_question(question) and not ends_question(answer)
    )
    return "interview" if answered >= MIN_INTERVIEW_QUESTIONS else "news"
