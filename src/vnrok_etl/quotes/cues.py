"""Speech cues: the verbs and phrases English-language news uses to report speech.

A cue is a reporting verb in the past or present ("said", "says", "stressed", "told the press",
"expressed his belief"), a participle hanging on its clause's subject ("…, adding that …"), or
"according to". Patterns here find a cue before a quotation ("X said: “…”"), after one ("“…,” X
said"), at the end of a reported sentence ("…, X noted.") and before a reported clause ("X said
(that) …"). The printed cue is stored lowercased, spaces collapsed (``cue_text``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from vnrok_etl.figures.amounts import body_words
from vnrok_etl.sentences import lowered_body

# Cue phrases as regex fragments, longest first; the printed cue is stored lowercased.
CUE_PHRASES = (
    r"expressed\s+(?:(?:his|her|the)\s+)?(?:strong\s+|firm\s+)?"
    r"(?:belief|hope|confidence|conviction|wish|view|concern)",
    r"voiced\s+(?:his\s+|her\s+)?(?:strong\s+|firm\s+)?(?:confidence|hope|belief|concern|conviction)",
    r"told\s+(?:the\s+press|the\s+media|reporters|journalists|the\s+audience|"
    r"(?:[A-Z][\w’'\-]*\s+){1,3}(?:media|press|reporters|journalists))",
    # "told Việt Nam News that", "told Deputy Prime Minister Nguyen Chi Dung on …": whoever was
    # told, up to seven words.
    # An outlet's name may hold an ampersand: "told Kinh te & Do thi".
    r"told\s+(?:(?:[^\W\d_][\w’'\-]*|&)\s+){0,6}[^\W\d_][\w’'\-]*",
    # "informed the delegation that …", "briefed Minister Park that …", "assured investors
    # that …": a verb of telling with whom it told (up to six words) before its "that" clause.
    *(
        rf"{verb}\s+(?:[^\W\d_][\w’'\-]*\s+){{0,5}}?[^\W\d_][\w’'\-]*(?=\s+that\b)"
        for verb in ("informed", "briefed", "assured", "reminded", "notified")
    ),
    r"pointed\s+out", r"points\s+out", r"point\s+out",
    # "One manager put it bluntly: ‘…’", "as she put it:": how a speaker worded it, before a colon.
    r"put\s+it(?:\s+[a-z]+ly)?(?=\s*:)",
    # "he also provided that the Academy has 31 institutes" (translated copy: "provided" for
    # "informed"); never the conjunction after a comma ("…, provided that they pass").
    r"provided(?<![,;]\sprovided)(?=\s+that\b)",
    # "Ambassador Choi was quoted as saying that …", "He went on to say that …".
    r"quoted\s+(?:by\s+[^,.;:“”\"]{1,60}?\s+)?as\s+saying", r"went\s+on\s+to\s+say",
    r"said", r"says", r"say", r"stated", r"stressed", r"affirmed", r"reaffirmed", r"noted", r"underlined",
    r"underscored", r"emphasised", r"emphasized", r"proposed", r"shared", r"assessed", r"remarked",
    r"added", r"highlighted", r"asserted", r"explained", r"insisted", r"confirmed", r"announced",
    r"acknowledged", r"suggested", r"observed", r"warned", r"revealed", r"commented", r"maintained",
    r"argued", r"reiterated", r"recalled", r"declared", r"mentioned", r"believed", r"hoped",
    r"urged", r"predicted", r"estimated", r"replied", r"answered", r"concluded", r"continued",
    r"continues",  # "…, the filing continues.": a document read on
    r"adds", r"notes", r"explains", r"stresses", r"wrote", r"writes",
    r"pledged", r"vowed", r"promised", r"reported", r"disclosed", r"informed", r"briefed",
    r"responded", r"estimates",
    # "Analysts cautioned that …", "KITA forecast that …", "He admitted that …".
    r"cautioned", r"forecast", r"forecasts", r"admitted", r"conceded", r"claimed", r"complained",
    # The present of a group's view: "some analysts caution that …", "economists warn that …".
    r"cautions", r"caution", r"warns", r"warn",
    # Verbs that report a clause only with "that": "X unveiled that the province exported …",
    # "He expects that interns will …" (never "unveiled the plan", "expects 20 guests").
    r"unveiled(?=\s+that\b)", r"expects(?=\s+that\b)", r"expect(?=\s+that\b)",
)
# Participles hang on the subject of their clause: "He praised the RoK, stating: “…”".
PARTICIPLE_CUES = (
    "stating", "saying", "noting", "adding", "stressing", "affirming", "emphasising", "emphasizing",
    "underlining", "highlighting", "asserting", "remarking", "explaining", "insisting",
    # "…, assuring that the province will keep its support": an assurance reports a clause.
    "assuring", "reaffirming", "confirming", "acknowledging", "warning",
)


def _alternation(phrases: tuple[str, ...]) -> str:
    """``(?:a|b|…)`` for regex ``phrases`` that each start with a lowercase letter, written as
    one branch per first letter ("s(?:aid|ays|…)|a(?:ffirmed|…)|…").

    Speed: re tries every branch of an alternation at every position, so fifty cues cost fifty
    tries each; grouped, a position is rejected after one test per letter. It matches exactly
    what the flat alternation matches: no character matches two letters (even with IGNORECASE),
    so the flat version's branches for the other letters fail at once, and within a letter the
    branches keep their order (longest "told the press" before "told …").
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if not ("a" <= phrase[0] <= "z"):
            raise ValueError(f"cue must start with a lowercase letter: {phrase!r}")
        groups.setdefault(phrase[0], []).append(phrase[1:])
    return "(?:" + "|".join(f"{letter}(?:{'|'.join(rest)})" for letter, rest in groups.items()) + ")"


