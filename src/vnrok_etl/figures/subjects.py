"""Subjects: the noun phrase a figure counts or measures."""

from __future__ import annotations

import re

from vnrok_etl.figures.words import (
    CLAUSE_BOUNDARIES,
    DETERMINERS,
    IRREGULAR_SINGULARS,
    MONTH_WORD,
    NEXT_WORD,
    NOT_PLURAL,
    POSTMOD_PREPOSITIONS,
    STOP_WORDS,
    WORD,
    YEAR_WORD,
    Span,
)

# Words that may open a counted phrase although they end one elsewhere: "30 more chefs".
COUNT_OPENERS = frozenset({"more", "such"})
# Between two coordinated nouns of one count.
NOUN_LINK = re.compile(r"(?:,(?:[ ]+and)?|[ ]+and)(?=[ ][a-z])")
# Measures whose of-phrase names the stuff measured: "20,000 tons of rare earth ore".
MEASURE_NOUNS = frozenset(
    {"ton", "tonne", "kilogram", "kg", "litre", "liter", "barrel", "cubic", "bag", "box",
     "container", "package", "piece", "dose", "cup", "bottle", "carton"}
)
OF_WORD = re.compile(r"[ ](?P<w>[a-z]+)(?=[ ,.;:)]|$)")
TITLE_OF_WORD = re.compile(r"[ ](?P<w>[A-Z][a-z]+)(?=[ ,.;:()]|$)")

# Verb-group words passed over, right before the amount, on the way back to its subject:
# "Rice prices were expected to double", "investment has more than doubled".
VERB_GROUP = frozenset(
    {"to", "be", "been", "is", "are", "was", "were", "has", "have", "had", "will", "would",
     "could", "can", "may", "might", "should", "must", "expected", "set", "likely", "projected",
     "forecast", "also", "still", "further", "almost", "nearly", "more", "than"}
)


# Money/percent subjects that only restate the amount.
WEAK_SUBJECTS = frozenset(
    {"total", "sum", "amount", "figure", "value", "level", "it", "this", "record", "combined"}
)


MONEY_VERBS = (
    "(?:hit|reached|set) a (?:new )?record(?: high)? of|(?:worth |with )?a (?:combined )?total of|"
    "reached|reach|reaching|totall?ed|totals|total|totall?ing|hit|stood at|stands at|stand at|"
    "amounted to|amounts to|amount to|rose to|rising to|increased to|increasing to|grew to|"
    "growing to|fell to|dropped to|declined to|climbed to|jumped to|surged to|exceeded|surpassed|"
    "topped|valued at|worth|estimated at|was|were|is|are|of|to|at|rose by|increased by|grew by|"
    "fell by"
)


AUXILIARIES = "has|have|had|will|would|could|is|are|was|were|can|may|might"


VERB_AFTER_AMOUNT = (
    "increased|grown|grew|risen|rose|jumped|expanded|surged|multiplied|soared|climbed|"
    "increase|grow|rise|jump|expand|been|reached|reach"
)


SUBJECT_IN_AFTER = re.compile(r"[ ]+(?:in|of|worth[ ]of)(?=[ ])")


VERB_BEFORE = re.compile(
    rf"(?i)\b(?:(?:{AUXILIARIES})[ ]+(?:been[ ]+)?(?:(?:{MONEY_VERBS}|{VERB_AFTER_AMOUNT})"
    rf"(?:[ ]+(?:by|to|at))?[ ]+)?|(?:{MONEY_VERBS}|{VERB_AFTER_AMOUNT})(?:[ ]+(?:by|to|at))?[ ]+)$"
)


