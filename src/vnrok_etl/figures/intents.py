"""Goal, forecast, future-tense and turn words of a sentence: what makes a figure a target.

The rules are stated in reference.py (targets are stated plans and agreed goals, forecasts are
predictions); this module holds the words and phrases that signal them, found in one pass over
a sentence's words (``intents_of``), the turns that end their reach (``other_turns``), the goal
verb with its value (GOAL_VERB_TO), and a plan's size printed between commas before its
future-tense predicate (``describes_future_subject``).
"""

from __future__ import annotations

import re

# Goal and forecast words, each at the start of a word (numbers.at_word_start: a pattern that
# starts with a character class is scanned in C, three times faster than one starting with \b).
# Goal, forecast and future-tense words and goal verbs, found in one pass over the words of a
# sentence: each word is looked up in INTENTS, and only a listed word tries its tail (the words
# that must follow it). A regex alternation of these phrases tried at every letter of the
# sentence cost a third of the figure stage.
# "shorten its review … to 30 days", "extend the pilot to 12 provinces", "expand … to 40 stores".
GOAL_VERBS = ("raise|lift|bring|boost|push|increase|take|grow|double|elevate|cut|reduce|lower|shorten|"
              "extend|expand")
# Verbs of a measure reaching a level: after "set to" they predict ("set to hit"), they do not plan.
METRIC_VERBS = ("reach|hit|top|exceed|surpass|rise|grow|increase|climb|fall|drop|decline|double|"
                "triple|jump|soar|near")
# "to" and an infinitive a few words after an agreement word (not "to the", "to 30%").
# The goal ends at "to", before the infinitive: "agreed to double …" makes the verb's own figure
# ("double") a target as "plan to double" does.
AGREED_TO = (r"(?:[ ]+(?!to\b)[^\s,;.]+){0,8}?[ ]+to(?=[ ]+"
             r"(?!(?:the|a|an|this|that|these|those|its|their|his|her|our)\b)[a-z]{2,}\b)")