CUE = _alternation(CUE_PHRASES)
PARTICIPLE = _alternation(PARTICIPLE_CUES)
# First words of every cue, for a cheap test before the cue patterns run.
CUE_WORDS = frozenset(
    {re.match(r"[a-z]+", phrase).group(0) for phrase in CUE_PHRASES}
    | set(PARTICIPLE_CUES)
    | {"according", "showed", "shows", "indicated", "cited"}  # "according to X", "data … showed"
    # PLAN_OBJECT's verbs: "unveiled the city's plan to …"
    | {"revealed", "announced", "unveiled", "disclosed", "outlined", "detailed", "presented", "shared"}
    | {"called", "calls"}  # CALLED_OBJECT's verbs: "called the association a bridge"
    | {"heard"}  # reported.EVENT_HEARD: "…, a seminar heard in Da Lat"
    | {"recommended"}  # PROPOSED_GERUND's: "recommended extending the pilot"
)
# Whether lowercased text holds a cue word as a whole run of a-z letters: what
# ``not CUE_WORDS.isdisjoint(re.findall("[a-z]+", text))`` tells, since that finds every maximal
# run, but one search instead of a list of every word (0.061 -> 0.048 ms/doc on c1k). The
# character before the word is matched, not looked behind at: a pattern that opens with a class
# lets re skip in C every position that cannot start a match (here every a-z letter, most of the
# text), where a lookbehind is tried at each one. So the text searched is preceded by one
# character that is no a-z letter (``has_cue_word``, ``cue_word_starts``).
CUE_WORD = re.compile(rf"[^a-z]{_alternation(tuple(sorted(CUE_WORDS)))}(?![a-z])")
assert all(re.fullmatch("[a-z]+", word) for word in CUE_WORDS), "CUE_WORD needs a-z cue words"
CUE_WORD_BYTES = frozenset(word.encode() for word in CUE_WORDS)
# Characters looked back from a quotation mark for its cue ("expressed his strong belief that").
CUE_LOOKBACK = 80
# Cue words tried per sentence before giving up: real sentences hold one or two.
MAX_CUES_PER_SENTENCE = 6
# Short adverbial between a cue and "that": "stressed at the meeting that …".
CUE_ADVERBIAL = (
    r"(?:\s+(?:(?:at|in|on|during|while|after|before|when)\s[^,.;:“”\"]{1,60}?|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
)

# A disclosure verb whose object is a plan, made definite by its owner or article: "He also
# revealed the bank's plan to open an office", "the minister announced the government's decision
# to …", "outlined its roadmap for …", "today announced the opening of its plant in …". What the
# plan or event is is the statement (the text starts at the object); an indefinite "announced a
# plan to" stays the reporter's account.
PLAN_OBJECT = re.compile(
    r"(?<!\w)(?P<cue>revealed|announced|unveiled|disclosed|outlined|detailed|presented|shared)\s+"
    r"(?=(?:the|its|his|her|their|our|(?:the\s+)?[A-Za-z][\w\-]*['’]s)\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:(?:plans?|intention|decision|roadmap|proposal)\s+(?:to|for)\s|"
    # "today announced the opening of its first overseas plant": the event it makes public.
    r"(?:opening|launch|completion|establishment|acquisition|signing)\s+of\s))",
    re.IGNORECASE,
)