def words_after(body: str, pos: int, limit: int, stop_on_participle: bool) -> list[Span]:
    """Words right after ``pos`` up to a stop word, punctuation or ``limit`` words. "more" may
    open a counted phrase ("30 more chefs"); a participle before a plural noun is an adjective
    ("3,000 Vietnamese skilled workers")."""
    words: list[Span] = []
    seen_head = seen_plural = False
    while len(words) < limit:
        match = NEXT_WORD.match(body, pos)
        if not match:
            break
        word = match["w"]
        lower = word.lower()
        head = head_noun(word)
        if lower in STOP_WORDS and not (lower in COUNT_OPENERS and not words and stop_on_participle):
            break
        if (stop_on_participle and seen_head and not seen_plural and is_participle(lower)
                and _plural_next(body, match.end())):
            pass  # "Vietnamese skilled workers"; but "two leaders exchanged views" stops
        elif stop_on_participle and (seen_head and is_participle(lower) or seen_plural and not head):
            # After a plural noun the next non-noun is the verb: "two peoples enjoy close bonds".
            # A demonym may still be a modifier: "Korean business groups", "Vietnamese live".
            break
        words.append(Span(word, match.start("w"), match.end("w")))
        seen_head = seen_head or head is not None
        seen_plural = seen_plural or head is not None and is_regular_plural(word)
        pos = match.end()
    return words


def _of_complement(body: str, end: int, head: str) -> int:
    """Where a counted phrase ends with its of-complement: up to three words naming the stuff
    after a measure ("tons of rare earth ore"), one singular noun after another head
    ("certificates of origin"); never "of the ...", a rate ("a year") or a function word."""
    if not body.startswith(" of", end):
        return end
    words: list[re.Match] = []
    cursor = end + 3
    # "nine Memoranda of Understanding", "Certificates of Origin": a noun printed in title case
    # keeps its title-case complement.
    of_word = TITLE_OF_WORD if body[body.rfind(" ", 0, end) + 1 : end][:1].isupper() else OF_WORD
    while len(words) < (3 if head in MEASURE_NOUNS else 1):
        match = of_word.match(body, cursor)
        if not match or match["w"] in STOP_WORDS or match["w"] in ("a", "an", "per"):
            break
        words.append(match)
        cursor = match.end()
    if not words or head not in MEASURE_NOUNS and (
        is_regular_plural(words[0]["w"])
        or (following := NEXT_WORD.match(body, cursor)) and following["w"].islower()
        and (following["w"] not in STOP_WORDS or following["w"] in ("and", "or"))
    ):
        return end  # "positions of cold storage", "megawatts of wind and solar": not the noun
    return words[-1].end()


def _plural_next(body: str, pos: int) -> bool:
    match = NEXT_WORD.match(body, pos)
    return match is not None and head_noun(match["w"]) is not None and is_regular_plural(match["w"])


# Verbs in -s that open a second predicate after "and" ("has 5,500 engineers and wants 50,000"),
# never a coordinated noun.
SECOND_PREDICATE_VERBS = frozenset(
    {"wants", "needs", "plans", "aims", "hopes", "expects", "hires", "adds", "reaches", "trains",
     "employs", "targets", "seeks", "intends"}
)


