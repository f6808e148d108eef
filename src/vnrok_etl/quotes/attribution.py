"""Attribution: who a cue's subject is, and the state one article's reading builds up.

A mention resolves to a person of the article (``Reader.people``): full names are registered as
read, surnames and roles resolve against the people named before (``speakers.resolve_speaker``),
a pronoun to the nearest earlier person it can mean. An organisation subject ("the ministry",
"the Ministry of Industry and Trade") is a speaker of type ``organisation``. A mention that
resolves to nobody keeps its printed form in ``Quote.speaker_printed`` and a NULL speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field, replace

from vnrok_etl.profiles import AGENCY_CODES, AGENCY_NAMES, MASTHEADS
from vnrok_etl.quotes.mentions import (
    APPOSITION,
    NOT_NAMES,
    SHORT_APPOSITION,
    POSSESSIVE_END,
    ROLE_HEADS,
    apposition_after,
    mention_after,
    mention_before,
    name_run_ends,
    organisation_names,
    run_mention,
)
from vnrok_etl.quotes.org_names import (
    DESCRIPTION_FILLERS,
    OWNER_NATIONALITY,
    country_of,
    described_organisation,
    description_fits,
)
from vnrok_etl.records import Quote, Speaker
from vnrok_etl.sentences import lowered_body
from vnrok_etl.speakers import (
    COMPANY_HEADS,
    COUNTRY_WORDS,
    DOCUMENT_MENTION,
    FAMILY_NAMES,
    GENERIC_ROLES,
    KNOWN_PEOPLE,
    OCCUPATION_ROLES,
    ORG_HEADS,
    ORG_WORDS,
    PRONOUNS_SINGULAR,
    TITLE_WORDS,
    ParsedMention,
    fits_role,
    fold,
    is_person_name,
    match_known,
    parse_mention,
    parse_organisation,
    resolve_speaker,
)

# People offered to surname and role resolution, most recent first.
CONTEXT_PEOPLE = 64
ORG_JOINERS = frozenset({"of", "and", "for", "the", "&"})
# Owners that are places: "the city's statistics office" speaks for itself, not for the city.
PLACE_HEADS = frozenset({"city", "province", "country", "state"})
OWNER = re.compile(r"(?:the\s+)?([a-z]+)['’]s\s", re.IGNORECASE)
INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)
# A place noun after a name makes it a place: "Nam Dinh province", "Le Loi street".
PLACE_AFTER = re.compile(
    r"\s+(?:province|city|district|ward|commune|street|road|avenue|bridge|river|lake|"
    r"mountain|island|bay|beach|port|airport|station|town|village|county|square|park|temple|"
    r"pagoda|market|hospital|school|university|stadium|hall|complex|cities|counties)s?\b",
    re.IGNORECASE,
)
# Capitalised words that end the name of a site, never a person's ("Que Vo Industrial Park",
# "Tran Phu Street"): PLACE_AFTER's nouns and the words of industrial zones.
SITE_WORDS = frozenset(
    "province city district ward commune street road avenue bridge river lake mountain island bay "
    "beach port airport station town village county square park temple pagoda market hospital "
    "school university stadium hall complex industrial zone economic hi-tech export processing".split()
)
# A locative preposition right before an untitled name makes it a place: "in Lam Dong".
PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|inside|outside|near)\s+$", re.IGNORECASE)
# What follows a business that opens a sentence: a verb, a possessive or an apposition.
BUSINESS_GOES_ON = re.compile(r"\s+[a-z]|['’]s?\s|,\s+(?:a|an|the|one|its|which)\s")
# Person mentions looked back through for a pronoun's antecedent.
PRONOUN_LOOKBACK = 64


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who (person key, None when unresolved), with which cue and printed title; ``kind`` is
    the subject's type (person, organisation) and ``printed`` the subject as printed."""

    key: str | None
    cue: str | None
    title: str | None
    kind: str | None = None
    printed: str | None = None


@dataclass(slots=True)
class _Person:
    """A person or organisation as this article prints them, built up while reading."""

    name: str
    title: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: str = "person"
    # Folded appositions and head noun ("an economist at a Seoul university", "ministry"): what
    # a later role description ("the economist", "the ministry") can refer to.
    descriptions: list[str] = field(default_factory=list)

    def speaker(self) -> Speaker:
        return Speaker(self.name, self.title, self.country, tuple(self.aliases), self.kind)


