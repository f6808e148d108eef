"""Reported (indirect) speech: a cue with the content it reports, at most one per sentence.

Forms: "X said (that) …", "X told Y (that) …", "X was quoted as saying …", "X went on to say that
…" (text after the cue); "…, X said/noted." and "…, said X." and "…, according to X." (text
before the comma); "According to X, …" (text after the comma); "Vietnam, he noted, is …" (the
whole sentence); "…, adding/noting that …" (a second quote of the same speaker).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from vnrok_etl.quotes.attribution import Attribution, Reader, resolve_subject, sentence_business
from vnrok_etl.quotes.cues import (
    ACCORDING_TO,
    BARE_SAY,
    CALLED_OBJECT,
    COORDINATED_CUE,
    CUE_AT_END,
    CUE_AT_START,
    CUE_THEN_COMMA,
    DATA_SHOWED,
    LEADING_ACCORDING_TO,
    MAX_CUES_PER_SENTENCE,
    PARENTHETICAL,
    PARTICIPLE,
    PLAN_OBJECT,
    PRE_PARTICIPLE,
    PROPOSED_GERUND,
    QUOTED_AS_SAYING,
    cue_of,
    cue_text,
    cue_word_starts,
    has_cue_word,
    pre_cue_matches,
)
from vnrok_etl.quotes.emit import attribute, emit, unnamed_group
from vnrok_etl.quotes.groups import group_after, group_before
from vnrok_etl.quotes.marks import TERMINAL, is_quote_mark_only, trim_span
from vnrok_etl.quotes.mentions import (
    SOURCE_TAIL,
    apposition_after,
    mention_after,
    mention_before,
)
from vnrok_etl.quotes.subjects import (
    clause_end,
    clause_subject,
    person_with_complement,
    subject_before,
)
from vnrok_etl.speakers import (
    COMPANY_HEADS,
    FAMILY_NAMES,
    PRONOUNS_SINGULAR,
    ParsedMention,
    fits_role,
    fold,
    parse_mention,
)

# PLAN_OBJECT's event nouns, for the cheap test before it runs.
PLAN_EVENT_WORD = re.compile(r"opening|launch|completion|establishment|acquisition|signing")
# A data noun after a source's role word: "official figures", "official data".
DATA_NOUN_AFTER = re.compile(r"\s+(?:data|figures|statistics|estimates|records)\b")
TRAILING_PARTICIPLE = re.compile(rf",\s+(?:{PARTICIPLE}|citing|referring|calling)\b", re.IGNORECASE)
WORD_START = re.compile(r"(?<=\s)[^\W\d_]")
# "…, the company said Monday, as demand surges …", "…, Ambassador Tran said, ahead of a forum …":
# a subordinate clause after the attribution tells when or why, not what was said.
TRAILING_SUBORDINATE = re.compile(r",\s+(?:as|while|amid|ahead\s+of|when|after|before|since)\s")
CAPITALISED_RUN = re.compile(r"[A-Z][\w’'&\-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w’'&\-]*){0,5}")
# What may stand between the comma and a post-posed subject: nothing, or whose it is and what
# kind ("…, the provincial Department of Finance said", "…, Vietnam's new Ambassador … said").
POSSESSOR = re.compile(
    r"\s*(?:(?:the|its|his|her|their|[A-Z][\w\-]*['’]s)\s+)?(?:[a-z]+\s+){0,2}"
)
# An attributed stretch of a sentence: (attribution, text start, text end).
Reported = tuple[Attribution, int, int]


def indirect(reader: Reader, s_start: int, s_end: int, pairs: list[tuple[int, int | None]]) -> None:
    """At most one reported-speech quote for the sentence ``body[s_start:s_end]``, and a second
    for a participle clause that continues it ("…, Hung said, adding that …")."""
    body = reader.body
    # Most sentences hold no cue word at all: skip the cue patterns for them.
    cues = cue_word_starts(body, reader.lowered, s_start, s_end)
    if cues == []:
        return
    sentence = body[s_start:s_end]
    if cues is None and not has_cue_word(sentence):
        return
    content_end = s_start + len(sentence.rstrip(TERMINAL))
    for attempt in (_quoted_as_saying, _post_posed, _according_to_first, _parenthetical, _pre_posed):
        found = attempt(reader, s_start, content_end, cues)
        if found is None:
            continue
        attribution, text_start, text_end = found
        if (
            attempt is _post_posed and (attribution.kind != "person" or attribution.key is None)
            and (inner := _pre_posed(reader, text_start, text_end, None)) is not None
            and inner[0].key is not None
        ):
            # "Chinh told the executives that …, the newspaper added.": what an outlet or body
            # reports is itself reported speech; its speaker is the one who said it. So is what
            # unnamed sources pass on ("Vice Minister Morita Kenji said Japan is ready …, the
            # sources said."): the one they name said it.
            attribution, text_start, text_end = inner
        # Reported speech needs one speaker: a subject that names nobody (a plural, a bare
        # surname never given in full) yields no quote; a singular pronoun, role or
        # organisation that resolves to nobody yields one with its printed form (kind set).
        if attribution.key is None and attribution.kind is None:
            return
        more = _more_of_the_same(body, text_start, content_end)
        if more is not None and more.start() < text_end:
            text_end = more.start()
        emit_reported(reader, attribution, text_start, text_end, pairs)
        if more is not None:
            again = replace(attribution, cue=cue_text(cue_of(more)))
            emit_reported(reader, again, more.end(), content_end, pairs)
        return


def _more_of_the_same(body: str, start: int, end: int) -> re.Match[str] | None:
    """The first "…, adding that …" or "…, and said …" after ``start``: a second report by the
    same speaker in one sentence ("Park affirmed that A, and said B")."""
    found = [
        match
        for pattern in (PRE_PARTICIPLE, COORDINATED_CUE)
        if (match := pattern.search(body, start, end)) is not None and match.start() > start
    ]
    return min(found, key=lambda match: match.start()) if found else None


def emit_reported(
    reader: Reader, attribution: Attribution, start: int, end: int, pairs: list[tuple[int, int | None]]
) -> bool:
    """Emit ``body[start:end]`` (trimmed) as reported speech unless it is too short or is one
    quotation's text (that is direct speech's business)."""
    body = reader.body
    start, end = trim_span(body, start, end, strip=" \t\n,;:—–-")
    if end - start < 3 or is_quote_mark_only(body, start, pairs):
        return False
    emit(reader, "indirect", attribution, start, end)
    return True


def _quoted_as_saying(reader: Reader, s_start: int, end: int, _cues: list[int] | None) -> Reported | None:
    """"Yonhap quoted Minister Ahn Duk-geun as saying that …": the one quoted is the speaker."""
    body = reader.body
    if "quoted" not in body[s_start:end] and "cited" not in body[s_start:end]:
        return None
    match = QUOTED_AS_SAYING.search(body, s_start, end)
    if match is None:
        return None
    subject_end = match.end("subject")
    found = mention_after(body, match.start("subject"), subject_end)
    if found is None or found[1] != subject_end:
        # "quoted SK hynix Vice Chairman Park Jung-ho as saying", "quoted online travel agency
        # Yanolja as saying": what precedes the one quoted (an employer, a description) is not
        # part of the mention; the speaker is the longest mention that ends the subject.
        found = _mention_ending(body, match.start("subject"), subject_end)
        if found is None:
            return None
        return source_attribution(reader, found, "quoted as saying"), match.end(), end
    attribution = attribute(reader, (found[0], found[2]), "quoted as saying", found[1])
    if found[2].role and not found[2].name and attribution.key is not None:
        attribution = _other_than_quoter(reader, s_start, match, found[2], attribution)
    return attribution, match.end(), end


def _other_than_quoter(
    reader: Reader, s_start: int, match: re.Match[str], parsed: ParsedMention, attribution: Attribution
) -> Attribution:
    """"Choi quoted the Vietnamese official as saying …": one who quotes reports another, so a
    role that resolved to the quoting person means the most recent other person of that role
    (Tran Quoc Bao, named before as the one Choi met); nobody when there is none."""
    quoter = mention_before(reader.body, s_start, match.start())
    if quoter is None or resolve_subject(reader, quoter[0], quoter[1]) != attribution.key:
        return attribution
    for key in reversed(reader.context_keys(match.start("subject"))):
        person = reader.people[key]
        if key != attribution.key and person.kind == "person" and fits_role(
            person.name, person.title, person.country, parsed.role, parsed.country
        ):
            return replace(attribution, key=key, title=None)
    return replace(attribution, key=None, kind="person", printed=parsed.printed)


def _mention_ending(body: str, start: int, end: int) -> tuple[int, int, ParsedMention] | None:
    """The longest mention in ``body[start:end]`` that ends at ``end`` and starts at a
    capitalised word after ``start`` (at most eight words in): (start, end, parsed)."""
    for word in list(WORD_START.finditer(body, start + 1, end))[:8]:
        if not body[word.start()].isupper():
            continue
        found = mention_after(body, word.start(), end)
        if found is not None and found[1] == end and (found[2].name or found[2].organisation):
            return found
    return None


# "according to its financial statement", "according to their annual report": a document of the
# "its"/"their" the sentence's subject is.
OWN_DOCUMENT = re.compile(
    r"\s+(?:its|their)\s+(?:[a-z\-]+\s+){0,2}(?:statement|report|filing|data|figures|announcement|"
    r"disclosure|press\s+release|results)\b"
)


def _post_posed(reader: Reader, s_start: int, end: int, cues: list[int] | None) -> Reported | None:
    """"…, Permanent Deputy Minister … Vũ told the press." / "…, according to Vũ." / "…, said Vũ." """
    body = reader.body
    sentence = body[s_start:end]
    for match in islice(ACCORDING_TO.finditer(sentence), MAX_CUES_PER_SENTENCE):
        if OWN_DOCUMENT.match(body, s_start + match.end("cue")) is not None and (
            business := sentence_business(reader, s_start, s_start + match.start())
        ) is not None:
            # "Seoul Fresh Mart, which runs 46 stores, posted revenue of …, according to its
            # financial statement": the business's own document speaks for the business the
            # sentence opens with.
            return attribute(reader, business, match.group("cue")), s_start, s_start + match.start()
        found = mention_after(body, s_start + match.end(), end) or capitalised_source(
            body, s_start + match.end(), end
        )
        if not (found and clause_end(body, found[1], end)) and match.end() > match.end("cue") + 1:
            # "according to the South Korean presidential office": what the descriptor took for
            # a kind of source ("the ") opens a described body.
            found = mention_after(body, s_start + match.end("cue") + 1, end)
        if not (found and clause_end(body, found[1], end)):
            # "…, according to officials familiar with the matter": an unnamed group.
            found = group_after(body, s_start + match.end(), end)
            who = body.find(", who ", s_start + match.end(), end)
            if not found and who > 0:
                # "…, according to one of the diplomats, who spoke on condition of anonymity": the
                # relative clause after its comma describes the group, it is no part of it.
                found = group_after(body, s_start + match.end(), who)
        if found and clause_end(body, found[1], end):
            attribution = source_attribution(reader, found, match.group("cue"))
            return attribution, s_start, s_start + match.start()
        if (described := DESCRIBED_HEAD.fullmatch(body, s_start + match.end("cue") + 1, end)) is not None:
            # "…, according to the head of a Hanoi-based industry group.": a person described,
            # not named; named in what follows ("Do Minh Quan, chairman of the … Club, told …").
            return _described_head(reader, described, match.group("cue")), s_start, s_start + match.start()
    if "show" in sentence or "reveal" in sentence or "indicat" in sentence:
        data = DATA_SHOWED.search(sentence)
        if data is not None:
            found = mention_after(body, s_start + data.start("source"), s_start + data.end("source"))
            if found is not None and found[1] == s_start + data.end("source"):
                return source_attribution(reader, found, data.group("cue")), s_start, s_start + data.start()
    # Both patterns below only count with a comma before the cue.
    if sentence.rfind(",") <= 0:
        return None
    if ("heard" in sentence or "was told" in sentence) and (heard := EVENT_HEARD.search(sentence)) is not None:
        # "…, a seminar heard in Da Lat on November 20.": speakers at an event, unnamed.
        printed = " ".join(heard.group("event").split())
        attribution = Attribution(None, cue_text(heard.group("cue")), None, "person", printed)
        return attribution, s_start, s_start + heard.start()
    if (described := TRAILING_DESCRIBED.search(sentence)) is not None:
        # "…, the head of one center said.", "…, the director of a Busan agency told reporters.":
        # a person described by the body he leads (an indefinite one: not the body's statement).
        head = DESCRIBED_HEAD.fullmatch(body, s_start + described.start("desc"), s_start + described.end("desc"))
        if head is not None:
            return _described_head(reader, head, described.group("cue")), s_start, s_start + described.start()
    found = _cue_at_end(reader, s_start, sentence, cues)
    if found is None and (participle := _last_participle(sentence)) is not None:
        # "…, Ambassador Vu Ho said, highlighting the Prime Minister's visit.": the clause the
        # attribution ends comes before a participle that goes on about it.
        found = _cue_at_end(reader, s_start, sentence[: participle.start()], cues)
    if found is None and (subordinate := TRAILING_SUBORDINATE.search(sentence)) is not None:
        # The same before a subordinate clause ("…, the company said Monday, as demand …"); the
        # first such comma after which the attribution ends.
        for subordinate in TRAILING_SUBORDINATE.finditer(sentence):
            found = _cue_at_end(reader, s_start, sentence[: subordinate.start()], cues)
            if found is not None:
                break
    if found is not None:
        return found
    for comma in _commas_from_last(sentence):
        match = CUE_AT_START.match(sentence[comma + 1 :])
        if match and match.start("cue") > 0:
            found = mention_after(body, s_start + comma + 1 + match.end(), end)
            if found and clause_end(body, found[1], end):
                described = DESCRIBED_HEAD.fullmatch(body, found[0], end)
                if described is not None and (named := _named_head(reader, described)) is not None:
                    # "…, said the head of the Korea Chamber of Business in Vietnam." and "Hong
                    # Sun, chairman of the Korea Chamber of Business in Vietnam, said" after it
                    return attribute(reader, named, match.group("cue")), s_start, s_start + comma
                attribution = attribute(reader, (found[0], found[2]), match.group("cue"), found[1])
                return attribution, s_start, s_start + comma
    return None


# BARE_SAY's "told reporters" forms, tested before BARE_SAY is tried on a sentence with "told".
TOLD_PRESS_WORDS = re.compile(r"told (?:reporters|journalists|the press|the media)")
# What an event's audience heard: "…, a seminar heard in Da Lat on November 20.", "…, the
# conference was told." Its speakers are at the event, unnamed: a statement with no speaker.
EVENT_HEARD = re.compile(
    r",\s+(?P<event>(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:seminar|conference|forum|workshop|meeting|"
    r"dialogue|symposium|session|webinar|roundtable))\s+(?P<cue>heard|was\s+told)\b[^,.;:“”\"]{0,80}[.!]?\s*$"
)
# A person described by the body they lead, not named: "the head of a Hanoi-based industry group",
# "the director of a Korean vocational school", "a founder of the association".
HEAD_ROLES = r"head|chairman|chairwoman|chair|president|director|chief|leader|founder|owner|manager"
DESCRIBED_HEAD = re.compile(
    rf"(?:the|a|an)\s+(?:(?:deputy|vice|general|managing|executive)\s+)?(?P<role>{HEAD_ROLES})\s+of\s+"
    r"(?:a|an|the|one)\s+[^,.;:“”\"()]{3,90}?\s*[.!]?\s*"
)
# The same person named soon after (within NAMED_HEAD_CHARS), with the role and the body in an
# apposition ("Do Minh Quan, chairman of the Vietnam Supporting Industry Club, told …") or as the
# speaker of the next quotation ("“…,” Park Jung-hoon told Nikkei Asia").
NAMED_HEAD = re.compile(
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3}),\s+(?:the\s+)?"
    rf"(?:(?:deputy|vice|general|managing|executive)\s+)?(?:{HEAD_ROLES})\s+of\s+(?:the\s+)?[A-Z]"
    r"|[”\"’']\s*,?\s+(?P<speaker>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3})\s+(?:told|said|says)\b"
)
NAMED_HEAD_CHARS = 400
# A described head of a body named in full: "of the Korea Chamber of Business in Vietnam".
DEFINITE_BODY = re.compile(r"\sof\s+the\s+(?P<body>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){1,2})")
# The same description as the subject of a cue that ends the sentence: "…, the head of one center
# said."
TRAILING_DESCRIBED = re.compile(
    rf",\s+(?P<desc>(?:the|a|an)\s+(?:(?:deputy|vice|general|managing|executive)\s+)?(?:{HEAD_ROLES})"
    r"\s+of\s+(?:a|an|one)\s+[^,.;:“”\"()]{3,60}?)\s+(?P<cue>said|says|added|noted|told\s+[^,.;:]{1,40}?)"
    r"\s*[.!]?\s*$"
)


def _described_head(reader: Reader, described: re.Match[str], cue: str) -> Attribution:
    """The attribution of "according to the head of a <description>": the person named with a
    head's role in an apposition within the next NAMED_HEAD_CHARS characters, if one is (news
    names such a source in the next sentence or paragraph); else no speaker (the person is
    described, not named)."""
    named = _named_head(reader, described)
    if named is None:
        # One person, unnamed: kept with no speaker, as "an official said" is.
        printed = " ".join(described.group().split()).rstrip(".! ")
        return Attribution(None, cue_text(cue), None, "person", printed)
    return attribute(reader, named, cue)


def _named_head(reader: Reader, described: re.Match[str]) -> tuple[int, ParsedMention] | None:
    """The person a head's description names later (NAMED_HEAD, within NAMED_HEAD_CHARS): any
    such person for an indefinite body ("the head of a Hanoi-based industry group"); for a body
    named in full ("the head of the Korea Chamber of Business in Vietnam"), only the one whose
    apposition names the same body."""
    body = reader.body
    named = NAMED_HEAD.search(body, described.end(), described.end() + NAMED_HEAD_CHARS)
    if named is None:
        return None
    definite = DEFINITE_BODY.search(described.group())
    if definite is not None and not (
        named["name"] and body.startswith(definite["body"], named.end() - 1)
    ):
        return None
    parsed = parse_mention(named["name"] or named["speaker"])
    if not parsed.name or " " not in parsed.name:
        return None
    return named.start("name" if named["name"] else "speaker"), parsed


def _cue_at_end(
    reader: Reader, s_start: int, sentence: str, cues: list[int] | None
) -> Reported | None:
    """"…, Permanent Deputy Minister … Vũ told the press.": the cue ends ``sentence``."""
    body = reader.body
    # Speed: CUE_AT_END holds no comma but its optional last mark, which has only spaces after
    # it (cues, the tail's [^,.;:“”"] and spaces hold none), so no match starts at or before a
    # comma that has a non-space character after it; searching after the last such comma finds
    # the same match without trying every space before it (6.5 -> 2.2 us a sentence on c1k).
    last_char = len(sentence.rstrip()) - 1
    after_comma = sentence.rfind(",", 0, last_char) + 1
    if cues is None:
        cue_match = CUE_AT_END.search(sentence, after_comma)
    else:
        # A match opens with the space before its cue, which starts at a cue word
        # (cues.cue_word_starts): the first of those that matches is the leftmost match.
        cue_match = None
        for at in cues:
            if after_comma <= at - s_start - 1 < len(sentence):
                if (cue_match := CUE_AT_END.match(sentence, at - s_start - 1)) is not None:
                    break
    if not cue_match:
        return None
    cue_start = s_start + cue_match.start("cue")
    comma = sentence.rfind(",", 0, cue_match.start("cue"))
    if comma <= 0:
        return None
    mention = group_before(body, s_start + comma + 1, cue_start) or mention_before(
        body, s_start + comma + 1, cue_start
    )
    if mention is None and not sentence[comma + 1 : cue_match.start("cue")].strip():
        # "…, Choi Mi-kyung, a bakery owner, said.": the subject's apposition closes right
        # before the cue; the subject is the name before it, the statement ends before the name.
        found = _subject_before_apposition(body, s_start, sentence, comma)
        if found is not None:
            name_comma, mention = found
            return attribute(reader, mention, cue_match.group("cue")), s_start, s_start + name_comma
    if mention is None:
        end_of_subject = len(body[:cue_start].rstrip())
        mention = person_with_complement(body, s_start + comma + 1, end_of_subject)
    # "…, its Ministry of Employment and Labor said": whose it is may come first.
    if mention and POSSESSOR.fullmatch(body, s_start + comma + 1, mention[0]):
        if _business_description(mention[1]):
            mention = sentence_business(reader, s_start, s_start + comma) or mention
        return attribute(reader, mention, cue_match.group("cue")), s_start, s_start + comma
    return None


def _subject_before_apposition(
    body: str, s_start: int, sentence: str, close: int
) -> tuple[int, tuple[int, ParsedMention]] | None:
    """(comma before the subject, subject) of "…, <Name>, <apposition>," closing at ``close``
    (offsets in ``sentence``): the words between the two commas before ``close`` must say what
    the subject is (``apposition_after``: a role, a title or an organisation), and the words
    between the comma before them and the apposition must be the subject's name and nothing
    else: a person's full name, or a body's."""
    open_ = sentence.rfind(",", 0, close)
    if open_ <= 0:
        return None
    name_comma = sentence.rfind(",", 0, open_)
    if name_comma <= 0:
        return None
    described = apposition_after(body, s_start + open_)
    if described is None or described[1] != s_start + close:
        return None
    mention = mention_before(body, s_start + name_comma + 1, s_start + open_)
    if mention is None or sentence[name_comma + 1 : mention[0] - s_start].strip():
        return None
    parsed = mention[1]
    if not (parsed.organisation or parsed.name and " " in parsed.name):
        return None
    return name_comma, mention


def _business_description(parsed: ParsedMention) -> bool:
    """"the company", "the firm", "the group": a business described by what it is."""
    return parsed.organisation == "" and parsed.org_head in COMPANY_HEADS



def _last_participle(sentence: str) -> re.Match[str] | None:
    """The last ", adding …" / ", highlighting …" of a sentence, if any."""
    if "ing " not in sentence:
        return None
    found = None
    for found in TRAILING_PARTICIPLE.finditer(sentence):
        pass
    return found


def capitalised_source(body: str, start: int, end: int) -> tuple[int, int, ParsedMention] | None:
    """A source no mention pattern reads ("according to consultancy Savills Vietnam"): the
    capitalised words from ``start``, as an organisation's name."""
    match = CAPITALISED_RUN.match(body, start, end)
    if match is None or " " not in match.group(0) and sum(c.isupper() for c in match.group(0)) < 2:
        return None
    name = match.group(0)
    return start, match.end(), ParsedMention(name, "", None, None, None, None, organisation=name)


