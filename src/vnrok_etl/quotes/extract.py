"""Reading an article paragraph by paragraph: direct quotations first, then reported speech."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from vnrok_etl.quotes.attribution import Attribution, Reader, register_people
from vnrok_etl.quotes.broadcast import (
    add_soundbite,
    soundbite_speakers,
    whole_quotation,
)
from vnrok_etl.quotes.direct import direct
from vnrok_etl.quotes.interviews import (
    add_interview,
    closing_thanks,
    find_interviewee,
    header_interviewee,
    interview_layout,
    title_interviewee,
)
from vnrok_etl.quotes.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    body_marks,
    quote_pairs,
    trim_span,
)
from vnrok_etl.quotes.emit import attribute
from vnrok_etl.quotes.reported import emit_reported, indirect
from vnrok_etl.quotes.subjects import subject_before
from vnrok_etl.records import Article, Quote, Speaker
from vnrok_etl.sentences import body_sentences, split_sentences
from vnrok_etl.speakers import fold

# Removed spans (Article.removed) that are photo captions: they may name a person the body calls
# by surname only (attribution._caption_person).
CAPTION_RULES = frozenset({"caption", "repeated_caption", "caption_credit", "figcaption", "alt_text"})


def extract_quotes(article: Article) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Quotes in ``article.body`` (offsets into it) and the speakers they name."""
    body = article.body
    reader = Reader(
        body,
        double_marks=body_marks(body, DOUBLE_MARKS),
        single_marks=body_marks(body, SINGLE_MARKS),
        captions=tuple(span.text for span in article.removed if span.rule in CAPTION_RULES),
    )
    # No catch-all here: a bug becomes a rejection row naming the document (pipeline.py) instead
    # of an article that silently lost its quotes.
    spans = article.paragraph_spans()
    sentences = body_sentences(body)  # the figure stage asks for the same split next
    # The body is its paragraphs joined by one blank line. When those are its only newlines, the
    # paragraph breaks the splitter finds in the body are exactly the separators, and it splits
    # each paragraph as it splits the paragraph alone (no pattern looks past a break). So the
    # body's sentences are the paragraphs' in order, each paragraph's those that start inside
    # it, and no paragraph need be split again (quotes 0.46 -> 0.44 ms/doc, figures no split).
    if body.count("\n") == 2 * (len(spans) - 1):
        paragraph_sentences = [
            sentences[bisect_left(sentences, (start,)) : bisect_left(sentences, (end,))]
            for start, end in spans
        ]
    else:
        paragraph_sentences = [split_sentences(body, start, end) for start, end in spans]
    register_people(reader, sentences)
    answers, questions, intro = interview_layout(article)
    if answers:
        answers -= closing_thanks(article.paragraphs, answers, questions)
    # Most articles were cleaned of no broadcast label: no paragraph is looked at for them.
    soundbites = soundbite_speakers(article, spans) if article.removed else {}
    # Who answers is settled at the first answer, once the introduction has been read: a quote
    # there ("…, Ambassador X said at a recent interview") tells who is interviewed.
    interviewee: str | None = None
    intro_quotes = 0
    previous_direct: Attribution | None = None
    previous_reported: Attribution | None = None
    unclosed: list[tuple[int, int]] = []  # quotations left open at their paragraphs' ends
    plain: tuple[int, int] | None = None  # the previous news paragraph, when it quoted nothing
    for index, (start, end) in enumerate(spans):
        if index in answers or index in questions or index in soundbites:
            unclosed = []  # only the next news paragraph can close them
            previous_reported = None  # nor can a reported statement before them lend its speaker
        if index in answers:
            if not intro_quotes:
                intro_quotes = len(reader.quotes) + 1
                interviewee = find_interviewee(
                    reader, spans, intro, reader.quotes[:]
                ) or title_interviewee(reader, article.title) or header_interviewee(reader, article.removed)
            add_interview(reader, start, end, interviewee)
            continue
        if index in questions:
            continue
        if index in soundbites:
            previous_direct = add_soundbite(reader, start, end, *soundbites[index])
            continue
        if plain is not None and _may_say_who_remarked(body[start : start + 200]):
            _remarks_made(reader, plain, start, end)
        quotes_before = len(reader.quotes)
        if previous_direct is None and previous_reported is not None and whole_quotation(body, start, end):
            # "Minister Ahn says the routes will open. ⏎ “We will work with Vietnam …”": a
            # paragraph that is one quotation and nothing else, after a paragraph ending in a
            # reported statement, is that speaker's soundbite (a TV script's or a feature's form).
            previous_direct = previous_reported
        reported_before = previous_reported
        previous_direct, previous_reported = _read_paragraph(
            reader, start, end, paragraph_sentences[index], previous_direct
        )
        plain = (start, end) if len(reader.quotes) == quotes_before else None
        still_open = _unclosed_opening(body, start, end) if len(reader.quotes) == quotes_before else None
        if still_open is not None:
            unclosed.append(still_open)  # "“A. ⏎ “B. ⏎ “C,” she said.": wait for the attribution
            # "…, he said. ⏎ “A. ⏎ “B.”": a quotation run over paragraphs with no cue of its own
            # after a reported statement is that speaker's, as a lone quotation paragraph is:
            # the reported speaker waits with the open paragraphs for the one that closes them.
            previous_reported = previous_reported or reported_before
        elif unclosed:
            _attribute_unclosed(reader, unclosed, start, end, quotes_before)
            unclosed = []
    valid = tuple(q for q in reader.quotes if body[q.start_char : q.end_char] == q.text and q.text)
    used = [key for key in dict.fromkeys(reader.speakers_used) if key in reader.people]
    return valid, tuple(reader.people[key].speaker() for key in used)


