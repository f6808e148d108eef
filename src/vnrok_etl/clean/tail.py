"""The article's end: related-article blocks, agency end marks and sign-offs, and what follows them.

An article ends at its agency's end mark (VNA's "/.", Yonhap's "(END)") or sign-off ("— VNS",
"-VNA", "... next year. VNS", a bare "VNA" line, "Source: Vietnam News Agency"), wherever it
stands: what follows an end mark is other articles' teasers or a truncated repeat of the article
(a mirror's copy), never more of the article. A related-articles heading ("See more", "Most
Popular", "Read more", "Tags:") followed by teaser items to the end of the text cuts the rest; one
inside the article, followed by prose again, removes only its own box (issue 16).
"""

from __future__ import annotations

import re

from vnrok_etl.clean.captions import caption_match, credit_caption
from vnrok_etl.clean.common import (
    AGENCY,
    DATELINE_COUNTRY_KEYS,
    KNOWN_PLACE_SPELLING,
    MIN_BODY_WORDS,
    Draft,
    alternation,
    by_first_character,
    by_last_character,
    ends_sentence,
    ends_terminal,
    fold_key,
    may_hold_words,
    words_up_to,
)
from vnrok_etl.profiles import AGENCY_CODES, AGENCY_NAMES, RELATED_HEADINGS, SECTION_WORDS

# Seed 002: the related block opens with "See more"; "Tags: a, b" carries its items inline.
# A rail's "More <kind>" or "More from/in/on <section>" heading ("More Features", "More Videos",
# "More in Asia", "More on this story") opens one too: a page's next reads, never a sentence.
MORE_HEADING = (
    r"more\s+(?:features|videos|photos|stories|articles|news|reports|(?:from|in|on|about)\s+[\w .'’&-]{2,30})"
    # A copy's link to the story it copied ("View the original post here .", "Read the original
    # article"): the copy ends there, and what follows is the page's next item.
    r"|(?:view|read|see)\s+(?:the\s+)?original\s+(?:post|article|story)(?:\s+here)?\s*\.?"
)
# The heading may close with a colon or a link's arrow or ellipsis ("Read more …", "See more »").
RELATED_HEADING = re.compile(
    rf"^(?:(?:{alternation(RELATED_HEADINGS)}|{MORE_HEADING})\s*(?:[:…»→›>]|\.\.\.)*\s*$|(?:tags|keywords|topics)\s*:)",
    re.IGNORECASE,
)
RELATED_HEADING_STARTS = tuple(
    {word.lower() for word in RELATED_HEADINGS} | {"tags", "keywords", "topics", "more ", "view ", "read ", "see "}
)
RELATED_HEADING_PREFIX_CHARS = max(len(start) for start in RELATED_HEADING_STARTS)
# Speed: a line is compared with the headings that begin with its first character only.
RELATED_HEADING_STARTS_BY_FIRST = by_first_character(RELATED_HEADING_STARTS)


def related_heading(line: str) -> bool:
    """bool(RELATED_HEADING.match(line)); a line that starts with none of the headings is not read."""
    opening = line[:RELATED_HEADING_PREFIX_CHARS].lower()
    if not opening.startswith(RELATED_HEADING_STARTS_BY_FIRST.get(opening[:1], ())):
        return False
    return RELATED_HEADING.match(line) is not None

# Seed 002: a bare "VNA" line after the last paragraph; also "— VNS" or "Source: VNA" alone.
STANDALONE_AGENCY = re.compile(rf"^(?:[—–-]|(?i:source)\s*:)?\s*(?P<source>{AGENCY})\.?$")
AGENCY_CODE_ENDINGS = tuple(AGENCY_CODES)
# Speed: a line is compared with the codes that end with its last character only.
AGENCY_CODE_ENDINGS_BY_LAST = by_last_character(AGENCY_CODE_ENDINGS)


def standalone_agency(line: str) -> re.Match[str] | None:
    """STANDALONE_AGENCY.match(line); a line that does not end with an agency code is not read."""
    end = line.rstrip(".\n")
    if not end.endswith(AGENCY_CODE_ENDINGS_BY_LAST.get(end[-1:], ())):
        return None
    return STANDALONE_AGENCY.match(line)

# Seeds 000, 003, 004: "... many fields. — VNS", "... the world. — VNA/VNS"; glued to the full stop
# ("... nine months.-VNA"), after it with a space only ("... next year. VNS"), or bracketed after
# it (a wire story's "... the ministry said. (Yonhap)").
TRAILING_SIGNOFF = re.compile(
    rf"(?:\s*[—–]\s*|\s+--?\s*|(?<=[.!?…\"”’])-\s*|(?<=[.!?…\"”’])\s+\(?)"
    rf"(?P<source>{AGENCY})\)?\.?$"
)

