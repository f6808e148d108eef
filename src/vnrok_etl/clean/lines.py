"""Inside a block: which lines are captions, image names, chrome or related links, and which are text."""

from __future__ import annotations

import re

from vnrok_etl.clean.captions import (
    CREDIT_ONLY,
    IMAGE_FILENAME,
    MAX_SPACED_IMAGE_NAME_CHARS,
    SPACED_IMAGE_NAME,
    caption_match,
    continues,
    credit_caption,
    portrait_caption,
    position_caption,
    scene_caption,
    split_alt_text,
    stock_caption,
    split_glued_caption,
)
from vnrok_etl.clean.common import (
    EMAIL_LINE,
    Draft,
    alternation,
    by_first_character,
    ends_sentence,
    ends_terminal,
)
from vnrok_etl.clean.datelines import is_date_line
from vnrok_etl.clean.tail import standalone_agency
from vnrok_etl.profiles import CHROME_LINES, FURNITURE_PREFIXES, MASTHEADS

CHROME = re.compile(rf"^(?:(?:{alternation(CHROME_LINES)})\s*[|·•/,:]?\s*)+$", re.IGNORECASE)

# "Read more: <headline>" on one line inside the text: that line goes, the text after it stays.
RELATED_LINK = re.compile(
    r"^(?:read more|see more|see also|read also|also read|related|related news|related story|xem thêm"
    # An aggregator's link to the story it summarised: "Read the full report: <outlet>".
    r"|read the full (?:report|story|article))\s*:\s*\S",
    re.IGNORECASE,
)

MAX_RELATED_LINK_WORDS = 30
# Outlet names printed alone on a line (a masthead in a saved page's text): never a title or text.
MASTHEAD = re.compile(rf"^(?:{alternation(MASTHEADS)})$", re.IGNORECASE)
# Speed: a line of chrome opens with a chrome word; a masthead line is as long as a masthead.
CHROME_STARTS = tuple(sorted({line.lower() for line in CHROME_LINES}))
CHROME_START_CHARS = max(len(start) for start in CHROME_STARTS)
# Speed: a line is compared with the chrome words that begin with its first character only.
CHROME_STARTS_BY_FIRST = by_first_character(CHROME_STARTS)
MASTHEAD_LENGTHS = frozenset(len(name) for name in MASTHEADS)


# "share2", "ico-print16", "icon_mail24": an icon's name printed as text (a sprite's or an icon
# font's label): one lower-case word, maybe joined by "-" or "_", ending in digits, never a
# paragraph of an article. (An identifier without digits may be a line of code in a technical text.)
ICON_NAME = re.compile(r"^[a-z]+(?:[_-][a-z]+)*\d+$")
MAX_ICON_NAME_CHARS = 30
# "list of 3 items", "list 1 of 3", "end of list": a link list's counts for screen readers,
# printed as text when the list itself went with its box.
LIST_COUNTER = re.compile(r"^(?:(?:list of \d+ items?|list \d+ of \d+|end of list)\s*)+$", re.IGNORECASE)


def chrome_line(line: str) -> bool:
    """bool(CHROME.match(line)), for lines that open with a chrome word only; also an icon's
    name (ICON_NAME) and a list's screen-reader counts (LIST_COUNTER)."""
    # Speed: operators first (a space, the first character), method calls only for what passes.
    if " " not in line and line[-1:].isdigit() and len(line) <= MAX_ICON_NAME_CHARS and ICON_NAME.match(line):
        return True
    if line[:1] in "lLeE" and LIST_COUNTER.match(line):
        return True
    opening = line[:CHROME_START_CHARS].lower()
    if not opening.startswith(CHROME_STARTS_BY_FIRST.get(opening[:1], ())):
        return False
    return CHROME.match(line) is not None


# A masthead whose words were printed in separate elements and ran together when the page was
# saved ("Newsfrom Japan", "KoreaTimes"): the masthead's letters without its spaces.
MASTHEAD_RUN_TOGETHER = frozenset(name.replace(" ", "").casefold() for name in MASTHEADS)
MASTHEAD_RUN_TOGETHER_LENGTHS = frozenset(len(name) for name in MASTHEAD_RUN_TOGETHER)
MAX_MASTHEAD_LINE_CHARS = max(len(name) for name in MASTHEADS) + 4