# --- paragraphs -------------------------------------------------------------------------------


def _read_paragraph(
    reader: Reader,
    start: int,
    end: int,
    sentences: list[tuple[int, int]],
    previous_direct: Attribution | None,
) -> tuple[Attribution | None, Attribution | None]:
    """Quotes of one news paragraph (``sentences`` are its sentences); returns the attribution of
    its last direct quote when the paragraph ends inside or right after it (the next paragraph
    may continue it), else None; and the speaker of the reported statement that ends it, if
    one does (a next paragraph that is only a quotation is that speaker's), else None."""
    body = reader.body
    pairs = quote_pairs(reader, start, end)
    if not pairs:
        # Most paragraphs quote nothing: every sentence is reported speech's to read.
        before = len(reader.quotes)
        for s_start, s_end in sentences:
            before = len(reader.quotes)
            indirect(reader, s_start, s_end, pairs)
        return None, _reported_attribution(reader, before, unresolved=True)
    for open_at, close_at in pairs:
        reader.add_quoted(open_at, close_at if close_at is not None else end)
    opens = [open_at for open_at, _close in pairs]
    # Only a quotation can continue the previous paragraph; most paragraphs hold none.
    first_char = start + len(body[start:end]) - len(body[start:end].lstrip()) if pairs else -1
    covered_until = start  # end of the last sentence a direct quote reached
    quoted_until = start  # end of the last direct quotation
    last_direct: Attribution | None = None
    reported = False  # whether last_direct is a reported statement's speaker, not a quotation's
    for s_start, s_end in sentences:
        if s_start < covered_until:
            continue
        handled = False
        for index in range(bisect_left(opens, s_start), bisect_left(opens, s_end)):
            open_at, close_at = pairs[index]
            if open_at < quoted_until:
                continue
            close = close_at if close_at is not None else end
            sentence_end = _sentence_end(sentences, close, end)
            same_paragraph = open_at != first_char
            continues = last_direct if same_paragraph else previous_direct
            attribution = direct(
                reader, s_start, open_at, close_at, sentence_end, continues, same_paragraph
            )
            if attribution is not None:
                covered_until = max(covered_until, sentence_end)
                quoted_until = close + 1
                last_direct = attribution
                handled = True
        if not handled and s_start >= covered_until:
            before = len(reader.quotes)
            indirect(reader, s_start, s_end, pairs)
            # Within this paragraph only: a paragraph that opens with a quotation after it is
            # not thereby the reporter's (the next paragraph gets None below).
            last_direct = _reported_attribution(reader, before)
            reported = last_direct is not None
        elif handled:
            reported = False
    if reported:
        return None, _reported_attribution(reader, len(reader.quotes) - 1, unresolved=True)
    return last_direct, None


# "<Subject> made the remarks today [December 4] at …" opening a paragraph: what the paragraph
# before it said, printed with no cue of its own, was the subject's.
REMARKS_MADE = re.compile(
    r"\s*[^.;:“”\"]{2,160}?\s(?P<cue>made\s+the\s+(?:remarks|comments|statement|assessment)|"
    r"(?:gave|delivered)\s+the\s+(?:remarks|assessment))\b"
)


