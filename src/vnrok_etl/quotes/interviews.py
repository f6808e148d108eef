"""Interviews: question-and-answer articles, where every answer is a quote of the interviewee.

Layouts: questions as their own paragraphs ending with "?", or marked "Q:"/"Question:" with
answers marked "A:"/"Answer:" or by the interviewee's name ("Ambassador X: …"). The interviewee is
who the introduction says was interviewed ("talks with …", "interviewed …"), else its first person.
"""

from __future__ import annotations

import re

from vnrok_etl.quotes.attribution import Attribution, Reader, resolve_subject
from vnrok_etl.quotes.emit import emit
from vnrok_etl.quotes.marks import trim_span
from vnrok_etl.quotes.mentions import (
    mention_after,
    mention_before,
    name_run_ends,
    run_mention,
)
from vnrok_etl.quotes.subjects import (
    subject_before,
)
from vnrok_etl.records import Article, Quote
from vnrok_etl.speakers import FAMILY_NAMES, fold

# Where the introduction says who is interviewed: "interviewed the RoK president", "an interview
# with …", "a reporter talked with Ambassador …", "shared with …".
INTERVIEWED = re.compile(
    r"\b(?:interview(?:ed|s|ing)?\s+(?:(?:with|of|given\s+by|granted\s+by)\s+)?|"
    r"(?:talk(?:s|ed)?|spoke|speaks|chatted|sat\s+down)\s+(?:with|to)\s+)",
    re.IGNORECASE,
)
# Who is not the interviewee, though the introduction names them after "talks with".
INTERVIEWERS = frozenset({"reporter", "correspondent", "journalist", "interviewer", "editor"})
# How an answer paragraph ends: a sentence's mark, perhaps inside a closing quote or bracket.
ANSWER_END = re.compile(r"[.!?…][”’\"')\]]*(?:\s|$)")
QUESTION_END = re.compile(r"\?[\s”’\"')\]]*$")
# Marked layouts: "Q: …" / "Question 2: …" and "A: …" / "Answer: …" open their paragraphs.
QUESTION_MARK = re.compile(r"\s*(?:Q|Question)\s*\d{0,2}\s*[:.\-–—]\s+")
ANSWER_MARK = re.compile(r"\s*(?:A|Answer)\s*\d{0,2}\s*[:.\-–—](?:\s+|$)")
# "Ambassador Vũ Hồng Nam: It is …": an answer opened by its speaker's name and a colon.
NAMED_ANSWER = re.compile(r"\s*(?P<name>[^\W\d_][^:?!.“”\"]{1,80}?):\s+")


def interview_layout(article: Article) -> tuple[set[int], set[int], set[int]]:
    """(answer, question, introduction) paragraph indexes; all empty for a news article.

    A paragraph marked "Q:" or "Question:" is a question whatever the article's kind (the marks
    say it is an interview); in an article cleaned as an interview, so is a paragraph whose last
    sentence ends with "?". Every paragraph after the first question that is not a question is
    an answer; the paragraphs before it are the introduction.
    """
    paragraphs = article.paragraphs
    # Speed: after its leading spaces each mark opens with its letter ("Q", "A"); most paragraphs
    # open with neither (0.5 µs a pattern).
    marked = {i for i, p in enumerate(paragraphs) if (p[:1] == "Q" or p[:1].isspace()) and QUESTION_MARK.match(p)}
    answered = any((p[:1] == "A" or p[:1].isspace()) and ANSWER_MARK.match(p) for p in paragraphs)
    if marked and (answered or len(marked) > 1):
        # Unmarked questions slip into marked layouts too: a "?" paragraph no "A:" opens.
        questions = marked | {
            i for i, p in enumerate(paragraphs)
            if QUESTION_END.search(p.rstrip()) and not ANSWER_MARK.match(p) and i > min(marked)
        }
    elif article.kind == "interview":
        questions = {i for i, p in enumerate(paragraphs) if QUESTION_END.search(p.rstrip())}
    else:
        return set(), set(), set()
    if not questions:
        return set(), set(), set()
    first = min(questions)
    answers = {i for i in range(first + 1, len(paragraphs)) if i not in questions}
    return answers, questions, set(range(first))


