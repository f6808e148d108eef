"""Speaker names: folding, the known-people table, and the rules that resolve a printed mention.

Hand-written because nothing offline does this for our prose: named-entity and coreference
models (spaCy, coreferee, fastcoref) need downloaded weights, and they still would not know
that "the Vietnamese Party chief", "General Secretary Lâm" and "To Lam" are one man. The rules
are the ones news copy follows (issue "Quotations and speakers"):

- a full name is compared diacritic- and case-insensitively (``fold``): "To Lam" is "Tô Lâm";
- a surname-only mention ("Lâm", "Minister Son", "President Lee") is the person named in the same
  article whose full name ends with it (Vietnamese names are cited by the last syllable) or
  starts with it (Korean names are cited by the family name, which comes first);
- a role description ("the Vietnamese Party chief", "the RoK president", "the Minister", "the
  top legislator", "the CEO") is the person named in the article whose title, apposition or
  known roles fit it, the most recent one first; a bare "the official", "the diplomat" is the
  last speaker; a pronoun is resolved by the quotes package (the nearest person named before);
- a name must be a person's (``is_person_name``): never a country or a pair of them
  ("Vietnam-RoK"), a nationality adjective or a bare title; an organisation is told by its head
  noun (``parse_organisation``: "Ministry of Industry and Trade", "the agency").

Canonical names keep their diacritics when any form of the name has them; the table spells
"Bùi Thanh Sơn" although the seeds print "Bui Thanh Son", because that is his name and other
sources print it so. Countries are ISO 3166 alpha-2 codes ("VN", "KR"): the prose spells them
"Việt Nam", "Viet Nam", "Vietnam", "RoK", "Republic of Korea", and a code joins cleanly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from vnrok_etl.records import Speaker


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """What we know of a person before reading an article: default title, country, roles."""

    title: str
    country: str
    # Role nouns (folded) that describe this person when the article names them, on top of
    # what the printed title says: "Party chief" is how the press refers to the General Secretary.
    roles: tuple[str, ...] = ()
    # Printed forms that folding alone does not map onto the canonical name.
    aliases: tuple[str, ...] = ()


# Canonical name -> what we know. Only people whose identity is not in doubt: adding a person is
# cheap, adding a wrong alias silently merges two people in the warehouse.
KNOWN_PEOPLE: dict[str, KnownPerson] = {
    "Tô Lâm": KnownPerson(
        "General Secretary of the Communist Party of Việt Nam Central Committee",
        "VN",
        roles=("party chief", "party leader", "general secretary", "top leader", "leader"),
    ),
    "Lee Jae Myung": KnownPerson("President", "KR", roles=("president",)),
    "Kim Min Seok": KnownPerson("Prime Minister", "KR", roles=("prime minister", "pm", "premier")),
    "Nguyễn Minh Vũ": KnownPerson(
        "Permanent Deputy Minister of Foreign Affairs",
        "VN",
        roles=("deputy minister", "deputy foreign minister", "official", "diplomat"),
    ),
    "Bùi Thanh Sơn": KnownPerson(
        "Deputy Prime Minister and Foreign Minister",
        "VN",
        roles=("deputy pm", "deputy prime minister", "foreign minister", "minister", "diplomat"),
    ),
    "Chae Hwi Young": KnownPerson(
        "Minister of Culture, Sports and Tourism", "KR", roles=("minister",)
    ),
    "Phạm Minh Chính": KnownPerson(
        "Prime Minister", "VN", roles=("prime minister", "pm", "premier")
    ),
    "Lương Cường": KnownPerson("State President", "VN", roles=("president", "state president")),
    "Trần Cẩm Tú": KnownPerson(
        "Permanent member of the Party Central Committee’s Secretariat", "VN"
    ),
    "Lê Thị Thu Hằng": KnownPerson(
        "Deputy Minister of Foreign Affairs", "VN", roles=("deputy minister",)
    ),
}

# Words that make up titles. A name token is never one of these, which is how "Party General
# Secretary To Lam" splits into title and name.
TITLE_WORDS = frozenset(
    {
        "president", "minister", "prime", "deputy", "vice", "secretary", "general", "party", "chief",
        "leader", "permanent", "foreign", "pm", "dpm", "fm", "chairman", "chairwoman", "chair", "ambassador",
        "coach", "mr", "mrs", "ms", "dr", "governor", "mayor", "director", "premier", "chancellor",
        "spokesperson", "spokesman", "spokeswoman", "head", "state", "official", "politburo",
        "member", "senior", "lieutenant", "colonel", "commander", "chairperson", "speaker",
        "professor", "prof", "madam", "consul", "envoy", "diplomat", "counsellor", "counselor",
        "standing", "acting", "former", "first", "second", "executive", "managing", "ceo", "founder",
        # Roles printed before a name like titles: "Economist Park Ji-won", "CFO Lee".
        "economist", "analyst", "lecturer", "researcher", "scholar", "expert", "attache", "attaché",
        "legislator", "lawmaker", "representative", "manager", "cfo", "coo", "cto", "counsel",
        "chairwoman", "vice-chairman", "vice-chairwoman", "rector", "dean", "adviser", "advisor",
        "captain", "curator", "teacher", "principal", "commissioner", "administrator", "venerable",
        "officer", "instructor", "trainer", "consultant", "admiral", "major", "sergeant", "judge",
        "prosecutor", "senator", "congressman", "congresswoman", "reverend", "abbot", "monk",
        "superintendent", "inspector", "auditor", "president-elect", "secretary-general",
        "director-general", "deputy-director", "vice-president", "vice-minister", "chef", "artist",
        "designer", "coach", "player", "captain", "pastor", "nun", "editor", "reporter",
    }
)

# Family names, folded: in a run of capitalised words, a Vietnamese or Korean name starts at its
# family name ("Busan Mayor Kim Tae-hoon", "Principal Ma Thi Lan"). Data, not a rule per name:
# the commonest family names of both countries, which cover nearly all their people.
FAMILY_NAMES = frozenset(
    {
        # Vietnamese
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
        "ho", "ngo", "duong", "ly", "dao", "dinh", "doan", "lam", "luong", "mai", "trinh", "truong",
        "ha", "cao", "chu", "luu", "to", "ta", "quach", "thai", "trieu", "khuc", "kieu",
        "la", "lai", "lieu", "ma", "nong", "ong", "tong", "vuong", "chau", "giang", "hua", "khong",
        "nghiem", "phung", "quan", "thach", "tieu", "tang", "luc", "diep", "au", "an", "bach",
        # Korean
        "kim", "lee", "yi", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang",
        "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin",
        "sin", "kwon", "hwang", "ahn", "an", "song", "yoo", "yu", "ryu", "hong", "jeon", "chun",
        "ko", "koh", "go", "moon", "mun", "yang", "son", "sohn", "bae", "baek", "paik", "heo", "huh",
        "nam", "noh", "roh", "ha", "kwak", "sung", "seong", "cha", "joo", "ju", "woo", "koo", "ku",
        "min", "na", "ra", "jin", "ji", "eom", "um", "chae", "won", "bang", "gong", "kong", "hyun",
        "ham", "byun", "byeon", "yeom", "yeo", "choo", "chu", "seok", "sun", "seol", "gil", "pyo",
        "myung", "ki", "ban", "wang", "geum", "ok", "yook", "maeng", "je", "mo", "tak", "kook",
        "yeon", "eun", "ye", "bong", "sa", "boo", "hwangbo", "namgoong", "namgung", "sunwoo",
        "jegal", "dokgo", "doh", "do", "lyu", "yim", "chong", "pyun", "cheon", "jun", "shim", "sim",
    }
)

# Organisation words inside a title ("Minister of Culture, Sports and Tourism Chae Hwi Young"):
# when one of them leads a run of capitalised words, it belongs to the title, not to the name.
ORG_WORDS = frozenset(
    {
        "affairs", "tourism", "culture", "sports", "committee", "central", "national", "trade",
        "industry", "defence", "defense", "security", "finance", "planning", "investment", "health",
        "education", "training", "information", "communications", "justice", "agriculture",
        "development", "science", "technology", "labour", "labor", "construction", "transport",
        "secretariat", "department", "ministry", "office", "assembly", "congress", "bank", "council",
        "commission", "agency", "government", "people's", "people’s", "union", "federation",
        "association", "embassy", "university", "institute", "city", "province", "group",
        "corporation", "company", "environment", "resources", "energy", "economy", "home",
        "interior", "unification", "relations", "gender", "equality", "family", "welfare", "land",
        "infrastructure", "oceans", "fisheries", "startups", "smes", "veterans", "court",
        "procuracy", "army", "police", "party’s", "party's",
    }
)

# Country words, folded: a cue for `Speaker.country`, and never part of a name.
COUNTRY_WORDS: dict[str, str] = {
    "rok": "KR", "korea": "KR", "korean": "KR", "south korean": "KR", "republic of korea": "KR",
    "republic of korea (rok)": "KR", "(rok)": "KR", "seoul": "KR",
    # Not "viet" alone: it is a common Vietnamese middle name ("Pham Viet Huong").
    "vietnam": "VN", "viet nam": "VN", "vietnamese": "VN", "hanoi": "VN",
    "ha noi": "VN",
}

# Nationality and country forms that can precede a title ("Korean Ambassador"), never a name.
# ("Nam" and "Viet" are also Vietnamese given names: "Vũ Hồng Nam".)
NATIONALITY_WORDS = frozenset(
    {"vietnamese", "korean", "rok", "vietnam", "korea", "asean", "asian", "american", "chinese",
     "japanese", "dprk", "european", "vietnam's", "korea's"}
)

# Plural nouns for groups of people or bodies a text reports without naming them.
GROUP_NOUNS = frozenset(
    {"analysts", "experts", "officials", "organisers", "organizers", "observers", "economists",
     "residents", "locals", "insiders", "sources", "critics", "authorities", "scientists",
     "researchers", "travelers", "travellers", "visitors", "tourists", "workers", "farmers",
     "businesses", "firms", "companies", "agencies", "investors", "exporters", "importers",
     "traders", "participants", "delegates", "students", "teachers", "parents", "members",
     "doctors", "nurses", "employers", "employees", "consumers", "shoppers", "users", "buyers",
     "sellers", "executives", "managers", "diplomats", "activists", "volunteers", "police",
     "prosecutors", "lawmakers", "legislators", "scholars", "specialists", "planners", "engineers",
     "operators", "retailers", "manufacturers", "producers", "suppliers", "developers", "banks",
     "owners", "entrepreneurs", "vendors", "merchants", "people", "platforms",
     # Advocacy and labour: "Civic groups have argued", "Farmhands say", "Migrant advocates said".
     "groups", "unions", "advocates", "campaigners", "migrants", "farmhands", "laborers",
     "labourers", "fishermen",
     # Only with a complement ("leaders of contractors"); "the two leaders" are the event's parties.
     "leaders"}
)

PRONOUNS_SINGULAR = frozenset({"he", "she"})
# A body's document as the subject of a cue: it speaks for the organisation that issued it.
DOCUMENT_HEADS = frozenset(
    {"statement", "announcement", "release", "notice", "communique", "filing", "disclosure"}
)
DOCUMENT_SUBJECTS = frozenset(
    {"the statement", "the announcement", "the press release", "the release", "the notice",
     "the communique", "the joint statement"}
)
# Any document of those kinds, with up to two lowercase words before its head and the
# described issuer after it: "a regulatory filing published by the company", "the filing",
# "its latest disclosure", "the press release issued by the ministry". A named issuer ("a
# filing by Samsung") is not this form: the name is parsed as itself.
DOCUMENT_MENTION = re.compile(
    r"(?:the|a|an|its|their)\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:statement|announcement|release|notice|communique|filing|disclosure)"
    r"(?:\s+(?:published|issued|released|filed|sent)\s+by\s+(?:the|its)\s+[a-z]+)?"
)
PRONOUNS_PLURAL = frozenset({"they", "we", "both"})

# Role nouns a description can end with, folded, longest first when matched. Generic ones
# (official, diplomat) fit anybody; the others must fit the person's title or known roles.
# News names a person once, then refers back by what they are ("the ambassador", "the CEO",
# "the top legislator", "the defence attaché"): any noun a title or an apposition can hold.
ROLE_NOUNS = (
    "deputy prime minister", "deputy foreign minister", "deputy minister", "deputy pm", "dpm",
    "prime minister", "foreign minister", "general secretary", "state president", "party chief",
    "party leader", "top leader", "vice president", "vice minister", "vice chairman",
    "vice chairwoman", "director general", "general director", "consul general",
    "chief executive", "defence attache", "defense attache", "military attache",
    "president", "premier", "minister", "pm", "chief", "leader",
    "official", "diplomat", "ambassador", "spokesperson", "spokesman", "spokeswoman", "envoy",
    "chairman", "chairwoman", "chairperson", "chair", "mayor", "governor", "head", "ceo", "cfo",
    "professor", "attache", "legislator", "lawmaker", "analyst", "expert", "economist",
    "researcher", "scholar", "lecturer", "representative", "director", "manager", "secretary",
    "counsellor", "counselor", "consul", "commander", "general", "colonel", "founder",
    "executive", "owner", "businessman", "businesswoman", "entrepreneur", "investor", "teacher",
    "coach", "student", "worker", "farmer", "resident", "doctor", "engineer", "journalist",
    "correspondent", "scientist", "specialist", "adviser", "advisor", "president-elect",
    "reporter", "interviewer", "editor",
    # "said a woman who has worked at the factory for 11 years": someone unnamed (no title fits).
    "woman", "man",
    # "The Vietnamese side said": one party, but no one the text names (speaker NULL).
    "side",
)
GENERIC_ROLES = frozenset({"official", "diplomat", "envoy", "head", "leader", "chief"})
# Roles that say what a person does rather than an office they hold: news prints an office
# with the name ("Deputy PM Tran"), but may leave an occupation to a later "the professor".
OCCUPATION_ROLES = frozenset(
    {"analyst", "businessman", "businesswoman", "coach", "correspondent", "doctor", "economist",
     "editor", "engineer", "entrepreneur", "expert", "farmer", "founder", "investor", "journalist",
     "lecturer", "manager", "owner", "professor", "researcher", "resident", "scholar", "scientist",
     "specialist", "student", "teacher", "worker"}
)

# Role noun -> what a printed title must contain to fit it (both folded).
ROLE_TITLE_KEYS: dict[str, tuple[str, ...]] = {
    "woman": (), "man": (),  # no title is "woman": "chairwoman" holds it but is not it
    "deputy prime minister": ("deputy prime minister",),
    "deputy pm": ("deputy prime minister", "deputy pm"),
    "dpm": ("deputy prime minister", "deputy pm", "dpm"),  # "said DPM Tung", "the DPM"
    "deputy foreign minister": ("deputy minister of foreign affairs", "deputy foreign minister"),
    "deputy minister": ("deputy minister",),
    "prime minister": ("prime minister",),
    "pm": ("prime minister",),
    "premier": ("prime minister", "premier"),
    "foreign minister": ("foreign minister", "minister of foreign affairs"),
    "general secretary": ("general secretary",),
    "party chief": ("general secretary", "party chief"),
    "party leader": ("general secretary", "party chief"),
    "top leader": ("general secretary",),
    "state president": ("state president",),
    "president": ("president",),
    "minister": ("minister",),
    "ambassador": ("ambassador",),
    "spokesperson": ("spokes",),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "chairman": ("chair",),
    "chairwoman": ("chair",),
    "chairperson": ("chair",),
    "mayor": ("mayor",),
    "governor": ("governor",),
    "ceo": ("ceo", "chief executive"),
    "chief executive": ("ceo", "chief executive"),
    "legislator": ("national assembly", "parliament", "legislat", "lawmaker"),
    "lawmaker": ("national assembly", "parliament", "legislat", "lawmaker"),
    "defence attache": ("attache",),
    "defense attache": ("attache",),
    "military attache": ("attache",),
    # News calls anyone teaching or researching at a university "the professor".
    "professor": ("professor", "prof", "lecturer", "dean", "universit", "academ", "scholar",
                  "sociologist", "economist", "researcher", "scientist"),
    "director general": ("director general", "director-general", "general director"),
    "general director": ("director general", "director-general", "general director"),
    "economist": ("economist", "economics"),
    "researcher": ("research",),
    "doctor": ("dr", "doctor"),
}

# Head nouns of organisations ("the Ministry of Industry and Trade", "the agency"), folded. A
# statement by one is an organisation's, never a person's (issue "Quotes and speakers").
# Korean groups name their companies by their trade ("Samsung Electronics", "Hyundai Motor",
# "LG Display", "Hyosung Chemical"): such a capitalised last word makes the name a company's (an
# ORG_HEADS and a COMPANY_HEADS word: "the company" means it), so "Samsung said" after it is one
# too (quotes.attribution._organisation_first_word).
TRADE_HEADS = (
    "electronics", "motor", "motors", "display", "chemical", "chemicals", "steel", "industries",
    "engineering", "construction", "aerospace", "shipbuilding", "semiconductor", "telecom",
)
ORG_HEADS = frozenset(
    {
        "ministry", "agency", "office", "embassy", "consulate", "government", "company", "corporation",
        "group", "bank", "committee", "association", "council", "institute", "university",
        "federation", "union", "commission", "department", "chamber", "administration", "authority",
        "newswire", "organisation", "organization", "centre", "center", "firm", "conglomerate",
        "board", "secretariat", "assembly", "court", "procuracy", "fund", "foundation", "airline",
        "carrier", "service", "exchange", "police", "army", "navy", "directorate", "bureau", "division",
        "cabinet", "presidency", "parliament", "network", "broadcaster", "newspaper", "daily",
        # News outlets: "Tuoi Tre News", "The Korea Times", "The Korea Post", "Yonhap News Agency".
        "news", "times", "post", "herald", "journal", "tribune", "gazette", "magazine", "radio",
        "television", "tv",
        # Company suffixes: "Hanwha Aerospace Co.", "Samsung Electronics Vietnam Ltd."
        "co", "corp", "inc", "ltd", "jsc", "plc", "llc", "consultancy", "platform", "firm",
        "company", "group", "conglomerate", "city",
        # A province or county that says something is its government: "Gyeonggi Province said".
        "province", "county",
    }
) | frozenset(TRADE_HEADS)

DASHES_AND_SPACES = re.compile(r"[\s\-‐‑–—_]+")
POSSESSIVE = re.compile(r"['’]s?$")
POSSESSIVE_WORD = re.compile(r"['’]s$")
BRACKETED_END = re.compile(r"\s*\([^()]{1,12}\)$")
NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
# English abstract nouns ("Partnership", "Cooperation", "Agreement", "Community"): the end of a
# capitalised phrase such as a treaty's or a framework's name, never a word of a person's name,
# whatever the language of the name.
ABSTRACT_NOUN = re.compile(r"\w{3,}(?:ship|tion|sion|ment|ness|ity|ism)", re.IGNORECASE)
# Words for a kind of place ("the Thai Peninsula", "Mekong Delta", "Jeju Island"): a place's name,
# never a person's ("Bay", "Long" and "Son" are left out: they are Vietnamese given names).
PLACE_NOUNS = frozenset(
    "peninsula island islands province river delta mountain mountains valley region strait coast gulf "
    "lake plateau highlands district county".split()
)
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A leading or trailing country phrase in a printed title: "RoK Prime Minister", "President of
# the Republic of Korea (RoK)". Folded text, so no diacritics to worry about.
TITLE_COUNTRY_PREFIX = re.compile(
    r"^(?:the\s+)?(?P<country>republic of korea(?:\s*\(rok\))?|south korean|korean|rok|"
    r"vietnamese|viet nam|vietnam)\s+"
)
TITLE_COUNTRY_SUFFIX = re.compile(
    r"\s+(?:of|to|in)\s+(?:the\s+)?(?P<country>republic of korea(?:\s*\(rok\))?|rok|korea|viet nam|vietnam)$"
)


# Names repeat across 100k articles: folding each distinct string once is most of the speed.
@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Diacritic- and case-insensitive key: "Tô Lâm" -> "to lam", "Kim Min-seok" -> "kim min seok"."""
    decomposed = unicodedata.normalize("NFKD", str(name).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return DASHES_AND_SPACES.sub(" ", stripped.casefold()).strip()


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded to one character, so folded text keeps the offsets of the original."""
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[:1] or char
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


def fold_text(text: str) -> str:
    """``text`` folded character by character: same length, same offsets."""
    return "".join(fold_char(c) for c in text)


@dataclass(frozen=True, slots=True)
class ParsedMention:
    """A printed mention split into its parts."""

    printed: str
    name: str | None  # the name tokens as printed, "" for descriptions and pronouns
    title: str | None  # as printed, country words removed
    country: str | None
    role: str | None  # folded role noun for a description ("the Vietnamese Party chief")
    pronoun: str | None  # folded pronoun
    plural: bool = False
    # An organisation: its name as printed without "the" ("Ministry of Industry and Trade"),
    # "" for a description ("the ministry"); org_head is the folded head noun ("ministry").
    organisation: str | None = None
    org_head: str | None = None


# A person coded by one capital letter after a common noun or a courtesy title, as Korean and
# Vietnamese papers keep sources anonymous: "Student A", "Another student, B,", "a worker, C",
# "Mr. A", "Ms. K". Not a name's initial ("Kim A-young", "Park J."): the letter ends the
# mention, alone, and the word before it is lowercase after the first or a courtesy title.
LETTER_CODED = re.compile(
    r"(?:(?:[Aa]nother|[Aa]|[Tt]he)\s+)?(?:[A-Z][a-z]+|[a-z]+|Mr\.?|Mrs\.?|Ms\.?)(?:\s+[a-z]+)?"
    r",?\s+[A-Z](?![\w.\-’'])[,]?"
)
# The role of a letter-coded person: it fits no title, so it resolves to nobody.
ANONYMOUS_ROLE = "anonymous person"


@lru_cache(maxsize=16384)
def parse_mention(mention: str) -> ParsedMention:
    """Split "RoK Prime Minister Kim Min Seok" into title "Prime Minister", name, country KR."""
    printed = " ".join(str(mention).split())
    folded = fold(printed)
    if folded in PRONOUNS_SINGULAR:
        return ParsedMention(printed, "", None, None, None, folded)
    if folded == "it" or folded in DOCUMENT_SUBJECTS or DOCUMENT_MENTION.fullmatch(folded):
        # "…, it said.": an organisation cited before ("the ministry said … it said"); so is
        # its document ("the ministry said in a statement … “…”, the statement said", "…, the
        # filing continues", "according to a regulatory filing published by the company").
        return ParsedMention(printed, "", None, None, None, None, organisation="", org_head="it")
    if folded in PRONOUNS_PLURAL:
        return ParsedMention(printed, "", None, None, None, folded, plural=True)
    if folded.rsplit(" ", 1)[-1] in GROUP_NOUNS and not (
        printed.rsplit(" ", 1)[-1][:1].isupper() and parse_organisation(printed) is not None
    ):
        # "Analysts said", "Travel agencies say": a group, even capitalised at a sentence start;
        # not the capitalised end of a body's name ("Association of Seafood Exporters and
        # Producers").
        return ParsedMention(printed, "", None, None, None, None, plural=True)
    if LETTER_CODED.fullmatch(printed) and fold(printed.split(" ")[0]) not in FAMILY_NAMES:
        # "Student A told KBS", "Another student, B, said", "Mr. C": a person the article keeps
        # anonymous by a letter is nobody we can name, and no earlier person of that role.
        return ParsedMention(printed, "", None, None, ANONYMOUS_ROLE, None)
    if (place := LEADING_THE.sub("", folded)) in COUNTRY_WORDS:
        # "Việt Nam affirmed that …": a country, though "Nam" is also a given name.
        return ParsedMention(printed, "", None, COUNTRY_WORDS[place], None, None)
    if organisation := parse_organisation(printed):
        name, head = organisation
        return ParsedMention(printed, "", None, None, None, None, organisation=name, org_head=head)
    tokens = printed.split(" ")
    if subsidiary := _national_subsidiary(tokens):
        return ParsedMention(printed, "", None, None, None, None, organisation=subsidiary, org_head=None)
    name_tokens: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        bare = POSSESSIVE.sub("", tokens[index])
        if not _is_name_token(bare) and not _middle_the(tokens, index, name_tokens):
            break
        name_tokens.insert(0, bare)
    name_tokens = _trim_name(name_tokens)
    # "… of Viet Nam Nguyen Minh Hang": the end of a two-word country printed before the name
    # ("Nam", "Korea") is not the name's first word.
    # When the mention was cut between the country's words ("Nam Choi Young-sam"), a country's
    # last word before a family name tells the same.
    head_end = len(tokens) - len(name_tokens)
    if len(name_tokens) > 2 and (
        (head_end and fold(f"{tokens[head_end - 1]} {name_tokens[0]}") in COUNTRY_WORDS)
        or (fold(name_tokens[0]) in COUNTRY_TAILS and fold(name_tokens[1]) in FAMILY_NAMES)
    ):
        name_tokens = name_tokens[1:]
    head = tokens[: len(tokens) - len(name_tokens)] if name_tokens else tokens
    # "Dr. Le Quoc Phuong": an abbreviated title keeps no period.
    title, country = split_title(" ".join(word.rstrip(".") for word in head))
    if name_tokens:
        return ParsedMention(printed, " ".join(name_tokens), title, country, None, None)
    role = _role_of(fold(LEADING_THE.sub("", " ".join(head))))
    plural = bool(tokens) and fold(tokens[-1]).endswith("s") and role is None
    return ParsedMention(printed, "", title, country, role, None, plural=plural)


def parse_organisation(printed: str) -> tuple[str, str] | None:
    """(name, head) when ``printed`` is an organisation, else None.

    An organisation's head noun is its last word, or the word before its "of"/"for" complement:
    "General Statistics Office", "Ministry of Industry and Trade", "the Korean embassy". Its name
    is what is printed without a leading "the" when the head is capitalised (a proper name), ""
    when it is lowercase (a description, which the article ties to a named one, or nobody).
    """
    text = LEADING_THE.sub("", printed).strip().rstrip(".")
    # "The Korea Tourism Organization (KTO)": the abbreviation is an alias, not the name.
    text = BRACKETED_END.sub("", text)
    words = text.split(" ")
    # "Vietnam's Ministry of Transport", "the city’s Department of Finance": whose it is comes
    # before the name; so does a lowercase qualifier before a capitalised one ("municipal").
    while len(words) > 2 and (POSSESSIVE_WORD.search(words[0]) or words[0][:1].islower()) and any(
        word[:1].isupper() for word in words[1:]
    ):
        words = words[1:]
    # "the Khanh Hoa provincial Department of Tourism", "the Hanoi municipal People's
    # Committee": a place and a lowercase qualifier before the capitalised name are its owner.
    qualifier = next((i for i, word in enumerate(words[:4]) if word[:1].islower()), None)
    if qualifier is not None and words[qualifier] in ("of", "for", "and", "on", "the", "in"):
        qualifier = None
    if (
        qualifier and qualifier + 2 < len(words) and words[qualifier + 1][:1].isupper()
        and all(word[:1].isupper() for word in words[:qualifier])
    ):
        words = words[qualifier + 1 :]
    # "South Korea’s Office for Government Policy Coordination": an owner of two words too.
    owner = next((i for i, word in enumerate(words[:3]) if POSSESSIVE_WORD.search(word)), None)
    if owner is not None and owner + 2 < len(words) and words[owner + 1][:1].isupper():
        words = words[owner + 1 :]
    text = " ".join(words)
    for index, word in enumerate(words):
        if word.casefold() in ("of", "for", "on") and index:
            words = words[:index]
            break
    if not words:
        return None
    head = POSSESSIVE.sub("", words[-1])
    key = fold(head)
    if key not in ORG_HEADS:
        return None
    if head[:1].isupper() and " " in text:
        return COMPANY_SUFFIX.sub("", text) or text, key
    return "", key


# Head nouns of businesses: "the company said" may mean the group, firm or maker named before.
COMPANY_HEADS = frozenset(
    {"company", "group", "firm", "corporation", "co", "corp", "inc", "ltd", "jsc", "plc", "llc",
     "conglomerate", "maker", "automaker", "carmaker", "chipmaker", "retailer", "platform",
     "consultancy", "operator", "developer", "manufacturer", "supplier", "lender", "insurer",
     "airline", "carrier", "brand", "subsidiary", "affiliate", "unit", "venture", "startup",
     "start-up", "giant", "bank"}
) | frozenset(TRADE_HEADS)
# A company's legal suffix is not part of how it is named: "Hanwha Aerospace Co." is Hanwha
# Aerospace.
COMPANY_SUFFIX = re.compile(r"\s+(?:Co|Corp|Inc|Ltd|JSC|PLC|LLC|Co\.,? Ltd)\.?$")


# Bounded memo of a pure test: names repeat within and across articles.
@lru_cache(maxsize=16384)
def is_person_name(name: str) -> bool:
    """Whether ``name`` can be a person's name: a speaker row is a person or an organisation,
    never a country or a pair of them ("Vietnam-RoK"), an adjective ("Vietnamese") or a title.

    Each word must be capitalised (a hyphenated Korean given name's second part need not be:
    "Jong-hee"), and at least one must be neither a
    country word, a title word, an organisation word nor a connector.
    """
    parts = [part for part in DASHES_AND_SPACES.split(name) if part]
    if not parts or any(not word[:1].isupper() for word in name.split()):
        return False
    keys = [fold(part) for part in parts]
    if fold(name) in COUNTRY_WORDS:
        return False
    if any(key in ORG_WORDS or key in NATIONALITY_WORDS for key in keys):
        return False
    return any(key not in COUNTRY_WORDS and key not in TITLE_WORDS for key in keys)


def _trim_name(tokens: list[str]) -> list[str]:
    """The name at the end of a run of capitalised words; the words before it are title.

    A known name wins ("… Việt Nam Central Committee Tô Lâm" -> "Tô Lâm"); otherwise the name
    starts after the last organisation word ("… Sports and Tourism Chae Hwi Young").
    """
    for start in range(len(tokens)):
        if fold(" ".join(tokens[start:])) in KNOWN_BY_FOLD:
            return tokens[start:]
    orgs = [i for i, token in enumerate(tokens) if token.casefold() in ORG_WORDS]
    last_org = orgs[-1] if orgs else -1
    tokens = tokens[last_org + 1 :]
    # "Busan Kim Tae-hoon", "RDA Cho Jae-ho": the name starts at the first family name that has
    # a given name after it; the words before are a place, an acronym or a title.
    for start in range(1, len(tokens) - 1):
        if fold(tokens[start]) in FAMILY_NAMES and fold(tokens[0]) not in FAMILY_NAMES:
            return tokens[start:]
    return tokens


def split_title(head: str) -> tuple[str | None, str | None]:
    """Title words before a name -> (title as printed without country words, country code)."""
    text = LEADING_THE.sub("", " ".join(head.split())).strip(" ,")
    if not text:
        return None, None
    country = None
    folded = fold_text(text)
    # Words before the title proper ("Welcoming Party chief Lâm") are not part of it.
    while text and not TITLE_COUNTRY_PREFIX.match(folded):
        first = folded.split(" ", 1)[0]
        # An organisation before the title is part of it: "National Assembly Chairman".
        if first in TITLE_WORDS or first in ORG_WORDS:
            break
        cut = len(first) + 1
        text, folded = text[cut:], folded[cut:]
    if match := TITLE_COUNTRY_PREFIX.match(folded):
        country = COUNTRY_WORDS.get(" ".join(match.group("country").split()))
        text, folded = text[match.end():], folded[match.end():]
    if match := TITLE_COUNTRY_SUFFIX.search(folded):
        country = country or COUNTRY_WORDS.get(" ".join(match.group("country").split()))
        text = text[: match.start()]
    text = text.strip(" ,")
    if not text or fold(text.split(" ")[-1]) not in TITLE_WORDS | ORG_WORDS:
        return None, country
    return text, country


def resolve_speaker(mention: str, context: Sequence[Speaker] = ()) -> Speaker | None:
    """The canonical person a printed mention names, or None when it cannot be told.

    ``context`` is the people already named in the same article, most recent last (the
    quotation stage passes it); without it only full names and known people resolve.
    """
    try:
        parsed = parse_mention(mention)
    except (TypeError, ValueError):
        return None
    if parsed.plural:
        return None
    if parsed.pronoun:
        return context[-1] if context else None
    if parsed.name:
        if not is_person_name(parsed.name):
            return None
        return _resolve_name(parsed, context)
    if parsed.role:
        return _resolve_role(parsed, context)
    return None


def known_speaker(canonical: str, title: str | None = None, country: str | None = None) -> Speaker:
    """A Speaker for a table entry, with the printed title when the article gives one."""
    known = KNOWN_PEOPLE[canonical]
    return Speaker(canonical, title or known.title, country or known.country)


def match_known(name: str) -> str | None:
    """Canonical name of the known person whose name (or alias) is ``name``, folded."""
    return KNOWN_BY_FOLD.get(fold(name))


def surname_matches(token: str, full_name: str) -> bool:
    """ "Lâm" names "Tô Lâm" (last syllable); "Lee" names "Lee Jae Myung" (family name first)."""
    key, parts = fold(token), fold(full_name).split(" ")
    return len(parts) > 1 and key in (parts[0], parts[-1])


def _resolve_name(parsed: ParsedMention, context: Sequence[Speaker]) -> Speaker | None:
    name = parsed.name or ""
    canonical = match_known(name)
    if canonical:
        return known_speaker(canonical, parsed.title, parsed.country)
    key = fold(name)
    for person in reversed(context):
        if fold(person.name) == key or key in {fold(alias) for alias in person.aliases}:
            return person
    if len(key.split(" ")) == 1 and "-" not in name:
        for person in reversed(context):
            if surname_matches(name, person.name):
                return person
        return None
    return Speaker(name, parsed.title, parsed.country)


def _resolve_role(parsed: ParsedMention, context: Sequence[Speaker]) -> Speaker | None:
    role = parsed.role or ""
    fitting = [p for p in context if _fits_role(p, role, parsed.country)]
    if fitting:
        return fitting[-1]
    if role in GENERIC_ROLES and parsed.country is None and context:
        return context[-1]
    return None


def _fits_role(person: Speaker, role: str, country: str | None) -> bool:
    return fits_role(person.name, person.title, person.country, role, country)


def fits_role(
    name: str, title: str | None, person_country: str | None, role: str, country: str | None
) -> bool:
    """Whether a person printed with ``title`` (or an apposition, folded) fits a role noun."""
    if country and person_country and country != person_country:
        return False
    if role in GENERIC_ROLES and role not in ("leader", "chief"):
        return True
    known = KNOWN_PEOPLE.get(name)
    if known and role in known.roles:
        return True
    title = fold(title or "")
    keys = ROLE_TITLE_KEYS.get(role, (role,))
    # "the President" is not the Vice President; "the Minister" is any minister.
    if role == "president" and "vice president" in title:
        return False
    return any(key in title or (" " in key and _portfolio_between(key).search(title)) for key in keys)


@lru_cache(maxsize=256)
def _portfolio_between(key: str) -> re.Pattern[str]:
    """A title holding a role's words in order with one portfolio word between: "the vice
    minister" is the Vice Foreign Minister, "the deputy minister" the Deputy Trade Minister.
    "prime" is no portfolio: the deputy minister is not the Deputy Prime Minister."""
    words = [re.escape(word) for word in key.split(" ")]
    return re.compile(r"\b" + r" (?:(?!prime\b)[a-z\-]+ )?".join(words) + r"\b")


def _role_of(folded_head: str) -> str | None:
    for role in ROLE_NOUNS:
        if folded_head == role or folded_head.endswith(" " + role):
            return role
    return None


# Last words of countries of several words ("Viet Nam", "South Korea"): "Nam", "Korea".
COUNTRY_TAILS = frozenset(name.rsplit(" ", 1)[-1] for name in COUNTRY_WORDS if " " in name)


def _middle_the(tokens: list[str], index: int, name_after: list[str]) -> bool:
    """ "Bui The Duy": "The" (Vietnamese Thế without its marks) inside a name, between a name
    word before it and the name words after it, is a middle name, not an article. At a mention's
    start ("The Duy") it is left out, and the rest names the person by given name."""
    return (
        tokens[index] == "The" and bool(name_after) and index > 0
        and _is_name_token(POSSESSIVE.sub("", tokens[index - 1]))
    )


# Countries a company names its national arm after: "Samsung Vietnam", "LG Display Vietnam",
# "Lotte Korea".
SUBSIDIARY_COUNTRIES = frozenset({"vietnam", "viet nam", "korea"})
COUNTRY_PREFIXES = frozenset({"south", "north", "republic", "democratic", "socialist"})


def _national_subsidiary(tokens: list[str]) -> str | None:
    """"Samsung Vietnam", "Hyundai Motor Vietnam": a company's national arm is one to three
    capitalised words of a name (no title, organisation, country or nationality word, no family
    name first, so no person "Nguyen Vietnam") and a country; it speaks as an organisation of
    that name. None otherwise."""
    country = 2 if len(tokens) > 2 and fold(" ".join(tokens[-2:])) in SUBSIDIARY_COUNTRIES else 1
    if fold(" ".join(tokens[-country:])) not in SUBSIDIARY_COUNTRIES:
        return None
    words = [POSSESSIVE.sub("", token) for token in tokens[:-country]]
    if not 1 <= len(words) <= 3 or fold(words[0]) in FAMILY_NAMES or fold(words[-1]) in COUNTRY_PREFIXES:
        return None  # "Nguyen Vietnam" is no company; "South Korea" is the country
    for word in words:
        key = fold(word)
        if not _is_name_token(word) or key in ORG_WORDS or key in NATIONALITY_WORDS:
            return None
    return " ".join(tokens)


def _is_name_token(token: str) -> bool:
    if not token or not token[0].isupper() or not NAME_TOKEN.fullmatch(token) or ABSTRACT_NOUN.fullmatch(token):
        return False
    key = fold(token)
    return key not in TITLE_WORDS and key not in COUNTRY_WORDS and key not in PLACE_NOUNS and key not in {"the", "of", "and"}


KNOWN_BY_FOLD: dict[str, str] = {
    fold(alias): canonical
    for canonical, known in KNOWN_PEOPLE.items()
    for alias in (canonical, *known.aliases)
}