# "called the association a bridge between …", "calls Vietnam a key partner": naming something
# as something is a statement of the speaker's view; it reads from the object. The object is a
# determiner's or a capitalised name's phrase, the complement an indefinite noun phrase; a count
# or a time after "a" ("called the hotline a dozen times", "called him a day later") is no view.
CALLED_OBJECT = re.compile(
    r"(?<!\w)(?P<cue>called|calls)\s+"
    r"(?=(?:the|this|these|its|his|her|their|our|[A-Z][\w\-]*)\s+(?:[^,.;:“”\"]{0,60}?\s)?"
    r"(?:a|an)\s+(?!(?:few|dozen|number|lot|couple|total|day|week|month|year|second|third|time|"
    r"minute|hour|while|bit|little)\b)[a-z])"
)

# "She also proposed exchanging lecturers …", "he suggested opening a branch …": a proposal
# verb with a gerund as its object reports what was proposed, as "proposed that …" does; the
# statement starts at the gerund. ("the proposed building" has no subject before the verb.)
PROPOSED_GERUND = re.compile(
    r"(?<!\w)(?P<cue>proposed|suggested|recommended)\s+"
    r"(?=(?!(?:nothing|something|anything|everything|during|bring)\b)[a-z]{2,}ing\b)"
)
# (?<!\w) is \b before a cue's first letter; unlike \b it lets re skip ahead to those letters.
PRE_CUE = re.compile(rf"(?<!\w)(?P<cue>{CUE})(?:{CUE_ADVERBIAL}\s+that\b[\s,]*)", re.IGNORECASE)
# ", noting that …"; "saying" and "adding" report a clause without "that" too ("…, saying Viet
# Nam wants …"), which "noting the progress" (a noun object) does not.
PRE_PARTICIPLE = re.compile(
    rf",\s+(?:(?P<cue>{PARTICIPLE})\s+that\b|(?P<bare>saying|adding)(?=\s+[^\W\d_]))[\s,]*",
    re.IGNORECASE,
)
# "X affirmed that …, and said …": a second cue coordinated with the first, same subject.
COORDINATED_CUE = re.compile(
    rf",?\s+and\s+(?:(?:also\s+|further\s+)?(?P<cue>{CUE})\b(?:\s+that\b)?|(?P<bare>that)\b)[\s,]*",
    re.IGNORECASE,
)
# "X said Vietnam …", "X said trade will …": "said" and a clause, without "that". The next word
# starts the reported clause unless it is a preposition or adverb ("said in a statement",
# "said on Monday that" is PRE_CUE's) or a noun object ("said goodbye").
BARE_SAY = re.compile(
    # A broadcast script's pause after the verb ("says... Vietnam is …") is no punctuation.
    # "told reporters the two companies offered …": telling the press a clause is saying it.
    r"\b(?P<cue>said|says|say|quoted\s+as\s+saying|went\s+on\s+to\s+say|responded|replied|"
    r"told\s+(?:reporters|journalists|the\s+press|the\s+media)(?!\s+about\b))(?:\.{3}|…)?\s+"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
    r"\s+(?:that\s+)?)?"
    # "said at least six …", "said at most …": a quantity opens the clause, not a place.
    r"(?=\w)(?!(?:in|on|at(?!\s+(?:least|most)\b)|during|while|after|before|when|to|by|with|for|of|from|as|and|but|"
    r"or|so|if|goodbye|hello|earlier|later|yesterday|today|last|next|this\s+week|recently|"
    r"previously|again|also|then|once|sorry|thanks|thank|nothing|something|anything|farewell)\b)"
)
# "Yonhap quoted Minister Ahn as saying (that) …", "a press release cited Son as saying …": the
# speaker is the one quoted, not the outlet.
QUOTED_AS_SAYING = re.compile(
    r"\b(?:quoted|cited)\s+(?P<subject>[^,;:“”\"]{2,120}?)\s+as\s+(?P<cue>saying)\b(?:\s+that\b)?[\s,:]*"
)
# Before a quotation mark: "… remarked: “", "… stating: “", "… said, “", "… said that “".
CUE_BEFORE_QUOTE = re.compile(
    rf"(?:(?P<cue>{CUE})|(?P<participle>{PARTICIPLE}))(?P<link>\s*[:,]|\s+that|\s)\s*$", re.IGNORECASE
)
# After a quotation mark: "”, shared Han Jong-hee." / "” he said."
CUE_AT_START = re.compile(rf"^\s*,?\s*(?P<cue>{CUE})\b\s*", re.IGNORECASE)
# A cue that ends its clause, possibly with a time or place: "… Vũ told the press on Monday.",
# "… the ministry said Thursday."
# "… told the press on Monday", "… said in a speech at the groundbreaking of a new line", "…
# on Sept. 2" (an abbreviation's period before a number).
CUE_TAIL = (
    r"(?:\s+(?:on|in|at|during|last|this|yesterday|today|earlier|later|while|after|before|when)\b"
    # A "that" after the adverbial opens the reported clause: "… said in October that the
    # government would …" is a cue before its statement, not one ending the sentence; a
    # relative "that" with its verb ("in a report that was released on Monday") does not.
    r"(?:(?![ ]that[ ](?!(?:was|were|is|are|has|have|had|will|would|can|could|may|might|"
    r"shows?|showed|includes?|included|covers?|covered)\b))[^,.;:“”\"]|\.(?=\s\d)){0,160}"
    # "…, industry officials said Thursday.": a weekday alone, as agencies date a statement.
    r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s*[.!;,]?\s*$))?"
)
CUE_AT_END = re.compile(rf"\s(?P<cue>{CUE}){CUE_TAIL}\s*[.!;,]?\s*$", re.IGNORECASE)
# The same right after a closing quotation mark, where the sentence may go on: "” he said, adding …"
CUE_CLAUSE = re.compile(rf"\s(?P<cue>{CUE}){CUE_TAIL}\s*(?:[.!;,]|$)", re.IGNORECASE)
# "according to (travel platform | a report by | data from) X": what the source is, or which of
# its documents, comes between "according to" and the source's name.
SOURCE_DESCRIPTOR = (
    r"(?:(?:(?:a|an|the)\s+)?(?:(?:new|latest|recent|annual|monthly|joint)\s+)?"
    r"(?:report|data|survey|study|statement|figures|statistics|estimates?|research|analysis|"
    r"notice|announcement|press\s+release|circular|letter)"
    # "a notice posted by the embassy", "a statement issued by the ministry"
    r"\s+(?:(?:posted|issued|released|published|sent)\s+)?(?:by|from|of)\s+|(?:[a-z][a-z\-]+\s+){1,3}(?=[A-Z]))?"
)
LEADING_ACCORDING_TO = re.compile(rf"(?P<cue>[Aa]ccording\s+to)\s+{SOURCE_DESCRIPTOR}")
ACCORDING_TO = re.compile(rf",\s+(?P<cue>according\s+to)\s+{SOURCE_DESCRIPTOR}")
# "…, data from the Insurance Association of Vietnam showed.": a source's figures as its statement.
DATA_SHOWED = re.compile(
    r",?\s+(?:data|figures|statistics|a\s+report|a\s+survey|a\s+study)\s+(?:from|by|of)\s+"
    r"(?P<source>[^,.;]{2,100}?)\s+(?P<cue>showed|shows|revealed|indicated)\s*[.!]?\s*$"
)
# ", he noted, " inside a sentence.
PARENTHETICAL = re.compile(rf",\s+(?P<subj>[^,]{{1,80}}?)\s+(?P<cue>{CUE}),\s+", re.IGNORECASE)
# PARENTHETICAL's cue and comma alone, tried where a cue word starts (a cheap test before it).
CUE_THEN_COMMA = re.compile(rf"(?P<cue>{CUE}),\s+", re.IGNORECASE)
# Characters that re's IGNORECASE matches to an ASCII letter though lower() does not make them
# one (long s, dotted and dotless i; every other character was checked): where a sentence holds
# one, cue words found in its lowercased text may miss a cue the case-insensitive patterns match.
CASE_FOLDING_ODDITIES = "\u017f\u0130\u0131"
ODDITY = re.compile(f"[{CASE_FOLDING_ODDITIES}]")
# "…, and added", "… declined to confirm but said": a verb sharing the subject of the clause
# before it.
COORDINATED = re.compile(r"(?:^|[\s,”’\"'])(?:and|but)(?:\s+(?:[a-z]+ly|also|then))?\s+$")
CLAUSE_COMMA = re.compile(r",\s+")
def has_cue_word(text: str) -> bool:
    """Whether ``text`` holds a cue word (CUE_WORDS) as a whole run of a-z letters, lowercased."""
    return CUE_WORD.search(" " + text.lower()) is not None


