"""A cue's subject: who speaks, found before the cue across an apposition, a relative clause,
a located mission or office, or a coordinated verb (``subject_before``, ``clause_subject``), and
whether a post-posed subject ends its clause (``clause_end``). The mentions themselves are read
by ``quotes.mentions``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from vnrok_etl.quotes.cues import CLAUSE_COMMA, COORDINATED
from vnrok_etl.quotes.groups import MAX_PHRASE as GROUP_PHRASE
from vnrok_etl.quotes.groups import bare_group_before, group_before, group_words
from vnrok_etl.quotes.mentions import (
    APPOSITION_CHARS,
    CLAUSE_CLOSERS,
    COMPLEMENT_START,
    MENTION_WINDOW,
    MISSIONS,
    NAME_COMPLEMENT,
    OF_THE,
    SOURCE_TAIL,
    TRAILING_ADVERB,
    TRAILING_DATE,
    mention_after,
    mention_before,
)
from vnrok_etl.speakers import FAMILY_NAMES, TITLE_WORDS, ParsedMention, fold, split_title

# "Embassy in Seoul said", "office in the Republic of Korea said": a mission or office and where
# it is, right before the cue (the place is MISSION_PLACE's, with an optional "the").
MISSION_LOCATED = re.compile(
    r"(?P<head>[A-Za-z]+)(?P<place>\s+in\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'\-]*){0,3})\s*$"
)
# "Embassy of Viet Nam", "Consulate of Korea", "Embassy of the Republic of Korea": a mission
# named by its country, the country's words (capitalised, "of" between) running to the end of
# the window.
MISSION_OF = re.compile(
    r"\b(?:Embassy|Consulate(?:\s+General)?|Mission)\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w’'\-]*){0,4}\s*$"
)
MISSION_NAME_CHARS = 60
# "such as A, B and C… all": capitalised example names up to the cue, with "all"/"both" after.
SUCH_AS_CHARS = 160
EXAMPLE_NAMES = re.compile(
    r" such as (?:[A-Z][\w’'&\-.]*(?: [A-Z&][\w’'&\-.]*)*(?:,| and|, and)? ?)+(?:…|\.\.\.)?"
    r"(?: (?:all|both|each|have|has|had|also))* ?"
)
RELATIVE_WHICH = re.compile(r",\s+which\s+$")
RELATIVE_WHO = re.compile(r",\s+who\s+$")
AGE_BEFORE_WHO = re.compile(r",\s+\d{1,3}(?:-year-old)?\s*$")
# An adverbial set off by commas between a subject and its cue: when, where or how it was said.
ADVERBIAL_BETWEEN = re.compile(
    r"\s*(?:during|at|in|on|after|before|following|when|while|speaking|addressing)\s", re.IGNORECASE
)
# A sentence adverb with its comma opening the sentence ("However, …", "Meanwhile, …"); none is
# longer than OPENING_ADVERB_CHARS, so a comma further on is not tried.
OPENING_ADVERB_CHARS = 26
OPENING_ADVERB = re.compile(
    r"\s*(?:However|Meanwhile|Still|Nevertheless|Nonetheless|Moreover|Furthermore|Besides|"
    r"Separately|Similarly|Likewise|Instead|Overall|Yet|In\s+addition|In\s+contrast|By\s+contrast|"
    r"At\s+the\s+same\s+time|For\s+now|So\s+far)\s*"
)
# A coordinating conjunction that opens the clause after a comma ("…, but analysts say …").
CLAUSE_CONJUNCTION = re.compile(r"\s*(?:but|and|yet|while|whereas|so)\s+")
LOCATED_HEADS = frozenset({"office", "branch", "bureau", "general", "representative"})


def _person_like(parsed: ParsedMention) -> bool:
    """A full name that reads as a person's on its own: titled ("Mr. Kwon Sang-min") or opened
    by a family name ("Nguyen Van Hoa"); not a company ("Hansol Electronics Vina")."""
    name = parsed.name or ""
    return " " in name and (bool(parsed.title) or fold(name.split(" ", 1)[0]) in FAMILY_NAMES)


def person_with_complement(body: str, lo: int, hi: int) -> tuple[int, ParsedMention] | None:
    """A person mention ending at ``hi`` after a place or body it belongs to: "Ambassador Nguyen
    Duc Thang of Viet Nam in Seoul", "Kim Min-ji from Seoul National University"."""
    # Speed: try the complement only where a preposition starts one, not at every character.
    match = None
    for preposition in COMPLEMENT_START.finditer(body, max(lo, hi - APPOSITION_CHARS), hi):
        if (match := NAME_COMPLEMENT.match(body, preposition.start(), hi)) is not None:
            break
    if match is None:
        return None
    mention = mention_before(body, lo, match.start())
    if mention is None or not mention[1].name or " " not in mention[1].name:
        return None
    return mention