def masthead_line(line: str) -> bool:
    """bool(MASTHEAD.match(line)), for lines as long as a masthead only; also a masthead whose
    words ran together in part or in whole (MASTHEAD_RUN_TOGETHER: "Newsfrom Japan")."""
    line = line.rstrip("\n")
    if len(line) in MASTHEAD_LENGTHS and MASTHEAD.match(line) is not None:
        return True
    if len(line) > MAX_MASTHEAD_LINE_CHARS:
        return False
    squeezed = line.replace(" ", "")
    return len(squeezed) in MASTHEAD_RUN_TOGETHER_LENGTHS and squeezed.casefold() in MASTHEAD_RUN_TOGETHER
FURNITURE_STARTS = tuple(prefix.casefold() for prefix in FURNITURE_PREFIXES)
FURNITURE_ENDINGS = ("Related image(s)", "Related images", "Related posts")
# "© The Asia Business Daily(www.asiae.co.kr). All rights reserved.", "[ⓒ Pulse by Maeil Business
# News Korea & mk.co.kr, All rights reserved]", "The Korea Times. All Rights Reserved.": a
# copyright notice ends with the reservation, whatever names the owner before it; a line of at
# most MAX_COPYRIGHT_WORDS words so ending is the notice, never article text.
COPYRIGHT_RESERVED = "all rights reserved"
COPYRIGHT_TAIL_CHARS = len(COPYRIGHT_RESERVED) + 4
MAX_COPYRIGHT_WORDS = 30
# Speed: how such a notice ends, for one C-level endswith before any casefold.
COPYRIGHT_ENDINGS = tuple(
    word + close for word in ("reserved", "Reserved", "RESERVED") for close in ("", ".", "]", ".]", ")", "）")
)
FURNITURE_PREFIX_CHARS = max(len(prefix) for prefix in FURNITURE_STARTS)
FURNITURE_STARTS_BY_FIRST = by_first_character(FURNITURE_STARTS)
# Lines longer than this are paragraphs: never chrome, a masthead, a credit line or a link.
SHORT_LINE_CHARS = 300
# A mirror site's injected footer: "<title> have 287 words, post on vir.com.vn at March 8, 2023.
# This is cached page on <site>. If you want remove this page, please contact us."
# The same footer names the article it copied and when: "<title> have 287 words, post on <site>
# at March 8, 2023."
MIRROR_TITLE = re.compile(
    r"^(?P<title>.{10,200}?) have \d+ words, post on \S+ at (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4})"
)
MIRROR_SPAM = re.compile(
    r"\bhave \d+ words, post on\b|\bThis is cached page on\b|\bIf you want remove this page\b"
)
# Symbols a spam mirror puts before a paragraph ("⛄ ", "✅ "): never article text.
SPAM_GLYPHS = re.compile(r"^[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f]+\s*")
SPAM_GLYPHS_FROM = "\u2190"  # the lowest character SPAM_GLYPHS matches
HANGUL_RANGES = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
LATIN = re.compile(r"[A-Za-z]")
# Letters only Vietnamese uses (ơ, ư, đ, ă and the tone-marked vowels), not French or German ones.
VIETNAMESE_LOWER = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
# Speed: both cases spelled out (a re.IGNORECASE class is nearly three times slower to scan).
VIETNAMESE_LETTER = re.compile(f"[{VIETNAMESE_LOWER}{VIETNAMESE_LOWER.upper()}]")
VIETNAMESE_LETTERS = frozenset(VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper())
# Speed: Hangul and the Vietnamese-only letters of a line, found in one scan (`other_language`).
HANGUL_OR_VIETNAMESE = re.compile(f"[{HANGUL_RANGES}{VIETNAMESE_LOWER}{VIETNAMESE_LOWER.upper()}]")
MIN_FOREIGN_WORDS = 4
MAX_DATED_TEASER_WORDS = 12
VIETNAMESE_WEEKDAY = re.compile(
    r"\b(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật)\b"
)
MIN_LOWERCASE_MARKED = 2
# "| ... |": a table cell a photo's caption was laid out in.
TABLE_FRAME = re.compile(r"^\|?\s*(?P<cell>[^|]*?)\s*\|?$")
# "9.38am BST", "14:05", "2.20 pm GMT+7": a line that is only a time of day, the stamp of a live
# blog's post (or of a ticker's item); never a paragraph.
TIME_STAMP_LINE = re.compile(
    r"^\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|(?:GMT|UTC)\s?[+-]\s?\d{1,2}))?$",
    re.IGNORECASE,
)
# A line that is only a template's placeholders: "{keywords}".
PLACEHOLDER_LINE = re.compile(r"^(?:\{\{?\s*\$?[A-Za-z_][\w.]*\s*\}\}?\s*)+$")
# "Source: Nhandan", "Tags: ...": a labelled line is a sign-off or a heading, not a caption.
LABELLED_LINE = re.compile(r"^[A-Z][\w ]{0,15}:\s")
# A list item: "- ", "• ", "* " before its text.
BULLET = re.compile(r"^[-•·*▪►]\s+\S")
# Speed: the first characters BULLET, CREDIT_ONLY (re.IGNORECASE) and RELATED_LINK (re.IGNORECASE:
# "ſ" is "s" to it) can match: a line opening with another is not tried (0.6-1 µs a pattern).
BULLET_MARKS = "-•·*▪►"
CREDIT_ONLY_FIRST = "(pP"
RELATED_LINK_FIRST = "rRsSſaAxX"
# What a new sentence may start with after a caption printed without a credit.
NEW_SENTENCE_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĐĂƠƯ\"“‘'")
MAX_UNCREDITED_CAPTION_WORDS = 25
# A block of so few lines is a paragraph (and its caption), not a run of one-line paragraphs.
MIN_LINES_FOR_LINE_PARAGRAPHS = 3
# Speed: the extensions IMAGE_FILENAME and SPACED_IMAGE_NAME end with (a block is tested by its end).
IMAGE_EXTENSION_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif")
# Speed: their last letters (and a trailing space), tested before anything else on every block.
IMAGE_NAME_LAST = "gGfFpP "