# "(Reporting by A in Seoul; Editing by B)", "(Additional reporting by C; Writing by D)": a wire
# story's closing credits, bracketed, each a task and "by": who worked on it, not the article.
WIRE_CREDIT = re.compile(
    r"^\((?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics?)\s+by\s[^()]*\)\.?$",
    re.IGNORECASE,
)
# "Some information for this report came from Reuters.", "Material for this story came from AP
# and AFP.", "Kim Ji-soo in Seoul contributed to this report.": a closing note on where the text's
# material came from or who helped write it (a broadcaster's or paper's copy of wire reports),
# like the bracketed credits above: who worked on it, not the article.
CONTRIBUTION_CREDIT = re.compile(
    r"^(?:(?:some|additional|other)\s+)?(?:information|material|reporting|details)\s+(?:for|in)\s+this\s+"
    r"(?:report|story|article)\s+(?:came|comes|was\s+provided|is)\s+from\s+[^.;]{2,80}\.?$"
    r"|^[A-Z][^.;:]{1,80}?\s+contributed(?:\s+additional)?\s+(?:to\s+this\s+(?:report|story|article)|reporting)"
    r"(?:\s+from\s+[^.;]{2,40})?\.?$",
    re.IGNORECASE,
)
MAX_CONTRIBUTION_CREDIT_WORDS = 20
# Seed 002: VNA ends its last paragraph with "/." after the full stop.
VNA_END_MARK = re.compile(r"\s*/\.$")
# "... is at http://example.org/drafts/." : a web address closed by a full stop, not the mark.
URL_THEN_STOP = re.compile(r"(?:://|www\.)\S*/\.$")
# The same mark followed by more text on its line ("... he said./.VNA", "... revenue./. The
# programme, funded by ..."): the mark ends the article, the rest is a repeat or a teaser.
INNER_END_MARK = re.compile(r"(?<=[.!?…\"”’)])\s*/\.(?=\s*\S)")
# Yonhap's end mark: "(END)" alone on the last line, or closing the last paragraph; Xinhua's
# "Enditem", glued after the last sentence's full stop or on a line of its own.
WIRE_END = re.compile(r"\s*(?:\(END\)|(?<![\w-])Enditem)$")
# "Source: Vietnam News Agency", "Source: VNA": the agency named in full or by its code.
SOURCE_LINE = re.compile(r"^(?i:source)\s*:\s*(?P<name>[^\n:]{2,60}?)\.?$")
# "Source: CNA/lp(ga)", "Source: Reuters/ec", "Source: Agencies/CNA/kg": CNA and TODAY close with
# the source and, after a slash, the desk's initials in lower case (the writer's, then the
# editor's in brackets): the initials are not the source.
DESK_INITIALS = re.compile(r"(?:/[a-z]{1,4}(?:\([a-z]{1,4}\))?)+$")
# A related box ends where prose starts again: a line of this many words that ends a sentence.
MIN_PROSE_WORDS = 12
MAX_SOURCE_WORDS = 4
# The longest sign-off: a dash, spaces, the longest agency code, a bracket and a full stop.
SIGNOFF_TAIL_CHARS = 40
MAX_BOX_ITEM_WORDS = 30

# Speed: most lines can be ruled out for the end-anchored searches above with a str method (the
# regex engine has no fast path for "$"-anchored or case-insensitive searches and tries every
# position, several µs a line). Each pre-check is a necessary condition for its pattern, so the
# pattern still decides every line that passes.
AGENCY_ENDINGS = tuple(AGENCY_CODES) + tuple(f"{code})" for code in AGENCY_CODES)
AGENCY_ENDINGS_BY_LAST = by_last_character(AGENCY_ENDINGS)
# "Business Korean firms seek ... suppliers Korean importers want ...": a teaser item opens with
# its section's name, then the headline.
TEASER_ITEM = re.compile(rf"^(?:{alternation(SECTION_WORDS)})\s+[A-Z0-9\"“‘]")