def subject_before(body: str, s_start: int, cue_start: int) -> tuple[int, ParsedMention] | None:
    """The cue's subject: right before it, before an apposition ("Nguyễn Văn Thảo, Director of
    …, said"), or the clause's when the verb is coordinated ("Kim said: “…,” and added: “…”")."""
    if COORDINATED.search(body, max(s_start, cue_start - 12), cue_start):
        return clause_subject(body, s_start, cue_start)
    # Speed: both tests below start with a str test (a regex search over the window before
    # every cue cost more than the rest of this function).
    which = (
        RELATIVE_WHICH.search(body, max(s_start, cue_start - 10), cue_start)
        if body.rfind("which", max(s_start, cue_start - 8), cue_start) >= 0 else None
    )
    if which is not None:
        # "…the Korea Arts Management Service, which said ticket sales …": the body the relative
        # clause hangs on speaks; "which", not "who", so an organisation.
        found = mention_before(body, s_start, which.start())
        if found is not None and found[1].name and not found[1].title:
            start, parsed = found
            return start, replace(parsed, name="", title=None, organisation=parsed.name, org_head=None)
        return found if found is not None and found[1].organisation is not None else None
    if body.startswith("who", cue_start - 4) and (
        who := RELATIVE_WHO.search(body, max(s_start, cue_start - 8), cue_start)
    ):
        # "Tran Van Quy, 24, who said he had repaired engines since he was a teenager, was …":
        # the person the relative clause hangs on speaks ("who", not "which": a person).
        hi = who.start()
        if (age := AGE_BEFORE_WHO.search(body, max(s_start, hi - 20), hi)) is not None:
            hi = age.start()
        found = mention_before(body, s_start, hi)
        return found if found is not None and _person_like(found[1]) and not found[1].organisation else None
    inside = body.rfind(" in ", max(s_start, cue_start - MENTION_WINDOW), cue_start)
    located = None
    if inside > s_start:
        head_start = body.rfind(" ", s_start, inside) + 1
        located = MISSION_LOCATED.match(body, max(s_start, head_start), cue_start)
    if located is not None and located.group("head").casefold() in MISSIONS | LOCATED_HEADS:
        # "The Vietnamese Embassy in Seoul said", "Samsung's office in Hanoi said": where the
        # mission or office is says which one, not who spoke; the subject ends before it.
        cue_start = located.start("place")
    elif located is not None and (mission := _mission_of(body, s_start, located.start("place"))):
        # "the Embassy of Viet Nam in the Republic of Korea announced": a mission named by its
        # country keeps where it is in its name, as the registry names it (``organisation_names``).
        start, parsed = mission
        name = " ".join(body[start : located.end("place")].split())
        return start, replace(parsed, printed=name, organisation=name)
    # "Korean investors in Binh Duong said": an unnamed group's complement names no speaker.
    comma = body.rfind(",", max(s_start, cue_start - GROUP_PHRASE), cue_start)
    lo = comma + 1 if comma >= 0 else s_start
    conjunction = CLAUSE_CONJUNCTION.match(body, lo, cue_start)
    if conjunction is not None:
        lo = conjunction.end()  # "…, but analysts say most of them …": the clause after "but"
    group = group_before(body, lo, cue_start)
    if group is None and (
        conjunction is not None
        or 0 <= comma - s_start <= OPENING_ADVERB_CHARS and OPENING_ADVERB.fullmatch(body, s_start, comma) is not None
    ):
        # "However, some analysts caution that …": an adverb opening the sentence is no part of
        # the subject, which starts after its comma as it does after "but".
        group = bare_group_before(body, lo, cue_start)
    if group is not None:
        return group
    if (examples := body.find(" such as ", max(s_start, cue_start - SUCH_AS_CHARS), cue_start)) >= 0 and (
        group := _group_with_examples(body, s_start, examples, cue_start)
    ) is not None:
        return group
    mention = mention_before(body, s_start, cue_start)
    if mention is not None and _placed_name(body, s_start, mention):
        mention = None  # "One manager at a Korean supplier in Bac Ninh put it": where, not who
    if (mention is None or not _person_like(mention[1])) and (
        person := titled_apposition_person(body, s_start, len(body[:cue_start].rstrip()))
    ) is not None and (mention is None or mention[0] > person[0]):
        return person
    if mention is None:
        mention = person_with_complement(body, s_start, len(body[:cue_start].rstrip()))
    elif (person := _titled_person_of(body, s_start, mention, cue_start)) is not None:
        return person
    if mention is not None and mention[1].organisation:
        # "Vice Chairwoman Đỗ Thị Hạnh of the Korea-Viet Nam Business Association said": the
        # organisation completes the person's title; the person is the subject.
        person = _person_of(body, s_start, mention[0])
        if person is not None:
            return person
    lo = max(s_start, cue_start - MENTION_WINDOW)
    before = body[lo:cue_start].rstrip()
    if mention is not None:
        return mention
    # "…, reportedly said", "…, a Korean maker of robots, today announced": an adverb or a date
    # between the apposition's comma and the cue.
    while (adverb := TRAILING_ADVERB.search(before) or TRAILING_DATE.search(before)) is not None:
        before = before[: adverb.start()].rstrip()
    if not before.endswith(","):
        return None
    close = lo + len(before) - 1
    open_ = body.rfind(",", max(s_start, close - APPOSITION_CHARS), close)
    if open_ < 0:
        return None
    if ADVERBIAL_BETWEEN.match(body, open_ + 1, close) is not None and (
        found := subject_before(body, s_start, len(body[:open_].rstrip()))
    ) is not None:
        # "Leaders of several Korean groups, during separate meetings with … on December 1,
        # said …": an adverbial between commas is no apposition; the subject comes before it.
        return found
    # "Its Vietnam director, Mr. Kwon Sang-min, said": the name is the apposition.
    inner = mention_before(body, open_ + 1, close)
    if inner is not None and _person_like(inner[1]) and not body[open_ + 1 : inner[0]].strip():
        return inner
    mention = mention_before(body, s_start, open_)
    if (
        mention is not None and mention[1].plural and not mention[1].pronoun
        and body.startswith(" who ", open_ + 1) and group_words(mention[1].printed, bare=True)
    ):
        # "The workers, who harvested cabbages in Goesan, told …": an unnamed group described by
        # a relative clause between commas is the subject, as it is with no clause.
        return mention
    if (
        mention is not None and body.startswith(" which ", open_ + 1)
        and (person := titled_apposition_person(body, s_start, open_)) is not None
    ):
        return person  # "Lim Jae-sung, vice chairman of Hanbit Logistics, which runs …, said"
    if mention is not None and mention[1].organisation and not mention[1].name:
        return mention  # "Hanbit Robotics Co., Ltd., a maker of robots, said": a named body
    if mention is None or not (mention[1].name or mention[1].role):
        return None
    if body.startswith(" which ", open_ + 1) and mention[1].name:
        # "Emart, which operates in Vietnam through a partner, said": "which", not "who", so a
        # company or body, not a person.
        start, parsed = mention
        return start, replace(parsed, name="", title=None, organisation=parsed.name, org_head=None)
    title, _country = split_title(body[open_ + 1 : close])
    start, parsed = mention
    return start, replace(parsed, title=title) if title and not parsed.title else parsed

