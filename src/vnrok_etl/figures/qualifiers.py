"""Qualifiers: the hedge before an amount.

A hedge word right before the amount moves the figure's start back over it ("more than 2,100");
a verb that says "more than" ("on track to exceed $88 billion", "topped $3 billion") gives
qualifier ``over`` and stays out of the figure's text.
"""

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
    "within": "under", "perhaps": "approx", "possibly": "approx",
}

# "handed over 2,000 packages": "over" as a verb particle, not a hedge.
PARTICLE_VERB_BEFORE = re.compile(
    r"(?i)\b(?:hand|hands|handed|handing|take|takes|took|taken|taking|turn|turns|turned|"
    r"turning|win|won|pass|passed|give|gave|given|tip|tipped|tipping)[ ]+$"
)
# "over five years" is "during": "over" before a duration is a preposition unless another
# preposition already governs the phrase ("for over 30 years", "after over a decade").
GOVERNING_PREPOSITION = re.compile(r"(?i)\b(?:for|of|after|in|with|by|since|to)[ ]+$")


# "on track to exceed $88 billion", "exports topped $5 billion", "could pass $100 billion": a verb
# that says "more than";
# the verb stays out of the figure's text.
VERB_HEDGE_BEFORE = re.compile(
    r"(?i)\b(?:exceed|exceeds|exceeded|surpass|surpasses|surpassed|top|tops|topped|"
    r"pass|passes|passed|cross|crosses|crossed)[ ]+$"
)
HEDGE_BEFORE = re.compile(rf"(?i)(?<![\w.])(?P<h>{alternation(HEDGES)})[ ]+$")


# "total estimated capital of VND512.6 trillion", "an estimated cost of $2 billion": the estimate
# names the amount's noun; the amount is approximate, and the words stay out of its text.
ESTIMATED_NOUN_OF = re.compile(r"(?i)\bestimated[ ]+(?:[a-z]+[ ]+){1,2}(?:of|at)[ ]+$")


def hedge_before(body: str, start: int, duration: bool = False) -> tuple[int, str]:
    """Move ``start`` back over a hedge word right before the amount; return its qualifier.
    ``duration``: the amount is a length of time, before which a bare "over" means "during"."""
    match = HEDGE_BEFORE.search(body, max(0, start - 25), start)
    if not match:
        if VERB_HEDGE_BEFORE.search(body, max(0, start - 12), start) and not duration:
            return start, "over"
        if "estimated" in body[max(0, start - 40) : start] and ESTIMATED_NOUN_OF.search(
            body, max(0, start - 40), start
        ):
            return start, "approx"
        return start, "exact"
    if duration and match["h"].lower() == "within":
        return start, "under"  # "within two years": a bound, the preposition not printed as such
    if match["h"].lower() == "over":
        before = max(0, match.start("h") - 20)
        if PARTICLE_VERB_BEFORE.search(body, before, match.start("h")):
            return start, "exact"
        if duration and not GOVERNING_PREPOSITION.search(body, before, match.start("h")):
            return start, "exact"
    return match.start("h"), HEDGES[match["h"].lower()]
