"""Direct speech: a quotation in marks that a cue attributes, before or after it.

"X said: “…”", "“…,” X said", "“…” the CEO added" (no comma), "“…”, said Park Noh Wan, RoK
Ambassador to Viet Nam" (speaker inverted, apposition after), and a paragraph that opens a
quotation continuing the previous paragraph's speaker (news runs a long quotation over
paragraphs and attributes it once). A quotation with no cue is not speech (scare.py).
"""

from __future__ import annotations

from vnrok_etl.quotes.attribution import Attribution, Reader, attribute, emit
from vnrok_etl.quotes.cues import (
    CUE_AT_START,
    CUE_BEFORE_QUOTE,
    CUE_CLAUSE,
    CUE_LOOKBACK,
    CUE_WORD,
)
from vnrok_etl.quotes.marks import CLOSERS, TERMINAL, trim_span
from vnrok_etl.quotes.mentions import (
    MENTION_WINDOW,
    clause_subject,
    mention_after,
    mention_before,
    subject_before,
)

# A quotation opening a paragraph, unattributed, continues the previous speaker only if it is
# speech-sized: a short one is a title or a scare quote.
CONTINUATION_MIN_WORDS = 6
def direct(
    reader: Reader,
    s_start: int,
    open_at: int,
    close_at: int | None,
    sentence_end: int,
    continues: str | None,
) -> bool:
    """Emit the quotation at ``open_at`` if it is attributed speech.

    ``continues`` is the previous paragraph's direct speaker when this quotation opens the
    paragraph: news copy runs a long quotation over paragraphs, attributing it once.
    """
    body = reader.body
    inner_end = close_at if close_at is not None else sentence_end
    text_start, text_end = trim_span(body, open_at + 1, inner_end, strip=" \t\n,")
    if text_end <= text_start:
        return False
    # Windows, not whole sentences: a paragraph of a thousand quotations must stay linear.
    window_start = max(s_start, open_at - CUE_LOOKBACK)
    before = body[window_start:open_at]
    opens_sentence = window_start == s_start and not before.strip()
    after_close = ""
    if close_at is not None:
        after_close = body[close_at + 1 : min(sentence_end, close_at + 1 + MENTION_WINDOW)]
    attribution = _cue_before_quote(reader, s_start, window_start, before, after_close)
    if attribution is None and opens_sentence:
        attribution = _cue_after_quote(reader, close_at, sentence_end, after_close)
    speech_sized = len(body[text_start:text_end].split()) >= CONTINUATION_MIN_WORDS
    if attribution is None and continues and speech_sized:
        attribution = Attribution(continues, None, None)
    if attribution is None:
        return False
    # A cue makes it speech even when its subject cannot be named ("a source said: “…”").
    emit(reader, "direct", attribution, text_start, text_end)
    return True


def _cue_before_quote(
    reader: Reader, s_start: int, window_start: int, before: str, after_close: str
) -> Attribution | None:
    """ "… humorously remarked: “" / "… stating: “" / "… said that “" right before the mark."""
    if not CUE_WORD.search(before.lower()):
        return None
    match = CUE_BEFORE_QUOTE.search(before)
    if not match:
        return None
    # "said that “four no’s” remain" quotes a phrase inside reported speech, not the speech.
    if match.group("link").strip() == "that" and after_close.strip(TERMINAL + CLOSERS):
        return None
    cue_start = window_start + match.start()
    if match.group("participle"):
        mention = clause_subject(reader.body, s_start, cue_start)
        return attribute(reader, mention, match.group("participle"))
    return attribute(reader, subject_before(reader.body, s_start, cue_start), match.group("cue"))


def _cue_after_quote(
    reader: Reader, close_at: int | None, sentence_end: int, after_close: str
) -> Attribution | None:
    """"”, shared Han Jong-hee." or "” he said." right after the closing mark."""
    if close_at is None:
        return None
    body = reader.body
    base = close_at + 1
    match = CUE_AT_START.match(after_close)
    if match:
        found = mention_after(body, base + match.end(), sentence_end)
        if found and not body[found[1] : sentence_end].strip(TERMINAL + CLOSERS + ","):
            return attribute(reader, (found[0], found[2]), match.group("cue"))
    stripped = after_close.lstrip(" ,")
    offset = base + len(after_close) - len(stripped)
    cue_match = CUE_CLAUSE.search(" " + stripped[:MENTION_WINDOW])
    if cue_match:
        cue_start = offset + cue_match.start("cue") - 1
        mention = mention_before(body, offset, cue_start)
        if mention and mention[0] == offset:
            return attribute(reader, mention, cue_match.group("cue"))
    return None