def lines_to_paragraphs(blocks: list[list[str]], draft: Draft, plain: bool = False) -> list[str]:
    """Set captions, image names, chrome and furniture aside; join the remaining lines of a block.

    A caption is recognised by its credit (bracketed, after a dash, after its last sentence, on
    the next line), by the image's alt text before it ("... ảnh 1"), or, printed without a credit
    inside a block of one-line paragraphs, as a line that ends no sentence and is followed by a
    new sentence: in such a block a hard wrap is impossible, so an unfinished line stands alone.
    In plain text the same holds for a one-line block between two paragraphs of prose. A scene
    caption (one present-tense sentence of what the photo shows, `captions.scene_caption`) is a
    caption in the same places when the paragraph after it does not continue it. A caption
    glued to the next sentence is split from it first; a masthead line (the outlet's name) goes.
    """
    paragraphs: list[str] = []
    image_above = False
    for position, block in enumerate(blocks):
        between = plain and _between_paragraphs(blocks, position)
        block = _split_glued(block, draft)
        kept: list[str] = []
        # An image's file name alone in the block above ("bdpc ky 3.jpg", a blank line, then
        # "Delegates take a souvenir photo"): the one line under it is its caption, as a line
        # under a file name in the same block is, when it reads as one (no full stop, short),
        # even last on the page where no paragraph follows it.
        caption_next = image_above and len(block) == 1 and _caption_under_image(block[0])
        after_caption = False
        image_above = len(block) == 1 and block[0][-1:] in IMAGE_NAME_LAST and _image_name(block[0])
        one_line_paragraphs = _one_line_paragraphs(block)
        for index, line in enumerate(block):
            if " " not in line and IMAGE_FILENAME.match(line):  # a file name has no spaces
                draft.drop("image_filename", line)
                caption_next = True
                continue
            was_caption, after_caption = after_caption, False
            following = block[index + 1] if index + 1 < len(block) else None
            # Speed: credits, chrome, mastheads, e-mails, links and short captions are short lines;
            # a paragraph-length line is tested only for the forms a long line can take.
            short = len(line) <= SHORT_LINE_CHARS
            if short and line[:1] in CREDIT_ONLY_FIRST and CREDIT_ONLY.match(line) and kept:
                # "Leaders at the talks\nPhoto: VNA": the line above the credit is its caption.
                draft.add_caption(f"{kept.pop()} {line}")
            elif was_caption and short and (
                standalone_agency(line) or line[:1] in CREDIT_ONLY_FIRST and CREDIT_ONLY.match(line)
            ):
                draft.drop("caption_credit", line)  # "VNA" or "Photo: VNA" under a caption
            elif (
                caption_next or caption_match(line) or credit_caption(line) or position_caption(line)
                or (short and (stock_caption(line) or portrait_caption(line)))
            ):
                draft.add_caption(line)
                after_caption = True
            elif (short and (chrome_line(line) or masthead_line(line))) or is_furniture(line):
                copied = MIRROR_TITLE.match(line)
                if copied:  # the mirror's footer is the only place the headline is printed
                    draft.mirror_title = copied.group("title")
                    draft.mirror_date = copied.group("date")
                draft.drop("chrome", line)
            elif not (line[:1].isalnum() or any(character.isalnum() for character in line)):
                draft.drop("chrome", line)  # "|", "***": a line of marks only
            elif other_language(line):
                draft.drop("other_language", line)  # a Korean menu, a Vietnamese teaser
            elif (line[:1] in BULLET_MARKS and BULLET.match(line)) or (plain and short and is_date_line(line)):
                paragraphs.extend(join_wrapped(kept))  # an item or a date line stands alone
                kept = []
                paragraphs.append(line)
            elif short and line[:1].isdigit() and TIME_STAMP_LINE.match(line):
                draft.drop("time_stamp", line)
            elif short and "@" in line and EMAIL_LINE.match(line):
                draft.drop("byline_email", line)
            elif (
                short and line[:1] in RELATED_LINK_FIRST and RELATED_LINK.match(line)
                and len(line.split()) <= MAX_RELATED_LINK_WORDS
            ):
                draft.drop("related_link", line)
            elif between and _label_alone(blocks, position):
                draft.add_caption(line)  # "At the reception" between two paragraphs
            elif between and _scene_alone(blocks, position):
                draft.add_caption(line)  # "The delegation visits the port." between two paragraphs
            elif (
                one_line_paragraphs
                and following is not None
                and not ends_sentence(line)
                and not line.startswith("By ")  # a byline ("By X, staff reporter") is the closing rules'
                and "@" not in line  # so is a name with its e-mail ("Hee-Yeon Kim kimhy@...")
                and (not kept or ends_sentence(kept[-1]))
                and following[:1] in NEW_SENTENCE_STARTS
                and len(line.split()) <= MAX_UNCREDITED_CAPTION_WORDS
            ):
                draft.add_caption(line)  # "At the reception" between two paragraphs
            elif (
                one_line_paragraphs
                and following is not None
                and (kept or paragraphs)
                and (not kept or ends_sentence(kept[-1]))
                and following[:1] in NEW_SENTENCE_STARTS
                and not continues(following)
                and scene_caption(line)
                and _not_another_scene(following, line)
                and _not_another_scene(kept[-1] if kept else paragraphs[-1], line)
            ):
                draft.add_caption(line)  # a scene caption among one-line paragraphs
            else:
                kept.append(line)
            caption_next = False
        paragraphs.extend(join_wrapped(kept))
    return paragraphs


