"""Broadcast soundbites: a transcript names who speaks in a label the cleaned body no longer has.

A broadcaster's script prints each soundbite as its own paragraph after a bracketed label that
says who speaks: "[Soundbite] Lee Jae-hoon(Principal, Quang Ngai Welding Academy) : "…"", a role
alone in brackets or not ("[Soundbite] (Student) : "…"", "[Soundbite] German Visitor : "…""),
a name in capitals ("[Soundbite] HARI WON(SINGER) : "…""), or "[Interview] …". Cleaning removes
the label from the body (it is no prose) and records it in ``Article.removed`` (rule
``broadcast_label``), in the order printed. Each labelled soundbite is left as a paragraph that
is one quotation from its first character to its last, which prose paragraphs almost never are.
So when an article's speaker labels are exactly as many as such paragraphs, the n-th label
names the speaker of the n-th; otherwise which label goes with which quotation is unknown, and
none is used. A label's name is a speaker when it reads as a person's full name; a role alone
("Student", "Vietnamese Visitor") leaves ``speaker`` NULL with the role as printed. Labels for
the newsroom's own voice ("[Reporter]", "[Anchor]", "[Narration]", "[Stand-up]") name no one
quoted and are not counted.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vnrok_etl.quotes.attribution import Attribution, Reader
from vnrok_etl.quotes.emit import attribute, emit
from vnrok_etl.quotes.marks import DOUBLE_CLOSE, DOUBLE_OPEN, trim_span
from vnrok_etl.records import Article
from vnrok_etl.speakers import parse_mention

# A label naming who speaks in the soundbite after it; "who" may be a name, a role or empty.
SPEAKER_LABEL = re.compile(
    r"\[(?:Soundbite|Sound|Interview)\]\s*(?P<who>[^:()\[\]]*?)\s*(?:\((?P<role>[^()]*)\))?\s*:$"
)
OPENING = DOUBLE_OPEN + '"'
CLOSING = DOUBLE_CLOSE + '"'


def soundbite_speakers(article: Article, spans: list[tuple[int, int]]) -> dict[int, tuple[str, str]]:
    """Paragraph index -> (who, role) as the labels print them, for the soundbite paragraphs;
    empty unless labels and whole-quotation paragraphs pair up one to one."""
    labels = []
    for span in article.removed:
        if span.rule == "broadcast_label" and (label := SPEAKER_LABEL.fullmatch(span.text)):
            labels.append((label.group("who").strip(), (label.group("role") or "").strip()))
    if not labels:
        return {}
    body = article.body
    whole = [index for index, (start, end) in enumerate(spans) if whole_quotation(body, start, end)]
    if len(whole) != len(labels):
        return {}
    return dict(zip(whole, labels))


def whole_quotation(body: str, start: int, end: int) -> bool:
    """Whether the paragraph is one double-quoted stretch: a mark opens it, a mark closes it and
    no mark stands between."""
    if end - start < 3 or body[start] not in OPENING or body[end - 1] not in CLOSING:
        return False
    return not any(mark in body[start + 1 : end - 1] for mark in OPENING + CLOSING)


def add_soundbite(reader: Reader, start: int, end: int, who: str, role: str) -> Attribution:
    """The paragraph's quotation as a direct quote of the label's speaker."""
    # "HARI WON", "CHOI MIN-HO": a name in capitals is printed as names are ("Choi Min-ho").
    printed = " ".join(word[:1] + word[1:].lower() for word in who.split()) if who.isupper() else who
    parsed = parse_mention(printed) if printed else None
    if parsed is not None and parsed.name and " " in parsed.name and not parsed.title:
        attribution = replace(attribute(reader, (start, parsed), ":"), cue=None, title=role or None)
    else:
        described = printed or role
        attribution = Attribution(None, None, role or None, "person", described or None)
    text_start, text_end = trim_span(reader.body, start + 1, end - 1, strip=" \t\n,")
    if text_end > text_start:
        emit(reader, "direct", attribution, text_start, text_end)
    return attribution