def cue_word_starts(body: str, lowered: str | None, start: int, end: int) -> list[int] | None:
    """Where the cue words (CUE_WORDS, whole a-z runs, any case) of ``body[start:end]`` start,
    as offsets into ``body`` (``lowered`` is " " + body.lower(), ``Reader.lowered``); None
    when they cannot be told so (no ``lowered``, an a-z letter right before the text, a
    character of CASE_FOLDING_ODDITIES in it): then every position counts.

    Every match of a pattern opening with a cue (PRE_CUE, CUE_THEN_COMMA) starts at one of
    them: a cue phrase's first word is a cue word, with no word character before it and a
    space or comma after it. So trying those patterns at these offsets finds what a search
    over the whole sentence finds, without re trying the cue alternation at every character.
    """
    if lowered is None or "a" <= lowered[start] <= "z":
        return None
    if "a" <= lowered[end + 1 : end + 2] <= "z":
        # The text ends inside a run of letters, which the search reads as ending there.
        # Most sentences hold no cue word: one search tells, the list is built for the others.
        first = CUE_WORD.search(lowered, start, end + 1)
        if first is None:
            return []
        if ODDITY.search(body, start, end) is not None:
            return None
        # lowered[i + 1] is text's character i, and a match opens with the character before
        # the word: its start in ``lowered`` is the word's offset in the text.
        return [match.start() for match in CUE_WORD.finditer(lowered, first.start(), end + 1)]
    # Speed: the same offsets, from the body's cue words found once (`_body_cue_words`): the
    # matches of the search above are those lying wholly inside lowered[start:end + 1].
    starts, ends = _body_cue_words(body)
    found = starts[bisect_left(starts, start) : bisect_right(ends, end + 1)]
    if found and ODDITY.search(body, start, end) is not None:
        return None
    return found