# A paywall's or membership pitch where the visible text stops: "This is a premium story",
# "Already a subscriber? Log in", "Already a member? Log in to keep reading ...", "Become a
# member", "Subscribe now", "Subscribe to read the full story", "Sign in to continue reading".
# What a page prints from there on is the pitch, its buttons and the page's rails, never more
# of the article (the text behind the wall is not in the saved page).
PAYWALL_PITCH = re.compile(
    r"^(?:this\s+(?:is\s+an?|article\s+is\s+an?|story\s+is\s+an?)\s+(?:premium|exclusive|subscriber|members?)"
    r"(?:[- ]only)?\s+(?:story|article|content|report|piece)"
    r"|already\s+an?\s+(?:subscriber|member)\s*\?"
    r"|become\s+an?\s+(?:member|subscriber)\b"
    r"|subscribe\s+(?:now|today|to\s+(?:read|continue|unlock|keep\s+reading))\b"
    r"|(?:log|sign)\s+in\s+to\s+(?:continue|keep)\s+reading\b"
    r"|(?:to\s+)?(?:continue|keep)\s+reading\s+(?:with|by)\s+(?:a\s+)?(?:subscription|subscribing|membership)\b)",
    re.IGNORECASE,
)
# Speed: the letters PAYWALL_PITCH can open with (re.IGNORECASE also matches "ſ" to "s"), and
# its first four lower-cased ("ſ" stays "ſ" under str.lower(); lines are squeezed, one space).
PAYWALL_FIRST = "tTaAbBsSſlLcCkK"
PAYWALL_OPENINGS = ("this", "alre", "beco", "subs", "ſubs", "log ", "sign", "ſign", "cont", "keep", "to c", "to k")
MAX_PAYWALL_WORDS = 30


def paywall_pitch(line: str) -> bool:
    """PAYWALL_PITCH opens the line, which is short; lines opening otherwise are not read."""
    return (
        line[:1] in PAYWALL_FIRST
        and line[:4].lower().startswith(PAYWALL_OPENINGS)
        and words_up_to(line, MAX_PAYWALL_WORDS + 1) <= MAX_PAYWALL_WORDS
        and PAYWALL_PITCH.match(line) is not None
    )


def cut_related(blocks: list[list[str]], draft: Draft) -> list[list[str]]:
    """Drop everything after the article's end: from a related-articles heading (seed 002's
    "See more"), or after the agency's end mark when no heading follows it (VNA's "/." and bare
    "VNA" line, VNS's "— VNS", Yonhap's "(END)"): what comes after a sign-off is other articles'
    headlines. A heading followed by prose again removes only its own box (`_inline_box_end`), and
so does one above any prose (a related box in the page's header, `_box_above_end`). A paragraph
of prose closing a table cell (" |") with only cells after it ends the article: the cells after
it are a related list laid out in a table (`_cells_to_the_end`).

    Never from the first line: a text cannot start with its own related list. Nothing after the
    cut feeds the title, the date or the captions. `blocks` (fresh from split_blocks) is changed
    in place, not copied: copying every block cost a tenth of this function.
    """
    lines = [(b, i) for b, block in enumerate(blocks) for i in range(len(block))]
    words = 0
    position = 0
    while position < len(lines):
        b, i = lines[position]
        line = blocks[b][i]
        if position and line and related_heading(line):
            # Speed: whether prose came before is asked only here, at a heading (rare).
            seen_prose = any(_is_prose(blocks[bb][ii]) for bb, ii in lines[:position])
            box_end = (
                _inline_box_end(blocks, lines, position) if seen_prose
                else _box_above_end(blocks, lines, position)
            )
            if box_end is None:
                return _without_blanks(cut_at(blocks, b, i, draft))
            draft.drop("related_box", "\n".join(blocks[bb][ii] for bb, ii in lines[position:box_end]))
            for bb, ii in lines[position:box_end]:
                blocks[bb][ii] = ""
            position = box_end
            continue
        if words > MIN_BODY_WORDS and line[:1] in PAYWALL_FIRST and paywall_pitch(line):
            # The visible text stops at a paywall's pitch: the rest is its buttons and rails.
            cut = [blocks[b][i:]] + blocks[b + 1:]
            draft.drop("paywall", "\n\n".join("\n".join(part for part in lines_ if part) for lines_ in cut))
            return _without_blanks(blocks[:b] + ([blocks[b][:i]] if i else []))
        if words <= MIN_BODY_WORDS:  # only "more than MIN_BODY_WORDS" matters: stop counting there
            words += len(line.split())
        if words > MIN_BODY_WORDS and line.endswith(" |") and _cells_to_the_end(blocks, lines, position):
            draft.drop("table_frame", "|")
            blocks[b][i] = line[:-2].rstrip()
            if position + 1 < len(lines):
                return _without_blanks(cut_at(blocks, *lines[position + 1], draft))
            return _without_blanks(blocks)
        if (
            words > MIN_BODY_WORDS and line[:1] == "(" and position + 1 < len(lines)
            and WIRE_CREDIT.match(line)
        ):
            # "(Reporting by A; Editing by B)": a wire story's closing credits end it as an end
            # mark does; on a feed or tag page, the next item follows (take_signoff drops them).
            return _without_blanks(cut_at(blocks, *lines[position + 1], draft))
        if words > MIN_BODY_WORDS and ("/." in line or "(END)" in line or "Enditem" in line):
            inner = INNER_END_MARK.search(line)
            if inner is not None:  # "... he said./.VNA ..." : keep the mark, cut what follows it
                blocks[b][i] = line[: inner.end()]
                blocks[b].insert(i + 1, line[inner.end():].strip())
                lines = [(bb, ii) for bb, block in enumerate(blocks) for ii in range(len(block))]
                line = blocks[b][i]
            wire_end = WIRE_END.search(line)
            if wire_end is not None:
                draft.drop("end_mark", wire_end.group(0))
                blocks[b][i] = line[: wire_end.start()].rstrip()
                if position + 1 < len(lines):
                    return _without_blanks(cut_at(blocks, *lines[position + 1], draft))
                return _without_blanks(blocks)
        # An end mark needs an article before it: "by Lan Anh - NDO" heads a text, it ends none.
        # Speed: the end tests are read only where a cut could follow, once per line (a block's
        # last line is its end mark's too: ends_article reads it first).
        if (
            position + 1 < len(lines)
            and words > MIN_BODY_WORDS
            and (ends_article(blocks[b]) if i == len(blocks[b]) - 1 else line and end_mark(line))
            and not _digest_continues(blocks, lines, position)
        ):
            following = blocks[lines[position + 1][0]][lines[position + 1][1]]
            if (
                standalone_agency(following) or _names_agency(following) or _is_signature(following)
                or author_signature(following)
            ):
                position += 1  # "/." then "VNA" or the writer's name: it stays with the article
            if position + 1 < len(lines):
                return _without_blanks(cut_at(blocks, *lines[position + 1], draft))
            return _without_blanks(blocks)
        position += 1
    return _without_blanks(blocks)


