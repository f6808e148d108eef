"""Direct speech: a quotation in marks that a cue attributes, before or after it.

"X said: “…”", "“…,” X said", "“…” the CEO added" (no comma), "“…”, said Park Noh Wan, RoK
Ambassador to Viet Nam" (speaker inverted, apposition after), "“…,” South Korea's president, Lee
Jae-myung, told reporters" (a role, then the name between commas), "“…,” Tran Thi Kim Oanh,
deputy director of the department, said" (a full name, then its apposition), and a paragraph that opens a
quotation continuing the previous paragraph's speaker (news runs a long quotation over
paragraphs and attributes it once). A quotation with no cue is not speech (scare.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from vnrok_etl.quotes.attribution import Attribution, Reader
from vnrok_etl.quotes.cues import (
    CUE_AT_START,
    CUE_BEFORE_QUOTE,
    CUE_CLAUSE,
    CUE_LOOKBACK,
    PRE_PARTICIPLE,
    QUOTED_AS_SAYING,
    cue_of,
    cue_text,
    has_cue_word,
)
from vnrok_etl.quotes.emit import attribute, emit, extend_last
from vnrok_etl.quotes.marks import CLOSERS, TERMINAL, trim_span
from vnrok_etl.quotes.mentions import (
    MENTION_WINDOW,
    mention_after,
    mention_before,
)
from vnrok_etl.quotes.scare import is_term, speech_like
from vnrok_etl.quotes.subjects import (
    MANNER_AFTER_SPEAKER,
    RELATIVE_AFTER_SPEAKER,
    clause_end,
    clause_subject,
    person_before_of,
    subject_before,
)

# One or two lowercase words describing the person before a title or full name, after a closing
# quotation mark: "shipyard director", "restaurant owner" (no linking or function word).
LOWERCASE_DESCRIPTORS = re.compile(
    r"(?:(?!(?:and|but|or|while|as|the|a|an|then|so|when|after|before|he|she|they|it|who)\b)[a-z][a-z\-]+ ){1,2}"
)


def direct(
    reader: Reader,
    s_start: int,
    open_at: int,
    close_at: int | None,
    sentence_end: int,
    continues: Attribution | None,
    same_paragraph: bool = False,
) -> Attribution | None:
    """Emit the quotation at ``open_at`` if it is attributed speech; returns its attribution.

    ``continues`` is the attribution of the direct quote before, when this quotation opens a
    sentence after it (``same_paragraph``) or opens the paragraph after it: news copy runs a
    long quotation over sentences and paragraphs, attributing it once. In the same paragraph
    the quotation is one statement with the one before and extends its quote; a paragraph
    that opens with a quotation is a quote of its own, of the same speaker.
    """
    body = reader.body
    inner_end = close_at if close_at is not None else sentence_end
    text_start, text_end = trim_span(body, open_at + 1, inner_end, strip=" \t\n,")
    if text_end <= text_start:
        return None
    # Windows, not whole sentences: a paragraph of a thousand quotations must stay linear.
    window_start = max(s_start, open_at - CUE_LOOKBACK)
    before = body[window_start:open_at]
    # A mark or symbol before the quotation ("⛄ “…”", "– “…”") does not stop it opening one.
    opens_sentence = window_start == s_start and not any(char.isalnum() for char in before)
    # 'subscribers."My viewers …," she said.': glued to the end of the sentence before it (the
    # space lost), a quotation opens a sentence of its own, though the split never saw one.
    opens_sentence = opens_sentence or (open_at > s_start and body[open_at - 1] in ".!?")
    if is_term(body, open_at, text_start, text_end, opens_sentence):
        return None
    after_close = ""
    if close_at is not None:
        after_close = body[close_at + 1 : min(sentence_end, close_at + 1 + MENTION_WINDOW)]
    attribution = _cue_before_quote(reader, s_start, window_start, before, after_close)
    if attribution is None and before.rstrip().endswith(":"):
        attribution = _speaker_and_colon(reader, s_start, open_at)
    clause_from = None
    if attribution is None and opens_sentence:
        found = _cue_after_quote(reader, close_at, sentence_end, after_close)
        if found is not None:
            attribution, clause_from = found
    if attribution is None and continues and opens_sentence and speech_like(body, text_start, text_end, close_at):
        if same_paragraph and reader.quotes and reader.quotes[-1].kind == "direct":
            # "“A,” the ambassador said. “B.”": B is more of the same statement, so the quote
            # grows to hold it (its text then holds the attribution between A and B).
            extend_last(reader, text_end)
            return continues
        attribution = replace(continues, cue=None)
    if attribution is None:
        return None
    # A cue makes it speech even when its subject cannot be named ("a source said: “…”").
    emit(reader, "direct", attribution, text_start, text_end)
    if clause_from is not None:
        # "“…,” he said, adding that more visits would follow.": the same speaker reports more.
        participle = PRE_PARTICIPLE.search(body, clause_from, sentence_end)
        if participle is not None:
            end = trim_span(body, participle.end(), sentence_end, strip=TERMINAL + CLOSERS)[1]
            again = replace(attribution, cue=cue_text(cue_of(participle)))
            if end - participle.end() >= 3:
                emit(reader, "indirect", again, participle.end(), end)
    return attribution


def _cue_before_quote(
    reader: Reader, s_start: int, window_start: int, before: str, after_close: str
) -> Attribution | None:
    """ "… humorously remarked: “" / "… stating: “" / "… said that “" / "… said “" right before
    the mark; without a colon or comma only when the quotation ends the sentence."""
    if not has_cue_word(before):
        return None
    match = CUE_BEFORE_QUOTE.search(before)
    if not match:
        return None
    # "said that “four no’s” remain" quotes a phrase inside reported speech, not the speech.
    if match.group("link").strip() in ("that", "") and after_close.strip(TERMINAL + CLOSERS):
        return None
    cue_start = window_start + match.start()
    body = reader.body
    if match.group("participle"):
        quoted = QUOTED_AS_SAYING.search(body, s_start, window_start + match.end())
        if quoted is not None:
            found = mention_after(body, quoted.start("subject"), quoted.end("subject"))
            if found is not None and found[1] == quoted.end("subject"):
                return attribute(reader, (found[0], found[2]), "quoted as saying", found[1])
        mention = clause_subject(body, s_start, cue_start)
        return attribute(reader, mention, match.group("participle"))
    return attribute(reader, subject_before(body, s_start, cue_start), match.group("cue"))


def _speaker_and_colon(reader: Reader, s_start: int, open_at: int) -> Attribution | None:
    """"Lee Jae-hoon (Principal, Quang Ngai Welding Academy): “…”": a transcript or soundbite
    names its speaker, a bracketed role perhaps, and a colon before the words. The name must
    open the sentence (after a bracketed tag like "[Soundbite]") and be a person's full name."""
    body = reader.body
    hi = body.rfind(":", s_start, open_at)
    head = body[s_start:hi].rstrip()
    if head.endswith(")") and (bracket := head.rfind("(")) > 0:
        head = head[:bracket].rstrip()
    lo = s_start
    if head.startswith("[") and (tag_end := head.find("]")) > 0:
        lo = s_start + tag_end + 1
    mention = mention_before(body, lo, s_start + len(head))
    if mention is None or not mention[1].name or " " not in mention[1].name:
        return None
    if body[lo : mention[0]].strip():
        return None
    return replace(attribute(reader, mention, ":"), cue=None)