@dataclass(slots=True)
class Reader:
    """The state of one extraction: who is named where, and who spoke last."""

    body: str
    people: dict[str, _Person] = field(default_factory=dict)  # fold(canonical) -> person
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, fold(canonical))
    last_speaker: str | None = None
    last_organisation: str | None = None  # what "it said" means
    quotes: list[Quote] = field(default_factory=list)
    speakers_used: list[str] = field(default_factory=list)
    # Offsets of the body's double and single quotation marks, in order (body_marks).
    double_marks: list[int] = field(default_factory=list)
    single_marks: list[int] = field(default_factory=list)
    # (start, end) of quoted content so far, sorted: quotations and the quotes' texts. A person
    # named in there is talked about, not talking: never a pronoun's antecedent.
    quoted: list[tuple[int, int]] = field(default_factory=list)
    # Folded abbreviations printed after an organisation's name ("(MoIT)") -> its key.
    abbreviations: dict[str, str] = field(default_factory=dict)
    organisations_noted: bool = False
    # Offsets of person mentions printed as possessives ("Chinh's visit"): never antecedents.
    possessives: set[int] = field(default_factory=set)
    # " " + body.lower() when that keeps every offset (cues.has_cue_word), else None.
    lowered: str | None = None
    # Photo captions cleaning removed (Article.removed): where a surname the body never gives in
    # full may be named ("LG Energy Solution CEO Kim Dong-myung (second from right) …").
    captions: tuple[str, ...] = ()
    caption_people: dict[str, dict[str, ParsedMention]] | None = None  # _caption_people, lazily

    def __post_init__(self) -> None:
        lowered = " " + lowered_body(self.body)
        self.lowered = lowered if len(lowered) == len(self.body) + 1 else None

    def context_keys(self, offset: int) -> list[str]:
        """Keys of people named before ``offset``, least recent first, the last speaker last.

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
        return [k for k in keys if k in self.people]

    def context(self, offset: int) -> list[Speaker]:
        """The people of ``context_keys`` (persons only), as speakers."""
        people = (self.people[k] for k in self.context_keys(offset))
        return [person.speaker() for person in people if person.kind == "person"]

    def is_quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quoted content read so far."""
        index = bisect_right(self.quoted, (offset, float("inf"))) - 1
        return index >= 0 and self.quoted[index][0] <= offset < self.quoted[index][1]

    def add_quoted(self, start: int, end: int) -> None:
        insort(self.quoted, (start, end))


# --- people -----------------------------------------------------------------------------------


def register_people(reader: Reader, sentences: list[tuple[int, int]]) -> None:
    """Note every printed person mention: full names first, then surnames that point at them.
    Organisations named in full are noted when first needed (``_note_organisations``)."""
    body = reader.body
    pending: list[tuple[int, int, ParsedMention]] = []
    # The first and last words of the full names read so far: a later "Hai" or "Park" alone is
    # that person again, and a pronoun's antecedent ("Hai made the remarks … he said").
    surnames: set[str] = set()
    for start, end, own_start in name_run_ends(body, sentences, surnames):
        # Speed: a run worth parsing as it stands needs no walk back over a title.
        mention = run_mention(body, own_start, end) if own_start >= 0 else mention_before(body, start, end)
        if mention is None:
            continue
        m_start, parsed = mention
        if not parsed.name:
            continue
        if _full_name(parsed.name) or match_known(parsed.name):
            if parsed.title or match_known(parsed.name) or _family_name_first(body, parsed, m_start, end):
                key = _note(reader, m_start, parsed)
                if key is not None:
                    describe_person(reader, key, end)
                    words = fold(parsed.name).split()
                    surnames.update((words[0], words[-1]))
                    _mark_possessive(reader, m_start, end)
        elif parsed.title or fold(parsed.name) in surnames:
            pending.append((m_start, end, parsed))
    for m_start, end, parsed in pending:
        if _note(reader, m_start, parsed) is not None:
            _mark_possessive(reader, m_start, end)