# A locative preposition right before a name: the name says where the subject is.
LOCATIVE_BEFORE = re.compile(r"(?<!\w)(?:in|at|near|across)\s+$")


def _placed_name(body: str, s_start: int, mention: tuple[int, ParsedMention]) -> bool:
    """Whether the mention before a cue is a bare name printed after a locative preposition
    ("… a Korean supplier in Bac Ninh said", "… officials at Dong Nai put it"): a place that
    completes the subject's description, never the subject. Titled names, names opened by a
    family name ("… at Nguyen Van Hoa's shop" is a person's) and organisations keep their
    reading, and so does a name after the place's comma ("Back in Nghe An, Mai said")."""
    start, parsed = mention
    if not parsed.name or parsed.title or parsed.pronoun or parsed.organisation is not None:
        return False
    if _person_like(parsed):
        return False
    # The name itself, not the mention's start: "Back in Nghe An, Mai said" is Mai's.
    name_at = body.find(parsed.name, start)
    return name_at >= 0 and LOCATIVE_BEFORE.search(body, max(s_start, name_at - 8), name_at) is not None


def titled_apposition_person(body: str, s_start: int, hi: int) -> tuple[int, ParsedMention] | None:
    """The person a title apposition ending at ``hi`` describes, when the body named at the
    title's end would otherwise be taken for the subject: the apposition's closing comma left out
    ("Nguyen Quoc Thang, Director General of the Department of Industry under the Ministry of
    Industry and Trade said, “…”", "Dr. Pham Van Hieu, President of HKFA in the first term said
    that …"), or a relative clause hung on that body ("Lim Jae-sung, vice chairman of Hanbit
    Logistics, which runs warehouses in 14 countries, said …"). The body, or a place after it
    ("Chairman of the Vietnam Seafood Club in Busan said"), is where the person works, not who
    spoke. Only when the words after the comma open with a title word and the words before it end
    with a person's full name (titled, or opened by a family name); the caller keeps a person-like
    mention found after the comma."""
    comma = body.rfind(",", max(s_start, hi - APPOSITION_CHARS), hi)
    if comma < 0:
        return None
    first = body[comma + 1 : comma + 40].split(None, 1)
    if not first or fold(first[0]) not in TITLE_WORDS:
        return None
    person = mention_before(body, s_start, comma)
    if person is None or person[1].organisation or not _person_like(person[1]):
        return None
    return person


