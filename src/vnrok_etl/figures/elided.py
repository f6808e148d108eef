"""Units of counts whose noun is elided: the counted noun of a bare amount, read from the
amount after it ("from 7,500 to about 10,000 people"), the count it continues or compares with
("… 14 new projects, followed by Binh Duong with 11"), or the subject whose value it is ("Korean
arrivals rose 14% to nearly 470,000"). ``kinds.kind_after`` asks for it when no noun follows.
"""

from __future__ import annotations

import bisect
import re

from vnrok_etl.figures.amounts import DIGIT_QUANTITY, Amount
from vnrok_etl.figures.context import Context, sentence_span
from vnrok_etl.figures.reference import FOLLOWED_BY
from vnrok_etl.figures.subjects import counted_phrase, head_noun
from vnrok_etl.figures.words import AMOUNT_HEDGES, POSTMOD_PREPOSITIONS, STOP_WORDS
from vnrok_etl.records import Figure

# "the number of Korean tourists to Viet Nam": the counted noun of an elided count.
NUMBER_OF = re.compile(r"(?i)\b(?:number|total|count|tally)[ ]+of[ ]+")

# What links an amount whose noun is elided to a count before it in the sentence: "followed by
# Binh Duong with 11", "compared with 60", "bringing the total to 306", "3,200 Korean
# enterprises, among 9,000 in the whole country" (the whole the count is part of).
ELIDED_LINK = re.compile(
    r"(?i)(?<![\d][ ])\b(?:with|to|than|from|versus|vs\.?|against|compared[ ]with|reach|among|"
    rf"compared[ ]to)[ ]+(?:(?:{AMOUNT_HEDGES}|less[ ]than|only|just)[ ]+)?$"
)
# A second predicate of the same subject whose object is a bare amount: "has about 5,500 chip
# design engineers today and wants 50,000 by 2030", "employs 800 and will hire another 400", "has
# 300 outlets and will open 25 more next year": the amount counts the noun of the count before it.
AND_VERB_BEFORE = re.compile(
    r"(?i)\band[ ]+(?:(?:will|would|plans?[ ]+to|aims?[ ]+to|hopes?[ ]+to|wants?[ ]+to|expects?[ ]+to)"
    r"[ ]+)?(?:wants?|needs?|targets?|hire|hires|add|adds|reach|reaches|train|trains|employ|employs|"
    r"open|opens|build|builds)"
    rf"[ ]+(?:(?:{AMOUNT_HEDGES}|another|a[ ]further)[ ]+)?$"
)
# The items of a ranking after a counted first item, each a name and its amount: "with 41,300;
# Russia, 25,800; and Thailand, 21,100", "the United States (nearly 78,000 arrivals), Thailand
# (55,000)".
LIST_ITEM_BEFORE = re.compile(r";[ ]+(?:and[ ]+)?[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,3},[ ]+$")
PAREN_ITEM_BEFORE = re.compile(
    r"(?:^|[ ,])[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,3}[ ]\("
    rf"(?:(?:{AMOUNT_HEDGES})[ ]+)?$"
)
# A gapped second object: the verb and the noun of the count before are left out, the amount
# is followed by its own complement: "translated 1,250 laws into English and about 300 into
# Vietnamese", "sent 300 workers to Hanoi and 500 to Da Nang", "of which 61 involved".
GAPPED_BEFORE = re.compile(rf"(?:,[ ]+(?:and[ ]+)?|[ ]+(?:and|or)[ ]+)(?:(?:{AMOUNT_HEDGES})[ ]+)?$")
GAPPED_AFTER = re.compile(r"[ ]+(?:to|into|in|for|from|at|on|with)[ ]+(?=[A-Za-z])(?!(?:the[ ]+)?(?:year|month|week)s?\b)")
# A part of the count before: "412 cases, of which 61 involved a Korean party", "2,300 workers,
# of whom about 900 are women", "among them 40 engineers".
PARTITIVE_BEFORE = re.compile(
    rf"(?i)\b(?:of[ ]+(?:which|whom|these|those|them)|among[ ]+(?:them|these|those|whom|which))[ ]+"
    rf"(?:(?:{AMOUNT_HEDGES}|only|just)[ ]+)?$"
)
# "from 7,500 to about 10,000 people", "19 of our 21 economic sectors": the noun comes after.
NOUN_AHEAD = re.compile(
    r"(?i)[ ]+(?:to|of[ ]+(?:our|its|their|the|his|her))[ ]+"
    rf"(?:(?:{AMOUNT_HEDGES}|less[ ]than)[ ]+)?(?=\d)"
)


