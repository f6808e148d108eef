"""Unnamed groups as speakers: a plural of people or bodies with a complement after its head.

News cites people it does not name by what they are and where they stand: "Vietnamese business
owners in Hanoi say …", "Analysts at Kiwoom Securities said …", "…, two people with knowledge of
the matter said", "…, according to officials familiar with the talks", "…, according to booking
data from Korean travel platforms"; a share of a group ("64% of the firms surveyed said"); one of
them ("…, one of the people said"); and one person so described ("…, an official at the prime
minister's office said"). The head of such a subject is the group noun; the words after it (a
place, an employer, what they know) only say which group, so the place or company printed last
is never the speaker ("Binh Duong", "Kiwoom Securities"). Such a statement is keyed with no
speaker (tests/corpus/README.md: "" cannot be resolved from the text), so the quote keeps
``speaker`` NULL and the group as printed.

The phrase must fill the subject's place whole: it opens its clause (the sentence, or after a
comma) with at most MODIFIERS words before the head, none of them a preposition or a linking
word ("The report on investors in Binh Duong said" is no group's), and the complement holds no
clause of its own (no comma, quotation, "who" or "that").
"""

from __future__ import annotations

import re
from dataclasses import replace

from vnrok_etl.speakers import GROUP_NOUNS, ParsedMention, fold, parse_mention

MODIFIERS = 3
# Group nouns of bodies rather than people: a share of them speaks as organisations.
ORGANISATION_GROUPS = frozenset(
    {"firms", "companies", "businesses", "banks", "agencies", "exporters", "importers",
     "manufacturers", "producers", "suppliers", "developers", "retailers", "operators", "platforms"}
)
# Where the complement after a group's head starts.
COMPLEMENT = re.compile(
    r"\s(?:in|at|from|with|across|around|near|of|familiar\s+with|close\s+to|based\s+in)\s"
)
# "one of the people", "some of those investors": a member or part of a group.
MEMBER_OF = re.compile(
    r"(?:one|some|many|most|several|two|three|a\s+few)\s+of\s+(?:the|those|these)\s+", re.IGNORECASE
)
# "booking data from", "figures from": a group's data speaks for the group.
DATA_OF = re.compile(
    r"(?:(?:the\s+)?[a-z]+\s+)?(?:data|figures|statistics|estimates|surveys?)\s+(?:from|by|of)\s+"
)
# Words that cannot stand before a group's head in its own subject.
NOT_MODIFIERS = frozenset(
    {"of", "by", "for", "to", "on", "about", "from", "with", "in", "at", "that", "which", "who",
     "and", "or", "but", "as", "said", "says", "say", "told", "according", "than", "while"}
)
# What a complement cannot hold: a clause of its own.
CLAUSE_WORDS = frozenset({"who", "that", "which", "said", "says", "say", "told", "and", "but"})
MAX_PHRASE = 120
# A group with a restrictive relative clause: "<up to four words> who <clause>" filling the subject.
RESTRICTIVE_WHO = re.compile(r"\s*(?P<head>[^\W\d_][\w\-]*(?:[ ][\w\-]+){0,3})[ ]who[ ][^,;:“”\"()]{3,180}?\s*")
MAX_WHO_PHRASE = 200
# A share of a group as the subject: "64% said", "about 40 percent of the firms surveyed said",
# "half of the respondents say", "most of them said": survey answers, no speaker.
SHARE = re.compile(
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|only|just)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|half|most|the\s+majority|a\s+third|a\s+quarter)"
    r"(?:\s+of\s+(?P<group>(?:the\s+|those\s+|them\b)?[^,;:“”\"()]{0,60}))?",
    re.IGNORECASE,
)
SHARE_STARTS = frozenset(
    {"about", "around", "some", "nearly", "almost", "over", "more", "only", "just", "half", "most",
     "the", "a"}
)
# Marks a subject phrase cannot hold: it would span a clause or a quotation.
CLAUSE_MARK = re.compile(r"[,;:“”\"()]")
# One unnamed person with a complement: "an official at the prime minister's office", "a source
# close to the company", "a spokesperson for the ministry", "a representative of GS E&C". The
# indefinite article says someone new: never a person named before (attribution.py).
SOMEONE = re.compile(
    r"(?P<head>an?\s+(?:[A-Za-z\-]+\s+){0,2}?(?:official|source|executive|spokesperson|spokesman|"
    r"spokeswoman|diplomat|person|analyst|insider|employee|officer|manager|banker|expert|representative))"
    r"\s+(?:at|of|from|with|in|for|close\s+to|familiar\s+with)\s+[^,;:“”\"()]{1,60}$",
    re.IGNORECASE,
)


def group_before(body: str, lo: int, hi: int) -> tuple[int, ParsedMention] | None:
    """The unnamed group whose subject phrase fills ``body[lo:hi]`` (leading space allowed)."""
    return _group(body, lo, hi)