def _titled_person_of(body: str, s_start: int, mention: tuple[int, ParsedMention], cue_start: int
                      ) -> tuple[int, ParsedMention] | None:
    """"Professor Choi Yoon-seok of Hankuk University of Foreign Studies said", "Dr. Lee Min-ho of
    the Korea Institute for International Economic Policy said": read whole, the mention runs on
    through the "of"s and "for"s and a word or words of the body's name are taken for the person's
    ("Studies", "International Economic Policy"). When the name read so is no person's, the
    speaker is the person named before the first "of", if that is a titled or family-name full
    name (person_before_of)."""
    start, parsed = mention
    found = person_before_of(body, start, cue_start, parsed, lambda hi: mention_before(body, s_start, hi))
    return found


def person_before_of(body: str, start: int, end: int, parsed: ParsedMention, read) -> tuple | None:
    """The person of a mention "<person> of <body>" read whole as one name (see
    _titled_person_of): ``read(hi)`` reads the mention ending at ``hi``; None unless the whole is
    no person's name and the part before the first " of " is a person's full name."""
    if " of " not in parsed.printed or _person_like(parsed) and not _org_like_name(parsed):
        return None
    of_at = body.find(" of ", start, end)
    if of_at <= start:
        return None
    person = read(of_at)
    if person is None or not _person_like(person[-1]):
        return None
    return person


def _org_like_name(parsed: ParsedMention) -> bool:
    """A name read from a title run that is one word ("Studies")."""
    return " " not in (parsed.name or "")


def _group_with_examples(body: str, s_start: int, examples: int, cue_start: int) -> tuple[int, ParsedMention] | None:
    """"Korean retailers such as Lotte Mart and Emart said …", "leaders of contractors such as
    A, B and C… all said": names given as examples of a group are members, not the speakers; the
    group (its phrase from the clause's start to "such as") is the subject, with no speaker."""
    if EXAMPLE_NAMES.fullmatch(body, examples, cue_start) is None:
        return None
    comma = body.rfind(",", max(s_start, examples - GROUP_PHRASE), examples)
    lo = comma + 1 if comma >= 0 else s_start
    phrase = body[lo:examples].strip()
    if not phrase or group_words(phrase, bare=True) is None:
        return None
    return lo + len(body[lo:examples]) - len(body[lo:examples].lstrip()), ParsedMention(
        phrase, "", None, None, None, None, plural=True
    )