def elided_unit(ctx: Context, amount: Amount, found: list[Figure]) -> str | None:
    """The counted noun of a bare amount (digits, not a year) whose noun is elided: the noun a
    following amount carries ("from 7,500 to about 10,000 people", "19 of our 21 sectors"), or
    the unit of the last count before it in its sentence when a comparison or continuation
    links them ("14 new projects, followed by Binh Duong with 11"), a second predicate takes
    it as object ("has 5,500 engineers today and wants 50,000"), it is a part of that count
    ("412 cases, of which 61 involved a Korean party") or a gapped second object with its own
    complement ("1,250 laws into English and about 300 into Vietnamese"). Otherwise None: "the
    death toll rose to 15" counts nothing we can name."""
    body = ctx.body
    if ahead := NOUN_AHEAD.match(body, amount.end):
        nxt = DIGIT_QUANTITY.match(body, ahead.end())
        if nxt and (phrase := counted_phrase(body, nxt.end())):
            return phrase[0]
    if ELIDED_LINK.search(body, max(0, amount.start - 40), amount.start) or (
        AND_VERB_BEFORE.search(body, max(0, amount.start - 50), amount.start)
    ) or (
        LIST_ITEM_BEFORE.search(body, max(0, amount.start - 40), amount.start)
    ) or (
        body[amount.end:amount.end + 1] == ")"
        and PAREN_ITEM_BEFORE.search(body, max(0, amount.start - 40), amount.start)
    ) or (
        PARTITIVE_BEFORE.search(body, max(0, amount.start - 30), amount.start)
    ) or (
        GAPPED_AFTER.match(body, amount.end)
        and GAPPED_BEFORE.search(body, max(0, amount.start - 20), amount.start)
    ):
        return antecedent_unit(ctx, amount.start, found) or (
            continued_unit(ctx, amount.start, found)
        )
    return None


def unit_of_subject(subject: str | None) -> str | None:
    """The counted noun of an elided count: the head after 'number of', else the subject's last
    plural noun ('Korean tourists to Viet Nam' -> 'tourist')."""
    if not subject:
        return None
    number_of = NUMBER_OF.search(subject)
    words = subject[number_of.end():].split() if number_of else subject.split()
    unit = None
    for word in words:
        if word.lower() in POSTMOD_PREPOSITIONS:
            break
        unit = head_noun(word) or unit
    return unit


# The verb whose subject a bare amount measures: "Korean arrivals rose 14% from June to nearly
# 470,000", "restaurants have grown to more than 2,100", "flights now number about 140 a week".
MEASURE_VERB = re.compile(
    r"\b(?:rose|risen|rises|grew|grown|grows|increased|climbed|jumped|surged|soared|reached|"
    r"number|numbered|numbers|totalled|totaled|totals|fell|dropped|declined|dipped|"
    # "… passes 60,000", "ticket sales had passed 7,000": more than the amount (qualifiers.py)
    r"passed|passes|topped|tops|exceeded|exceeds)\b"
)
# After the verb: nothing, or a short phrase ending in "to" ("14% from June to").
MEASURE_VERB_GAP = re.compile(r"(?:[ ]+\S+){0,4}?[ ]+to[ ]*|[ ]*")
# A period the amount is counted in, the rate that makes a bare number a count ("about 140 a week").
SUBJECT_STOPS = frozenset({"between", "for", "with", "by", "under", "into", "among"})
RATE_AHEAD = re.compile(r"[ ]+(?:per|a|an|each|every)[ ]+(?:day|week|month|year)\b")