def _image_name(line: str) -> bool:
    """An image file's name alone (IMAGE_FILENAME, or SPACED_IMAGE_NAME's "dong nai 2.jpg")."""
    line = line.strip()
    if not line.lower().endswith(IMAGE_EXTENSION_ENDINGS):
        return False
    return bool(IMAGE_FILENAME.match(line) or (len(line) <= MAX_SPACED_IMAGE_NAME_CHARS and SPACED_IMAGE_NAME.match(line)))


def _caption_under_image(line: str) -> bool:
    """A caption's form: short, no sentence's end."""
    return len(line) <= SHORT_LINE_CHARS and not ends_sentence(line) and len(line.split()) <= MAX_UNCREDITED_CAPTION_WORDS


def _between_paragraphs(blocks: list[list[str]], position: int) -> bool:
    """A one-line block, not the first nor the last, followed by a new sentence."""
    block = blocks[position]
    return (
        len(block) == 1
        and 0 < position < len(blocks) - 1
        and blocks[position + 1][0][:1] in NEW_SENTENCE_STARTS
    )


def _stands_alone(line: str) -> bool:
    """A line that ends no sentence, short, and no other kind of line (date, label, byline,
    e-mail, table row, list item): a caption when it stands between two paragraphs of prose."""
    # Speed: the pure tests that rule out most lines first (a paragraph of prose ends in
    # punctuation); _previous_text, which walks back over blocks, is the caller's, last.
    return (
        not ends_terminal(line)
        and len(line.split()) <= MAX_UNCREDITED_CAPTION_WORDS
        and not is_date_line(line)
        and not LABELLED_LINE.match(line)
        and not line.startswith("By ")
        and "@" not in line
        and " | " not in line  # a table row
        and not (line[:1] in BULLET_MARKS and BULLET.match(line))
    )