def _mark_possessive(reader: Reader, start: int, end: int) -> None:
    """Remember a mention printed as a possessive ("Prime Minister Pham Minh Chinh's visit"):
    it names whose something is, not who speaks next, so no pronoun goes back to it."""
    if reader.body.endswith(("'s", "’s", "'", "’"), start, end):
        reader.possessives.add(start)


def _family_name_first(body: str, parsed: ParsedMention, start: int, end: int) -> bool:
    """Whether an untitled full name reads as a person's: it starts with a Vietnamese or Korean
    family name ("Nguyen Van Hoa", "Lee Hye-jin") and is no place: not followed by a place noun
    ("Nam Dinh province", but "Nguyen Thi Mai's village" is hers) nor printed after a locative
    preposition ("costs in Lam Dong", "plants across Bac Ninh"), where a province or city is
    named bare; nor does it hold, after its first word, a capitalised site or organisation word
    ("Vo Industrial Park", "Tran Phu Street", "Le Loi Hospital"): no person's name does."""
    words = fold(parsed.name or "").split()
    if not words or words[0] not in FAMILY_NAMES:
        return False
    if any(word in SITE_WORDS or word in ORG_WORDS for word in words[1:]):
        return False  # "(Que) Vo Industrial Park", "Ly Thai To Street": a site named after no one here
    if PLACE_BEFORE.search(body, max(0, start - 12), start) is not None:
        return False
    if body[end - 1 : end] in ("'", "’") or body[end - 2 : end] in ("'s", "’s"):
        return True  # "Nguyen Thi Mai's village": what follows a possessive is the person's
    following = PLACE_AFTER.match(body, end)
    return following is None


def describe_person(reader: Reader, key: str, name_end: int) -> str | None:
    """Keep the apposition after a person's name ("Kim, an economist at …,") as what later
    role descriptions can refer to; it is their title when the article prints no other.
    Returns the apposition's text, None when there is none."""
    found = apposition_after(reader.body, name_end)
    if found is None:
        return None
    text, _end = found
    person = reader.people[key]
    folded = fold(text)
    if person.kind == "person" and (head := organisation_apposition(reader.body, name_end)) is not None:
        # "Crossing Hands, a Seoul-based aid group that …": the name is the group's.
        person.kind = "organisation"
        person.descriptions.append(head)
        return None
    if folded not in person.descriptions:
        person.descriptions.append(folded)
    if person.title is None:
        person.title = text
    return text


# What follows an apposition's head noun: a relative clause ("a Seoul-based aid group that
# tracks …") or a preposition's complement ("a hydrologist at Can Tho University": the head is
# "hydrologist", not "university").
RELATIVE_CLAUSE = re.compile(
    r"\s+(?:that|which|who|whose|with|founded|based\s+(?:in|at)|at|of|in|for|from|on|under|to)\b.*$"
)


def organisation_apposition(body: str, name_end: int) -> str | None:
    """The head noun of an apposition that says a name is an organisation's, folded: "a
    Seoul-based aid group (that tracks the route)", "an industry association", "a think tank";
    an indefinite description whose head, before any relative clause or preposition, is an
    organisation noun,
    with no role or title word ("a director of Seowon Group" is a person's). None otherwise."""
    match = APPOSITION.match(body, name_end)
    if match is None or len(match.group("text")) > SHORT_APPOSITION:
        return None
    words = RELATIVE_CLAUSE.sub("", fold(match.group("text"))).split()
    if len(words) < 2 or words[0] not in ("a", "an"):
        return None
    head = POSSESSIVE_END.sub("", words[-1])
    if head not in ORG_HEADS and head not in ("tank", "ngo", "charity", "nonprofit", "non-profit"):
        return None
    if any(word in TITLE_WORDS or word in ROLE_HEADS for word in words[:-1]):
        return None
    return head


def _organisation_by_apposition(reader: Reader, key: str, name_end: int) -> None:
    """A name read as a person's with nothing printed about them is an organisation's when its
    apposition says so ("according to Crossing Hands, a Seoul-based aid group, …"): a later
    "the diplomat said" is then nobody named, not the group."""
    person = reader.people[key]
    if person.kind != "person" or person.title or person.descriptions:
        return
    if (head := organisation_apposition(reader.body, name_end)) is not None:
        person.kind = "organisation"
        person.descriptions.append(head)


