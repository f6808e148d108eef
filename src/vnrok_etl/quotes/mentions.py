"""Finding the printed mention of a speaker around a cue: names, titles, roles and pronouns.

A mention is a run of capitalised words, possibly after title words ("RoK Prime Minister Kim Min
Seok"), a description ending in a role noun ("the Vietnamese Party chief", "the ministry") or a
pronoun. ``mention_before`` walks back from a cue ("… Kim Min Seok said"), ``mention_after``
reads forward from one ("said Park Noh Wan, RoK Ambassador …"); both return the mention parsed by
``speakers.parse_mention``. A cue's subject across an apposition or a coordinated verb is
``quotes.subjects``' concern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from vnrok_etl.speakers import (
    COMPANY_SUFFIX,
    COUNTRY_WORDS,
    DOCUMENT_HEADS,
    FAMILY_NAMES,
    GROUP_NOUNS,
    KNOWN_BY_FOLD,
    ORG_HEADS,
    ORG_WORDS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    ROLE_NOUNS,
    TITLE_WORDS,
    ParsedMention,
    fold,
    parse_mention,
)

# Characters looked back from a cue for its subject; the longest seed title and name is ~80.
MENTION_WINDOW = 240
# Longest apposition between a name and its cue: ", Director of the … Department, said".
APPOSITION_CHARS = 120
# Characters tokenised first when walking back from a cue to its subject: most titles and names
# fit; a longer one costs a second pass over the whole MENTION_WINDOW.
MENTION_CHUNK = 64
# Words of known names: a capitalised run holding one may name a known person ("To Lam").
KNOWN_NAME_WORDS = frozenset(word for name in KNOWN_BY_FOLD for word in name.split(" "))
# "X was quoted as saying", "Civic groups have long argued": the auxiliary (and "long") is not
# part of the subject either.
TRAILING_ADVERB = re.compile(
    r"\s+(?:[a-z]+ly|also|further|again|once|then|later|all|both|was|is|has|had|have|long)\s*$"
)
# A date between subject and cue: "Prime Minister Phạm Minh Chính on Monday said that …".
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
TRAILING_DATE = re.compile(
    rf"\s+(?:on\s+(?:{WEEKDAYS}|{MONTHS}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTHS})(?:\s*\(\w+\))?|"
    r"yesterday|today|last\s+(?:week|month|year))\s*$"
)
# How the text before TRAILING_ADVERB's and TRAILING_DATE's closing spaces can end.
TRAILING_ENDINGS = (
    "ly", "also", "further", "again", "once", "then", "later", "all", "both", "was", "is", "has",
    "had", "have", "long",
    "day", "week", "month", "year", ")",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# (The a-z run first: the same token, a range tested before a class holding \w; see CAPITAL_SCAN.)
TOKEN = re.compile(r"\([^()\s]{1,12}\)|[^\W\d_][a-z]*+[\w’'\-]*+|,")
# "Hyundai E&C", "SK E&S": an ampersand between capitals joins one name word (used only where an
# ampersand stands in the text read: the optional tail costs a test on every token).
TOKEN_AMPERSAND = re.compile(r"\([^()\s]{1,12}\)|[^\W\d_][a-z]*+[\w’'\-]*+(?:&[A-Z][A-Za-z]*+)?|,")
POSSESSIVE_END = re.compile(r"['’]s?$")
# Capitalised words that start sentences but are never part of a name.
NOT_NAMES = frozenset(
    {
        "the", "a", "an", "and", "but", "or", "then", "however", "meanwhile", "in", "on", "at", "for",
        "when", "while", "after", "before", "also", "this", "that", "these", "those", "it", "its",
        "our", "we", "they", "he", "she", "his", "her", "their", "i", "my", "as", "with", "by",
        "from", "to", "of", "if", "so", "both", "each", "all", "during", "since", "regarding",
        "according", "under", "over", "moreover", "furthermore", "currently", "today", "yesterday",
    }
)
AGE_APPOSITION = re.compile(r",\s+\d{1,3}(?:-year-old)?,\s*$")
TRAILING_ABBREVIATION = re.compile(r"\s+\([A-Za-z][A-Za-z&\-]{1,11}\)$")
# A second legal suffix after a comma or after "Co.", with its period or without:
# "Co., Ltd.", "Co., Ltd", "Co. Ltd" (the first ends in a period a sentence may not end at).
SECOND_COMPANY_SUFFIX = re.compile(r"(?:,|(?<=\bCo\.))[ ](?:Ltd|Inc|Corp|JSC|LLC)\.?$")
ABBREVIATED_SUFFIX = re.compile(r"(?<![\w.])(?:Co|Corp|Inc|Ltd|Jr|Sr)\.$")
ABBREVIATED_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "amb", "sen", "rep"})
# Words inside a title: "Minister of Culture, Sports and Tourism", "Ambassador to Korea".
CONNECTORS = frozenset({"of", "and", "for", "the", "&", "to"})
CONNECTORS_NOT_THE = CONNECTORS - {"the"}
PRONOUNS = PRONOUNS_SINGULAR | PRONOUNS_PLURAL
# "… of Viet Nam in Seoul", "… from Yonsei University": what follows a name to say where from.
# A possessive body may end in its unit, in lowercase: "Professor Jang of Korea University’s
# business school said", "Lee Ha-na at Samsung’s chip division said".
NAME_COMPLEMENT = re.compile(
    r"\s+(?:of|in|at|from)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'\-]*){0,5}"
    r"(?:(?<=['’]s)(?:\s+[a-z][\w\-]*){1,3})?"
    r"(?:\s+(?:in|at)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})?$"
)
# What may follow a source's name and still end the clause: "(FIA)", "data", "on the 10th",
# "released on March 6", and the quoted title of its document ("KITA's report 'Korea-Vietnam
# Trade Trends and Outlook'": the title names the document, its words are no speaker).
SOURCE_TAIL = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:\s+(?:data|figures|statistics|estimates|report|survey))?"
    r"(?:\s+['‘\"“][^'’\"”\n]{2,120}['’\"”])?"
    r"(?:\s+(?:released\s+)?(?:on|in)\s+(?:the\s+)?[\w ]{1,20}?(?=[.,;]|$))?"
)
COMPLEMENT_START = re.compile(r"\s(?:of|in|at|from)\s")
OF_THE = re.compile(r"\s+of(?:\s+the)?\s+$")
# Bodies named by where they are: "the Embassy of Việt Nam in Seoul", "the Korea Chamber of
# Commerce in Vietnam" (other bodies are not: "the Support Center in Gimhae").
MISSIONS = frozenset({"embassy", "consulate", "mission", "chamber"})
NAME_POSSESSIVES = frozenset(
    {"people’s", "people's", "women’s", "women's", "workers’", "workers'", "children’s",
     "children's", "farmers’", "farmers'", "veterans’", "veterans'"}
)
# A country's long name keeps its "the … of …": "in the Republic of Korea", "in the United States".
MISSION_PLACE = re.compile(
    r"\s+in\s+(?:the\s+(?=[A-Z]))?[A-Z][\w’'\-]*(?:\s+of\s+(?=[A-Z])[A-Z][\w’'\-]*|\s+[A-Z][\w’'\-]*)?"
)
# What may follow a post-posed subject that ends its clause.
CLAUSE_CLOSERS = " \t\n.!?;:/”’\"')]»"
# Last words of role nouns ("legislator", "attache", "ceo"): a description ending in one names
# a person ("the top legislator"); with ORG_HEADS, an organisation ("the agency").
ROLE_HEADS = frozenset(role.split(" ")[-1] for role in ROLE_NOUNS)
# With a body's document ("the statement said"): it speaks for the body that issued it.
DESCRIPTION_HEADS = ROLE_HEADS | ORG_HEADS | GROUP_NOUNS | DOCUMENT_HEADS
# Words between "the" and a role noun in a description: "the top legislator", "the Korean envoy".
DESCRIPTION_MODIFIERS = 4
# An apposition after a name: ", a lecturer at a Hà Nội university," / ", RoK Ambassador to …".
# The apposition may end with the organisation's bracketed abbreviation (", Vice President of the
# Vietnam Chamber of Commerce and Industry (VCCI),"), which is not part of its text. Two offices
# joined by "and" fit (", Deputy Secretary of the Bac Ninh Provincial Party Committee and Chairman
# of the provincial People’s Committee (PPC),": 107 characters before the abbreviation): over
# SHORT_APPOSITION characters, only a run of office names is an apposition (long_apposition_fits).
SHORT_APPOSITION = 100
# The lowercase words an office's name may hold; any other ("his wife will pay a visit") says the
# text runs on into a clause of its own.
OFFICE_LOWERCASE = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "under", "provincial", "municipal", "city",
     "district", "national", "central", "standing", "permanent"}
)
APPOSITION = re.compile(
    r",\s+(?P<text>[^,.;:!?“”\"()]{2,160}?)(?:\s*\([A-Z][A-Za-z&\-]{1,11}\))?\s*(?=[,.;:!?]|$)"
)
# A named organisation: capitalised words ending in an organisation head noun, with its "of"
# complement and a bracketed abbreviation ("the Ministry of Industry and Trade (MoIT)").
# After an organisation's head noun: its "of"/"for" complement and bracketed abbreviation.
ORGANISATION_TAIL = re.compile(
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:(?:,\s+|\s+(?:and|&)\s+|\s+)[A-Z][\w’'\-]*){0,6})?"
    r"(?:\s+\((?P<abbr>[A-Za-z][A-Za-z&\-]{1,11})\))?"
)
# "retail group Lotte", "travel platform Yanolja", "automaker VinFast": a business named after
# what it is, in lowercase, so no head noun is needed to know it is one.
COMPANY_INTRODUCED = re.compile(
    r"(?:group|company|firm|maker|automaker|carmaker|chipmaker|conglomerate|retailer|platform|"
    r"consultancy|operator|developer|giant|start-?up|lender|insurer|airline|carrier|manufacturer|"
    r"supplier|subsidiary|affiliate|shipbuilder|builder) (?P<name>[A-Z][\w’'&\-]*(?:\s+[A-Z][\w’'&\-]*){0,3})"
)
# "CEO of LG Innotek", "general director of Vina Steel": a business named by the title of the
# one who runs it (titles only a business has: no "president of", which a country has too).
COMPANY_OFFICER = re.compile(
    r"\b(?:CEO|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?|(?:[Cc]o-)?[Ff]ounder|"
    r"[Mm]anaging\s+[Dd]irector|[Gg]eneral\s+[Dd]irector)\s+of\s+"
    r"(?P<name>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})"
)
# "the finance ministry", "Vietnam's finance ministry", "the city's statistics office": a body
# described in lowercase.
DESCRIBED_ORGANISATION = re.compile(
    r"\b(?:[Tt]he|[A-Z][a-z]+['’]s)\s+(?:[a-z]+['’]s\s+)?(?P<name>(?:[a-z][a-z\-]+\s+){1,2}"
    r"(?:ministry|agency|office|department|committee|commission|authority|bureau|council))\b"
)
ORGANISATION_JOINERS = frozenset({"and", "&", "of", "for"})
# Capitalised words before the head noun that still belong to the name ("General Statistics").
ORGANISATION_PREFIX_WORDS = 5
def _by_first_letter(words: list[str]) -> str:
    """``(?:A(?:gency|ssociation)|M(?:inistry)|…)``: an alternation re rejects after one test a
    position (see cues.alternation), where a flat one tries every word there."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + ")"


