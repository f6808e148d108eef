"""Quoted words that are not speech: scare quotes, titles of works, slogans, single terms.

News puts quotation marks around more than speech: a term held at arm's length (a “win-win”
deal, the “four no’s”), the title of a work or an event (the film “…”, a forum themed “…”), a
slogan or a campaign's name. None of these is what somebody said, whatever cue is near, so:

- a quotation right after a naming word ("called", "dubbed", "titled", "themed", "known as",
  "so-called", "the slogan", "the film", …) is a name (``is_term``);
- a short quotation (three words or fewer) inside a sentence that is not a sentence itself (no
  closing . ! ?) and does not follow a colon is a term ("called it a “win-win” deal", "its
  “four no’s” policy");
- a quotation with no cue of its own continues an earlier speaker only if it reads like speech
  (``speech_like``): six words or more, or a full sentence of three or more, or left open at the
  paragraph's end (a quotation running on into the next paragraph).

A quotation no cue attributes is never speech in the first place (direct.py); these rules keep
cue-adjacent terms and uncued fragments out.
"""

from __future__ import annotations

import re

# Words after which a quotation names something: "dubbed “Korea Week”", "the film “…”".
TERM_INTRODUCER = re.compile(
    r"\b(?:called|dubbed|titled|entitled|themed|named|known\s+as|so-called|labelled|labeled|"
    r"branded|slogan|motto|theme|film|movie|book|song|novel|album|show|series|programme|"
    r"program|campaign|initiative|project|label|term|phrase|words?|concept|brand|hashtag)"
    r"(?:\s+of)?\s*[:,]?\s*$",
    re.IGNORECASE,
)
# Characters looked back from an opening mark for a naming word.
TERM_LOOKBACK = 24
# Longest quotation read as a term when it is not a sentence.
TERM_MAX_WORDS = 3
# A quotation continuing a speaker without a cue: at least this many words, or a full sentence.
CONTINUATION_MIN_WORDS = 6
SENTENCE_MIN_WORDS = 3
SENTENCE_END = ".!?…"


def is_term(
    body: str, open_at: int, text_start: int, text_end: int, opens_sentence: bool = False
) -> bool:
    """Whether the quotation opening at ``open_at`` (text ``body[text_start:text_end]``) names or
    flags something instead of reporting speech. A short quotation that opens its sentence
    ("“Overstays have fallen,” Duc said") is not flagged for its length: terms sit inside one."""
    before = body[max(0, open_at - TERM_LOOKBACK) : open_at]
    if TERM_INTRODUCER.search(before):
        return True
    if opens_sentence:
        return False
    text = body[text_start:text_end].rstrip("”’\"' ")
    short = len(text.split()) <= TERM_MAX_WORDS and not text.endswith(tuple(SENTENCE_END))
    return short and not before.rstrip().endswith(":")


def speech_like(body: str, text_start: int, text_end: int, close_at: int | None) -> bool:
    """Whether an uncued quotation can continue an earlier speaker's quote."""
    words = len(body[text_start:text_end].split())
    if words >= CONTINUATION_MIN_WORDS or close_at is None:
        return True
    return words >= SENTENCE_MIN_WORDS and body[text_start:text_end].rstrip().endswith(tuple(SENTENCE_END))