def _note_organisations(reader: Reader) -> None:
    """Note every organisation the article names in full ("the Ministry of Industry and Trade
    (MoIT)"), once: only a description ("the ministry") or an abbreviation ("MoIT") needs them,
    so most articles never pay for the scan."""
    if reader.organisations_noted:
        return
    reader.organisations_noted = True
    for start, name, abbreviation in organisation_names(reader.body):
        _note_organisation(reader, start, name, abbreviation)


def _note_organisation(reader: Reader, offset: int, name: str, abbreviation: str | None) -> str:
    """Record one mention of a named organisation; returns its key.

    A nationality adjective before an official name of the form "<Ministry|Department|…> of
    <field>" says whose it is, not what it is called: "the Vietnamese Ministry of Industry and
    Trade" is Viet Nam's "Ministry of Industry and Trade", as "Vietnam's Ministry of …" is.
    """
    name = OWNER_NATIONALITY.sub("", name, count=1)
    key = fold(name)
    organisation = reader.people.get(key)
    if organisation is None:
        head = parse_organisation(name)
        # Named without a head noun ("Lotte"), it was introduced as a business.
        organisation = _Person(name, kind="organisation", descriptions=[head[1] if head else "company"])
        reader.people[key] = organisation
    if abbreviation:
        reader.abbreviations.setdefault(fold(abbreviation), key)
        if abbreviation not in organisation.aliases:
            organisation.aliases.append(abbreviation)
    insort(reader.mentions, (offset, key))
    return key


def _note(reader: Reader, offset: int, parsed: ParsedMention) -> str | None:
    """Record one mention of a person; returns the person's key, creating them if new."""
    name = parsed.name or ""
    # (A hyphenated single name, "Venerable Jeong-an", is a name of its own.)
    if name and not _full_name(name) and "-" not in name and not match_known(name):
        # Speed: a surname alone ("Hai", "President Lee") is someone named before; look through
        # the people read so far instead of building every one of them as a Speaker.
        key = _surname_of(reader, offset, name)
        if key is None:
            return _caption_person(reader, offset, parsed) if reader.captions else None
        _add_alias_and_mention(reader, reader.people[key], parsed, offset, key)
        return key
    if (
        name and fold(name.split(" ", 1)[0]) not in FAMILY_NAMES and not match_known(name)
        and (key := _given_name_of(reader, offset, name)) is not None
    ):
        _add_alias_and_mention(reader, reader.people[key], parsed, offset, key)
        return key
    speaker = resolve_speaker(parsed.printed, []) if name else None
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
    elif person.kind != "person":
        return None
    else:
        person.title = _office_title(person.title, parsed.title)
        person.country = person.country or parsed.country
        if _more_diacritics(parsed.name or "", person.name) and fold(parsed.name or "") == key:
            person.name = parsed.name or person.name
    _add_alias_and_mention(reader, person, parsed, offset, key)
    return key


def _add_alias_and_mention(reader: Reader, person: _Person, parsed: ParsedMention, offset: int, key: str) -> None:
    person.title = _office_title(person.title, parsed.title)
    for alias in _alias_forms(parsed):
        if alias not in person.aliases:
            person.aliases.append(alias)
    insort(reader.mentions, (offset, key))


# Titles of courtesy, not of office: "Mr. Hoang Minh Tri" says nothing a later "the Vice
# President" can refer to.
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "madam", "mdm"})


def _office_title(current: str | None, printed: str | None) -> str | None:
    """The title a person keeps: the first one printed, unless it is only a courtesy title
    ("Mr. Hoang Minh Tri, …" then "VCCI Vice President Hoang Minh Tri"): an office printed later
    replaces it, so a later role ("suggested the VCCI Vice President") finds the person."""
    if not current:
        return printed
    if printed and fold(current).rstrip(".") in COURTESY_TITLES and fold(printed).rstrip(".") not in COURTESY_TITLES:
        return printed
    return current


def _surname_of(reader: Reader, offset: int, name: str) -> str | None:
    """The person named before ``offset`` whose full name ends or starts with ``name`` ("Lâm"
    is Tô Lâm, "Lee" is Lee Jae Myung), or has it as an alias; the most recent one."""
    word = fold(name)
    for key in reversed(reader.context_keys(offset)):
        person = reader.people[key]
        if person.kind != "person":
            continue
        parts = key.split(" ")
        if (len(parts) > 1 and word in (parts[0], parts[-1])) or any(fold(a) == word for a in person.aliases):
            return key
    return None