# Speed: no lookbehind before the words, so re skips ahead to their first letters (the word
# before is checked in Python): organisations 0.36 -> 0.1 ms/doc where scanned.
ORGANISATION_HEAD = re.compile(
    rf"{_by_first_letter([head.capitalize() for head in ORG_HEADS])}(?![\w’'\-])"
)
# --- mentions ---------------------------------------------------------------------------------


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    # Speed: one span() and a slice cost less than group(0), start() and end() (0.41 -> 0.33 us).
    tokens = []
    pattern = TOKEN_AMPERSAND if text.find("&", lo, hi) >= 0 else TOKEN
    for match in pattern.finditer(text, lo, hi):
        start, end = match.span()
        tokens.append((text[start:end], start, end))
    return tokens


@lru_cache(maxsize=65536)
def _is_name(token: str) -> bool:
    bare = POSSESSIVE_END.sub("", token)
    if not bare or not bare[0].isupper() or bare.startswith("("):
        return False
    key = fold(bare)
    return key not in TITLE_WORDS and key not in COUNTRY_WORDS and key not in NOT_NAMES


# From ``pos``, the next TOKEN that starts with a letter other than a-z (group "word"), and the
# last token skipped on the way there (group "prev", None if none). It steps through the text
# exactly as TOKEN.finditer does: the atomic group takes a lowercase word (with the characters
# after it that start no token), a bracketed abbreviation or a comma whole, or a run of
# characters no token starts with; never part of a token.
# Use it with .match (anchored): a failing .search would rescan from every later position.
# Speed: "[a-z]*+" before "[\w’'\-]*+" and " *+" before "[^\w(,]*+" take the same maximal runs
# (a-z letters and spaces are in those classes), but test a range or a literal first, where a
# class holding \w looks up each character's category (scan 0.105 -> 0.090 ms/doc on c1k).
# (A possessive "*+" after the group would be the same too, but re fails on it: "span of
# capturing group is wrong", CPython 3.11.)
CAPITAL_SCAN = re.compile(
    r"(?>(?P<prev>[a-z][a-z]*+[\w’'\-]*+|\([^()\s]{1,12}\)|,) *+[^\w(,]*+|[^\w(,]++|[\d_]++|\()*"
    r"(?P<word>[^\W\d_a-z][a-z]*+[\w’'\-]*+)"
)


