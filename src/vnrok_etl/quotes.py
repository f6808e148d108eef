"""Quotations and their speakers: direct, reported and interview speech, attributed and resolved.

Hand-written because no library attributes speech in this prose offline: quote attribution and
coreference need spaCy/coreferee/fastcoref models with downloaded weights, and those would still
miss the agencies' conventions. The conventions we follow (issue "Quotations and speakers"):

- direct: a quotation introduced by a speech cue ("humorously remarked: “…”", "stating: “…”",
  "said that “…”" when the quotation ends the sentence) or followed by one ("“…”, shared
  Han Jong-hee", "“…,” he said"). A paragraph that opens with a quotation continues the previous
  paragraph's direct quote. Any other quoted span is a title or scare quote ("four no’s",
  "Miracle on the Han River", a forum theme) and is not speech.
- indirect: a cue verb with a reported clause: "X stressed that …" (text = the clause after
  "that"), "the Deputy PM said Vietnam …", "…, Permanent Deputy Minister … Vũ told the press."
  and "…, according to Vũ." (text = the sentence before the comma), "Vietnam, he noted, is
  ready …" (text = the whole sentence, the only contiguous span holding the reported content).
  One indirect quote per sentence. A cue with a noun object ("He highly appreciated Viet Nam's
  view") reports an attitude, not words, and is skipped; so are collective subjects ("they",
  "the two leaders", "both sides"): a quote needs one person.
- interview: in a question-and-answer article (``Article.kind == "interview"``) each answer
  paragraph is one quote by the interviewee; question paragraphs (last sentence ends with "?")
  and the introduction before the first question are never answers.

Speakers are resolved through ``speakers``: full names diacritic-insensitively and through the
known-people table, surnames and role descriptions against the people named in the article, and
pronouns, "the official" and "the diplomat" to the last speaker. ``Speaker.aliases`` holds every
printed name form of the person in this article, with and without its printed title ("To Lam",
"Party General Secretary To Lam", "General Secretary Lâm"), but never a pronoun, a bare surname
or a role description: those identify the person only inside this one article.
``Speaker.title`` is the first title the article prints for the person (the table's otherwise);
``Quote.speaker_title`` is the title printed with that mention ("Deputy PM" in seed 003, though
he is a Deputy Minister), or the speaker's title for pronouns and "the official". ``cue`` is the
cue as printed, lowercased ("told the press", "expressed his belief"); None for interviews.
Quotes inside an interview answer are not extracted again: the answer is already the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from vnrok_etl.records import Article, Quote, Speaker
from vnrok_etl.sentences import body_sentences, split_sentences
from vnrok_etl.speakers import (
    COUNTRY_WORDS,
    GENERIC_ROLES,
    KNOWN_BY_FOLD,
    KNOWN_PEOPLE,
    ORG_WORDS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    TITLE_WORDS,
    ParsedMention,
    fold,
    match_known,
    parse_mention,
    resolve_speaker,
    split_title,
)

# Cue phrases as regex fragments, longest first; the printed cue is stored lowercased.
CUE_PHRASES = (
    r"expressed\s+(?:his|her)\s+(?:strong\s+|firm\s+)?"
    r"(?:belief|hope|confidence|conviction|wish|view|concern)",
    r"voiced\s+(?:his\s+|her\s+)?(?:strong\s+|firm\s+)?(?:confidence|hope|belief|concern|conviction)",
    r"told\s+(?:the\s+press|the\s+media|reporters|journalists|the\s+audience|"
    r"(?:[A-Z][\w’'\-]*\s+){1,3}(?:media|press|reporters|journalists))",
    # "told Việt Nam News that", "told them that": whoever was told, up to four words.
    r"told\s+(?:[^\W\d_][\w’'\-]*\s+){0,3}[^\W\d_][\w’'\-]*",
    r"pointed\s+out",
    r"said", r"says", r"stated", r"stressed", r"affirmed", r"reaffirmed", r"noted", r"underlined",
    r"underscored", r"emphasised", r"emphasized", r"proposed", r"shared", r"assessed", r"remarked",
    r"added", r"highlighted", r"asserted", r"explained", r"insisted", r"confirmed", r"announced",
    r"acknowledged", r"suggested", r"observed", r"warned", r"revealed", r"commented", r"maintained",
    r"argued", r"reiterated", r"recalled", r"declared", r"mentioned", r"believed", r"hoped",
    r"urged", r"predicted", r"estimated", r"replied", r"answered", r"concluded", r"continued",
)
# Participles hang on the subject of their clause: "He praised the RoK, stating: “…”".
PARTICIPLE_CUES = (
    "stating", "saying", "noting", "adding", "stressing", "affirming", "emphasising", "emphasizing",
    "underlining", "highlighting", "asserting", "remarking", "explaining", "insisting",
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
    | {"according"}
)
# Whether lowercased text holds a cue word as a whole run of a-z letters: what
# ``not CUE_WORDS.isdisjoint(re.findall("[a-z]+", text))`` tells, since that finds every maximal
# run, but one search instead of a list of every word (0.061 -> 0.048 ms/doc on c1k).
CUE_WORD = re.compile(rf"(?<![a-z]){_alternation(tuple(sorted(CUE_WORDS)))}(?![a-z])")
assert all(re.fullmatch("[a-z]+", word) for word in CUE_WORDS), "CUE_WORD needs a-z cue words"
# Characters looked back from a cue for its subject; the longest seed title and name is ~80.
MENTION_WINDOW = 240
# Characters looked back from a quotation mark for its cue ("expressed his strong belief that").
CUE_LOOKBACK = 80
# Longest apposition between a name and its cue: ", Director of the … Department, said".
APPOSITION_CHARS = 120
# Characters tokenised first when walking back from a cue to its subject: most titles and names
# fit; a longer one costs a second pass over the whole MENTION_WINDOW.
MENTION_CHUNK = 64
# People offered to surname and role resolution, most recent first.
CONTEXT_PEOPLE = 64
# Cue words tried per sentence before giving up: real sentences hold one or two.
MAX_CUES_PER_SENTENCE = 6
# Words of known names: a capitalised run holding one may name a known person ("To Lam").
KNOWN_NAME_WORDS = frozenset(word for name in KNOWN_BY_FOLD for word in name.split(" "))
# Short adverbial between a cue and "that": "stressed at the meeting that …".
CUE_ADVERBIAL = r"(?:\s+(?:at|in|on|during|while|after|before|when)\s[^,.;:“”\"]{1,60}?)?"

# (?<!\w) is \b before a cue's first letter; unlike \b it lets re skip ahead to those letters.
PRE_CUE = re.compile(rf"(?<!\w)(?P<cue>{CUE})(?:{CUE_ADVERBIAL}\s+that\b[\s,]*)", re.IGNORECASE)
PRE_PARTICIPLE = re.compile(rf",\s+(?P<cue>{PARTICIPLE})\s+that\b[\s,]*", re.IGNORECASE)
BARE_SAY = re.compile(
    r"\b(?P<cue>said|says)\s+(?=(?:[A-ZĐÀ-Ỹ]|the\b|it\b|there\b|this\b|its\b|his\b|her\b|their\b|"
    r"both\b|all\b|a\b|an\b|he\b|she\b|they\b|we\b))"
)
# Before a quotation mark: "… remarked: “", "… stating: “", "… said, “", "… said that “".
CUE_BEFORE_QUOTE = re.compile(
    rf"(?:(?P<cue>{CUE})|(?P<participle>{PARTICIPLE}))(?P<link>\s*[:,]|\s+that)\s*$", re.IGNORECASE
)
# After a quotation mark: "”, shared Han Jong-hee." / "” he said."
CUE_AT_START = re.compile(rf"^\s*,?\s*(?P<cue>{CUE})\b\s*", re.IGNORECASE)
# A cue that ends its clause, possibly with a time or place: "… Vũ told the press on Monday."
CUE_TAIL = r"(?:\s+(?:on|in|at|during|last|this|yesterday|today|earlier|later)\b[^,.;:“”\"]{0,40})?"
CUE_AT_END = re.compile(rf"\s(?P<cue>{CUE}){CUE_TAIL}\s*[.!;,]?\s*$", re.IGNORECASE)
# The same right after a closing quotation mark, where the sentence may go on: "” he said, adding …"
CUE_CLAUSE = re.compile(rf"\s(?P<cue>{CUE}){CUE_TAIL}\s*(?:[.!;,]|$)", re.IGNORECASE)
LEADING_ACCORDING_TO = re.compile(r"(?P<cue>according\s+to)\s+", re.IGNORECASE)
ACCORDING_TO = re.compile(r",\s+(?P<cue>according\s+to)\s+", re.IGNORECASE)
# ", he noted, " inside a sentence.
PARENTHETICAL = re.compile(rf",\s+(?P<subj>[^,]{{1,80}}?)\s+(?P<cue>{CUE}),\s+", re.IGNORECASE)
TRAILING_ADVERB = re.compile(r"\s+(?:[a-z]+ly|also|further|again|once|then|later|all|both)\s*$")
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
    "ly", "also", "further", "again", "once", "then", "later", "all", "both",
    "day", "week", "month", "year", ")",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
INTERVIEWED = re.compile(
    r"\binterview(?:ed|s|ing)?\s+(?:(?:with|of|given\s+by|granted\s+by)\s+)?", re.IGNORECASE
)

# "…, and added": a verb sharing the subject of the clause before it.
COORDINATED = re.compile(r"(?:^|[\s,”’\"'])and(?:\s+(?:[a-z]+ly|also|then))?\s+$")
CLAUSE_COMMA = re.compile(r",\s+")
TOKEN = re.compile(r"\([^()\s]{1,12}\)|[^\W\d_][\w’'\-]*|,")
POSSESSIVE_END = re.compile(r"['’]s?$")
TERMINAL = " \t\n.!?;:/"
CLOSERS = "”’\"')]»"
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_MARKS = "“”„«»\""
SINGLE_MARKS = "‘’'"
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
CONNECTORS = frozenset({"of", "and", "for", "the", "&"})
CONNECTORS_NOT_THE = CONNECTORS - {"the"}
PRONOUNS = PRONOUNS_SINGULAR | PRONOUNS_PLURAL
# A quotation opening a paragraph, unattributed, continues the previous speaker only if it is
# speech-sized: a short one is a title or a scare quote.
CONTINUATION_MIN_WORDS = 6
QUESTION_END = re.compile(r"\?[\s”’\"')\]]*$")


@dataclass(frozen=True, slots=True)
class _Attribution:
    """Who (person key, None when unresolved), with which cue and printed title."""

    key: str | None
    cue: str | None
    title: str | None


@dataclass(slots=True)
class _Person:
    """A person as this article prints them, built up while reading."""

    name: str
    title: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)

    def speaker(self) -> Speaker:
        return Speaker(self.name, self.title, self.country, tuple(self.aliases))


@dataclass(slots=True)
class _Reader:
    """The state of one extraction: who is named where, and who spoke last."""

    body: str
    people: dict[str, _Person] = field(default_factory=dict)  # fold(canonical) -> person
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, fold(canonical))
    last_speaker: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    speakers_used: list[str] = field(default_factory=list)
    # Offsets of the body's double and single quotation marks, in order (_body_marks).
    double_marks: list[int] = field(default_factory=list)
    single_marks: list[int] = field(default_factory=list)

    def context(self, offset: int) -> list[Speaker]:
        """People named before ``offset``, least recent first, the last speaker last.

        At most CONTEXT_PEOPLE of them: an article names a few dozen people at most, and a
        pathological one must not make every lookup walk all its mentions.
        """
        recent: dict[str, None] = {}
        for _position, key in reversed(self.mentions[: bisect_left(self.mentions, (offset, ""))]):
            if key not in recent:
                recent[key] = None
                if len(recent) >= CONTEXT_PEOPLE:
                    break
        keys = list(reversed(recent)) or list(self.people)[:CONTEXT_PEOPLE]
        if self.last_speaker in self.people:
            keys = [k for k in keys if k != self.last_speaker] + [self.last_speaker]
        return [self.people[k].speaker() for k in keys if k in self.people]


def extract_quotes(article: Article) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Quotes in ``article.body`` (offsets into it) and the speakers they name."""
    body = article.body
    reader = _Reader(
        body,
        double_marks=_body_marks(body, DOUBLE_MARKS),
        single_marks=_body_marks(body, SINGLE_MARKS),
    )
    # No catch-all here: a bug becomes a rejection row naming the document (pipeline.py) instead
    # of an article that silently lost its quotes.
    spans = article.paragraph_spans()
    sentences = body_sentences(body)  # the figure stage asks for the same split next
    # The body is its paragraphs joined by one blank line. When those are its only newlines, the
    # paragraph breaks the splitter finds in the body are exactly the separators, and it splits
    # each paragraph as it splits the paragraph alone (no pattern looks past a break). So the
    # body's sentences are the paragraphs' in order, each paragraph's those that start inside
    # it, and no paragraph need be split again (quotes 0.46 -> 0.44 ms/doc, figures no split).
    if body.count("\n") == 2 * (len(spans) - 1):
        paragraph_sentences = [
            sentences[bisect_left(sentences, (start,)) : bisect_left(sentences, (end,))]
            for start, end in spans
        ]
    else:
        paragraph_sentences = [split_sentences(body, start, end) for start, end in spans]
    _register_people(reader, sentences)
    answers, questions, intro = _interview_layout(article)
    interviewee = _find_interviewee(reader, spans, intro) if answers else None
    previous_direct: str | None = None
    for index, (start, end) in enumerate(spans):
        if index in answers:
            _add_interview(reader, start, end, interviewee)
            continue
        if index in questions:
            continue
        previous_direct = _read_paragraph(
            reader, start, end, paragraph_sentences[index], previous_direct
        )
    valid = tuple(q for q in reader.quotes if body[q.start_char : q.end_char] == q.text and q.text)
    used = [key for key in dict.fromkeys(reader.speakers_used) if key in reader.people]
    return valid, tuple(reader.people[key].speaker() for key in used)