CAPITAL_RUN = re.compile(r"[A-Z][\w’'\-]*(?:[ ]+[A-Z][\w’'\-]*){1,7}")


def _caption_person(reader: Reader, offset: int, parsed: ParsedMention) -> str | None:
    """The person a bare surname names when the body never gives the name in full but a photo
    caption does: one full name in the captions whose family or last name is the surname ("Kim
    said" and the caption "LG Energy Solution CEO Kim Dong-myung (second from right) …"). None
    when no caption, or more than one person, fits: a caption is not the article, so only an
    unambiguous match is taken."""
    if reader.caption_people is None:
        reader.caption_people = _caption_people(reader.captions)
    found = reader.caption_people.get(fold(parsed.name or ""), {})
    if len(found) != 1:
        return None
    (candidate,) = found.values()
    speaker = resolve_speaker(candidate.printed, [])
    if speaker is None:
        return None
    key = fold(speaker.name)
    if key not in reader.people:
        reader.people[key] = _Person(speaker.name, candidate.title or speaker.title, candidate.country)
    elif reader.people[key].kind != "person":
        return None
    _add_alias_and_mention(reader, reader.people[key], parsed, offset, key)
    return key


def _caption_people(captions: tuple[str, ...]) -> dict[str, dict[str, ParsedMention]]:
    """The full person names in ``captions``, by their first and last words (folded): read once
    per article, when a bare surname first needs them."""
    people: dict[str, dict[str, ParsedMention]] = {}
    for caption in captions:
        for run in CAPITAL_RUN.finditer(caption):
            candidate = parse_mention(run.group())
            full = candidate.name or ""
            if _full_name(full) and is_person_name(full):
                words = fold(full).split(" ")
                for word in {words[0], words[-1]}:
                    people.setdefault(word, {})[fold(full)] = candidate
    return people


def _given_name_of(reader: Reader, offset: int, name: str) -> str | None:
    """The person named before ``offset`` whose full name is ``name`` after one family name:
    a Korean given name ("Seung-hoon" after "Lee Seung-hoon"), a Vietnamese one of two words
    ("Minh Hang" after "Nguyen Minh Hang"), as some outlets write them on second mention. Only
    a name one word shorter than the full one, so a family name alone stays _surname_of's."""
    word = fold(name)
    if not word:
        return None
    for key in reversed(reader.context_keys(offset)):
        person = reader.people[key]
        if person.kind == "person" and key.endswith(" " + word) and key.count(" ") == word.count(" ") + 1:
            return key
    return None


def _alias_forms(parsed: ParsedMention) -> list[str]:
    name = parsed.name or ""
    forms = []
    if _full_name(name):
        forms.append(name)
    if parsed.title:
        forms.append(f"{parsed.title} {name}")
    return forms


def _full_name(name: str) -> bool:
    """A name of two words or more; a lone hyphenated word ("Vietnam-RoK") is not one."""
    return len(name.split()) > 1


def _more_diacritics(candidate: str, current: str) -> bool:
    return sum(not c.isascii() for c in candidate) > sum(not c.isascii() for c in current)