def source_attribution(
    reader: Reader, found: tuple[int, int, ParsedMention], cue: str
) -> Attribution:
    """The attribution of a source after "according to" or "data from": a person when the name
    is one (a full name, a titled one, one the article named), else the organisation as printed
    ("travel platform Yanolja", "Korea Customs Service data")."""
    start, end, parsed = found
    if parsed.role and not parsed.name and parsed.printed.islower() and DATA_NOUN_AFTER.match(reader.body, end):
        # "according to official figures", "according to government data": the role word is the
        # data's adjective, not a person (never "the official" who spoke last); the data speak for
        # nobody the article names.
        return attribute(reader, None, cue)
    attribution = attribute(reader, (start, parsed), cue, end)
    if attribution.key is not None or not parsed.name or parsed.title:
        return attribution
    if fold(parsed.name.split(" ", 1)[0]) in FAMILY_NAMES and " " in parsed.name:
        return attribution
    name = parsed.name
    organisation = replace(parsed, name="", organisation=name, org_head=None)
    return attribute(reader, (start, organisation), cue)


def _commas_from_last(sentence: str, most: int = 2) -> list[int]:
    """Offsets of the sentence's last ``most`` commas, last first."""
    found: list[int] = []
    at = len(sentence)
    while len(found) < most and (at := sentence.rfind(",", 0, at)) > 0:
        found.append(at)
    return found