def _is_title_token(token: str) -> bool:
    key = fold(token)
    return (
        key in TITLE_WORDS or key in ORG_WORDS or key in ORG_HEADS or token[:1].isupper()
        or key in CONNECTORS
    )


def organisation_names(body: str) -> list[tuple[int, str, str | None]]:
    """(offset, name, abbreviation) of every organisation named in full in ``body``: capitalised
    words ending in a capitalised organisation head noun, with its complement ("the Ministry of
    Industry and Trade (MoIT)", "General Statistics Office").

    The name is printed without a leading sentence word ("The", "Meanwhile"); it needs two words
    at least, so a capitalised head alone ("the Ministry") stays a description. A company needs
    no head noun when the text says what it is: "retail group Lotte", "chipmaker Hanvit", or
    names the title of who runs it: "CEO of LG Innotek", "general director of Vina Steel". A body
    described in lowercase ("the finance ministry") is noted too, as printed: a later "the
    ministry" means it.
    """
    found = []
    for match in DESCRIBED_ORGANISATION.finditer(body):
        found.append((match.start("name"), match.group("name"), None))
    for match in COMPANY_INTRODUCED.finditer(body):
        if match.start() == 0 or not _word_char(body[match.start() - 1]):
            found.append((match.start("name"), match.group("name"), None))
    if "of " in body:
        for match in COMPANY_OFFICER.finditer(body):
            name = match.group("name")
            if name.split(" ", 1)[0].casefold() not in NOT_NAMES and fold(name) not in COUNTRY_WORDS:
                found.append((match.start("name"), name, None))
    for head in ORGANISATION_HEAD.finditer(body):
        if head.start() and _word_char(body[head.start() - 1]):
            continue
        start = _organisation_start(body, head.start())
        tail = ORGANISATION_TAIL.match(body, head.end())
        end = tail.start("abbr") - 1 if tail.group("abbr") else tail.end()
        if head.group(0).casefold() in MISSIONS and end > head.end() and (place := MISSION_PLACE.match(body, end)):
            # "the Embassy of Việt Nam in Seoul": a mission is where it is. Named by an adjective
            # ("the South Korean Embassy in Hanoi"), the name ends at the head: the place after it
            # is where, and "the embassy" later means it.
            end = place.end()
        name = " ".join(body[start:end].split()).rstrip(" (")
        name = COMPANY_SUFFIX.sub("", name) or name
        if " " in name:
            found.append((start, name, tail.group("abbr")))
    return found


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_’'-"