def resolve_subject(reader: Reader, offset: int, parsed: ParsedMention) -> str | None:
    """Key of the person or organisation a cue's subject names, registering new full names.

    - a name: the person of that full name, or the one named earlier whose name it ends or
      starts ("Park" -> "Park Noh Wan"), or an organisation's abbreviation ("MoIT"), or a
      company when it holds an acronym ("SK On", ``_acronym_company``);
    - a pronoun: the nearest person named before it outside quoted content, across paragraphs
      ("Ambassador Park also attended. He added …" -> Park, though another spoke last);
    - a role ("the ambassador", "the top legislator"): the most recent person whose title or
      apposition fits it; a generic one ("the official") the last speaker; a role that fits a
      title is then a mention of that person, which a later pronoun can go back to;
    - an organisation: a named one as printed, a description ("the ministry") the most recent
      organisation of that head noun.
    None when nobody fits: the caller keeps the printed subject instead of guessing.
    """
    if parsed.plural:
        return None
    if parsed.pronoun:
        if parsed.pronoun not in PRONOUNS_SINGULAR:
            return None
        return _antecedent(reader, offset)
    if parsed.organisation is not None:
        if parsed.organisation:
            if (fuller := _fuller_name(reader, parsed.organisation)) is not None:
                return fuller
            if " " not in parsed.organisation and (
                short := _organisation_first_word(reader, offset, parsed.organisation)
            ):
                return short
            return _note_organisation(reader, offset, parsed.organisation, None)
        if parsed.org_head == "it":
            if reader.last_organisation is None and DOCUMENT_MENTION.fullmatch(fold(parsed.printed)):
                # "…, the filing continues" read before its issuer's own statement: a document
                # speaks for the organisation named last before it.
                _note_organisations(reader)
                return _recent_organisation(reader, offset, "")
            return reader.last_organisation  # "…, it said": the organisation that spoke last
        owner = OWNER.match(parsed.printed)
        if owner is not None and fold(owner.group(1)) in ORG_HEADS - PLACE_HEADS:
            # "the agency’s Hanoi office": a part speaks for its owner, named before.
            _note_organisations(reader)
            if (found := _recent_organisation(reader, offset, fold(owner.group(1)))) is not None:
                return found
        if reader.body.endswith("its ", max(0, offset - 4), offset):
            # "…, its Hanoi office said": a part speaks for the organisation "it" is.
            return reader.last_organisation or _recent_organisation(reader, offset, "")
        _note_organisations(reader)
        found = _recent_organisation(reader, offset, parsed.org_head or "")
        if (
            found is not None and not description_fits(parsed.printed, found)
            and (described := described_organisation(parsed.printed)) is not None
        ):
            # "according to the labor ministry" after "the Ministry of Health and Welfare": the
            # description names another ministry's field; it is that one, as described.
            return _note_organisation(reader, offset, described, None)
        if found is None and parsed.org_head in COMPANY_HEADS and (lead := _lead_business(reader, offset)):
            found = lead
        if found is None:
            found = _organisation_sharing_a_word(reader, offset, parsed.printed)
        if found is None and (described := described_organisation(parsed.printed)):
            return _note_organisation(reader, offset, described, None)
        return found
    if parsed.name:
        if " " not in parsed.name and sum(char.isupper() for char in parsed.name) > 1:
            _note_organisations(reader)  # "MoIT said": an abbreviation printed after a name
            named = reader.people.get(fold(parsed.name))  # "firm VietData … VietData said"
            if named is not None and named.kind == "organisation":
                return fold(parsed.name)
        if (key := reader.abbreviations.get(fold(parsed.name))) is not None:
            return key
        if " " not in parsed.name and not parsed.title:
            # "Yanolja said …" after "according to travel agency Yanolja": a one-word name the
            # article has already given an organisation is that organisation, not a surname.
            named = reader.people.get(fold(parsed.name))
            if named is not None and named.kind == "organisation":
                return fold(parsed.name)
        if not parsed.title and _acronym_company(parsed.name):
            return _note_organisation(reader, offset, parsed.name, None)
        if " " not in parsed.name and not parsed.title and (short := _organisation_first_word(reader, offset, parsed.name)):
            return short
        if not parsed.title and _outlet_key(parsed.name) in OUTLET_KEYS:
            # "…, Yonhap reported Wednesday", "…, said Koreatimes": a news agency or outlet,
            # however its name is run together, is an organisation, never a person.
            return _note_organisation(reader, offset, parsed.name, None)
        key = _note(reader, offset, parsed)
        if key is not None and reader.body.startswith(parsed.printed, offset):
            _organisation_by_apposition(reader, key, offset + len(parsed.printed))
        return key
    if parsed.role:
        if INDEFINITE.match(parsed.printed):
            return None  # "a Lotte Mart official said": someone new, never one named before
        key = _resolve_role(reader, offset, parsed)
        if key is not None and parsed.role not in GENERIC_ROLES:
            # "the PPC Chairman told the guests that …" names him again: a "He said …" after it
            # is him, not someone named in between. A generic role ("the official") is a guess
            # at the last speaker, which no pronoun should inherit.
            insort(reader.mentions, (offset, key))
        return key
    return None