def _cue_after_quote(
    reader: Reader, close_at: int | None, sentence_end: int, after_close: str
) -> tuple[Attribution, int] | None:
    """"”, shared Han Jong-hee." / "” he said." / "” the CEO added." / "”, said Park Noh Wan,
    RoK Ambassador to Viet Nam." right after the closing mark; with where the attribution ends."""
    if close_at is None:
        return None
    body = reader.body
    base = close_at + 1
    match = CUE_AT_START.match(after_close)
    if match:
        found = mention_after(body, base + match.end(), sentence_end)
        if found and (
            clause_end(body, found[1], sentence_end)
            or MANNER_AFTER_SPEAKER.match(body, found[1], len(body[:sentence_end].rstrip(TERMINAL)))
            or RELATIVE_AFTER_SPEAKER.match(body, found[1], len(body[:sentence_end].rstrip(TERMINAL)))
        ):
            # "…,' said Dr Kim Jae-hoon of the Korea Institute for International Economic Policy."
            person = person_before_of(body, found[0], found[1], found[2],
                                      lambda hi: mention_after(body, found[0], hi))
            speaker = (person[0], person[2]) if person is not None else (found[0], found[2])
            return attribute(reader, speaker, match.group("cue"), found[1]), found[1]
    stripped = after_close.lstrip(" ,")
    offset = base + len(after_close) - len(stripped)
    cue_match = CUE_CLAUSE.search(" " + stripped[:MENTION_WINDOW])
    if cue_match:
        cue_start = offset + cue_match.start("cue") - 1
        mention = mention_before(body, offset, cue_start)
        cue_end = offset + cue_match.end("cue") - 1
        if mention and (
            mention[0] == offset
            or (mention[1].title or " " in (mention[1].name or ""))
            and LOWERCASE_DESCRIPTORS.fullmatch(body, offset, mention[0]) is not None
        ):
            # "” shipyard director Lim Tae-ho told reporters", "” restaurant owner Nguyen Van Hai
            # said": a lowercase description of the person opens the attribution.
            return attribute(reader, mention, cue_match.group("cue")), cue_end
        if body.count(",", offset, cue_start) == 2 and body[:cue_start].rstrip().endswith(","):
            # "”, South Korea's president, Lee Jae-myung, told reporters.": a role, and the name
            # as its apposition between commas, before the cue.
            named = subject_before(body, offset, cue_start)
            if named is not None and named[0] > offset and named[1].name:
                return attribute(reader, named, cue_match.group("cue")), cue_end
            # "”, Tran Thi Kim Oanh, deputy director of the department, told VnExpress.": a full
            # name, then its apposition (a role, title or description) between commas.
            first_comma = body.find(",", offset, cue_start)
            found = mention_after(body, offset, first_comma)
            if found is not None and found[1] == first_comma and " " in (found[2].name or ""):
                return attribute(reader, (found[0], found[2]), cue_match.group("cue"), found[1]), cue_end
    return None