def _organisation_start(body: str, head_start: int) -> int:
    """Where the capitalised words before an organisation's head noun begin (up to
    ORGANISATION_PREFIX_WORDS of them, with "and", "&", "of", "for" between)."""
    start = head_start
    words = 0
    # Speed: one rfind a word instead of a step a character (organisations 0.09 -> 0.05 ms/doc).
    while words < ORGANISATION_PREFIX_WORDS and start > 1 and body[start - 1] == " ":
        word_start = body.rfind(" ", max(0, start - 40), start - 1) + 1
        if word_start == 0 and start - 1 > 40:
            break
        word = body[word_start : start - 1]
        if word in ORGANISATION_JOINERS:
            start = word_start
            continue
        # A possessive owner is not part of the name ("Vietnam’s Thanh Cong Group"), but some
        # names hold a possessive ("the Hanoi People’s Committee", "Women’s Union").
        if not word[:1].isupper() or "\n" in word:
            break
        if not word.replace("-", "").isalpha() and word.casefold() not in NAME_POSSESSIVES:
            break
        if word.casefold() in NOT_NAMES:
            break
        words += 1
        start = word_start
    while (first := body[start:head_start].split(" ", 1)[0]) in ORGANISATION_JOINERS:
        start += len(first) + 1
    return start


def long_apposition_fits(text: str) -> bool:
    """Whether an apposition's text is short, or, over SHORT_APPOSITION characters, a run of
    office names: its lowercase words are OFFICE_LOWERCASE's (", Deputy Secretary of the …
    Party Committee and Chairman of the provincial People’s Committee"), not a clause (",
    General Secretary of the … Central Committee Vu Van Tuan and his wife will pay a visit")."""
    return len(text) <= SHORT_APPOSITION or all(
        word in OFFICE_LOWERCASE for word in text.split() if word[:1].islower()
    )