# --- people -----------------------------------------------------------------------------------


def _register_people(reader: _Reader, sentences: list[tuple[int, int]]) -> None:
    """Note every printed person mention: full names first, then surnames that point at them."""
    body = reader.body
    pending: list[tuple[int, int, ParsedMention]] = []
    for start, end in _name_run_ends(body, sentences):
        mention = _mention_before(body, start, end)
        if mention is None:
            continue
        m_start, parsed = mention
        if not parsed.name:
            continue
        if _full_name(parsed.name) or match_known(parsed.name):
            if parsed.title or match_known(parsed.name):
                _note(reader, m_start, parsed)
        elif parsed.title:
            pending.append((m_start, end, parsed))
    for m_start, _end, parsed in pending:
        _note(reader, m_start, parsed)


def _note(reader: _Reader, offset: int, parsed: ParsedMention) -> str | None:
    """Record one mention of a person; returns the person's key, creating them if new."""
    context = reader.context(offset) if not _full_name(parsed.name or "") else []
    speaker = resolve_speaker(parsed.printed, context) if parsed.name else None
    if speaker is None:
        return None
    key = fold(speaker.name)
    person = reader.people.get(key)
    if person is None:
        known = KNOWN_PEOPLE.get(speaker.name)
        person = _Person(
            speaker.name,
            parsed.title or (known.title if known else speaker.title),
            parsed.country or (known.country if known else speaker.country),
        )
        reader.people[key] = person
    else:
        person.title = person.title or parsed.title
        person.country = person.country or parsed.country
        if _more_diacritics(parsed.name or "", person.name) and fold(parsed.name or "") == key:
            person.name = parsed.name or person.name
    for alias in _alias_forms(parsed):
        if alias not in person.aliases:
            person.aliases.append(alias)
    insort(reader.mentions, (offset, key))
    return key