def find_interviewee(
    reader: Reader, spans: list[tuple[int, int]], intro: set[int], intro_quotes: list[Quote]
) -> str | None:
    """Who answers, from the introduction (``intro`` paragraphs, already read as news):

    1. who talked or spoke with the outlet ("She talked with Tuoi Tre News", "Kim, who heads …,
       talked to VIR's reporter"): the verb's subject, unless it is the reporter;
    2. else whom it says was interviewed or talked with ("interviewed the RoK president", "a
       reporter talked with Ambassador Park"), when that is a person, not the outlet;
    3. else the speaker of the introduction's last quote ("…, the ambassador said in an
       interview with …");
    4. else the first person the introduction names.
    """
    if not intro:
        return None
    body = reader.body
    lo, hi = spans[min(intro)][0], spans[max(intro)][1]
    for match in INTERVIEWED.finditer(body, lo, hi):
        stop = max(body.rfind(". ", lo, match.start()), body.rfind("\n", lo, match.start()) - 1)
        sentence_start = stop + 2 if stop >= lo else lo
        for found in (
            subject_before(body, sentence_start, match.start()),
            mention_after(body, match.end(), hi),
        ):
            if found is None:
                continue
            parsed = found[-1]
            title_noun = fold(parsed.title or "").rsplit(" ", 1)[-1]
            if parsed.role in INTERVIEWERS or title_noun in INTERVIEWERS or parsed.organisation is not None:
                continue
            key = resolve_subject(reader, found[0], parsed)
            if key and reader.people[key].kind == "person":
                return key
    for quote in reversed(intro_quotes):
        if quote.speaker and quote.speaker_type == "person" and lo <= quote.start_char < hi:
            return fold(quote.speaker)
    for position, key in reader.mentions:
        if lo <= position < hi and reader.people[key].kind == "person":
            return key
    return None


def title_interviewee(reader: Reader, title: str | None) -> str | None:
    """The person an interview's title names ("Deputy Prime Minister Tran Minh Quan’s
    interview with The Korea Times"), for an interview printed with no introduction."""
    if not title:
        return None
    for start, end, own_start in name_run_ends(title, [(0, len(title))]):
        found = run_mention(title, own_start, end) if own_start >= 0 else mention_before(title, start, end)
        if found is None:
            continue
        parsed = found[1]
        if parsed.name and " " in parsed.name and (parsed.title or fold(parsed.name.split()[0]) in FAMILY_NAMES):
            key = resolve_subject(reader, 0, parsed)
            if key and reader.people[key].kind == "person":
                return key
    return None


# Header lines the cleaner set aside above the headline, where a magazine prints whom it
# interviews ("H.E. Park Young-sik" over the headline, as a kicker or section label).
HEADER_RULES = frozenset({"section_label", "kicker"})
# The interviewer's closing courtesy: "Thank you for your time, Ambassador." / "Thanks, Minister!"
CLOSING_THANKS = re.compile(
    r"\s*(?:thank\s+you|thanks|many\s+thanks)\b[^.!?]{0,80}[.!]\s*$", re.IGNORECASE
)


def header_interviewee(reader: Reader, removed) -> str | None:
    """The person named by a line printed above an interview's headline.

    Magazines often print the interviewee's name with a title or honorific as a kicker over the
    headline ("H.E. Park Young-sik", "Ambassador Tran Minh Khoa", "Dr. Lee Ji-eun") and never
    name them again in the text. The cleaner sets those lines aside as labels; the first that
    parses as a titled person or a full name with a known family name is the interviewee. Only
    lines before the headline count: what follows it is a dek or a credit line.
    """
    for span in removed:
        if span.rule == "title":
            break
        if span.rule in HEADER_RULES and len(span.text) <= 80:
            found = title_interviewee(reader, span.text)
            if found:
                return found
    return None


def closing_thanks(paragraphs: tuple[str, ...], answers: set[int], questions: set[int]) -> set[int]:
    """The interviewer's closing "Thank you …" paragraph, which is no answer.

    An interview often ends with the interviewer thanking the guest ("Thank you for your time,
    Ambassador."). It stands where an answer would, but follows an answer, not a question, and
    holds nothing but thanks: it is the interviewer's courtesy, not a statement of the
    interviewee. Only the last paragraph is read so; thanks that answer a question are the
    interviewee's answer and stay.
    """
    last = len(paragraphs) - 1
    if last in answers and last - 1 in answers and CLOSING_THANKS.match(paragraphs[last]):
        return {last}
    return set()


def add_interview(reader: Reader, start: int, end: int, interviewee: str | None) -> None:
    """One answer paragraph as an interview quote, its "A:" or "Name:" opening left out."""
    body = reader.body
    marker = ANSWER_MARK.match(body, start, end) or _named_answer(reader, start, end)
    if marker is not None:
        start = marker.end()
    text_start, text_end = trim_span(body, start, end, strip=" \t\n")
    # A caption or a byline left among the answers ("President X of Viet Nam", "By Thu Ha
    # thuha@…") is no answer: answers hold a sentence's end (not always last: a sign-off may
    # follow it).
    if not ANSWER_END.search(body, text_start, text_end):
        return
    if text_end > text_start:
        kind = "person" if interviewee else None
        emit(reader, "interview", Attribution(interviewee, None, None, kind), text_start, text_end)


def _named_answer(reader: Reader, start: int, end: int) -> re.Match[str] | None:
    """The "Ambassador Vũ Hồng Nam: " opening of an answer, when it names a person."""
    match = NAMED_ANSWER.match(reader.body, start, end)
    if match is None:
        return None
    found = mention_after(reader.body, match.start("name"), match.end("name"))
    if found is None or found[1] != match.end("name") or not (found[2].name or found[2].role):
        return None
    return match