def sentence_business(reader: Reader, s_start: int, end: int) -> tuple[int, ParsedMention] | None:
    """The business a sentence opens with, as an organisation mention, when it ends "…, the
    company said": a sentence reporting what a business says of itself has it as its subject
    ("Hyundai Thanh Cong, a joint venture between A and B, will raise output …, the company
    said"; "Samsung Display will hire 2,000 engineers …, the firm said"), and it is that
    business the description means, not the last one named (B). A name that is a person of the
    article or reads as one ("Nguyen Van Hoa") opens no such sentence, nor does a common word
    ("Each store will …", "Revenue rose …"); None then. The subject
    goes on with a verb, a possessive or an apposition ("LG Innotek expects", "Samsung's new
    line", "Hyundai Thanh Cong, a joint venture"), which a dateline ("SEOUL, Oct. 5") does not."""
    body = reader.body
    found = mention_after(body, s_start, end)
    if found is None:
        return None
    start, found_end, parsed = found
    if not BUSINESS_GOES_ON.match(body, found_end):
        return None  # "SEOUL, Oct. 5 --": a dateline, not a subject
    if parsed.organisation:
        return start, parsed
    name = parsed.name
    if not name or parsed.title or parsed.role or parsed.pronoun:
        return None
    person = reader.people.get(fold(name))
    if person is not None and person.kind == "person":
        return None
    first = name.split(" ", 1)[0]
    if fold(first) in NOT_NAMES or (" " in name and fold(first) in FAMILY_NAMES):
        return None
    # One capitalised word opening a sentence may be any word ("Revenue rose …"): a business's
    # name is printed capitalised inside sentences too ("… for Samsung").
    if " " not in name and not re.search(rf"[a-z,] {re.escape(name)}\b", body):
        return None
    if parsed.printed.endswith(" " + name) and all(word[:1].isupper() for word in parsed.printed.split()):
        # "Seoul Fresh Mart": a place word opening a business's name is part of it (the person
        # reading of the mention left it out as a place).
        name = parsed.printed
    return start, replace(parsed, name="", organisation=name, org_head=None)


def _lead_business(reader: Reader, offset: int) -> str | None:
    """The business the article opens with ("LG Innotek expects …, said Moon Hyuk-soo, the
    company's CEO."): what "the company" means when no business was named before it otherwise.
    A news lead names its main actor first."""
    lead = sentence_business(reader, 0, min(len(reader.body), offset))
    if lead is None:
        return None
    start, parsed = lead
    return resolve_subject(reader, start, parsed)


def _opens_a_capitalised_run(body: str, word: str) -> bool:
    """Whether ``word`` stands, as a whole word, before a capitalised word somewhere in ``body``."""
    at = body.find(word + " ")
    while at >= 0:
        after = at + len(word) + 1
        if body[after : after + 1].isupper() and (at == 0 or not (body[at - 1].isalnum() or body[at - 1] == "-")):
            return True
        at = body.find(word + " ", at + 1)
    return False


def _outlet_key(name: str) -> str:
    return re.sub(r"[\s.'’]", "", name.casefold())


OUTLET_KEYS = frozenset(_outlet_key(name) for name in (*AGENCY_CODES, *MASTHEADS, *AGENCY_NAMES))


def _organisation_first_word(reader: Reader, offset: int, name: str) -> str | None:
    """"CJ said …" after "food giant CJ CheilJedang", "Hanwha confirmed …" after "Hanwha
    Aerospace": a one-word name that opens the name of an organisation the article named before
    is that organisation, as a given name is its person's; never when a person named before has
    that word in their name (a surname), nor when two organisations open with it."""
    word = fold(name)
    if reader.people.get(word) is not None:
        return None
    # Speed: only when the word stands before another capitalised word somewhere in the text
    # (an organisation's name it may open) is the article's organisation scan worth its cost.
    if not _opens_a_capitalised_run(reader.body, name):
        return None
    _note_organisations(reader)
    found = {
        key for key in reader.context_keys(offset)
        if reader.people[key].kind == "organisation" and key.startswith(word + " ")
    }
    if len(found) != 1 or any(
        person.kind == "person" and word in key.split() for key, person in reader.people.items()
    ):
        return None
    return found.pop()