def _alias_forms(parsed: ParsedMention) -> list[str]:
    name = parsed.name or ""
    forms = []
    if _full_name(name):
        forms.append(name)
    if parsed.title:
        forms.append(f"{parsed.title} {name}")
    return forms


def _full_name(name: str) -> bool:
    return len(name.split()) > 1 or "-" in name


def _more_diacritics(candidate: str, current: str) -> bool:
    return sum(not c.isascii() for c in candidate) > sum(not c.isascii() for c in current)


def _resolve_subject(reader: _Reader, offset: int, parsed: ParsedMention) -> str | None:
    """Key of the person a cue's subject names, registering new full names."""
    if parsed.plural:
        return None
    if parsed.pronoun:
        if parsed.pronoun not in PRONOUNS_SINGULAR:
            return None
        if reader.last_speaker:
            return reader.last_speaker
        context = reader.context(offset)
        return fold(context[-1].name) if context else None
    if parsed.name:
        return _note(reader, offset, parsed)
    if parsed.role:
        speaker = resolve_speaker(parsed.printed, reader.context(offset))
        return fold(speaker.name) if speaker else None
    return None


# --- mentions ---------------------------------------------------------------------------------


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text, lo, hi)]


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
CAPITAL_SCAN = re.compile(
    r"(?>(?P<prev>[a-z][\w’'\-]*+|\([^()\s]{1,12}\)|,)[^\w(,]*+|[^\w(,]++|[\d_]++|\()*"
    r"(?P<word>[^\W\d_a-z][\w’'\-]*+)"
)