def bare_group_before(body: str, lo: int, hi: int) -> tuple[int, ParsedMention] | None:
    """An unnamed group with no complement filling ``body[lo:hi]`` ("analysts", "Korean
    economists"), for a clause opened by a conjunction mid-sentence ("…, but analysts say …"),
    where the group is printed lowercase and no mention is read."""
    return _group(body, lo, len(body[:hi].rstrip()), bare=True)


def group_after(body: str, lo: int, hi: int) -> tuple[int, int, ParsedMention] | None:
    """The unnamed group (or its data) opening ``body[lo:hi]`` and running to ``hi``, as a
    post-posed source: "…, according to officials familiar with the matter"."""
    text = body[lo:hi]
    if len(text) > MAX_PHRASE:
        return None
    data = DATA_OF.match(text.lstrip())
    skip = len(text) - len(text.lstrip()) + (data.end() if data else 0)
    # After "according to" the source needs no complement: "…, according to Korean travel
    # platforms", "…, according to booking data from Korean travel platforms".
    found = _group(body, lo + skip, len(body[:hi].rstrip(" \t\n.!?")), bare=True)
    if found is None:
        return None
    return found[0], len(body[:hi].rstrip(" \t\n.!?")), found[1]


def _group(body: str, lo: int, hi: int, bare: bool = False) -> tuple[int, ParsedMention] | None:
    if hi <= lo or hi - lo > MAX_PHRASE and not (
        not bare and hi - lo <= MAX_WHO_PHRASE and body.find(" who ", lo, hi) >= 0
    ):
        return None
    text = body[lo:hi]
    if not bare and " who " in text and (who := RESTRICTIVE_WHO.fullmatch(text)) is not None:
        # "Twelve Vietnamese farmhands who came to Korea this spring say …": a group restricted
        # by a relative clause (no commas) is the subject; the clause only says which group.
        head = who.group("head")
        if not CLAUSE_MARK.search(text) and group_words(head, bare=True) is not None:
            return lo + len(text) - len(text.lstrip()), ParsedMention(head, "", None, None, None, None, plural=True)
        return None
    stripped = text.lstrip()
    start = lo + len(text) - len(stripped)
    phrase = stripped.rstrip()
    if not phrase or (not bare and not _may_be_group(phrase)) or CLAUSE_MARK.search(phrase):
        return None
    share = SHARE.fullmatch(phrase) if not bare else None
    if share is not None and (share.group("group") is not None or any(c.isdigit() for c in phrase)):
        return start, ParsedMention(phrase, "", None, None, None, None, plural=True)
    someone = SOMEONE.fullmatch(phrase) if not bare else None
    if someone is not None and not CLAUSE_WORDS.intersection(fold(phrase).split()):
        head = parse_mention(someone.group("head"))
        role = head.role or fold(someone.group("head")).rsplit(" ", 1)[-1]
        return start, replace(head, printed=phrase, role=role, organisation=None, org_head=None)
    head_phrase = group_words(phrase, bare)
    if head_phrase is None:
        return None
    return start, ParsedMention(phrase, "", None, None, None, None, plural=True)


def _may_be_group(phrase: str) -> bool:
    """A cheap first test (most subjects are a name, a title or a pronoun): only a phrase with a
    complement, a "for" (SOMEONE), a digit or a share's first word can be a group subject."""
    return (
        COMPLEMENT.search(phrase) is not None
        or " for " in phrase
        or phrase[0].isdigit()
        or phrase.split(" ", 1)[0].lower() in SHARE_STARTS
    )


def share_kind(phrase: str) -> str | None:
    """"organisation" or "person" for a share of a group as subject ("64% of member firms"),
    from the group's head when it is printed; None when ``phrase`` is no share."""
    share = SHARE.fullmatch(phrase)
    if share is None or (share.group("group") is None and not any(c.isdigit() for c in phrase)):
        return None
    words = fold(share.group("group") or "").split()
    heads = [word for word in words if word in GROUP_NOUNS]
    return "organisation" if heads and heads[0] in ORGANISATION_GROUPS else "person"


def group_words(phrase: str, bare: bool = False) -> list[str] | None:
    """The folded words of a group subject up to its head ("two people" of "two people with
    knowledge of the matter", "people" of "one of the people"), or None when ``phrase`` is no
    unnamed group with a complement or a member's "one of" (or, with ``bare``, a group alone)."""
    member = MEMBER_OF.match(phrase)
    rest = phrase[member.end() :] if member else phrase
    complement = COMPLEMENT.search(rest)
    if complement is None and member is None and not bare:
        return None
    words = fold(rest[: complement.start()] if complement else rest).split()
    if not words or len(words) > MODIFIERS + 1 or words[-1] not in GROUP_NOUNS:
        return None
    if any(word in NOT_MODIFIERS for word in words[:-1]):
        return None
    if complement is not None:
        tail = fold(rest[complement.end() :]).split()
        if not tail or len(tail) > 8 or CLAUSE_WORDS.intersection(tail):
            return None
    return words
