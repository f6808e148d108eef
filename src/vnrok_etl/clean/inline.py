"""Repairs inside a paragraph: sentences run together without a space, furniture at its end,
a template's unfilled placeholders ("{keywords}").

Saved text loses the space between two sentences when the page kept them in separate elements
("... in 2016.In the same year ..."): quotes and figures need the sentence boundary back. A space
is inserted where a sentence-final mark sits between a lower-case letter, digit or closing mark
and a capitalised word; never after an abbreviation ("Mr.Kim" is left alone, "U.S." and "e.g."
have a full stop inside the word), between digits ("3.5"), or inside a domain name
("VnExpress.net", "Vietnam.Vn").
"""

from __future__ import annotations

import re

from vnrok_etl.clean.captions import BRACKET_CREDIT
from vnrok_etl.clean.common import Draft

# Speed: the mark and the capital are found by RUN_TOGETHER, the character before is checked in
# code (a look-behind makes the regex engine test it at every position of every paragraph).
RUN_TOGETHER = re.compile(r"[.!?](?=[A-Z][a-z])")
# Speed: RUN_TOGETHER's full stop form, led by a literal the regex engine finds by a fast scan (a
# class such as [.!?] is tried at every character): "!" and "?" are looked for only when present.
FULL_STOP_TOGETHER = re.compile(r"\.(?=[A-Z][a-z])")
BEFORE_MARK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789%)]”\"’")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no gen lt col prof sen rep gov jr sr co corp inc ltd dept vs etc jan feb mar"
    " apr jun jul aug sep sept oct nov dec mt ft capt maj sgt rev hon assoc univ vol pp fig"
    " ave blvd rd".split()
)
DOMAIN_ENDINGS = frozenset("net com vn org kr gov edu info biz co".split())
# A template's unfilled placeholder: "{keywords}", "{{title}}", "{$author}".
PLACEHOLDER = re.compile(r"\s*\{\{?\s*\$?[A-Za-z_][\w.]*\s*\}\}?")
# A Word document's namespace declaration pasted into a CMS and printed as text when its
# opening "<" was lost ("…USD 118,000.?xml:namespace>", "<?xml:namespace prefix = o ns =
# "urn:schemas-microsoft-com:office:office" />"): markup residue wherever it stands. Prose about
# an "XML namespace" has no "?xml:" and is left alone.
XML_NAMESPACE_RESIDUE = re.compile(r"\s*<?\?xml:namespace\b[^>]{0,200}>")
# A mirror's "… Read full this story" closing the only paragraph it copied.
# An interview's note closing its introduction: "Excerpts from the interview follow:", "The
# following are excerpts from the interview with him.", "The following is the transcript ...".
TRAILING_FURNITURE = re.compile(
    r"\s*(?:…?\s*Read full this story\.?|(?:Excerpts from the interview follow"
    r"|The following (?:is|are) (?:an? )?(?:edited )?(?:excerpts?|transcript)[^.:]{0,60})[.:])\s*$"
)
# TRAILING_FURNITURE's text is at most about 110 characters, and a paragraph's whitespace is
# squeezed: the paragraph's last TRAILING_FURNITURE_CHARS hold any match.
TRAILING_FURNITURE_CHARS = 200
# A spelled-out interview label: "Question 1:", "Answer:" (the short "Q:" / "A:" are kept: the
# interview kind and the quotes read them).
INTERVIEW_LABEL = re.compile(r"^(?:Question|Answer)\s*\d{0,2}\s*:\s*")
# A broadcaster's speaker label before a quoted soundbite: "[Soundbite] Lee Jae-hoon (Principal,
# Quang Ngai Welding Academy) : ...", "[Reporter] :".
BROADCAST_LABEL = re.compile(
    r"^\[(?:Soundbite|Reporter|Anchor|Narration|Interview|Stand-?up|Sound)\][^:\n]{0,100}:\s*"
)


def split_run_together(paragraph: str) -> str:
    """Insert the space lost between two sentences (see the module docstring)."""
    if not (
        FULL_STOP_TOGETHER.search(paragraph)
        or (("!" in paragraph or "?" in paragraph) and RUN_TOGETHER.search(paragraph))
    ):
        return paragraph
    pieces = []
    start = 0
    for match in RUN_TOGETHER.finditer(paragraph):
        if match.start() == 0 or paragraph[match.start() - 1] not in BEFORE_MARK:
            continue
        word = paragraph[paragraph.rfind(" ", 0, match.start()) + 1: match.start()]
        after = paragraph[match.end(): match.end() + 12].split(" ", 1)[0]
        bare = word.strip("(\"“‘'").casefold()
        if bare in ABBREVIATIONS or "." in word or "@" in word or "/" in word:
            continue
        if after.rstrip(".,;:").casefold() in DOMAIN_ENDINGS:
            continue
        pieces.append(paragraph[start: match.end()])
        start = match.end()
    if not pieces:
        return paragraph
    pieces.append(paragraph[start:])
    return " ".join(pieces)


def _dropped(paragraph: str, pattern: re.Pattern[str], rule: str, draft: Draft) -> str:
    """``paragraph`` without every match of ``pattern``, each recorded as dropped by ``rule``."""
    for match in pattern.findall(paragraph):
        draft.drop(rule, match)
    return pattern.sub("", paragraph).strip()


def repair_paragraphs(paragraphs: list[str], draft: Draft) -> list[str]:
    repaired = []
    for paragraph in paragraphs:
        if "{" in paragraph:
            paragraph = _dropped(paragraph, PLACEHOLDER, "template_placeholder", draft)
            if not paragraph:
                continue
        if "?xml:" in paragraph:
            paragraph = _dropped(paragraph, XML_NAMESPACE_RESIDUE, "markup_residue", draft)
            if not paragraph:
                continue
        if paragraph.startswith("["):
            label = BROADCAST_LABEL.match(paragraph)
            if label is not None:
                draft.drop("broadcast_label", label.group(0))
                paragraph = paragraph[label.end():]
        if paragraph.startswith(("Question", "Answer")):
            label = INTERVIEW_LABEL.match(paragraph)
            if label is not None:  # "Question 1: What ...?", "Answer: ...", "Answer:" alone
                draft.drop("interview_label", label.group(0))
                paragraph = paragraph[label.end():]
                if not paragraph:
                    continue
        if "story" in paragraph or "xcerpts" in paragraph or "ollowing" in paragraph:
            # Speed: the furniture closes the paragraph; only its tail is searched.
            tail = max(0, len(paragraph) - TRAILING_FURNITURE_CHARS)
            furniture = TRAILING_FURNITURE.search(paragraph, tail)
            if furniture is not None:
                draft.drop("chrome", furniture.group(0))
                paragraph = paragraph[: furniture.start()].rstrip()
                if not paragraph:
                    continue
        if paragraph.endswith("]"):
            credit = BRACKET_CREDIT.search(paragraph)
            if credit is not None and credit.start() > 0:  # "... estimates. [NEWS1]"
                draft.drop("photo_credit", credit.group(0))
                paragraph = paragraph[: credit.start()].rstrip()
        repaired.append(split_run_together(paragraph))
    return repaired