def _digest_continues(blocks: list[list[str]], lines: list[tuple[int, int]], position: int) -> bool:
    """After an end mark, another item of a digest: prose that ends with the same agency's "/."
    mark again and is not a copy of what came before. A news digest (VNA's "Vietnam news
    headlines", a blog that gathers them) closes every item with "/.", often with the next item's
    heading glued after the mark; a teaser list or a mirror's truncated repeat does not both end
    with the mark and say something new."""
    if not end_mark(blocks[lines[position][0]][lines[position][1]]):
        return False
    after = [blocks[b][i] for b, i in lines[position + 1:] if blocks[b][i]]
    closing = next((index for index, line in enumerate(after) if end_mark(line)), None)
    if closing is None:
        return False
    item = " ".join(after[: closing + 1])
    if len(item.split()) < MIN_PROSE_WORDS:
        return False
    opening = " ".join(item.split()[:DIGEST_REPEAT_WORDS])
    before = " ".join(blocks[b][i] for b, i in lines[: position + 1])
    return opening not in " ".join(before.split())


DIGEST_REPEAT_WORDS = 8


def _is_signature(line: str) -> bool:
    """A name alone ("Vien Thu"): two to four capitalised words, no digits, nothing else."""
    words = line.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() and word.isalpha() for word in words)


# "Senior Colonel, Dr. TRAN QUOC BINH, Institute for Defence Strategy", "Assoc. Prof. Dr. LE VAN
# AN, Academy of Politics": a journal's author line under the text, the writer's rank or degree,
# the name in capitals, and the institution, parted by commas. The name printed in capitals is
# what tells it from a sentence or a list of offices.
ACADEMIC_TITLES = r"(?:(?:Assoc\.|Associate|Asst\.)\s*)?(?:Prof\.|Professor|Dr\.|PhD\.?|MA\.|MSc\.|M\.A\.|BA\.)"
AUTHOR_NAME_CAPS = re.compile(
    rf"^(?:{ACADEMIC_TITLES}\s*)*(?P<who>[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’-]+(?:\s+[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’-]+){{1,3}})$"
)
AUTHOR_LINE_JOINERS = frozenset("of for and the in on at".split())
PLACE_KEYS = DATELINE_COUNTRY_KEYS | frozenset(KNOWN_PLACE_SPELLING)
MAX_AUTHOR_LINE_CHARS = 140


