"""Interviews: question-and-answer articles, where every answer is a quote of the interviewee.

Layouts: questions as their own paragraphs ending with "?", or marked "Q:"/"Question:" with
answers marked "A:"/"Answer:" or by the interviewee's name ("Ambassador X: …"). The interviewee is
who the introduction says was interviewed ("talks with …", "interviewed …"), else its first person.
"""

from __future__ import annotations

import re

from vnrok_etl.quotes.attribution import Attribution, Reader, emit, resolve_subject
from vnrok_etl.quotes.marks import trim_span
from vnrok_etl.quotes.mentions import mention_after
from vnrok_etl.records import Article

INTERVIEWED = re.compile(
    r"\binterview(?:ed|s|ing)?\s+(?:(?:with|of|given\s+by|granted\s+by)\s+)?", re.IGNORECASE
)

QUESTION_END = re.compile(r"\?[\s”’\"')\]]*$")
# --- interviews -------------------------------------------------------------------------------


def interview_layout(article: Article) -> tuple[set[int], set[int], set[int]]:
    """(answer, question, introduction) paragraph indexes; all empty for a news article."""
    if article.kind != "interview":
        return set(), set(), set()
    questions = {i for i, p in enumerate(article.paragraphs) if QUESTION_END.search(p.rstrip())}
    if not questions:
        return set(), set(), set()
    first = min(questions)
    answers = {i for i in range(first + 1, len(article.paragraphs)) if i not in questions}
    return answers, questions, set(range(first))


def find_interviewee(reader: Reader, spans: list[tuple[int, int]], intro: set[int]) -> str | None:
    """Who answers: "interviewed the RoK president", else the first person the intro names."""
    if not intro:
        return None
    lo, hi = spans[min(intro)][0], spans[max(intro)][1]
    for match in INTERVIEWED.finditer(reader.body, lo, hi):
        found = mention_after(reader.body, match.end(), hi)
        if found:
            key = resolve_subject(reader, found[0], found[2])
            if key:
                return key
    for position, key in reader.mentions:
        if lo <= position < hi:
            return key
    return None


def add_interview(reader: Reader, start: int, end: int, interviewee: str | None) -> None:
    text_start, text_end = trim_span(reader.body, start, end, strip=" \t\n")
    if text_end > text_start:
        emit(reader, "interview", Attribution(interviewee, None, None), text_start, text_end)