def apposition_after(body: str, name_end: int) -> tuple[str, int] | None:
    """(text, end) of the apposition right after a name, when it says what the person is:
    ", a lecturer at a Hà Nội university," or ", RoK Ambassador to Viet Nam." (its words hold a
    role noun, a title word or an organisation: ", a sociologist at Hanyang University,"). The
    leading article is dropped from the text."""
    match = APPOSITION.match(body, name_end)
    if match is None or not long_apposition_fits(match.group("text")):
        return None
    text = match.group("text")
    words = [POSSESSIVE_END.sub("", fold(word)) for word in text.split()]
    if not any(word in ROLE_HEADS or word in TITLE_WORDS or word in ORG_HEADS for word in words):
        return None
    if words and words[0] in ("a", "an", "the"):
        text = text.split(" ", 1)[1] if " " in text else ""
    return (text, match.end()) if text else None


def name_run_ends(
    body: str, sentences: list[tuple[int, int]], surnames: frozenset[str] | set[str] = frozenset()
) -> Iterator[tuple[int, int, int]]:
    """(sentence start, end, own start) of every run of capitalised words that may name a person.

    Runs after a title word ("President Lee") or holding a known name's word ("To Lam") qualify,
    with own start -1: the mention may reach back over the title, so the caller walks back from
    the end. So do runs of two names or more opened by a family name ("Nguyen Van Hoa") and runs
    opened by a word of a name already read (``surnames``, which the caller adds to as it goes):
    those are the run alone, which starts at own start. "Việt Nam", "Yonsei University" or "Han
    River" are not worth parsing.
    """
    # Speed: the tokens are TOKEN's, but CAPITAL_SCAN steps over the lowercase ones inside the
    # regex engine and hands Python only the capitalised words (plus the token just before each),
    # which are all a run needs; tokenising every word in Python was most of the stage's time.
    # Per word, one groups() call and the end: the word ends the match, so it starts at
    # pos - len(word) (named groups and start("word") cost 5% of the scan).
    scan = CAPITAL_SCAN.match
    for s_start, s_end in sentences:
        in_run = False  # whether the last word opened or continued a run
        worth = False  # whether the open run is worth parsing (_worth_parsing)
        own = -1  # where the open run's name starts when it is worth parsing as it stands
        family = -1  # start of the open run's first family name ("… Group Yang Dong-hyun")
        words = 0  # name words in the open run from ``own`` (or ``family``) on
        run_end = -1  # end of the open run's last word
        previous: str | None = None  # the last word seen in this sentence
        pos = s_start
        while match := scan(body, pos, s_end):
            skipped, text = match.groups()  # ("prev", "word")
            pos = match.end()
            name, known, possessive, surname, bare = _run_word(text)
            if in_run:
                # The run goes on only over whitespace to another name ("Kim Min Seok").
                if name and skipped is None and body[run_end : pos - len(text)].isspace():
                    worth = worth or known
                    if own < 0 and family < 0 and surname:
                        family, words = pos - len(text), 0
                    words += 1
                    run_end = pos
                    if possessive:
                        if worth or (own >= 0 or family >= 0) and words > 1:
                            yield s_start, run_end, -1 if worth else max(own, family)
                        in_run = False
                    previous = text
                    continue
                if worth or (own >= 0 or family >= 0) and words > 1:
                    yield s_start, run_end, -1 if worth else max(own, family)
                in_run = False
            if name:
                before = skipped if skipped is not None else previous
                worth = _worth_parsing(before or "") or known
                own, family, words = (pos - len(text) if surname else -1), -1, 1
                # A word of a name already read ("Hai" after "Ha Minh Hai") is worth it alone.
                if not worth and surnames and bare in surnames:
                    own, words = pos - len(text), 2
                in_run, run_end = True, pos
                if possessive:
                    if worth or own >= 0 and words > 1:
                        yield s_start, run_end, -1 if worth else own
                    in_run = False
            previous = text
        if in_run and (worth or (own >= 0 or family >= 0) and words > 1):
            yield s_start, run_end, -1 if worth else max(own, family)


def run_mention(body: str, start: int, end: int) -> tuple[int, ParsedMention] | None:
    """The mention that is the run ``body[start:end]`` alone (no title before it)."""
    parsed = parse_mention(POSSESSIVE_END.sub("", body[start:end]))
    return (start, parsed) if parsed.name else None


