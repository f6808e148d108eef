"""From an attribution to a quote row: ``attribute`` resolves a cue's subject to a speaker (or
keeps its printed form), ``emit`` appends the quote and updates who spoke last, ``extend_last``
grows the last quote. Who a subject is, and the reading's state, are ``quotes.attribution``'s.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vnrok_etl.quotes.attribution import (
    Attribution,
    Reader,
    describe_person,
    resolve_subject,
)
from vnrok_etl.quotes.cues import cue_text
from vnrok_etl.quotes.groups import group_words, share_kind
from vnrok_etl.records import Quote
from vnrok_etl.speakers import (
    COMPANY_HEADS,
    GENERIC_ROLES,
    ORG_HEADS,
    ParsedMention,
    fold,
)

# Words of plural subjects that stand for the article's own parties, not an unnamed group.
PARTIES = frozenset(
    {"two", "both", "all", "sides", "side", "leaders", "parties", "countries", "nations",
     "delegations", "governments", "ministers", "heads", "presidents", "counterparts", "they",
     "we", "each", "these", "those"}
)

# A number opening a group without "the" counts its members ("two diplomats", "three officials
# said"); with a party word after it ("two sides", "both ministers") or "the" before it ("the two
# officials") it is the parties.
COUNTS = frozenset({"two", "three", "four", "five", "several"})
# "leaders of contractors", "leaders of Korean banks": whose leaders, after "of".
LEADERS_OF = re.compile(r"(?i)leaders\s+of\s+(.+)$")


def attribute(
    reader: Reader,
    mention: tuple[int, ParsedMention] | None,
    cue: str,
    mention_end: int | None = None,
) -> Attribution:
    """The attribution of a cue to its subject ``mention`` (None: no subject was found).

    With ``mention_end``, an apposition after the mention ("said Park Noh Wan, RoK Ambassador to
    Viet Nam") is the printed title when the mention has none. An unresolved subject keeps its
    printed form, and its kind when it still names one speaker (``unresolved_but_singular``).
    """
    if mention is None:
        return Attribution(None, cue_text(cue), None)
    m_start, parsed = mention
    key = resolve_subject(reader, m_start, parsed)
    title = _printed_title(parsed)
    if key is not None:
        person = reader.people[key]
        if mention_end is not None and person.kind == "person":
            described = describe_person(reader, key, mention_end)
            title = title or described
        return Attribution(key, cue_text(cue), title, person.kind)
    kind = None
    if unresolved_but_singular(parsed):
        kind = "organisation" if parsed.organisation is not None else (unnamed_group(parsed) or "person")
    return Attribution(None, cue_text(cue), title, kind, parsed.printed)


def unresolved_but_singular(parsed: ParsedMention) -> bool:
    """Whether a subject that resolved to nobody still says who spoke: a singular pronoun, a
    role, a titled surname or an organisation ("he", "the ambassador", "President Lee", "the
    agency"), or a group the article never names ("analysts", "travel agencies"); not a bare
    capitalised word ("Lee", which may be anything), nor the parties the article is about
    ("the two leaders", "both sides", "they"), which report what was agreed, not said."""
    return bool(
        (parsed.pronoun and not parsed.plural)
        or (parsed.role and not parsed.name)
        or (parsed.name and parsed.title)
        or parsed.organisation is not None
        or unnamed_group(parsed) is not None
    )


def unnamed_group(parsed: ParsedMention) -> str | None:
    """"person" or "organisation" for a plural subject naming an unnamed group ("Analysts",
    "Travel agencies", "the organisers"); None for anything else."""
    if not parsed.plural or parsed.pronoun or parsed.name:
        return None
    if (share := share_kind(parsed.printed)) is not None:
        return share  # "64% said", "half of the respondents say"
    # "two people with knowledge of the matter", "one of the people": the head, not the
    # complement, says what the group is (groups.py).
    words = group_words(parsed.printed) or fold(parsed.printed).split()
    if words and words[-1] == "people":
        return "person"  # "two people" are no parties: "two" counts them
    if words == ["leaders"] and (led := LEADERS_OF.match(parsed.printed)) is not None and (
        PARTIES.isdisjoint(fold(led.group(1)).split())
    ):
        return "person"  # "leaders of contractors": heads of a kind of body, not the two parties
    if words and words[0] in COUNTS and len(words) > 1 and PARTIES.isdisjoint(words[1:]):
        words = words[1:]  # "two diplomats in Hanoi told …": a count of unnamed people, no parties
    if not words or PARTIES.intersection(words) or not words[-1].endswith("s"):
        return None
    singular = words[-1][:-3] + "y" if words[-1].endswith("ies") else words[-1].rstrip("s")
    return "organisation" if singular in ORG_HEADS or singular in COMPANY_HEADS else "person"


def _printed_title(parsed: ParsedMention) -> str | None:
    """The title printed with the mention; "the official" and "the diplomat" print none."""
    return None if parsed.role in GENERIC_ROLES else parsed.title


def emit(reader: Reader, kind: str, attribution: Attribution, start: int, end: int) -> None:
    person = reader.people.get(attribution.key) if attribution.key else None
    name = person.name if person else None
    title = (attribution.title or person.title) if person and person.kind == "person" else None
    speaker_type = person.kind if person else attribution.kind
    printed = None if person else attribution.printed
    reader.quotes.append(
        Quote(kind, name, title, attribution.cue, reader.body[start:end], start, end,
              speaker_type, printed)
    )
    reader.add_quoted(start, end)
    if person is not None and attribution.key:
        reader.speakers_used.append(attribution.key)
        if person.kind == "person":
            reader.last_speaker = attribution.key
        else:
            reader.last_organisation = attribution.key


def extend_last(reader: Reader, end: int) -> None:
    """Grow the last quote to end at ``end`` (more of the same quotation). The attribution it
    now spans stays outside quoted content: its speaker is still a pronoun's antecedent."""
    quote = reader.quotes[-1]
    reader.quotes[-1] = replace(quote, text=reader.body[quote.start_char : end], end_char=end)