def _acronym_company(name: str) -> bool:
    """Whether a name is a company's because it spells a word as an acronym beside ordinary
    ones ("SK On", "LG Innotek", "CJ CheilJedang"): people's names are not written so. A family
    name printed in capitals ("KIM Min-seok") is still a person's, and so is a name printed all
    in capitals ("HARI WON")."""
    words = name.split()
    if len(words) < 2 or all(word.isupper() for word in words):
        return False
    return any(
        2 <= len(word) <= 4 and word.isupper() and word.isalpha() and fold(word) not in FAMILY_NAMES
        for word in words
    )


def _antecedent(reader: Reader, offset: int) -> str | None:
    """The nearest person mentioned before ``offset`` outside quoted content and not as a
    possessive: "Ambassador Vu Ho said, highlighting Prime Minister Chinh's visit. … he said"
    is the ambassador."""
    index = bisect_left(reader.mentions, (offset, ""))
    for position, key in reversed(reader.mentions[max(0, index - PRONOUN_LOOKBACK) : index]):
        person = reader.people.get(key)
        if (
            person is not None and person.kind == "person" and not reader.is_quoted(position)
            and position not in reader.possessives
        ):
            return key
    return None


def _resolve_role(reader: Reader, offset: int, parsed: ParsedMention) -> str | None:
    """The most recent person whose title or apposition fits the role; failing that, when the
    role is an occupation (``OCCUPATION_ROLES``), the nearest person before it if the article
    printed no title or apposition for them: the role then names them as a pronoun would, the
    article having said what they do only in passing ("Huong said …" then "“…,” the professor
    said"; "Mai has run a stall since 2015." then "“…,” the owner said"). An office is printed
    with its holder's name, so "the Deputy PM said" after an untitled person is someone else,
    and so is "the minister said" after Ambassador Park."""
    role = parsed.role or ""
    people = [k for k in reader.context_keys(offset) if reader.people[k].kind == "person"]
    for key in reversed(people):
        person = reader.people[key]
        described = "; ".join([person.title or "", *person.descriptions])
        if fits_role(person.name, described, person.country, role, parsed.country):
            return key
    if role not in OCCUPATION_ROLES:
        return None
    nearest = _antecedent(reader, offset)
    person = reader.people.get(nearest) if nearest else None
    if person is not None and not person.title and not person.descriptions:
        return nearest
    return None


def _fuller_name(reader: Reader, name: str) -> str | None:
    """An organisation named before in full whose name ends with ``name``: "the municipal
    People’s Committee" and "the Hanoi People’s Committee" (printed before or after)."""
    key = fold(name)
    # Only a generic name ("People’s Committee", "Department of Finance": organisation words
    # alone) is short for another; "Korea Tourism Organization" is a name in full.
    if any(word not in ORG_WORDS and word not in ORG_JOINERS for word in key.split()):
        return None
    _note_organisations(reader)
    for other, organisation in reader.people.items():
        if organisation.kind == "organisation" and other != key and other.endswith(" " + key):
            return other
    return None


def _organisation_sharing_a_word(reader: Reader, offset: int, printed: str) -> str | None:
    """The most recent organisation named before whose name holds a word of the description:
    "the Vietnamese customs agency" after "the General Department of Vietnam Customs"."""
    words = {
        word for word in fold(printed).split()
        if word not in DESCRIPTION_FILLERS and word not in COUNTRY_WORDS and word not in ORG_HEADS
    }
    if not words:
        return None
    country = country_of(fold(printed).split())
    for key in reversed(reader.context_keys(offset)):
        organisation = reader.people[key]
        if organisation.kind != "organisation" or words.isdisjoint(key.split()):
            continue
        if country and (other := country_of(key.split())) and other != country:
            continue  # "the Vietnamese customs agency" is not the Korea Customs Service
        return key
    return None


def _recent_organisation(reader: Reader, offset: int, head: str) -> str | None:
    """The most recent organisation a description's head noun can mean: the same head ("the
    ministry" -> a Ministry), or for a business any business ("the company" -> "Lotte"); with
    no head, any organisation."""
    heads = COMPANY_HEADS if head in COMPANY_HEADS else {head}
    for key in reversed(reader.context_keys(offset)):
        organisation = reader.people[key]
        if organisation.kind == "organisation" and (not head or not heads.isdisjoint(organisation.descriptions)):
            return key
    return None