# Bounded memo, like _is_name: capitalised words repeat within and across articles.
@lru_cache(maxsize=65536)
def _run_word(word: str) -> tuple[bool, bool, bool, bool, str]:
    """What a run needs to know of a capitalised word, in one lookup instead of five: whether
    it is a name (_is_name), a known name's word (_known_name_word), possessive, and a family
    name (a run of two names or more opened by one may be an untitled person: "Nguyen Van Hoa");
    and its folded form without the possessive, to compare with the names already read."""
    bare = fold(POSSESSIVE_END.sub("", word))
    return (
        _is_name(word), _known_name_word(word), POSSESSIVE_END.search(word) is not None,
        bare in FAMILY_NAMES, bare,
    )


# Bounded memo of a pure test: the tokens before names repeat ("President", "Minister", "(RoK)").
@lru_cache(maxsize=65536)
def _worth_parsing(before: str) -> bool:
    """Whether a run of names after the token ``before`` is worth parsing whatever its words:
    after a title or organisation word ("President Lee") or a bracketed abbreviation."""
    key = fold(before) if before else ""
    return key in TITLE_WORDS or key in ORG_WORDS or key.startswith("(")


# Bounded memo of a pure test, like _is_name: name words repeat across articles.
@lru_cache(maxsize=65536)
def _known_name_word(token: str) -> bool:
    """Whether ``token`` is a word of a known person's name ("Lâm", "Lee’s")."""
    return fold(POSSESSIVE_END.sub("", token)) in KNOWN_NAME_WORDS


def mention_before(body: str, lo: int, hi: int) -> tuple[int, ParsedMention] | None:
    """The person mention ending at ``hi`` (trailing adverbs skipped), starting at ``lo`` or after."""
    # A title and name never run longer than the window; scanning whole sentences went quadratic.
    if hi - lo > MENTION_WINDOW:
        space = body.find(" ", hi - MENTION_WINDOW, hi)
        lo = space + 1 if space >= 0 else hi - MENTION_WINDOW
    text = body[lo:hi]
    # "Nguyen Van Duc, 31, told reporters": an age between the name and the cue.
    if text.endswith((",", ", ")) and (age := AGE_APPOSITION.search(text)):
        text = text[: age.start()]
    while _may_trail(text) and (
        match := TRAILING_ADVERB.search(text) or TRAILING_DATE.search(text)
    ):
        text = text[: match.start()]
    hi = lo + len(text.rstrip())
    # "Hanbit Robotics Co., Ltd., a maker of …", "… Co., Ltd said", "… Co. Ltd said": a second
    # suffix after a comma or "Co." is the name's too (SECOND_COMPANY_SUFFIX).
    if body.endswith(("d", "c", "p", "C", "."), lo, hi) and (
        second := SECOND_COMPANY_SUFFIX.search(body, max(lo, hi - 8), hi)
    ):
        hi = second.start()
    # "Hanwha Aerospace Co. said": a company suffix keeps its period.
    if body.endswith(".", lo, hi) and ABBREVIATED_SUFFIX.search(body, max(lo, hi - 6), hi):
        hi -= 1
    # "The Korea Trade Promotion Agency (KTPA) said": the abbreviation after a name is an alias.
    elif body.endswith(")", lo, hi) and (bracket := TRAILING_ABBREVIATION.search(body, max(lo, hi - 16), hi)):
        hi = bracket.start()
    # Speed: a mention is a few words, so tokenise only the last MENTION_CHUNK characters first,
    # from just after a space (tokens never hold one, so the tokens from ``lo`` pass through that
    # point too), and the whole window only when the walk back reaches the first of them.
    cut = body.rfind(" ", lo, hi - MENTION_CHUNK) if hi - lo > MENTION_CHUNK else -1
    if cut >= lo:
        found = _walk_back(body, _tokens(body, cut + 1, hi), hi, partial=True)
        if found is not _FURTHER:
            return found
    return _walk_back(body, _tokens(body, lo, hi), hi, partial=False)


def _may_trail(text: str) -> bool:
    """Whether TRAILING_ADVERB or TRAILING_DATE can match ``text``: a cheap test of how it ends,
    because both patterns otherwise search the whole window, and most windows end in a name."""
    tail = text.rstrip()
    return tail.endswith(TRAILING_ENDINGS) or tail[-1:].isdigit()


_FURTHER = object()  # _walk_back's answer when the tokens it was given may not reach far enough