def statement_unit(ctx: Context, start: int, end: int) -> str | None:
    """The counted noun of a bare amount that is the value its clause's subject reaches or
    numbers ("Korean arrivals rose 14% from June to nearly 470,000": "arrival"; "flights ...
    now number more than 90 per week": "flight"): the subject's head noun, read before the
    measure verb, back to the clause's first comma. The amount must follow the verb directly or
    after "to", or be a rate; otherwise None ("the toll rose to 15, officials said" has a
    subject that is no plural noun, so None too)."""
    body = ctx.body
    sentence = sentence_span(ctx, start)
    verb = None
    for verb in MEASURE_VERB.finditer(body, max(sentence[0], start - 80), start):
        pass
    if verb is None:
        return None
    if not MEASURE_VERB_GAP.fullmatch(body, verb.end(), start) and not (
        RATE_AHEAD.match(body, end) and "," not in body[verb.end():start]
    ):
        return None
    clause_start = body.rfind(",", sentence[0], verb.start()) + 1 or sentence[0]
    words = body[max(clause_start, sentence[0]):verb.start()].split()
    if words and words[-1].lower() in ("have", "has", "had", "now", "still", "already"):
        words = words[:-1]
    for index, word in enumerate(words):
        if word.lower() in SUBJECT_STOPS:
            words = words[:index]  # "Direct flights between Da Nang and Korean cities": flights
            break
    return unit_of_subject(" ".join(words)) if words else None




def continued_unit(ctx: Context, start: int, found: list[Figure]) -> str | None:
    """The unit of the last count of the sentence before, for a bare amount in a sentence that
    continues its ranking ("... with 84,300 arrivals. It was followed by Australia with
    41,300"): the noun elided across the full stop."""
    sentence = sentence_span(ctx, start)
    if not FOLLOWED_BY.search(ctx.body, sentence[0], start):
        return None
    index = bisect.bisect_left(ctx.sentence_starts, sentence[0])
    if index == 0:
        return None
    previous = ctx.sentence_spans[index - 1]
    for figure in reversed(found):
        if figure.start_char < previous[0]:
            break
        if figure.kind == "count" and figure.start_char < sentence[0]:
            return figure.unit
    return None


def antecedent_unit(ctx: Context, start: int, found: list[Figure]) -> str | None:
    """'... 250,000 Koreans in Vietnam, around 100,000 of them ...': the last count before."""
    sentence = sentence_span(ctx, start)
    for figure in reversed(found):
        if figure.kind == "count" and figure.start_char >= sentence[0]:
            return figure.unit
        if figure.start_char < sentence[0]:
            break
    return None


# The amount a "number of X" subject goes to or from: "… to more than 18,000", "from about 3,500".
TO_OR_FROM_BEFORE = re.compile(r"(?i)\b(?:to|from)[ ]+$")
# Words of "the number of X" read for X: the head before its post-modifier.
NUMBER_OF_WORDS = 6


def number_of_unit(ctx: Context, start: int, found: list[Figure]) -> str | None:
    """The counted noun of a bare amount that a "number of X" phrase earlier in its sentence
    goes to or from, whatever lies between ("the number of passport applications rose by 35% in
    the first eleven months, to more than 18,000"; "the number of seasonal workers has risen
    from about 3,500 in 2019 to more than 40,000"; "double the number of scholarships for
    students to 2,000 a year"): X, singular. The amount must follow "to" or "from" (``start``
    is where its hedge starts), and no count of another noun may stand between the phrase and
    the amount (that count, not X, is what a bare amount would continue). Otherwise None."""
    body = ctx.body
    if not TO_OR_FROM_BEFORE.search(body, max(0, start - 6), start):
        return None
    sentence = sentence_span(ctx, start)
    number_of = None
    for number_of in NUMBER_OF.finditer(body, sentence[0], start):
        pass
    if number_of is None:
        return None
    words = []
    for word in body[number_of.end() : start].split()[:NUMBER_OF_WORDS]:
        if word.lower() in STOP_WORDS:
            break  # "scholarships for Vietnamese students": the head is before the complement
        words.append(word)
    unit = unit_of_subject(" ".join(words)) if words else None
    if any(
        f.kind == "count" and f.unit != unit and number_of.end() <= f.start_char < start for f in found
    ):
        return None  # another count stands between ("from about 800 in 2022" counts X too)
    return unit
