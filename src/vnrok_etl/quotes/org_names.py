"""Names of organisations as the text prints them: what a description names ("the labor
ministry" -> "labor ministry"), whether a description can mean a named organisation (the field
it names), the owner words an official name is printed with ("the Vietnamese Ministry of …"),
and the country a name holds. Pure functions of the printed text; ``quotes.attribution``
resolves them against the article's reader.
"""

from __future__ import annotations

import re

from vnrok_etl.quotes.mentions import NATIONALITY_WORDS
from vnrok_etl.speakers import COUNTRY_WORDS, ORG_HEADS, POSSESSIVE_WORD, fold

# Words of a description that do not tell one organisation from another.
DESCRIPTION_FILLERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "city", "city's", "city’s", "provincial",
     "municipal", "national", "state", "local", "central", "country", "country's", "country’s",
     "new", "main", "top", "general", "department", "office", "ministry", "agency"}
)
# "Vietnamese Ministry of Industry and Trade": a demonym that owns an official "<Head> of <field>" name.
OWNER_NATIONALITY = re.compile(
    r"^(?:South\s+|North\s+)?(?:Vietnamese|Korean|Chinese|Japanese|American|Thai|Indonesian|"
    r"Malaysian|Philippine|Singaporean|Lao|Cambodian|Indian|Australian|"
    # the country itself or its code as the owner: "the RoK Ministry of Justice"
    r"RoK|ROK|Korea|Vietnam|Viet\s+Nam|Japan|China)\s+"
    r"(?=(?:Ministry|Department|General\s+Department|Directorate|Administration)\s+(?:of|for)\s)"
)
# Words of a description that name no field of work: "the same ministry", "the relevant agency".
UNSPECIFIC_WORDS = frozenset(
    {"same", "relevant", "competent", "responsible", "concerned", "former", "current", "host",
     "two", "both", "other", "another", "whole", "entire", "said", "foreign-invested"}
)


def description_fits(printed: str, key: str) -> bool:
    """Whether a description ("the labor ministry", "the trade ministry") can mean the named
    organisation ``key``: every description that names a field ("labor", "trade", "health")
    must share it with the name ("Ministry of Labour, Invalids and Social Affairs", "Ministry of
    Industry and Trade"). Words compare by their first four letters, so spellings and forms
    meet ("labor"/"labour", "defense"/"defence", "agricultural"/"agriculture"). A description
    with no such word ("the ministry", "the Korean ministry") fits any organisation of its head.
    """
    fields = {
        word[:4] for word in fold(printed).split()
        if word not in DESCRIPTION_FILLERS and word not in UNSPECIFIC_WORDS and word not in COUNTRY_WORDS
        and word not in ORG_HEADS and not POSSESSIVE_WORD.search(word) and word.isalpha()
    }
    return not fields or not fields.isdisjoint(word[:4] for word in key.split())


def country_of(words: list[str]) -> str | None:
    return next((COUNTRY_WORDS[word] for word in words if word in COUNTRY_WORDS), None)


# A news outlet's kind printed in lowercase after its name: "Thanh Nien newspaper", "the Tuoi
# Tre daily" are Thanh Nien and Tuoi Tre ("Maeil Business Newspaper", capitalised, is a name).
# Read where a mention was parsed as a description with such a head (ORG_HEADS).
OUTLET_HEADS = frozenset({"newspaper", "daily", "paper", "magazine", "broadcaster", "weekly", "tabloid"})
# "State-run", "Seoul-based", "state-owned": what kind of body, not part of its name.
DESCRIPTOR_ADJECTIVE = re.compile(r"[A-Za-z]+-(?:run|based|owned|backed|controlled|funded)$")


def outlet_named(printed: str) -> str | None:
    """The name of an outlet printed as its name and its kind in lowercase ("State-run Thanh Nien
    newspaper" -> "Thanh Nien"); None when the words before the kind are not a capitalised name."""
    words = printed.split()
    if len(words) < 2 or words[-1] not in OUTLET_HEADS:
        return None
    name = words[:-1]
    while name and (name[0].casefold() == "the" or DESCRIPTOR_ADJECTIVE.fullmatch(name[0])):
        name = name[1:]
    if not name or not all(word[:1].isupper() for word in name):
        return None
    return " ".join(name)


def described_organisation(printed: str) -> str | None:
    """An organisation the article describes without naming, as printed: "the finance
    ministry" -> "finance ministry", "the country’s labor ministry" and "South Korea’s labor
    ministry" -> "labor ministry", "the
    Vietnamese labor ministry" -> "labor ministry" (a nationality, like a possessive, is the owner). A bare
    head noun ("the ministry") says too little to be a speaker row: None."""
    if (outlet := outlet_named(printed)) is not None:
        return outlet
    words = printed.split()
    # An owner of several capitalised words ends at its possessive: "South Korea’s", "Viet
    # Nam’s", "the United States’".
    for index, word in enumerate(words[:5]):
        if POSSESSIVE_WORD.search(word) or (index and word.endswith(("s’", "s'"))):
            words = words[index + 1:]
            break
        if not (word[:1].isupper() or word.casefold() == "the"):
            break
    while words and (words[0].casefold() == "the" or POSSESSIVE_WORD.search(words[0])):
        words = words[1:]
    # "the South Korean presidential office": the nationality is the owner, unless the head
    # alone would be left ("the RoK government" is the government of that country).
    nationality = 0
    while nationality < len(words) and words[nationality][:1].isupper() and fold(words[nationality]) in NATIONALITY_WORDS:
        nationality += 1
    if len(words) - nationality >= 2:
        words = words[nationality:]
    return " ".join(words) if len(words) >= 2 else None