def author_signature(line: str) -> str | None:
    """The writer's name (as text writes it: "Tran Quoc Binh") when the line is a journal's author
    line (AUTHOR_NAME_CAPS among two to four comma-parted parts, the others capitalised words: a
    rank, a degree, an institution); None otherwise."""
    if "," not in line or len(line) > MAX_AUTHOR_LINE_CHARS:
        return None
    parts = [part.strip() for part in line.rstrip(".").split(",")]
    if not 2 <= len(parts) <= 4:
        return None
    name = None
    for part in parts:
        named = AUTHOR_NAME_CAPS.match(part) if name is None else None
        if named is not None and named.group("who").casefold() in PLACE_KEYS:
            return None  # "Seoul, SOUTH KOREA": a place, not a writer
        if named is not None:
            name = " ".join(word[:1] + word[1:].lower() for word in named.group("who").split())
            continue
        words = part.split()
        if not words or not all(word[:1].isupper() or word in AUTHOR_LINE_JOINERS for word in words):
            return None
    return name


def _names_agency(line: str) -> bool:
    named = SOURCE_LINE.match(line)
    return named is not None and fold_key(named.group("name")) in AGENCY_NAMES


def _without_blanks(blocks: list[list[str]]) -> list[list[str]]:
    kept = [[line for line in block if line] for block in blocks]
    return [block for block in kept if block]


def _inline_box_end(blocks: list[list[str]], lines: list[tuple[int, int]], start: int) -> int | None:
    """Where a related box that opens at `start` ends, when prose follows it; None when teasers
    run to the end of the text (then the whole rest is the related block).

    The box is its heading and the items under it (headline-like lines, teaser items, captions).
    It is inside the article only if at least two lines of prose follow it and nothing after them
    looks like another teaser (a headline-like line or a teaser item).
    """
    position = start + 1
    while position < len(lines) and _is_box_item(blocks[lines[position][0]][lines[position][1]]):
        position += 1
    rest = [blocks[b][i] for b, i in lines[position:]]
    prose = [line for line in rest if _is_prose(line)]
    if len(prose) < 2 or any(line and _is_box_item(line) for line in rest):
        return None
    return position


def _box_above_end(blocks: list[list[str]], lines: list[tuple[int, int]], start: int) -> int | None:
    """Where a related box ends that opens above any prose ("Latest", "Tin liên quan" in a page's
    header, before the article): at the first line of prose after it. A text does not open with
    its own end, so such a box is only itself; None when no prose follows (then it is the rest)."""
    for position in range(start + 1, len(lines)):
        if _is_prose(_uncelled(blocks[lines[position][0]][lines[position][1]])):
            return position
    return None


def _uncelled(line: str) -> str:
    """A line without the border of the table cell it was laid out in ("<text> |")."""
    return line[:-1].rstrip() if line.endswith("|") else line


def _cells_to_the_end(blocks: list[list[str]], lines: list[tuple[int, int]], position: int) -> bool:
    """A line of prose closing a table cell (" |"), and every line after it (at least one) also
    a cell's: the article's last paragraph, and after it a related list laid out in a table
    (teasers each closed by its cell's border). The article's own paragraphs are not cells."""
    line = blocks[lines[position][0]][lines[position][1]]
    if not _is_prose(line[:-2].rstrip()):
        return False
    after = [blocks[b][i] for b, i in lines[position + 1:]]
    after = [line for line in after if line]
    return bool(after) and all(line.endswith("|") for line in after)


def _is_box_item(line: str) -> bool:
    if not line:
        return True
    if related_heading(line) or TEASER_ITEM.match(line) or caption_match(line):
        return True
    if credit_caption(line):
        return True
    return len(line.split()) <= MAX_BOX_ITEM_WORDS and not ends_terminal(line)


def _is_prose(line: str) -> bool:
    return len(line.split()) >= MIN_PROSE_WORDS and ends_sentence(line)


# The last characters (closing full stops and newlines aside) that `end_mark`, `trailing_signoff`
# and `standalone_agency` can accept: "/" of the end mark "/.", an agency's or its code's last.
END_OF_ARTICLE_LAST = frozenset("/") | frozenset(AGENCY_ENDINGS_BY_LAST) | frozenset(AGENCY_CODE_ENDINGS_BY_LAST)


def ends_article(block: list[str]) -> bool:
    """The block's last line ends the article; a bare "VNA" only as a block of its own (under a
    caption, on the caption's next line, it is a photo credit)."""
    line = block[-1]
    # Speed: each test needs the line (its closing full stops and newlines aside) to end with an
    # agency's last character or with the "/" of "/.": most lines of prose are decided here.
    if line.rstrip(".\n")[-1:] not in END_OF_ARTICLE_LAST:
        return False
    return bool(
        end_mark(line)
        or (trailing_signoff(line) and not (line.endswith(")") and credit_caption(line)))
        or (len(block) == 1 and standalone_agency(line))
    )