# One entry: the sentences of one body ask in turn.
@lru_cache(maxsize=1)
def _body_cue_words(body: str) -> tuple[list[int], list[int]]:
    """Where CUE_WORD matches in " " + body.lower() (``Reader.lowered``), found without scanning
    the body with it: (starts, ends) of every maximal run of a-z letters that is a cue word, in
    text order, each match opening at the character before its word. The body's words
    (`figures.amounts.body_words`, which the figure stage reads next) say which cue words
    occur, str.find where; the search tried the cue alternation after every character that is
    no a-z letter (0.06 ms a c1k body). The caller has checked that lower() keeps every offset."""
    lowered = lowered_body(body)
    found = []
    for word in CUE_WORD_BYTES.intersection(body_words(lowered)):
        text = word.decode()
        size = len(text)
        at = lowered.find(text)
        while at >= 0:
            after = lowered[at + size : at + size + 1]
            if (at == 0 or not "a" <= lowered[at - 1] <= "z") and not "a" <= after <= "z":
                found.append((at, at + size + 1))
            at = lowered.find(text, at + 1)
    found.sort()
    return [start for start, _ in found], [end for _, end in found]


def pre_cue_matches(body: str, starts: list[int] | None, start: int, end: int) -> list[re.Match[str]]:
    """``list(PRE_CUE.finditer(body, start, end))``, trying only the cue words' ``starts``
    (``cue_word_starts``) when they are known: the leftmost match from any place is at the
    first of them from there that matches."""
    if starts is None:
        return list(PRE_CUE.finditer(body, start, end))
    found = []
    after = start
    for at in starts:
        if at >= after and (match := PRE_CUE.match(body, at, end)) is not None:
            found.append(match)
            after = match.end()
    return found


def cue_text(cue: str) -> str:
    """The cue as printed, lowercased, spaces collapsed: "expressed his belief"."""
    return " ".join(cue.split()).lower()


def cue_of(match: re.Match[str]) -> str:
    """The printed cue of a match of any cue pattern ("cue" group, or PRE_PARTICIPLE's "bare")."""
    groups = match.groupdict()
    return groups.get("cue") or groups.get("bare") or ""
