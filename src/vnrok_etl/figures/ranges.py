"""Ranges written with "to": "4,000 to 6,400 megawatts", "300 to 400 workers".

A range is one figure whatever joins its ends (tests/corpus keys: "22-23 million international
visitors" is one figure, value the midpoint, qualifier approx). The amount scanner reads the
hyphenated form; this joins the other: a bare number (digits, no noun or currency of its own),
" to ", and a count whose noun then counts both. It is a change, not a range, when "from" or a
verb of change stands before the first number ("rose from 300 to 400 workers", "grew 300 to
400": rare, and read as a change), so those stay two figures.
"""

from __future__ import annotations

import dataclasses
import re

from vnrok_etl.records import Figure

BARE_NUMBER = re.compile(r"[\d.,]+(?:[ ](?:thousand|million|billion))?")
CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:from|between|rose|rises|rising|increased|increases|grew|grows|jumped|fell|falls|"
    r"dropped|climbed|declined|up|down|by)[ ]+$"
)


def join_to_ranges(body: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` (in text order) with each "<number> to <count>" pair made one range."""
    if " to " not in body:
        return figures
    result: list[Figure] = []
    for figure in figures:
        first = result[-1] if result else None
        if (
            first is not None and figure.kind == "count" and first.kind == "count"
            and body[first.end_char : figure.start_char] == " to "
            and BARE_NUMBER.fullmatch(first.text)
            and first.value is not None and figure.value is not None and first.value < figure.value
            and not CHANGE_BEFORE.search(body, max(0, first.start_char - 16), first.start_char)
        ):
            result[-1] = dataclasses.replace(
                figure,
                text=body[first.start_char : figure.end_char],
                start_char=first.start_char,
                value=(first.value + figure.value) / 2,
                qualifier="approx" if figure.qualifier == "exact" else figure.qualifier,
            )
            continue
        result.append(figure)
    return result