def cut_at(blocks: list[list[str]], b: int, i: int, draft: Draft) -> list[list[str]]:
    cut = [blocks[b][i:]] + blocks[b + 1:]
    draft.drop("related_block", "\n\n".join("\n".join(line for line in lines if line) for lines in cut))
    return blocks[:b] + ([blocks[b][:i]] if i else [])


# What closes a press release after its text, in the order the wires print it: "About <Company>"
# (a heading alone, then the company's boilerplate), "Media Contact:" / "Press contacts" /
# "Investor Relations" (names, phones, addresses), "SOURCE <Company>" (the release's issuer, in
# capitals, as PR Newswire and its peers print it). The first of them ends the article.
RELEASE_TAIL = re.compile(
    r"^(?:About\s+(?:the\s+)?[A-Z][\w.&'’,()-]*(?:\s+[\w.&'’,()-]+){0,6}\s*:?$"
    r"|(?i:media|press|investor|pr)\s+(?i:contacts?|inquiries|enquiries|relations)\b"
    r"|(?i:contacts?)\s*:"
    r"|SOURCE\s+[A-Z])"
)
MAX_RELEASE_HEADING_WORDS = 8
# Speed: a necessary condition for RELEASE_TAIL, read with str.startswith.
RELEASE_TAIL_STARTS = ("About", "SOURCE", "Media", "MEDIA", "Press", "PRESS", "Investor", "INVESTOR", "PR ", "Contact", "CONTACT")
# A note on where the copy comes from, closing a partner's or syndicated copy: "This article was
# published in <site> with the title ... Click to read: <url>", "This story first appeared on
# <outlet>", "This article appeared on <outlet>'s website, which is a media partner of ...".
PARTNER_NOTE = re.compile(
    r"^This (?:article|story|report|piece) (?:was (?:first |originally )?(?:published|posted)|"
    r"(?:first |originally )?appeared|is (?:republished|published) (?:from|with|under))\b",
    re.IGNORECASE,
)
# A newsletter's frame: "View this email in your browser", "Forwarded this email? Subscribe here.",
# "You are receiving this email because ...", "Unsubscribe | Update your preferences", "Manage
# your subscription": lines about the e-mail, never the news it carries.
NEWSLETTER_FRAME = re.compile(
    r"\b(?:unsubscribe|view (?:this|it|the) (?:email|e-mail|newsletter) (?:in|on) (?:your|a|the) (?:browser|web)"
    r"|forward(?:ed)? (?:this|to a) (?:email|e-mail|friend)|you (?:are|were) receiving this"
    r"|update (?:your )?(?:email )?preferences|manage (?:your )?subscription|email preferences)\b",
    re.IGNORECASE,
)
# Speed: every NEWSLETTER_FRAME match holds one of these words (`newsletter_frame`).
NEWSLETTER_FRAME_WORDS = ("unsubscribe", "view ", "forward", "receiving this", "preferences", "subscription")
# "Please direct questions or comments to [english@hani.co.kr]", "Send tips to news@example.com":
# the outlet's address for readers, closing the text.
CONTACT_NOTE = re.compile(
    r"\b(?:questions|comments|feedback|tips|corrections|story ideas|write to|contact us|email us)\b.*@[\w-]+\.",
    re.IGNORECASE,
)
MAX_CONTACT_NOTE_WORDS = 25
# Where the note's request opens ("Please direct ...", "Send ...", "Email ..."): a byline printed
# on the line above it may have been joined to it ("By Kim Min-seo, staff reporter Please ...").
CONTACT_REQUEST = re.compile(r"\b(?:Please\s+)?(?:direct|send|e-?mail|write|contact)\b", re.IGNORECASE)
MAX_FRAME_WORDS = 40
# "Source: Investment News_Korean contractors line up ...": the outlet a copy was taken from and
# the original headline, glued by an underscore.
SOURCE_WITH_HEADLINE = re.compile(r"^(?i:source)\s*:\s*(?P<name>[^_:\n]{2,60})_\S.*$")