INTENT_TABLE: list[tuple[str, tuple[str, ...], str]] = [
    # (kind, first words, what must follow), tried in this order for a word
    ("goalverb", ("to", "will", "would", "shall"), rf"[ ]+(?:{GOAL_VERBS})\b"),
    ("goalverb", ("raising", "lifting", "bringing", "boosting", "pushing", "increasing",
                  "taking", "doubling", "elevating", "shortening", "extending", "expanding"), ""),
    ("goal", ("target", "targets", "targeted", "targeting", "goal", "goals", "objective",
              "objectives", "ambition", "towards"), ""),
    ("goal", ("aim", "aims", "aiming", "aimed"), r"[ ](?:to|at|for)\b"),
    # An agreement and what it is to do, a few words apart: "agreed in 2023 to bring", "signed
    # an agreement Tuesday with Hue Central Hospital to train", "agreed on a ceiling of".
    ("goal", ("agree", "agreed", "agrees", "agreeing", "agreement", "agreements", "deal", "pact"),
     rf"(?:[ ](?:on|upon)\b|{AGREED_TO})"),
    ("goal", ("plan", "plans", "planning", "planned", "seek", "seeks", "seeking", "sought",
              "commit", "commits", "committed", "pledge", "pledged", "pledges", "hope", "hopes",
              "hoping", "hoped", "determined", "commitment", "programme", "program", "scheme",
              # "wishes to build a hub worth about US$250 million", "intends to hire 300".
              "wish", "wishes", "wished", "intend", "intends", "intended"),
     r"[ ]to\b"),
    ("goal", ("want", "wants", "wanted"), ""),  # "we want 400 engineers", "want to have"
    # "the plan calls for"; not the idiom "called for help" (a request for rescue, no goal).
    ("goal", ("call", "calls", "called", "calling"), r"[ ]for\b(?![ ]+(?:help|assistance|rescue|aid)\b)"),
    ("goal", ("strive", "strives", "striving", "strove"), r"[ ](?:to|for)\b"),
    ("goal", ("to",), r"[ ]be[ ](?:built|set[ ]up|opened|completed|launched)\b"),
    # The future tense: a plan when it names its period ("will open 10 branches this year").
    # A stated plan, in the future tense or as a schedule ("is set to open"); "would have"
    # is a counterfactual.
    ("future", ("will", "shall"), ""),  # "will have an annual capacity of 8 GWh": a plan
    ("future", ("would",), r"(?![ ]+have\b)"),
    ("goal", ("set",), r"[ ]out[ ]to\b"),  # "have set out to expand trade by about 70 percent"
    # An offer is a stated plan: "the bank was ready to double its green lending".
    # So is getting ready: "as the capital prepares to put two more metro lines into service".
    ("goal", ("ready", "willing", "prepared", "prepare", "prepares", "preparing"), r"[ ]to\b"),
    ("forecast", ("set",), rf"[ ]to[ ]+(?:{METRIC_VERBS})\b"),  # "set to hit $100 billion"
    ("future", ("set",), r"[ ]to\b"),
    ("forecast", ("expected", "expect", "expects", "forecast", "forecasts", "forecasted",
                  "projected", "predicted", "predict", "predicts", "anticipated", "estimate",
                  "estimates", "could", "may", "might"), ""),
    ("forecast", ("projects",), r"[ ]that\b"),
    ("forecast", ("likely", "poised"), r"[ ]to\b"),
    ("forecast", ("estimated",), ""),  # "would absorb an estimated 1,500 tons": an estimate
    # A need is an estimate of what is lacking, not a goal: "needs an estimated $135 billion".
    ("forecast", ("need", "needs", "needed"), ""),
    ("forecast", ("on",), r"[ ]track[ ]to\b"),
    # Turns: goal and forecast words before them do not reach past them (other_turns: more).
    ("turn", ("while", "whereas", "but", "although", "though", "whilst", "where"), "[ ]"),
    # A reporting participle opens the speaker's next statement: "..., noting that Korean
    # companies account for about 28%".
    ("turn", ("noting", "saying", "adding", "stressing", "explaining", "citing", "warning",
              "recalling", "emphasising", "emphasizing", "acknowledging"), r"[ ]that\b"),
]
INTENTS: dict[str, list[tuple[str, re.Pattern | None]]] = {}
# The -ing goal verbs ("bringing", "raising"): a goal only with the value they bring something
# to or by right before the amount, and not as a participle of result after a comma ("added 40
# firms, bringing the total to 306" reports what happened).
ING_GOAL_VALUE = re.compile(r"[ ](?:to|by)[ ]+(?:[a-z]+[ ]+){0,2}$")
# "from 7,500 to about 10,000 by 2026": the amount after "from" is the starting point.
FROM_BEFORE = re.compile(r"\bfrom[ ]+$")
# "up to 12,000 workers … next year, against 6,300 this year": what a plan is compared with is
# what is, not part of the plan.
COMPARED_BEFORE = re.compile(r"\b(?:against|versus|vs\.?|compared[ ]+(?:with|to))[ ]+$")
# "the foundation's five hospitals", "its 12 factories": a possessive names what exists already.
POSSESSIVE_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their|our|his|her))[ ]+$")
# "add 600 jobs to the 1,800 employees already on its payroll": "already" names what exists.
ALREADY_AFTER = re.compile(r"[ ]+(?:already|currently)\b")
TO_AFTER = re.compile(r"[ ]to[ ]")
for _kind, _words, _tail in INTENT_TABLE:
    for _word in _words:
        INTENTS.setdefault(_word, []).append((_kind, re.compile(_tail) if _tail else None))
LETTERS = re.compile(r"[A-Za-z]+")


# A second reporting or asking verb of the same subject is a turn too: "backed the goal of
# US$150 billion by 2030, and asked for support for the some 9,800 Korean companies". Looked for
# only after ", and " (a literal search), not at every "and" of the word pass.
# A proposal is one too, and no plan of its own ("will set aside 1.2 billion won …, and proposed
# that the two sides exchange up to 10 researchers a year": the exchange is not yet agreed).
SECOND_REPORT = re.compile(
    r"(?:also[ ])?(?:asked|called|urged|requested|thanked|praised|welcomed|said|noted|stressed|"
    r"expressed|added|proposed|suggested|recommended)\b"
)


