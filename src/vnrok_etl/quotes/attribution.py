"""Attribution: who a cue's subject is, and the state one article's reading builds up.

A mention resolves to a person of the article (``Reader.people``): full names are registered as
read, surnames and roles resolve against the people named before (``speakers.resolve_speaker``),
a pronoun to the nearest earlier person it can mean. An organisation subject ("the ministry",
"the Ministry of Industry and Trade") is a speaker of type ``organisation``. A mention that
resolves to nobody keeps its printed form in ``Quote.speaker_printed`` and a NULL speaker.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

from vnrok_etl.quotes.cues import cue_text
from vnrok_etl.quotes.mentions import mention_before, name_run_ends
from vnrok_etl.records import Quote, Speaker
from vnrok_etl.speakers import (
    GENERIC_ROLES,
    KNOWN_PEOPLE,
    PRONOUNS_SINGULAR,
    ParsedMention,
    fold,
    match_known,
    resolve_speaker,
)

# People offered to surname and role resolution, most recent first.
CONTEXT_PEOPLE = 64

@dataclass(frozen=True, slots=True)
class Attribution:
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
class Reader:
    """The state of one extraction: who is named where, and who spoke last."""

    body: str
    people: dict[str, _Person] = field(default_factory=dict)  # fold(canonical) -> person
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, fold(canonical))
    last_speaker: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    speakers_used: list[str] = field(default_factory=list)
    # Offsets of the body's double and single quotation marks, in order (body_marks).
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

# --- people -----------------------------------------------------------------------------------


def register_people(reader: Reader, sentences: list[tuple[int, int]]) -> None:
    """Note every printed person mention: full names first, then surnames that point at them."""
    body = reader.body
    pending: list[tuple[int, int, ParsedMention]] = []
    for start, end in name_run_ends(body, sentences):
        mention = mention_before(body, start, end)
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


def _note(reader: Reader, offset: int, parsed: ParsedMention) -> str | None:
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


def resolve_subject(reader: Reader, offset: int, parsed: ParsedMention) -> str | None:
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

def attribute(
    reader: Reader, mention: tuple[int, ParsedMention] | None, cue: str
) -> Attribution:
    if mention is None:
        return Attribution(None, cue_text(cue), None)
    m_start, parsed = mention
    key = resolve_subject(reader, m_start, parsed)
    return Attribution(key, cue_text(cue), _printed_title(parsed))

def _printed_title(parsed: ParsedMention) -> str | None:
    """The title printed with the mention; "the official" and "the diplomat" print none."""
    return None if parsed.role in GENERIC_ROLES else parsed.title

def emit(reader: Reader, kind: str, attribution: Attribution, start: int, end: int) -> None:
    person = reader.people.get(attribution.key) if attribution.key else None
    name = person.name if person else None
    title = (attribution.title or person.title) if person else None
    reader.quotes.append(
        Quote(kind, name, title, attribution.cue, reader.body[start:end], start, end)
    )
    if person is not None and attribution.key:
        reader.speakers_used.append(attribution.key)
        reader.last_speaker = attribution.key