# Who edited, translated or photographed the text, printed under it: "Edited by <Name>",
# "Translated by <Name>. Edited by <Name>.", "Translated: <office>, <university>", "Photos by
# <Name>". One to three credits, each a task, "by" or a colon, and a name or office (capitalised
# words, commas and joining words only): the page's credits, not the article ("Edited by hand in
# the field, ..." is a sentence).
CREDITED_NAME = r"[A-Z][\w'’.-]*(?:,?\s+(?:(?:of|for|and|the|de|van|von|&)\s+)*[A-Z][\w'’.-]*)*"
PRODUCTION_CREDIT = re.compile(
    r"^(?:(?i:translated|edited|copy-?edited|proofread|compiled|produced|photos?|graphics?|video|layout)"
    rf"\s*(?:(?i:by)\s+|:\s*){CREDITED_NAME}\s*\.?\s*){{1,3}}$"
)
# The writer's credit printed under the text together with the photographer's: "News and photos:
# <Name>", "Text and photos: <Name>", "Story and photos by <Name>": the byline.
WRITER_CREDIT = re.compile(
    rf"^(?i:news|text|story|article|report|words)\s+(?:(?i:and)|&)\s+(?i:photos?)\s*(?::|(?i:by)\b)\s*(?P<name>{CREDITED_NAME})\.?$"
)
MAX_CREDIT_WORDS = 24
# A syndicating site's note on what it shows ("This website shows a shortened selection of the
# news <agency> distributes to its subscribers ... For subscription options, please get in touch
# with us."): about the service, never the news.
SUBSCRIBER_NOTE = re.compile(
    r"\b(?:distribut\w*\s+to\s+(?:its|our)\s+subscribers|for\s+subscription\s+(?:options|details|information|enquiries|inquiries))\b",
    re.IGNORECASE,
)
# The note speaks of the page or service it stands on ("this website", "this page", "our news
# service"): a sentence of an article about an agency's subscribers does not.
SUBSCRIBER_NOTE_SITE = re.compile(r"\b(?:this|our)\s+(?:news\s+)?(?:website|site|page|service|portal)\b", re.IGNORECASE)
# A firm's or office's invitation closing its newsletter item: "Please contact us if you have any
# questions regarding the above.", "Please do not hesitate to contact us for further information.",
# "For more information, please contact ...": addressed to the reader, not what the item reports.
CONTACT_INVITATION = re.compile(
    r"^(?:for\s+(?:further|more)\s+(?:information|details)\s*,\s*)?please\s+(?:do\s+not\s+hesitate\s+to\s+|feel\s+free\s+to\s+)?"
    r"(?:contact|reach\s+out\s+to|get\s+in\s+touch\s+with)\s+(?:us|our|the\s+authors?|any\s+of)\b",
    re.IGNORECASE,
)
MAX_CONTACT_INVITATION_WORDS = 30


def cut_release_tail(blocks: list[list[str]], draft: Draft) -> list[list[str]]:
    """A press release's closing blocks (RELEASE_TAIL) and everything after the first of them.

    Read on the lines before they become paragraphs: an "About <Company>" heading alone on its
    line would otherwise pass for a caption and leave the boilerplate under it as text."""
    words = 0
    for b, block in enumerate(blocks):
        for i, line in enumerate(block):
            if words > MIN_BODY_WORDS and line.startswith(RELEASE_TAIL_STARTS) and RELEASE_TAIL.match(line) and (
                not line.startswith("About") or (
                    len(line.split()) <= MAX_RELEASE_HEADING_WORDS and not ends_terminal(line)
                )
            ):
                return _without_blanks(_cut_release(blocks, b, i, draft))
            if words <= MIN_BODY_WORDS:  # only "more than MIN_BODY_WORDS" matters: stop counting there
                words += len(line.split())
    return blocks


def _cut_release(blocks: list[list[str]], b: int, i: int, draft: Draft) -> list[list[str]]:
    cut = [blocks[b][i:]] + blocks[b + 1:]
    draft.drop("release_tail", "\n\n".join("\n".join(lines) for lines in cut))
    return blocks[:b] + ([blocks[b][:i]] if i else [])


MAX_FOOTER_PARAGRAPHS = 4


def cut_newsletter_footer(paragraphs: list[str], draft: Draft) -> list[str]:
    """A newsletter's footer: from a frame line (NEWSLETTER_FRAME) among the last paragraphs to
    the end, whatever follows it (the sender's postal address, the legal lines) is the frame."""
    start = max(1, len(paragraphs) - MAX_FOOTER_PARAGRAPHS)
    for index in range(start, len(paragraphs)):
        paragraph = paragraphs[index]
        if words_up_to(paragraph, MAX_FRAME_WORDS) <= MAX_FRAME_WORDS and newsletter_frame(paragraph):
            draft.drop("newsletter_frame", "\n\n".join(paragraphs[index:]))
            return paragraphs[:index]
    return paragraphs


def newsletter_frame(paragraph: str) -> re.Match[str] | None:
    """NEWSLETTER_FRAME.search(paragraph), for paragraphs holding one of its words only."""
    if not may_hold_words(paragraph, NEWSLETTER_FRAME_WORDS):
        return None
    return NEWSLETTER_FRAME.search(paragraph)