def _walk_back(
    body: str, tokens: list[tuple[str, int, int]], hi: int, partial: bool
) -> tuple[int, ParsedMention] | None | object:
    """The mention ending at ``hi`` among ``tokens`` (those of the window, or with ``partial`` its
    last ones: then _FURTHER when the answer could depend on a token before them)."""
    if not tokens or tokens[-1][2] != hi:
        return None
    last = tokens[-1][0]
    if fold(last) in PRONOUNS or fold(last) == "it":
        return tokens[-1][1], parse_mention(last)
    if fold(last) in DESCRIPTION_HEADS and not _name_ends_in_group_noun(body, tokens):
        description = _description(body, tokens, hi)
        if description is not None:
            return description
    i = len(tokens) - 1
    names = 0
    while i >= 0 and _is_name(tokens[i][0]) and names < 6 and _joined(body, tokens, i):
        names += 1
        i -= 1
    start_index = i + 1
    while i >= 0 and _joined(body, tokens, i):
        token = tokens[i][0]
        if token == ",":
            if i + 1 >= len(tokens):
                break
            after = tokens[i + 1][0]
            before = tokens[i - 1][0] if i > 0 else ""
            # A comma continues a title only inside its complement ("Culture, Sports and Tourism"):
            # the capitalised words before it follow "of", "for" or "and" ("On Monday, Hanbit
            # Co. said": an introductory phrase, no complement).
            if (fold(after) in TITLE_WORDS or not before[:1].isupper() or fold(before) in TITLE_WORDS
                    or not _in_complement(tokens, i - 1)):
                break
        elif token.lower() == "the":
            if i > 0 and fold(tokens[i - 1][0]) in ("of", "for") and _joined(body, tokens, i - 1):
                # Inside a title: "President of the Republic of Korea (RoK) Lee Jae Myung".
                start_index = i
                i -= 1
                continue
            if not names:
                start_index = i  # a description keeps its article: "the Vietnamese Party chief"
            break
        elif not _is_title_token(token):
            break
        start_index = i
        i -= 1
    if partial and i < 1:
        # The walk looked at the first token (or wanted the one before it): only the whole
        # window can tell what comes before.
        return _FURTHER
    while start_index < len(tokens) and fold(tokens[start_index][0]) in CONNECTORS_NOT_THE:
        start_index += 1
    if start_index >= len(tokens):
        return None
    start = tokens[start_index][1]
    printed = body[start:hi]
    parsed = parse_mention(POSSESSIVE_END.sub("", printed) if names else printed)
    if not parsed.name and not parsed.role and not parsed.plural and parsed.organisation is None:
        return None
    if parsed.name and parsed.name.split()[-1].casefold() in ORG_WORDS:
        return None
    return start, parsed


def _in_complement(tokens: list[tuple[str, int, int]], last: int) -> bool:
    """Whether the capitalised run of tokens ending at ``last`` follows a connector of a title's
    complement ("of", "for", "and": "Minister of Culture, Sports …")."""
    i = last
    while i >= 0 and tokens[i][0][:1].isupper():
        i -= 1
    return i >= 0 and fold(tokens[i][0]) in ("of", "for", "and", "&")


def _name_ends_in_group_noun(body: str, tokens: list[tuple[str, int, int]]) -> bool:
    """Whether the last token is a capitalised group noun that ends a name joined to capitalised
    words before it: "Association of Seafood Exporters and Producers" is one organisation, not a
    group of producers ("Seafood producers said" is)."""
    if len(tokens) < 3 or not tokens[-1][0][:1].isupper():
        return False
    joiner, before = tokens[-2][0], tokens[-3][0]
    return (
        joiner in ("and", "of", "for") and before[:1].isupper()
        and _joined(body, tokens, len(tokens) - 3) and _joined(body, tokens, len(tokens) - 2)
    )


def _description(
    body: str, tokens: list[tuple[str, int, int]], hi: int
) -> tuple[int, ParsedMention] | None:
    """"the top legislator", "the Korean envoy", "the agency", "a Lotte Mart official": an
    article and up to DESCRIPTION_MODIFIERS words before a role or organisation noun ending at
    ``hi``."""
    last = len(tokens) - 1
    for j in range(last - 1, max(-1, last - 2 - DESCRIPTION_MODIFIERS), -1):
        token = tokens[j][0]
        if token == "," or not _joined(body, tokens, j):
            return None
        if token.lower() in ("the", "a", "an"):
            parsed = parse_mention(body[tokens[j][1] : hi])
            if parsed.role or parsed.organisation is not None or parsed.plural:
                return tokens[j][1], parsed
            return None
    if fold(tokens[last][0]) in GROUP_NOUNS:
        # "Analysts said", "Travel agencies say": a group needs no article.
        first = last
        while first > 0 and last - first < DESCRIPTION_MODIFIERS and _joined(body, tokens, first - 1):
            if tokens[first - 1][0] == "," or fold(tokens[first - 1][0]) in NOT_NAMES:
                break
            first -= 1
        return tokens[first][1], parse_mention(body[tokens[first][1] : hi])
    return None