def counted_phrase(body: str, pos: int) -> tuple[str, Span, str] | None:
    """(head noun singular, the phrase up to the head, subject with a short post-modifier).

    The phrase runs over a coordination of nouns ("150 doctors and nurses", "160 officers,
    cadets and crew", "35 textile and garment companies"): the unit is the first head noun; a
    verb after "and" opens a second predicate instead ("300 cars and wants 15 more").
    After a measure ("tons", "hectares") or before a singular noun ("certificates of origin")
    an of-phrase belongs to the counted noun."""
    if not NEXT_WORD.match(body, pos):
        return None
    words = words_after(body, pos, limit=5, stop_on_participle=True)
    head_index, head = None, None
    for index, word in enumerate(words):
        singular = head_noun(word.text)
        if singular:
            head_index, head = index, singular
    if not words:
        return None
    # Coordinated heads keep the first ("doctors and nurses"); coordinated premodifiers take the
    # head after them ("textile and garment companies").
    premodifier = head_index != len(words) - 1
    end = words[-1].end if premodifier else words[head_index].end
    listed = False  # whether a comma has joined a member already: "A, B and C" is a list
    while link := NOUN_LINK.match(body, end):
        more = words_after(body, link.end(), limit=3, stop_on_participle=True)
        heads = [i for i, w in enumerate(more) if head_noun(w.text)]
        if not heads or more[0].text.lower() in DETERMINERS or more[0].text[:1].isupper():
            break
        if link.group().startswith(","):
            # A comma joins a list only when the list goes on to "and" ("160 officers, cadets
            # and crew"); "three border gates, traders are stocking up" and "opened three
            # gates, and traders came" end the count at the comma: a new clause starts.
            if "and" in link.group() and not listed:
                break
            if "and" not in link.group() and not NOUN_LINK.match(body, more[heads[-1]].end):
                break
            listed = True
        if more[0].text.lower() in SECOND_PREDICATE_VERBS:
            break  # "sold 300 cars and wants 15 more": a second predicate, not a second noun
        if not premodifier and heads[0] != 0:
            break  # "62 branches and transaction offices": only single nouns join the count
        end = more[heads[-1]].end
        if premodifier:
            head, premodifier = head_noun(more[heads[-1]].text), False
    if head is None:
        return None
    end = _of_complement(body, end, head)
    phrase = Span(body[words[0].start:end], words[0].start, end)
    post = post_modifier(body, phrase.end)
    subject = phrase.text + (body[phrase.end:post.end] if post else "")
    return head, phrase, subject


def head_noun(word: str) -> str | None:
    """The singular of a word that can head a count ('businesses' -> 'business'), else None."""
    lower = word.lower()
    if "'" in word or "’" in word:
        return None  # "four no’s"
    if lower in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[lower]
    if lower.endswith("ese"):
        return lower  # Vietnamese, Chinese, Japanese: same form in the plural
    if word[:1].isupper() and lower.endswith("an") and len(lower) > 4:
        return lower  # "200,000 Korean reside in Viet Nam" (seed 001 prints the singular)
    if len(lower) < 3 or not lower.endswith("s") or lower.endswith("ss") or lower in NOT_PLURAL:
        return None
    if word.isupper():
        return lower[:-1]  # "SMEs" -> "sme"
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zzes", "uses")) and not lower.endswith(
        ("houses", "causes", "pauses", "clauses", "courses")
    ):
        return lower[:-2]
    return lower[:-1]