def _label_alone(blocks: list[list[str]], position: int) -> bool:
    """A short line that ends no sentence, alone between a finished paragraph and a new one."""
    return _stands_alone(blocks[position][0]) and ends_sentence(_previous_text(blocks, position))


def _scene_alone(blocks: list[list[str]], position: int) -> bool:
    """A scene caption alone between a finished paragraph and one that does not continue it.

    A caption stands among prose told in the past: next to another present-tense sentence of
    the same shape (not its own copy) it is a feature told in the present, and stays.
    """
    line = blocks[position][0]
    if not scene_caption(line):
        return False
    previous, following = _previous_text(blocks, position), blocks[position + 1][0]
    return (
        not continues(following)
        and ends_sentence(previous)
        and _not_another_scene(previous, line)
        and _not_another_scene(following, line)
    )


def _not_another_scene(neighbour: str, line: str) -> bool:
    return neighbour == line or not scene_caption(neighbour)


def _previous_text(blocks: list[list[str]], position: int) -> str:
    """The last line of text before a block, past placeholder and furniture lines."""
    for block in reversed(blocks[:position]):
        line = block[-1]
        if not (PLACEHOLDER_LINE.match(line) or chrome_line(line) or is_furniture(line)):
            return line
    return ""


def _split_glued(block: list[str], draft: Draft) -> list[str]:
    """Lines as printed, with glued captions, alt text and spam glyphs taken apart or off."""
    lines: list[str] = []
    for line in block:
        glyphs = SPAM_GLYPHS.match(line) if line[:1] >= SPAM_GLYPHS_FROM else None
        if glyphs:
            draft.drop("spam_glyph", glyphs.group(0))
            line = line[glyphs.end():]
            if not line:
                continue
        framed = TABLE_FRAME.match(line) if line[:1] == "|" or line[-1:] == "|" else None
        if framed and framed.group("cell") and _is_caption(framed.group("cell")):
            draft.drop("table_frame", "|")
            line = framed.group("cell")  # "| Delegates at the drill. (Photo: X) |": a caption's cell
        if "nh" not in line and "NH" not in line and "hoto" not in line and "ource" not in line:
            lines.append(line)  # Speed: split_alt_text and split_glued_caption need one of these
            continue
        alt = split_alt_text(line)
        if alt is not None:
            headline_copy, line = alt
            draft.drop("alt_text", headline_copy)
        glued = split_glued_caption(line)
        if glued is not None:
            caption, rest = glued
            draft.add_caption(caption)
            line = rest
        elif alt is not None:
            draft.add_caption(line)
            continue
        if line:
            lines.append(line)
    return lines


def _is_caption(line: str) -> bool:
    return bool(caption_match(line) or credit_caption(line) or position_caption(line))


def _one_line_paragraphs(block: list[str]) -> bool:
    """Most lines of the block end a sentence: each line is a paragraph, none is hard-wrapped."""
    if len(block) < MIN_LINES_FOR_LINE_PARAGRAPHS:
        return False
    ended = sum(1 for line in block if ends_sentence(line))
    return ended * 2 > len(block)