def _is_title_token(token: str) -> bool:
    key = fold(token)
    return key in TITLE_WORDS or key in ORG_WORDS or token[:1].isupper() or key in CONNECTORS


def _name_run_ends(body: str, sentences: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(sentence start, end) of every run of capitalised words that may name a person.

    Only runs after a title word ("President Lee") or holding a known name's word ("To Lam")
    qualify: "Việt Nam", "Yonsei University" or "Han River" are not worth parsing.
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
        run_end = -1  # end of the open run's last word
        previous: str | None = None  # the last word seen in this sentence
        pos = s_start
        while match := scan(body, pos, s_end):
            skipped, text = match.groups()  # ("prev", "word")
            pos = match.end()
            name, known, possessive = _run_word(text)
            if in_run:
                # The run goes on only over whitespace to another name ("Kim Min Seok").
                if name and skipped is None and body[run_end : pos - len(text)].isspace():
                    worth = worth or known
                    run_end = pos
                    if possessive:
                        if worth:
                            yield s_start, run_end
                        in_run = False
                    previous = text
                    continue
                if worth:
                    yield s_start, run_end
                in_run = False
            if name:
                before = skipped if skipped is not None else previous
                worth = _worth_parsing(before or "") or known
                in_run, run_end = True, pos
                if possessive:
                    if worth:
                        yield s_start, run_end
                    in_run = False
            previous = text
        if in_run and worth:
            yield s_start, run_end


# Bounded memo, like _is_name: capitalised words repeat within and across articles.
@lru_cache(maxsize=65536)
def _run_word(word: str) -> tuple[bool, bool, bool]:
    """What a run needs to know of a capitalised word, in one lookup instead of three:
    whether it is a name (_is_name), a known name's word (_known_name_word), and possessive."""
    return _is_name(word), _known_name_word(word), POSSESSIVE_END.search(word) is not None


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


def _mention_before(body: str, lo: int, hi: int) -> tuple[int, ParsedMention] | None:
    """The person mention ending at ``hi`` (trailing adverbs skipped), starting at ``lo`` or after."""
    # A title and name never run longer than the window; scanning whole sentences went quadratic.
    if hi - lo > MENTION_WINDOW:
        space = body.find(" ", hi - MENTION_WINDOW, hi)
        lo = space + 1 if space >= 0 else hi - MENTION_WINDOW
    text = body[lo:hi]
    while _may_trail(text) and (
        match := TRAILING_ADVERB.search(text) or TRAILING_DATE.search(text)
    ):
        text = text[: match.start()]
    hi = lo + len(text.rstrip())
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
    if fold(last) in PRONOUNS:
        return tokens[-1][1], parse_mention(last)
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
            # A comma continues a title only inside its complement ("Culture, Sports and Tourism").
            if fold(after) in TITLE_WORDS or not before[:1].isupper() or fold(before) in TITLE_WORDS:
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
    if not parsed.name and not parsed.role and not parsed.plural:
        return None
    if parsed.name and parsed.name.split()[-1].casefold() in ORG_WORDS:
        return None
    return start, parsed


def _joined(body: str, tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether token ``i`` is followed by token ``i + 1`` with only spaces between."""
    if i + 1 >= len(tokens):
        return True
    gap = body[tokens[i][2] : tokens[i + 1][1]]
    return gap == "" or gap.isspace()


def _mention_after(body: str, lo: int, hi: int) -> tuple[int, int, ParsedMention] | None:
    """The person mention starting at ``lo`` ("Han Jong-hee", "the diplomat", "he")."""
    tokens = _tokens(body, lo, min(hi, lo + MENTION_WINDOW))
    if not tokens or body[lo : tokens[0][1]].strip():
        return None
    first = tokens[0][0]
    if fold(first) in PRONOUNS:
        return tokens[0][1], tokens[0][2], parse_mention(first)
    end_index = -1
    for i, (token, _s, _e) in enumerate(tokens):
        if i and not _joined(body, tokens, i - 1):
            break
        if token == ",":
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if not following[:1].isupper() or fold(following) in TITLE_WORDS or end_index < 0:
                break
            continue
        key = fold(token)
        if i == 0 and key == "the":
            continue
        if key in CONNECTORS:
            continue
        if not (key in TITLE_WORDS or token[:1].isupper()):
            break
        end_index = i
    if end_index < 0:
        return None
    start, end = tokens[0][1], tokens[end_index][2]
    printed = body[start:end]
    parsed = parse_mention(POSSESSIVE_END.sub("", printed))
    if not parsed.name and not parsed.role:
        return None
    return start, end, parsed


# --- paragraphs -------------------------------------------------------------------------------


def _read_paragraph(
    reader: _Reader,
    start: int,
    end: int,
    sentences: list[tuple[int, int]],
    previous_direct: str | None,
) -> str | None:
    """Quotes of one news paragraph (``sentences`` are its sentences); returns the speaker of its
    last direct quote, if any."""
    body = reader.body
    pairs = _quote_pairs(reader, start, end)
    opens = [open_at for open_at, _close in pairs]
    # Only a quotation can continue the previous paragraph; most paragraphs hold none.
    first_char = start + len(body[start:end]) - len(body[start:end].lstrip()) if pairs else -1
    covered_until = start  # end of the last sentence a direct quote reached
    quoted_until = start  # end of the last direct quotation
    last_direct: str | None = None
    for s_start, s_end in sentences:
        if s_start < covered_until:
            continue
        handled = False
        for index in range(bisect_left(opens, s_start), bisect_left(opens, s_end)):
            open_at, close_at = pairs[index]
            if open_at < quoted_until:
                continue
            close = close_at if close_at is not None else end
            sentence_end = _sentence_end(sentences, close, end)
            continues = previous_direct if open_at == first_char else None
            if _direct(reader, s_start, open_at, close_at, sentence_end, continues):
                covered_until = max(covered_until, sentence_end)
                quoted_until = close + 1
                last_direct = reader.last_speaker if reader.quotes[-1].speaker else None
                handled = True
        if not handled and s_start >= covered_until:
            _indirect(reader, s_start, s_end, pairs)
    return last_direct


def _sentence_end(sentences: list[tuple[int, int]], offset: int, default: int) -> int:
    """End of the sentence holding ``offset`` (sentences are sorted and disjoint)."""
    index = bisect_right(sentences, (offset, float("inf"))) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return sentences[index][1]
    return default


def _body_marks(body: str, marks: str) -> list[int]:
    """Offsets of every character of ``marks`` in ``body``, in order.

    Speed: str.find skips to the few marks of a body (five apostrophes, one double mark on
    average in c1k) far faster than re walks a class of non-ASCII characters (4 ns a character),
    and each paragraph then takes its own by bisection instead of testing and scanning its
    slice (_quote_pairs 0.027 -> 0.017 ms/doc).
    """
    offsets = []
    for mark in marks:
        at = body.find(mark)
        while at >= 0:
            offsets.append(at)
            at = body.find(mark, at + 1)
    offsets.sort()
    return offsets


def _quote_pairs(reader: _Reader, lo: int, hi: int) -> list[tuple[int, int | None]]:
    """(open, close) offsets of quotation marks in a paragraph; close None when unbalanced."""
    body = reader.body
    doubles = _pair_marks(body, lo, hi, _marks_within(reader.double_marks, lo, hi), double=True)
    inside = [(a, b if b is not None else hi) for a, b in doubles]
    singles = [
        pair
        for pair in _pair_marks(
            body, lo, hi, _marks_within(reader.single_marks, lo, hi), double=False
        )
        if not any(a <= pair[0] <= b for a, b in inside)
    ]
    return sorted(doubles + [pair for pair in singles if pair[1] is not None])


def _marks_within(marks: list[int], lo: int, hi: int) -> list[int]:
    """The offsets of ``marks`` (sorted) in [lo, hi): what a scan of ``body[lo:hi]`` finds."""
    return marks[bisect_left(marks, lo) : bisect_left(marks, hi)]


def _pair_marks(
    body: str, lo: int, hi: int, marks: list[int], double: bool
) -> list[tuple[int, int | None]]:
    """Pair the quotation ``marks`` (offsets, all of one kind) of the paragraph ``body[lo:hi]``.

    Each kind is paired on its own; apostrophes are most of the single marks.
    """
    pairs: list[tuple[int, int | None]] = []
    current: int | None = None
    for at in marks:
        role = _mark_role(body, at, lo, hi)
        if role == "close" and current is not None:
            pairs.append((current, at))
            current = None
        elif role == "open":
            # An unclosed quotation followed by a new one: drop the first (mixed or stray marks).
            current = at
        elif role == "either":
            if current is None:
                current = at
            else:
                pairs.append((current, at))
                current = None
    if current is not None and double:
        pairs.append((current, None))
    return pairs


def _mark_role(body: str, at: int, lo: int, hi: int) -> str | None:
    mark = body[at]
    before = body[at - 1] if at > lo else " "
    after = body[at + 1] if at + 1 < hi else " "
    if mark in DOUBLE_OPEN or mark == "‘":
        return "open"
    if mark in DOUBLE_CLOSE:
        return "close"
    if mark == "’":
        # An apostrophe ("people’s") is not a closing mark.
        return None if after.isalnum() else ("close" if not before.isspace() else None)
    opens = (before.isspace() or before in "([—–-") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ",.;:!?)]—–-")
    if mark == "'" and before.isalnum() and after.isalnum():
        return None
    if opens and closes:
        return "either"
    return "open" if opens else ("close" if closes else None)


def _direct(
    reader: _Reader,
    s_start: int,
    open_at: int,
    close_at: int | None,
    sentence_end: int,
    continues: str | None,
) -> bool:
    """Emit the quotation at ``open_at`` if it is attributed speech.

    ``continues`` is the previous paragraph's direct speaker when this quotation opens the
    paragraph: news copy runs a long quotation over paragraphs, attributing it once.
    """
    body = reader.body
    inner_end = close_at if close_at is not None else sentence_end
    text_start, text_end = _trim_span(body, open_at + 1, inner_end, strip=" \t\n,")
    if text_end <= text_start:
        return False
    # Windows, not whole sentences: a paragraph of a thousand quotations must stay linear.
    window_start = max(s_start, open_at - CUE_LOOKBACK)
    before = body[window_start:open_at]
    opens_sentence = window_start == s_start and not before.strip()
    after_close = ""
    if close_at is not None:
        after_close = body[close_at + 1 : min(sentence_end, close_at + 1 + MENTION_WINDOW)]
    attribution = _cue_before_quote(reader, s_start, window_start, before, after_close)
    if attribution is None and opens_sentence:
        attribution = _cue_after_quote(reader, close_at, sentence_end, after_close)
    speech_sized = len(body[text_start:text_end].split()) >= CONTINUATION_MIN_WORDS
    if attribution is None and continues and speech_sized:
        attribution = _Attribution(continues, None, None)
    if attribution is None:
        return False
    # A cue makes it speech even when its subject cannot be named ("a source said: “…”").
    _emit(reader, "direct", attribution, text_start, text_end)
    return True


def _attribution(
    reader: _Reader, mention: tuple[int, ParsedMention] | None, cue: str
) -> _Attribution:
    if mention is None:
        return _Attribution(None, _cue_text(cue), None)
    m_start, parsed = mention
    key = _resolve_subject(reader, m_start, parsed)
    return _Attribution(key, _cue_text(cue), _printed_title(parsed))


def _cue_text(cue: str) -> str:
    """The cue as printed, lowercased, spaces collapsed: "expressed his belief"."""
    return " ".join(cue.split()).lower()


def _cue_before_quote(
    reader: _Reader, s_start: int, window_start: int, before: str, after_close: str
) -> _Attribution | None:
    """ "… humorously remarked: “" / "… stating: “" / "… said that “" right before the mark."""
    if not CUE_WORD.search(before.lower()):
        return None
    match = CUE_BEFORE_QUOTE.search(before)
    if not match:
        return None
    # "said that “four no’s” remain" quotes a phrase inside reported speech, not the speech.
    if match.group("link").strip() == "that" and after_close.strip(TERMINAL + CLOSERS):
        return None
    cue_start = window_start + match.start()
    if match.group("participle"):
        mention = _clause_subject(reader.body, s_start, cue_start)
        return _attribution(reader, mention, match.group("participle"))
    return _attribution(reader, _subject_before(reader.body, s_start, cue_start), match.group("cue"))


def _subject_before(body: str, s_start: int, cue_start: int) -> tuple[int, ParsedMention] | None:
    """The cue's subject: right before it, before an apposition ("Nguyễn Văn Thảo, Director of
    …, said"), or the clause's when the verb is coordinated ("Kim said: “…,” and added: “…”")."""
    if COORDINATED.search(body, max(s_start, cue_start - 12), cue_start):
        return _clause_subject(body, s_start, cue_start)
    mention = _mention_before(body, s_start, cue_start)
    lo = max(s_start, cue_start - MENTION_WINDOW)
    before = body[lo:cue_start].rstrip()
    if mention is not None or not before.endswith(","):
        return mention
    close = lo + len(before) - 1
    open_ = body.rfind(",", max(s_start, close - APPOSITION_CHARS), close)
    if open_ < 0:
        return None
    mention = _mention_before(body, s_start, open_)
    if mention is None or not mention[1].name:
        return None
    title, _country = split_title(body[open_ + 1 : close])
    start, parsed = mention
    return start, replace(parsed, title=title) if title and not parsed.title else parsed


def _cue_after_quote(
    reader: _Reader, close_at: int | None, sentence_end: int, after_close: str
) -> _Attribution | None:
    """"”, shared Han Jong-hee." or "” he said." right after the closing mark."""
    if close_at is None:
        return None
    body = reader.body
    base = close_at + 1
    match = CUE_AT_START.match(after_close)
    if match:
        found = _mention_after(body, base + match.end(), sentence_end)
        if found and not body[found[1] : sentence_end].strip(TERMINAL + CLOSERS + ","):
            return _attribution(reader, (found[0], found[2]), match.group("cue"))
    stripped = after_close.lstrip(" ,")
    offset = base + len(after_close) - len(stripped)
    cue_match = CUE_CLAUSE.search(" " + stripped[:MENTION_WINDOW])
    if cue_match:
        cue_start = offset + cue_match.start("cue") - 1
        mention = _mention_before(body, offset, cue_start)
        if mention and mention[0] == offset:
            return _attribution(reader, mention, cue_match.group("cue"))
    return None


def _clause_subject(body: str, s_start: int, cue_start: int) -> tuple[int, ParsedMention] | None:
    """Subject of the clause a participle hangs on: the first mention at a clause start."""
    # The subject opens the sentence or follows an opening clause or two ("Speaking at …, X").
    starts = [s_start] + [m.end() for m in islice(CLAUSE_COMMA.finditer(body, s_start, cue_start), 3)]
    for start in starts:
        found = _mention_after(body, start, cue_start)
        if found:
            return found[0], found[2]
    return None


# An attributed stretch of a sentence: (attribution, text start, text end).
Reported = tuple[_Attribution, int, int]


def _indirect(reader: _Reader, s_start: int, s_end: int, pairs: list[tuple[int, int | None]]) -> None:
    """At most one reported-speech quote for the sentence ``body[s_start:s_end]``."""
    body = reader.body
    sentence = body[s_start:s_end]
    # Most sentences hold no cue word at all: skip the cue patterns for them.
    if not CUE_WORD.search(sentence.lower()):
        return
    content_end = s_start + len(sentence.rstrip(TERMINAL))
    for attempt in (_post_posed, _according_to_first, _parenthetical, _pre_posed):
        found = attempt(reader, s_start, content_end)
        if found is None:
            continue
        attribution, text_start, text_end = found
        text_start, text_end = _trim_span(body, text_start, text_end, strip=" \t\n,;:—–-")
        # Reported speech needs one person: an unresolved subject yields no quote.
        if attribution.key is None or text_end - text_start < 3:
            return
        if _is_quote_mark_only(body, text_start, pairs):
            return
        _emit(reader, "indirect", attribution, text_start, text_end)
        return


def _post_posed(reader: _Reader, s_start: int, end: int) -> Reported | None:
    """"…, Permanent Deputy Minister … Vũ told the press." / "…, according to Vũ." / "…, said Vũ." """
    body = reader.body
    sentence = body[s_start:end]
    for match in islice(ACCORDING_TO.finditer(sentence), MAX_CUES_PER_SENTENCE):
        found = _mention_after(body, s_start + match.end(), end)
        if found and not body[found[1] : end].strip(TERMINAL + CLOSERS):
            attribution = _attribution(reader, (found[0], found[2]), match.group("cue"))
            return attribution, s_start, s_start + match.start()
    # Both patterns below only count with a comma before the cue.
    if sentence.rfind(",") <= 0:
        return None
    # Speed: CUE_AT_END holds no comma but its optional last mark, which has only spaces after
    # it (cues, the tail's [^,.;:“”"] and spaces hold none), so no match starts at or before a
    # comma that has a non-space character after it; searching after the last such comma finds
    # the same match without trying every space before it (6.5 -> 2.2 us a sentence on c1k).
    last_char = len(sentence.rstrip()) - 1
    cue_match = CUE_AT_END.search(sentence, sentence.rfind(",", 0, last_char) + 1)
    if cue_match:
        cue_start = s_start + cue_match.start("cue")
        comma = sentence.rfind(",", 0, cue_match.start("cue"))
        if comma > 0:
            mention = _mention_before(body, s_start + comma + 1, cue_start)
            if mention and not body[s_start + comma + 1 : mention[0]].strip():
                return _attribution(reader, mention, cue_match.group("cue")), s_start, s_start + comma
    comma = sentence.rfind(",")
    if comma > 0:
        match = CUE_AT_START.match(sentence[comma + 1 :])
        if match and match.start("cue") > 0:
            found = _mention_after(body, s_start + comma + 1 + match.end(), end)
            if found and not body[found[1] : end].strip(TERMINAL + CLOSERS):
                attribution = _attribution(reader, (found[0], found[2]), match.group("cue"))
                return attribution, s_start, s_start + comma
    return None


def _according_to_first(reader: _Reader, s_start: int, end: int) -> Reported | None:
    """"According to Minister Nguyễn Hồng Diên, exports rose 12 percent." """
    body = reader.body
    match = LEADING_ACCORDING_TO.match(body, s_start, end)
    if not match:
        return None
    found = _mention_after(body, match.end(), end)
    if found is None or not body.startswith(",", found[1]):
        return None
    return _attribution(reader, (found[0], found[2]), match.group("cue")), found[1] + 1, end


def _parenthetical(reader: _Reader, s_start: int, end: int) -> Reported | None:
    """"Vietnam, he noted, is ready …": the whole sentence is the reported content."""
    body = reader.body
    # The pattern needs a comma on each side of the cue; most sentences have fewer.
    if body.count(",", s_start, end) < 2:
        return None
    match = PARENTHETICAL.search(body, s_start, end)
    if not match:
        return None
    mention = _mention_before(body, match.start("subj"), match.end("subj"))
    if mention is None or mention[0] != match.start("subj"):
        return None
    return _attribution(reader, mention, match.group("cue")), s_start, end


def _pre_posed(reader: _Reader, s_start: int, end: int) -> Reported | None:
    """"X stressed that …", "He praised …, noting that …", "the Deputy PM said Vietnam …"."""
    body = reader.body
    candidates: list[tuple[re.Match[str], bool]] = []
    sentence = body[s_start:end]
    # Speed: both "that" patterns are the slow ones, and "that" matches only its ASCII cases.
    if "that" in sentence.lower():
        candidates += [(m, False) for m in PRE_CUE.finditer(body, s_start, end)]
        candidates += [(m, True) for m in PRE_PARTICIPLE.finditer(body, s_start, end)]
    # BARE_SAY (case-sensitive) starts with \b, so re tries it at every position; every match
    # holds "said" or "says" as printed, which `in` rules out sooner (0.012 -> 0.002 ms/doc).
    if "said" in sentence or "says" in sentence:
        candidates += [(m, False) for m in BARE_SAY.finditer(body, s_start, end)]
    candidates.sort(key=lambda item: item[0].start())
    for match, participle in candidates[:MAX_CUES_PER_SENTENCE]:
        if participle:
            mention = _clause_subject(body, s_start, match.start())
        else:
            mention = _subject_before(body, s_start, match.start("cue"))
        if mention is None:
            continue
        parsed = mention[1]
        if parsed.plural or (parsed.pronoun and parsed.pronoun not in PRONOUNS_SINGULAR):
            return None
        attribution = _attribution(reader, mention, match.group("cue"))
        if attribution.key is not None:
            return attribution, match.end(), end
    return None


def _printed_title(parsed: ParsedMention) -> str | None:
    """The title printed with the mention; "the official" and "the diplomat" print none."""
    return None if parsed.role in GENERIC_ROLES else parsed.title


def _is_quote_mark_only(body: str, start: int, pairs: list[tuple[int, int | None]]) -> bool:
    return any(open_at == start - 1 for open_at, _close in pairs)


def _trim_span(body: str, start: int, end: int, strip: str) -> tuple[int, int]:
    while start < end and body[start] in strip:
        start += 1
    while end > start and body[end - 1] in strip:
        end -= 1
    return start, end


def _emit(reader: _Reader, kind: str, attribution: _Attribution, start: int, end: int) -> None:
    person = reader.people.get(attribution.key) if attribution.key else None
    name = person.name if person else None
    title = (attribution.title or person.title) if person else None
    reader.quotes.append(
        Quote(kind, name, title, attribution.cue, reader.body[start:end], start, end)
    )
    if person is not None and attribution.key:
        reader.speakers_used.append(attribution.key)
        reader.last_speaker = attribution.key


# --- interviews -------------------------------------------------------------------------------


def _interview_layout(article: Article) -> tuple[set[int], set[int], set[int]]:
    """(answer, question, introduction) paragraph indexes; all empty for a news article."""
    if article.kind != "interview":
        return set(), set(), set()
    questions = {i for i, p in enumerate(article.paragraphs) if QUESTION_END.search(p.rstrip())}
    if not questions:
        return set(), set(), set()
    first = min(questions)
    answers = {i for i in range(first + 1, len(article.paragraphs)) if i not in questions}
    return answers, questions, set(range(first))


def _find_interviewee(reader: _Reader, spans: list[tuple[int, int]], intro: set[int]) -> str | None:
    """Who answers: "interviewed the RoK president", else the first person the intro names."""
    if not intro:
        return None
    lo, hi = spans[min(intro)][0], spans[max(intro)][1]
    for match in INTERVIEWED.finditer(reader.body, lo, hi):
        found = _mention_after(reader.body, match.end(), hi)
        if found:
            key = _resolve_subject(reader, found[0], found[2])
            if key:
                return key
    for position, key in reader.mentions:
        if lo <= position < hi:
            return key
    return None


def _add_interview(reader: _Reader, start: int, end: int, interviewee: str | None) -> None:
    text_start, text_end = _trim_span(reader.body, start, end, strip=" \t\n")
    if text_end > text_start:
        _emit(reader, "interview", _Attribution(interviewee, None, None), text_start, text_end)
