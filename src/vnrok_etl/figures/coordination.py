"""Coordinated figures: "soared by 8.4 and 7.5 times respectively", "142 times and 240 times".

Rules (tests/test_figures_coordination.py):

- Every member of a coordination of amounts ("A and B", "A, B and C", "A or B") is its own
  figure. A member printed bare takes the kind, unit and scale word of the first member after it
  that has them ("8.4 and 7.5 times" -> 8.4 times and 7.5 times; "1.2 and 3.4 billion USD" ->
  US$1.2 billion and US$3.4 billion); its surface text stays what is printed for it ("8.4").
- What decides a member's kind decides it for every member: "surged by 142 times and 240 times"
  is two multipliers, though "240 times" alone, far from "surged", could be a frequency.
- Each member gets its own subject. When the subject before the coordination is itself a
  coordination with as many members ("exports and imports", "visitors from Korea, Japan and
  China"), the figures take them in order ("respectively" or not), each completed with the
  words the conjuncts share ("total exports and imports with Viet Nam" -> "total exports with
  Viet Nam", "total imports with Viet Nam"). Otherwise every member shares the subject.
"""

from __future__ import annotations

import dataclasses
import re

from vnrok_etl.figures.amounts import DIGIT_QUANTITY, WORD_QUANTITY
from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.figures.subjects import subject_before
from vnrok_etl.records import Figure

# Between two members: ", ", " and ", ", and ", " or ", "; ".
COORDINATOR = re.compile(r"(?:[,;][ ]*(?:(?:and|or)[ ]+)?|[ ]+(?:and|or|and/or)[ ]+)(?=[\w$€£¥₩₫])")
# A member and the coordinator after it, read backwards from the next member:
# "142 times and ", "8.4, ".
MEMBER_BEFORE = re.compile(
    r"(?<![\w.,])\d[\d.,]*(?:[ ](?:times|percent|per[ ]cent))?%?"
    r"(?:[,;][ ]*(?:(?:and|or)[ ]+)?|[ ]+(?:and|or)[ ]+)$"
)
GAP = re.compile(r"(?:[,;][ ]*(?:(?:and|or)[ ]+)?|[ ]+(?:and|or|and/or)[ ]+)")
RESPECTIVELY = re.compile(r"[ ,]*respectively\b")
CONJUNCT_SPLIT = re.compile(r",[ ]*(?:and[ ]+)?|[ ]+and[ ]+")
PREPOSITIONS = frozenset({"in", "from", "to", "with", "of", "for", "at", "on", "between"})


def next_member(body: str, end: int) -> re.Match | None:
    """The quantity coordinated right after an amount ending at ``end``, if any."""
    link = COORDINATOR.match(body, end)
    if link is None:
        return None
    return DIGIT_QUANTITY.match(body, link.end()) or WORD_QUANTITY.match(body, link.end())


def coordination_start(body: str, start: int) -> int:
    """Where the coordination ending with the member at ``start`` begins: '142 times and 240
    times' -> the start of '142'."""
    while start > 0:
        member = MEMBER_BEFORE.search(body, max(0, start - 40), start)
        if member is None:
            return start
        start = member.start()
    return start


def distribute_subjects(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """Give each member of a coordination its own subject (module docstring)."""
    result = list(figures)
    index = 0
    while index < len(result):
        group = [index]
        while group[-1] + 1 < len(result) and _coordinated(ctx, result[group[-1]],
                                                           result[group[-1] + 1]):
            group.append(group[-1] + 1)
        if len(group) > 1:
            members = [result[i] for i in group]
            subjects = _member_subjects(ctx, members)
            for i, subject in zip(group, subjects):
                if subject != result[i].subject:
                    result[i] = dataclasses.replace(result[i], subject=subject)
        index = group[-1] + 1
    return result


def _coordinated(ctx: Context, first: Figure, second: Figure) -> bool:
    if first.kind != second.kind or first.end_char > second.start_char:
        return False
    if sentence_span(ctx, first.start_char) != sentence_span(ctx, second.start_char):
        return False
    return GAP.fullmatch(ctx.body, first.end_char, second.start_char) is not None


def _member_subjects(ctx: Context, members: list[Figure]) -> list[str | None]:
    if members[0].kind == "count" and all(m.subject for m in members):
        return [m.subject for m in members]  # each counts its own noun
    shared = subject_before(ctx.body, members[0].start_char, coordinated=True) or next(
        (m.subject for m in members if m.subject), None
    )
    if shared is None:
        return [m.subject for m in members]
    conjuncts = CONJUNCT_SPLIT.split(shared)
    if len(conjuncts) != len(members):
        return [shared] * len(members)
    return _completed(conjuncts)


def _completed(conjuncts: list[str]) -> list[str]:
    """Complete each conjunct with the words the coordination shares: a premodifier of the first
    ('total exports and imports'), a prepositional phrase of the last ('... with Viet Nam'), or
    the head before a preposition the first carries ('visitors from Korea, Japan and China')."""
    first, last = conjuncts[0].split(), conjuncts[-1].split()
    head_first = len(first)
    prefix: list[str] = []
    tail: list[str] = []
    preposition = max((i for i, w in enumerate(first) if w.lower() in PREPOSITIONS), default=-1)
    if preposition >= 0 and all(not _has_preposition(c) for c in conjuncts[1:]):
        prefix, head_first = first[:preposition + 1], preposition + 1  # "visitors from" Korea
    else:
        tail_at = next((i for i, w in enumerate(last) if w.lower() in PREPOSITIONS), None)
        if tail_at and all(not _has_preposition(c) for c in conjuncts[:-1]):
            tail = last[tail_at:]
            conjuncts = conjuncts[:-1] + [" ".join(last[:tail_at])]
        if len(first) > 1 and all(len(c.split()) == 1 and c.islower() for c in conjuncts[1:]):
            prefix, head_first = first[:-1], len(first) - 1  # "total" exports and imports
    completed = []
    for index, conjunct in enumerate(conjuncts):
        words = conjunct.split()
        core = words[head_first:] if index == 0 and prefix else words
        completed.append(" ".join(prefix + core + tail))
    return completed


def _has_preposition(conjunct: str) -> bool:
    return any(w.lower() in PREPOSITIONS for w in conjunct.split())