def _mission_of(body: str, s_start: int, hi: int) -> tuple[int, ParsedMention] | None:
    """The mission named by its country right before ``hi``: "the Embassy of Viet Nam" (before
    " in the Republic of Korea"), its start after any "the"."""
    if MISSION_OF.search(body, max(s_start, hi - MISSION_NAME_CHARS), hi) is None:
        return None
    found = mention_before(body, s_start, hi)
    if found is None or not found[1].organisation or MISSIONS.isdisjoint(fold(found[1].organisation).split()):
        return None
    start = found[0]
    if body.startswith(("The ", "the "), start):
        start += 4
    return start, found[1]


def _person_of(body: str, s_start: int, organisation_start: int) -> tuple[int, ParsedMention] | None:
    """The person named right before "of (the) <organisation>" starting at ``organisation_start``."""
    before = body[max(s_start, organisation_start - 8) : organisation_start]
    match = OF_THE.search(before)
    if match is None:
        return None
    hi = organisation_start - len(before) + match.start()
    mention = mention_before(body, s_start, hi)
    if mention is None or not mention[1].name or len(mention[1].name.split()) < 2:
        return None
    return mention


# An opening participle phrase ("Speaking at the forum, X …", "Agreeing with Minister Park, X
# …", "Responding to questions, X …"): its capitalised first word is no name, and the names in it
# are who was spoken with or about, not the clause's subject. A participle with its object
# ("Opening the session, Ms. X, Head of …, introduced … and said …", "Welcoming the delegation,
# X …") is one too.
OPENING_PARTICIPLE = re.compile(
    r"[A-Z][a-z]+ing[ ]+(?:with|at|to|on|in|about|after|before|from|for|of|during|the|a|an|his|"
    r"her|its|their)\b"
)


def clause_subject(body: str, s_start: int, cue_start: int) -> tuple[int, ParsedMention] | None:
    """Subject of the clause a participle hangs on: the first mention at a clause start that
    is not an opening participle phrase (OPENING_PARTICIPLE)."""
    # The subject opens the sentence or follows an opening clause or two ("Speaking at …, X").
    starts = [s_start] + [m.end() for m in islice(CLAUSE_COMMA.finditer(body, s_start, cue_start), 3)]
    for start in starts:
        if OPENING_PARTICIPLE.match(body, start):
            continue
        found = mention_after(body, start, cue_start)
        if found:
            return found[0], found[2]
    return None


# "”, said Mr. Park with a laugh.", "” said Kim in an interview.": how, where or when the speaker
# said it, up to the sentence's end, with no further quotation (after a closing mark only: in
# reported speech "… told participants that … in Korean had tripled" is no such phrase).
MANNER_AFTER_SPEAKER = re.compile(r"\s+(?:with|in|at|during|after|before|while)\s[^“”\"]{1,80}$")
# "”, said a woman who has worked at the factory for 11 years and declined to be named.": a
# relative clause describing the inverted speaker, up to the sentence's end, with no quotation.
RELATIVE_AFTER_SPEAKER = re.compile(r",?\s+who\s[^“”\"]{1,240}$")


def clause_end(body: str, mention_end: int, end: int) -> bool:
    """Whether a post-posed subject ends its clause: nothing but closing punctuation follows,
    or an apposition or adverbial after a comma ("…, said Park Noh Wan, RoK Ambassador …")."""
    rest = body[mention_end:end]
    # "according to the Foreign Investment Agency (FIA)", "… Korea Customs Service data":
    # an abbreviation or the kind of source after the name.
    rest = rest[len(SOURCE_TAIL.match(rest).group(0)) :]
    if not rest.strip(CLAUSE_CLOSERS):
        return True
    return rest.startswith(",") and not any(mark in rest for mark in "“”\"")