def _joined(body: str, tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether token ``i`` is followed by token ``i + 1`` with only spaces between."""
    if i + 1 >= len(tokens):
        return True
    gap = body[tokens[i][2] : tokens[i + 1][1]]
    if gap == "" or gap.isspace():
        return True
    if gap == " & ":
        return True  # "Korea Offshore & Shipbuilding Association": "&" joins a name's words
    # "Dr. Le Quoc Phuong", "Mr. Trần Văn Hùng": an abbreviated title's period joins too.
    return gap[0] == "." and gap[1:].isspace() and fold(tokens[i][0]) in ABBREVIATED_TITLES


NATIONALITY_WORDS = frozenset({"south", "north", *COUNTRY_WORDS})


def _nationality_only(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the capitalised words after "the" and before token ``i`` are a nationality
    ("the South Korean", "the Vietnamese")."""
    words = [fold(token) for token, _s, _e in tokens[1:i]]
    return bool(words) and all(word in NATIONALITY_WORDS for word in words)


def mention_after(body: str, lo: int, hi: int) -> tuple[int, int, ParsedMention] | None:
    """The person mention starting at ``lo`` ("Han Jong-hee", "the diplomat", "he")."""
    tokens = _tokens(body, lo, min(hi, lo + MENTION_WINDOW))
    if not tokens or body[lo : tokens[0][1]].strip():
        return None
    first = tokens[0][0]
    if fold(first) in PRONOUNS or fold(first) == "it":
        return tokens[0][1], tokens[0][2], parse_mention(first)
    end_index = -1
    described = fold(first) == "the"  # "the top legislator": modifiers before the role noun
    modifiers = 0
    for i, (token, _s, _e) in enumerate(tokens):
        if i and not _joined(body, tokens, i - 1):
            break
        if token == ",":
            # A comma continues a title only inside its complement ("Culture, Sports and …"),
            # never after a name ("Park Noh Wan, RoK Ambassador" is a name and an apposition).
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if not following[:1].isupper() or fold(following) in TITLE_WORDS or end_index < 0:
                break
            if fold(tokens[i - 1][0]) not in ORG_WORDS:
                break
            continue
        key = fold(token)
        if i == 0 and key == "the":
            continue
        if key in CONNECTORS or (
            key == "in" and end_index >= 0 and _capital_next(tokens, i)
            and (fold(tokens[i - 1][0]) in TITLE_WORDS or _mission_before(tokens, i))
        ):
            continue  # "Consul General in Busan Nguyen Thi Thu Ha", not "the Center in Gimhae"
        if not (key in TITLE_WORDS or key in ORG_WORDS or key in DESCRIPTION_HEADS or token[:1].isupper()):
            # "the top legislator", "team leader Han Kyung-soo": words before a role noun; also
            # after a nationality ("the South Korean presidential office", "the Vietnamese
            # labor ministry"), which says whose the described body is.
            if (
                (end_index < 0 or (described and _nationality_only(tokens, i)))
                and modifiers < DESCRIPTION_MODIFIERS and (described or _role_ahead(tokens, i))
            ):
                end_index = -1
                modifiers += 1
                continue
            break
        end_index = i
    if end_index < 0:
        return None
    start, end = tokens[0][1], tokens[end_index][2]
    printed = body[start:end]
    parsed = parse_mention(POSSESSIVE_END.sub("", printed))
    if not parsed.name and not parsed.role and parsed.organisation is None and not parsed.plural:
        return None
    return start, end, parsed

def _mission_before(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a diplomatic mission's name runs before token ``i``: a mission is named by where
    it is ("the Embassy of Việt Nam in Seoul"), other bodies are not ("the Center in Gimhae")."""
    return any(fold(token) in MISSIONS for token, _s, _e in tokens[max(0, i - 6) : i])


def _capital_next(tokens: list[tuple[str, int, int]], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1][0][:1].isupper()


def _role_ahead(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a title word or role noun follows within two tokens of token ``i``."""
    return any(
        fold(token) in TITLE_WORDS or fold(token) in ROLE_HEADS for token, _s, _e in tokens[i + 1 : i + 3]
    )