def _according_to_first(reader: Reader, s_start: int, end: int, _cues: list[int] | None) -> Reported | None:
    """"According to Minister Nguyễn Hồng Diên, exports rose 12 percent." / "According to Dr.
    Lê, a former trade official, exports …" (the apposition is not what was said)."""
    body = reader.body
    match = LEADING_ACCORDING_TO.match(body, s_start, end)
    if not match:
        return None
    found = mention_after(body, match.end(), end)
    source_end = -1
    if found is not None:
        source_end = found[1] + len(SOURCE_TAIL.match(body, found[1], end).group(0))
    if not body.startswith(",", source_end):
        # The fronted clause ends at its first comma: "According to the city's tourism
        # department, …", "According to the Khanh Hoa provincial Department of Tourism, …". When
        # no mention ends there (one stops short at a lowercase word or runs past the comma into
        # an apposition), the whole source up to the comma is the mention.
        found = _source_to_comma(body, match.end(), end)
        if found is None:
            return None
        source_end = found[1]
    text_start = source_end + 1
    # "According to Dr. Le, a former trade official, exports …": a person's apposition is not
    # what was said; an organisation's next clause is ("According to the Ministry, the two …").
    apposition = apposition_after(body, source_end) if found[2].name else None
    if apposition is not None and body.startswith(",", apposition[1]):
        text_start = apposition[1] + 1
    attribution = source_attribution(reader, found, match.group("cue"))
    return attribution, text_start, end