# ", as well as", ", as part of its plan", ", as planned": no clause of its own after ", as".
AS_NOT_A_CLAUSE = re.compile(
    r"(?:well|part|planned|agreed|expected|scheduled|committed|promised|pledged|targeted|required|"
    r"a[ ]result|of|such|many|much|long|soon|far|early|recently)\b"
)


def other_turns(body: str, sentence: tuple[int, int]) -> list[int]:
    """The other turns: after ";", after ", with ", after ", as " opening a clause of reason or
    time (", as Asia's fourth-largest economy struggles to …"), after ", which " and ", who " (a
    non-restrictive relative clause says what its noun is or does, in its own tense: "would first
    target textile firms, which together employ more than three million workers") and after ",
    and <reporting verb>"."""
    ends = []
    for mark in (";", ", with ", ", which ", ", who "):
        at = body.find(mark, *sentence)
        while at >= 0:
            ends.append(at + len(mark))
            at = body.find(mark, at + 1, sentence[1])
    at = body.find(", as ", *sentence)
    while at >= 0:
        if not AS_NOT_A_CLAUSE.match(body, at + 5):
            ends.append(at + 5)  # ", as Asia's fourth-largest economy struggles to …": a reason
        at = body.find(", as ", at + 1, sentence[1])
    at = body.find(", and ", *sentence)
    while at >= 0:
        if SECOND_REPORT.match(body, at + 6):
            ends.append(at + 6)
        at = body.find(", and ", at + 1, sentence[1])
    return ends


def intents_of(body: str, sentence: tuple[int, int]) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, first word) of every goal, future, forecast word and goal verb."""
    found = []
    for word in LETTERS.finditer(body, *sentence):
        text = word.group()
        if text == "May":
            continue  # the month, not the modal
        for kind, tail in INTENTS.get(text.lower(), ()):
            if tail is None:
                found.append((kind, word.start(), word.end(), text.lower()))
                break
            if rest := tail.match(body, word.end()):
                found.append((kind, word.start(), rest.end(), text.lower()))
                break
    return found


# A goal verb with its object and "to" right before the amount: "raise bilateral trade to".
# Base form or -ing only: "raised trade to" reports what happened. An object is required, so the
# intransitive "increasing to $5 billion" is not a goal.
GOAL_VERB_TO = re.compile(
    r"(?i)\b(?:(?:to|will|would|shall)[ ]+(?:raise|lift|bring|boost|push|increase|take|grow|double|"
    r"elevate|cut|reduce|lower|shorten|extend|expand)|raising|lifting|bringing|boosting|pushing|"
    r"increasing|taking|doubling|elevating|shortening|extending|expanding)"
    r"(?:[ ]+(?:\d[\d.,]*\d|[^\s,;.]+)){1,14}?(?:[ ]+(?:to|by|below|under))?[ ]+(?:\w+[ ]+){0,2}$"
)


# A parenthetical that sizes what is planned: its capacity, output or worth (not its site, area
# or the funding already granted: "covering 42,000 square meters", "funded with $4.2 million").
PLAN_SIZE = re.compile(
    r",[ ]+(?:with[ ]+(?:an?[ ]+|the[ ]+)?(?:(?:annual|yearly|total|planned|designed|combined)[ ]+)?"
    r"(?:capacity|output)[ ]+of|worth|valued[ ]+at|designed[ ]+to[ ]+(?:produce|handle|generate))[ ]"
)
# What opens the predicate right after a parenthetical: a future-tense verb.
FUTURE_PREDICATE = re.compile(r",[ ]+(?:(?:also|then|eventually)[ ]+)?(?:will|would|shall|is[ ]set[ ]to|are[ ]set[ ]to)\b")


def describes_future_subject(body: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Whether the figure stands in a phrase between commas that sizes the subject of a
    future-tense predicate right after it (PLAN_SIZE): "The plant, with a capacity of 20 GWh a
    year, would supply …", "the first phase, worth US$700 million, would start in 2026"."""
    opening = body.rfind(",", sentence[0], start)
    closing = body.find(",", end, sentence[1])
    if opening < 0 or closing < 0 or closing - opening > 120:
        return False
    return PLAN_SIZE.match(body, opening) is not None and FUTURE_PREDICATE.match(body, closing) is not None