def closing_furniture(paragraph: str) -> str | None:
    """The rule by which the text's last paragraph is furniture of the page or e-mail, not the
    article (PARTNER_NOTE, NEWSLETTER_FRAME, CONTACT_NOTE, SOURCE_WITH_HEADLINE, PRODUCTION_CREDIT,
    WRITER_CREDIT, SUBSCRIBER_NOTE, CONTACT_INVITATION); None when it is text."""
    words = words_up_to(paragraph, MAX_FRAME_WORDS * 2)  # compared with limits up to that only
    if PARTNER_NOTE.match(paragraph) and words <= MAX_FRAME_WORDS * 2:
        return "partner_note"
    if words <= MAX_FRAME_WORDS and newsletter_frame(paragraph):
        return "newsletter_frame"
    if words <= MAX_CONTACT_NOTE_WORDS and "@" in paragraph and CONTACT_NOTE.search(paragraph):
        return "contact_note"
    if SOURCE_WITH_HEADLINE.match(paragraph):
        return "signoff"
    if words <= MAX_CREDIT_WORDS and (PRODUCTION_CREDIT.match(paragraph) or WRITER_CREDIT.match(paragraph)):
        return "credit"
    if (
        words <= MAX_FRAME_WORDS * 2 and "subscri" in paragraph and SUBSCRIBER_NOTE.search(paragraph)
        and SUBSCRIBER_NOTE_SITE.search(paragraph)
    ):
        return "subscriber_note"
    if (
        words <= MAX_CONTACT_INVITATION_WORDS and ("ontact" in paragraph or "touch" in paragraph)
        and CONTACT_INVITATION.match(paragraph)
    ):
        return "contact_invitation"
    return None


def take_signoff(paragraphs: list[str], draft: Draft) -> list[str]:
    """Agency sign-offs at the end: a bare "VNA" line, "— VNS" and "/." after the last sentence,
    "Source: Vietnam News Agency", a wire's bracketed credits "(Reporting by ...; Editing by ...)"
    and a note on where the report's material came from (CONTRIBUTION_CREDIT)."""
    paragraphs = list(paragraphs)
    while paragraphs:
        last = paragraphs[-1]
        if last[:1] == "(" and WIRE_CREDIT.match(last):
            draft.drop("wire_credit", last)
            paragraphs.pop()
            continue
        # Speed: both credits hold "this re"/"this st"/"this ar" or "contributed"; most lines neither.
        if (
            len(paragraphs) > 1
            and ("contributed" in last or " this " in last)
            and words_up_to(last, MAX_CONTRIBUTION_CREDIT_WORDS + 1) <= MAX_CONTRIBUTION_CREDIT_WORDS
            and CONTRIBUTION_CREDIT.match(last)
        ):
            draft.drop("wire_credit", last)
            paragraphs.pop()
            continue
        standalone = standalone_agency(last)
        if standalone:
            draft.signoff_source = draft.signoff_source or standalone.group("source")
            draft.drop("signoff", last)
            paragraphs.pop()
            continue
        named = SOURCE_LINE.match(last)
        if named and len(named.group("name").split()) <= MAX_SOURCE_WORDS:
            # "Source: Vietnam News Agency" is VNA; "Source: vnExpress" stays as printed.
            name = DESK_INITIALS.sub("", named.group("name").strip())
            draft.signoff_source = draft.signoff_source or AGENCY_NAMES.get(fold_key(name), name)
            draft.drop("signoff", last)
            paragraphs.pop()
            continue
        trailing = trailing_signoff(last) or end_mark(last)
        if trailing is None:
            break
        if "source" in trailing.re.groupindex:
            draft.signoff_source = draft.signoff_source or trailing.group("source")
        draft.drop("signoff", trailing.group(0))
        remaining = last[: trailing.start()].rstrip()
        if remaining:
            paragraphs[-1] = remaining
        else:
            paragraphs.pop()
    return paragraphs


def trailing_signoff(line: str) -> re.Match[str] | None:
    end = line.rstrip(".\n")
    if not end.endswith(AGENCY_ENDINGS_BY_LAST.get(end[-1:], ())):
        return None
    # Speed: the sign-off is in the last few characters; look-behinds still see the ones before.
    return TRAILING_SIGNOFF.search(line, max(0, len(line) - SIGNOFF_TAIL_CHARS))


def end_mark(line: str) -> re.Match[str] | None:
    line = line.rstrip("\n")
    if not line.endswith("/.") or URL_THEN_STOP.search(line):
        return None
    return VNA_END_MARK.search(line)