def _source_to_comma(body: str, start: int, end: int) -> tuple[int, int, ParsedMention] | None:
    """The source of a fronted "According to …," read up to its first comma (at most 100
    characters), when it parses as a name or an organisation."""
    comma = body.find(",", start, min(end, start + 100))
    if comma == -1:
        return None
    parsed = parse_mention(body[start:comma])
    if not parsed.name and parsed.organisation is None:
        return None
    return start, comma, parsed


def _parenthetical(reader: Reader, s_start: int, end: int, cues: list[int] | None) -> Reported | None:
    """"Vietnam, he noted, is ready …": the whole sentence is the reported content."""
    body = reader.body
    # The pattern needs a comma on each side of the cue; most sentences have fewer.
    if body.count(",", s_start, end) < 2:
        return None
    # And a cue word with a comma after its cue: most sentences with commas have none.
    if cues is not None and not any(CUE_THEN_COMMA.match(body, at, end) for at in cues):
        return None
    match = PARENTHETICAL.search(body, s_start, end)
    if not match:
        return None
    mention = mention_before(body, match.start("subj"), match.end("subj"))
    if mention is None or mention[0] != match.start("subj"):
        return None
    return attribute(reader, mention, match.group("cue")), s_start, end


def _pre_posed(reader: Reader, s_start: int, end: int, cues: list[int] | None) -> Reported | None:
    """"X stressed that …", "He praised …, noting that …", "the Deputy PM said Vietnam …", "He
    revealed the bank's plan to open …" (cues.PLAN_OBJECT), "He called the forum a bridge …"
    (cues.CALLED_OBJECT), "She proposed exchanging lecturers …" (cues.PROPOSED_GERUND)."""
    body = reader.body
    candidates: list[tuple[re.Match[str], bool]] = []
    sentence = body[s_start:end]
    # Speed: both "that" patterns are the slow ones, and "that" matches only its ASCII cases.
    lowered = sentence.lower()
    if "that" in lowered:
        candidates += [(m, False) for m in pre_cue_matches(body, cues, s_start, end)]
    if "that" in lowered or "saying" in lowered or "adding" in lowered:
        candidates += [(m, True) for m in PRE_PARTICIPLE.finditer(body, s_start, end)]
    # BARE_SAY (case-sensitive) starts with \b, so re tries it at every position; every match
    # holds "said" or "says" as printed, which `in` rules out sooner (0.012 -> 0.002 ms/doc).
    if (
        "said" in sentence or "say" in sentence or "responded" in sentence or "replied" in sentence
        or "told " in sentence and TOLD_PRESS_WORDS.search(sentence) is not None
    ):
        candidates += [(m, False) for m in BARE_SAY.finditer(body, s_start, end)]
    if "plan" in lowered or "intention" in lowered or "decision" in lowered or "roadmap" in lowered or (
        " of " in lowered and PLAN_EVENT_WORD.search(lowered) is not None
    ):
        candidates += [(m, False) for m in PLAN_OBJECT.finditer(body, s_start, end)]
    if "call" in lowered:
        candidates += [(m, False) for m in CALLED_OBJECT.finditer(body, s_start, end)]
    if "proposed " in lowered or "suggested " in lowered or "recommended " in lowered:
        candidates += [(m, False) for m in PROPOSED_GERUND.finditer(body, s_start, end)]
    candidates.sort(key=lambda item: item[0].start())
    for match, participle in candidates[:MAX_CUES_PER_SENTENCE]:
        if participle:
            mention = clause_subject(body, s_start, match.start())
        else:
            mention = subject_before(body, s_start, match.start("cue"))
        if mention is None:
            continue
        parsed = mention[1]
        if (parsed.plural and unnamed_group(parsed) is None) or (
            parsed.pronoun and parsed.pronoun not in PRONOUNS_SINGULAR
        ):
            return None
        attribution = attribute(reader, mention, cue_of(match))
        if attribution.key is not None or attribution.kind is not None:
            return attribution, match.end(), _relative_clause_end(body, s_start, mention[0], match, end)
    return None


def _relative_clause_end(body: str, s_start: int, subject_start: int, match: re.Match[str], end: int) -> int:
    """Where a statement reported in a "who" clause inside the sentence's subject ends: at the
    comma that closes the clause before the main predicate ("Tran Van Quy, 24, who said he had
    repaired engines since he was a teenager, was among the first to sign up": the statement
    ends at "teenager"). The last comma of the sentence, when only a lowercase predicate follows
    it; ``end`` otherwise (a "who" clause that ends the sentence runs to its end)."""
    if subject_start != s_start or not body.endswith("who ", max(s_start, match.start() - 4), match.start()):
        return end
    close = body.rfind(", ", match.end(), end)
    if close < 0 or not body[close + 2 : close + 3].islower() or "," in body[close + 1 : end]:
        return end
    return close