def _may_say_who_remarked(opening: str) -> bool:
    """A cheap test before REMARKS_MADE: its nouns in a paragraph's first characters."""
    return REMARK_NOUN.search(opening) is not None


REMARK_NOUN = re.compile(r"the (?:remarks|comments|statement|assessment)")


def _remarks_made(reader: Reader, previous: tuple[int, int], start: int, end: int) -> None:
    """The paragraph ``previous`` (which quoted nothing) as a statement of the person who, as the
    paragraph at ``start`` says, "made the remarks" (REMARKS_MADE): news states a view in one
    paragraph and says who held it in the next ("Hanoi is looking to Gyeonggi for experience …"
    ⏎ "Vice Chairwoman X made the remarks today at a reception for …"). A person only: "the
    meeting made the statement" names no speaker."""
    made = REMARKS_MADE.match(reader.body, start, end)
    if made is None:
        return
    mention = subject_before(reader.body, start, made.start("cue"))
    if mention is None:
        return
    attribution = attribute(reader, mention, made.group("cue"))
    if attribution.key is None or reader.people[attribution.key].kind != "person":
        return
    emit_reported(reader, attribution, previous[0], previous[1], [])


OPENING_MARKS = "\"“"
QUOTATION_MARKS = "\"“”"


def _unclosed_opening(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The text of a quotation that opens the paragraph ``body[start:end]`` and is never closed
    in it (an odd count of double marks), when it was not attributed: news copy prints a
    quotation running over paragraphs with no closing mark until its last paragraph."""
    first = start
    while first < end and body[first].isspace():  # (no slice: most paragraphs open with a letter)
        first += 1
    if first >= end or body[first] not in OPENING_MARKS:
        return None
    if sum(body.count(mark, start, end) for mark in QUOTATION_MARKS) % 2 == 0:
        return None
    text_start, text_end = trim_span(body, first + 1, end, strip=" \t\n,")
    return (text_start, text_end) if text_end > text_start else None


def _attribute_unclosed(
    reader: Reader, unclosed: list[tuple[int, int]], start: int, end: int, quotes_before: int
) -> None:
    """Paragraphs left open (``unclosed``, in order) take the speaker of the direct quotation that opens
    the next paragraph (``body[start:end]``, whose quotes start at ``quotes_before``): the
    attribution at the end of a quotation over several paragraphs names the speaker of all of
    them. Each paragraph stays a statement of its own (tests/corpus/README.md)."""
    body = reader.body
    first = start + len(body[start:end]) - len(body[start:end].lstrip())
    if first >= end or body[first] not in OPENING_MARKS or len(reader.quotes) == quotes_before:
        return
    opening = reader.quotes[quotes_before]
    if opening.kind != "direct" or body[first + 1 : opening.start_char].strip() or (
        opening.speaker is None and opening.speaker_printed is None
    ):
        return
    reader.quotes[quotes_before:quotes_before] = [
        replace(opening, cue=None, text=body[text_start:text_end], start_char=text_start, end_char=text_end)
        for text_start, text_end in unclosed
    ]
    for text_start, text_end in unclosed:
        reader.add_quoted(text_start, text_end)


def _reported_attribution(reader: Reader, before: int, unresolved: bool = False) -> Attribution | None:
    """The speaker of the reported statement just read (quotes from ``before``), as the
    attribution a quotation after it in the same paragraph continues: "Choi said that few cities
    had kept their factories open. “Korean investors have noticed.”" is Choi's quotation too.
    None when the sentence reported nothing or nobody resolvable; with ``unresolved``, a
    speaker left unnamed counts too, as printed ("business owners in Hanoi say …")."""
    if len(reader.quotes) == before or before < 0:
        return None
    quote = reader.quotes[-1]
    if quote.kind != "indirect":
        return None
    if quote.speaker is None:
        if not unresolved or quote.speaker_printed is None:
            return None
        return Attribution(None, None, quote.speaker_title, quote.speaker_type, quote.speaker_printed)
    return Attribution(fold(quote.speaker), None, quote.speaker_title, quote.speaker_type, None)


def _sentence_end(sentences: list[tuple[int, int]], offset: int, default: int) -> int:
    """End of the sentence holding ``offset`` (sentences are sorted and disjoint)."""
    index = bisect_right(sentences, (offset, float("inf"))) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return sentences[index][1]
    return default