def is_regular_plural(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith("ese") or lower in IRREGULAR_SINGULARS


def is_participle(lower: str) -> bool:
    """'operating', 'married'; a hyphened compound ('chip-related') is an adjective."""
    return len(lower) > 4 and lower.endswith(("ing", "ed")) and "-" not in lower


def post_modifier(body: str, pos: int) -> Span | None:
    """'operating in Việt Nam', 'from each country', 'married to Korean husbands'."""
    match = NEXT_WORD.match(body, pos)
    if match and is_participle(match["w"].lower()):
        following = NEXT_WORD.match(body, match.end())
        if not following or following["w"].lower() not in POSTMOD_PREPOSITIONS:
            return None
        match = following
    if not match or match["w"].lower() not in POSTMOD_PREPOSITIONS:
        return None
    obj = object_after(body, match.end())
    return Span(body[pos:obj.end], pos, obj.end) if obj else None


def object_after(body: str, pos: int) -> Span | None:
    """A short object: optional determiner, then a name ('Việt Nam') or up to three words."""
    words: list[Span] = []
    cursor, in_name = pos, False
    while len(words) < 4:
        match = NEXT_WORD.match(body, cursor)
        if not match:
            break
        word, lower = match["w"], match["w"].lower()
        if not words and lower in DETERMINERS:
            words.append(Span(word, match.start("w"), match.end("w")))
            cursor = match.end()
            continue
        if lower in STOP_WORDS or is_participle(lower):
            break
        if word[:1].isupper():
            in_name = True
        elif in_name and not (lower.endswith("s") and lower not in NOT_PLURAL):
            break  # "in Việt Nam continue to ...": a lowercase verb ends the name
        words.append(Span(word, match.start("w"), match.end("w")))
        cursor = match.end()
    if not words or words[-1].text.lower() in DETERMINERS:
        return None
    if MONTH_WORD.match(words[0].text) or words[0].text.lower() in DETERMINERS and len(words) > 1 \
            and words[1].text.lower() in ("first", "second", "third", "fourth", "last", "past"):
        return None  # "vehicles in July", "in the first half": a time, not part of the subject
    if YEAR_WORD.match(body, pos + 1):
        return None
    return Span(body[words[0].start:words[-1].end], words[0].start, words[-1].end)


def of_phrase(body: str, pos: int) -> str | None:
    """'40 years of Doi Moi' -> 'Doi Moi'; '24.5 percent of total exports' -> 'total exports'."""
    match = NEXT_WORD.match(body, pos)
    if not match or match["w"] != "of":
        return None
    obj = object_after(body, match.end())
    if not obj:
        return None
    text = strip_determiners(obj.text)
    return text or None


def money_subject(body: str, start: int, end: int) -> str | None:
    """What an amount is of: 'US$150 billion in bilateral trade', 'bilateral trade reached $X'."""
    after = SUBJECT_IN_AFTER.match(body, end)
    if after:
        words = []
        for word in words_after(body, after.end(), limit=4, stop_on_participle=True):
            if word.text[:1].isupper():
                break
            words.append(word)
        if words and words[0].text.lower() not in DETERMINERS:
            return body[words[0].start:words[-1].end]
    return subject_before(body, start)


def subject_before(body: str, start: int, verb_required: bool = True,
                   coordinated: bool = False) -> str | None:
    """The noun phrase before the verb that leads to the amount ('investment has more than').
    ``coordinated``: the phrase may be a coordination ('exports and imports', 'visitors from
    Korea, Japan and China'), for figures that are themselves coordinated."""
    verb = VERB_BEFORE.search(body, max(0, start - 60), start)
    if not verb and verb_required:
        return None
    phrase_end = verb.start() if verb else start
    tokens = list(WORD.finditer(body, max(0, phrase_end - 120), phrase_end))
    kept: list[re.Match] = []
    tokens.reverse()
    while tokens and tokens[0].group().lower() in VERB_GROUP:
        tokens.pop(0)
    for token in tokens:
        text = token.group()
        lower = text.lower()
        if kept and any(char.isdigit() for char in body[token.end():kept[-1].start()]):
            break  # "Between 2001 and 2021 its exports": a number ends the phrase
        if coordinated and kept and (
            lower == "and" or text == "," and _opens_conjunct(kept)
            or lower == "with" and kept[-1].group()[:1].isupper()
        ):
            kept.append(token)  # "exports and imports with Viet Nam", "Korea, Japan and China"
            continue
        if not text[:1].isalnum() or lower in CLAUSE_BOUNDARIES or is_participle(lower) and (
            lower.endswith("ing")
        ):
            break
        kept.append(token)
        if len(kept) == (16 if coordinated else 8):
            break
    while kept and (kept[-1].group() == "," or kept[-1].group().lower() == "and"):
        kept.pop()  # a coordination reaching into the clause before
    if not kept:
        return None
    kept.reverse()
    phrase = strip_determiners(body[kept[0].start():kept[-1].end()])
    if not phrase or phrase.lower() in WEAK_SUBJECTS:
        return None
    return phrase


def _opens_conjunct(kept: list[re.Match]) -> bool:
    """A comma read backwards is a list comma when what follows it is a name or a single word
    followed by another comma or "and" ('Korea, Japan and', 'exports, imports and')."""
    after = kept[-1].group()
    return after[:1].isupper() or len(kept) > 1 and kept[-2].group().lower() in (",", "and")


def strip_determiners(phrase: str) -> str:
    words = phrase.split(" ")
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    return " ".join(words)
