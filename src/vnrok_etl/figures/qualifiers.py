"""Qualifiers: the hedge before an amount."""

from __future__ import annotations

import re

from vnrok_etl.figures.words import alternation


HEDGES: dict[str, str] = {
    "around": "approx", "about": "approx", "approximately": "approx", "nearly": "approx",
    "some": "approx", "roughly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "approx.": "approx",
    "over": "over", "more than": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "upwards of": "over", "at least": "over", "just over": "over",
    "well over": "over", "no less than": "over", "no fewer than": "over",
    "not less than": "over",
    "less than": "under", "fewer than": "under", "under": "under", "up to": "under",
    "below": "under", "at most": "under", "just under": "under", "as many as": "under",
    "as much as": "under", "no more than": "under", "not more than": "under",
}


HEDGE_BEFORE = re.compile(rf"(?i)(?<![\w.])(?P<h>{alternation(HEDGES)})[ ]+$")


def hedge_before(body: str, start: int) -> tuple[int, str]:
    """Move ``start`` back over a hedge word right before the amount; return its qualifier."""
    match = HEDGE_BEFORE.search(body, max(0, start - 25), start)
    if not match:
        return start, "exact"
    return match.start("h"), HEDGES[match["h"].lower()]