def other_language(line: str) -> bool:
    """A line in Korean, or a line of Vietnamese, inside an English article: page furniture.
    The line is squeezed (split_blocks): one space between words, none at its ends.

    Korean: more Hangul than Latin letters. Vietnamese: at least MIN_FOREIGN_WORDS words, more
    than a quarter of them carrying Vietnamese-only letters or tone marks, and at least
    MIN_LOWERCASE_MARKED of those in lower case: names ("Lê Thị Thu Hà") are capitalised, so an
    English sentence full of Vietnamese names stays English.
    """
    if line.isascii():
        return False
    found = HANGUL_OR_VIETNAMESE.findall(line)
    if not found:
        return False  # Speed: no Hangul and no marked letter (both tests below then fail)
    # Speed: the letters counted by set membership mapped in C, not a generator.
    marked_letters = sum(map(VIETNAMESE_LETTERS.__contains__, found))
    hangul = len(found) - marked_letters
    if hangul and hangul >= len(LATIN.findall(line)):
        return True
    # Speed: a line without Vietnamese letters is decided here, before it is split into words:
    # the weekday needs "ứ" or "ủ" (both Vietnamese letters), and with no marked letter the
    # test below (marked letters * 4 <= words) holds whatever the words.
    if not marked_letters:
        return False
    # Speed: the line's whitespace is squeezed (one space between words): its words are counted,
    # not split, until they are needed one by one.
    words = line.count(" ") + 1
    # Speed: VIETNAMESE_WEEKDAY needs "thứ" or "chủ" (the text is NFC, as the pattern is), and
    # its \b-led alternation tries every position of the line.
    if (
        words <= MAX_DATED_TEASER_WORDS
        and ("hứ" in line or "hủ" in line)
        and VIETNAMESE_WEEKDAY.search(line)
    ):
        return True  # "LĐ – 09:12 | Chủ nhật, 17/03/2024": a Vietnamese teaser's date line
    if words < MIN_FOREIGN_WORDS:
        return False
    # Speed: the marked words are at most the marked letters; most lines stop here.
    if marked_letters * 4 <= words:
        return False
    split = line.split()
    words = len(split)
    marked = [word for word in split if VIETNAMESE_LETTER.search(word)]
    lowercase = sum(1 for word in marked if word[:1].islower())
    return len(marked) * 4 > words and lowercase >= MIN_LOWERCASE_MARKED


# "Follow TODAY on WhatsApp", "Follow VnExpress International on Google News": a prompt to follow
# the outlet (named as it likes) on a network; never article text.
FOLLOW_PROMPT = re.compile(
    r"^Follow\s+[\w .&'’+-]{1,40}?\s+on\s+(?:WhatsApp|Telegram|Facebook|Twitter|X|Instagram|Google News|"
    r"LinkedIn|YouTube|TikTok|Zalo|Threads|Line|KakaoTalk)\.?$"
)


def is_furniture(line: str) -> bool:
    """Page furniture recognised by how the line begins, or a mirror site's injected footer."""
    opening = line[:FURNITURE_PREFIX_CHARS].casefold()
    if opening.startswith(FURNITURE_STARTS_BY_FIRST.get(opening[:1], ())):
        return True
    if line[:7] == "Follow " and FOLLOW_PROMPT.match(line):
        return True
    if line.endswith(FURNITURE_ENDINGS):
        return True  # "<another headline> Related image(s)": a blog's related-image strip
    if (
        line.endswith(COPYRIGHT_ENDINGS)
        and line[-COPYRIGHT_TAIL_CHARS:].casefold().rstrip(" .]）)").endswith(COPYRIGHT_RESERVED)
        and line.count(" ") < MAX_COPYRIGHT_WORDS
    ):
        return True
    # Speed: MIRROR_SPAM needs one of these words; most lines have none of them.
    return ("words, post" in line or "cached page" in line or "remove this page" in line) and bool(
        MIRROR_SPAM.search(line)
    )


def drop_caption_copies(paragraphs: list[str], draft: Draft) -> list[str]:
    """A caption printed again as a paragraph without its credit (a <figcaption> and a <p>)."""
    if not draft.caption_keys:
        return paragraphs
    kept = []
    for paragraph in paragraphs:
        if paragraph.casefold() in draft.caption_keys:
            draft.drop("repeated_caption", paragraph)
        else:
            kept.append(paragraph)
    return kept


def join_wrapped(lines: list[str]) -> list[str]:
    """A line that does not end a sentence continues on the next one (hard-wrapped text)."""
    joined: list[str] = []
    for line in lines:
        if joined and not ends_sentence(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
