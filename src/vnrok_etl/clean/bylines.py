"""Bylines: who wrote the article, in every form outlets print it, at the head or the foot.

A byline is recognised by its form, never by its outlet: "By X", "By X – Translated by Y",
"By X / Outlet", "Posts X", "Story: X", "X / Outlet", a short line with an e-mail, a name with a
date ("by NDO 15/08/2025, 01:50", "Minh Vu 19:26, 2021/12/12", a Korean portal's Hangul name
with its dotted date), a byline glued to the lead ("By Reporter X The ...", "[Outlet= Reporter X]")
and the interviewer an interview's intro names. The name is kept without the writer's title, the
translator, the outlet or the e-mail; "By <agency>" names the source, not a writer.

Its own module because three readers use the same forms: the header scan (header.py, whose
byline and date lines are header_meta.py's) at the top, the closing rules (clean/__init__.py) at
the foot, and the lead's opening (lead.py). The header's date state stays in the header: the
dated-byline patterns here only say where the name and the date stand; header_meta.py parses the
date in the outlet's zone.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.common import (
    AGENCY,
    AGENCY_TAG_LINE,
    EMAIL,
    WHITESPACE,
    Draft,
    fold_key,
)
from vnrok_etl.clean.lines import MASTHEAD
from vnrok_etl.clean.tail import STANDALONE_AGENCY
from vnrok_etl.profiles import AGENCY_NAMES

# Seed 001: "by NDO 15/08/2025, 01:50", the date day-first in local time.
BYLINE_WITH_DATE = re.compile(
    r"^by\s+(?P<who>[^\d\n]{1,60}?)\s*[,|–—-]?\s*"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}(?:\s*[,|-]?\s*\d{1,2}:\d{2})?)\s*$",
    re.IGNORECASE,
)
# "By Minh Anh" alone on a header line: a byline without a date.
BYLINE_ONLY = re.compile(r"^by\s+(?P<who>[A-ZÀ-Ỹ][^\d.!?;:\n]{0,60})$")
# "By Reporter Yoo Min-ji", "By Staff Reporter ...": the title before the name is not the name.
REPORTER_TITLE = re.compile(
    r"^(?:(?:staff|senior|special|honorary)\s+)?(?:reporter|correspondent|writer)\s+", re.I
)
# "By Kim Min-seo, staff reporter", "By Le Nam, senior correspondent": the title after the name.
TRAILING_TITLE = re.compile(
    r",\s*(?:(?:staff|senior|special|chief|political|economic|foreign|business)\s+)?(?:reporter|correspondent|writer)$",
    re.IGNORECASE,
)
# "... Trần Minh Khoa from Vietnam": where the writer comes from is not part of the name.
FROM_PLACE = re.compile(r"\s+from\s+[A-Z][\w ]{1,30}$")
# "Story: Minh Chau", "Text: ...", "Auther : ...": a labelled byline (magazines, exchange sites).
# Magazines credit several writers and the pictures on the same line: "Text: Hoa Binh and Le
# Nam; Photo: Archive", "Words: A, B & C | Photos: D": the writers are the byline, the picture
# credit goes with the line.
LABELLED_BYLINE = re.compile(
    r"^(?i:story|text|words|author|auther|writer|reporter|written by)\s*:\s*"
    r"(?P<who>[A-ZÀ-Ỹ][\w'’-]*(?:\s+[A-ZÀ-Ỹ][\w'’-]*){0,4}"
    r"(?:\s*(?:,|&|\band\b)\s*[A-ZÀ-Ỹ][\w'’-]*(?:\s+[A-ZÀ-Ỹ][\w'’-]*){0,4}){0,3})"
    r"(?:\s*[;|]\s*(?i:photos?|images?|pictures?|video|graphics?)\s*:\s*[^;|]{1,60})?\s*$"
)
# "Park Ji-won (The Korea Herald)": a partner copy's byline, the writer and, in brackets, the
# outlet that employs them (a known masthead or agency; "Kim (right)" is a caption's).
NAME_BRACKET_OUTLET = re.compile(r"^(?P<who>[A-ZÀ-ỸĐ][\w'’-]*(?:\s+[A-ZÀ-ỸĐ][\w'’-]*){1,3})\s*\((?P<outlet>[^()]{2,40})\)$")
# A name alone: two to four capitalised words ("Mai Anh", "Kim Jung-mi", "Trần Minh Khoa").
NAME = r"[A-ZÀ-ỸĐ][\w'’-]*(?:\s+[A-ZÀ-ỸĐ][\w'’-]*){1,3}"
NAME_LINE = re.compile(rf"^{NAME}$")
# "Hoang An / Tuoi Tre News", "Ngoc Phuong / Tuoi Tre News": the writer and the outlet.
NAME_SLASH_OUTLET = re.compile(rf"^(?P<who>{NAME})\s*/\s*(?P<outlet>[A-Z][\w.' ]{{1,40}})$")
# "By Doan Loan   November 20, 2023 | 06:15 pm PT", "Hoang Phong October 2, 2024 | 04:05 pm
# GMT+7": a byline and the date line on one line.
BYLINE_THEN_DATE = re.compile(
    r"^(?:(?i:by)\s+)?(?P<who>[A-ZÀ-ỸĐ][\w'’-]*(?:\s+[A-ZÀ-ỸĐ][\w'’-]*){1,3}?)\s+"
    r"(?P<date>[A-Z0-9].*)$"
)
# "[Alpha Biz= Reporter Yoon Se-ra] Shinhan Bank ...": a Korean outlet's byline opening the lead;
# also with no "=" when the title stands between the outlet and the name ("[Asia Economy
# Reporter Lim Chun-han] Japanese Prime Minister ...", "[Edaily Correspondent X]").
BRACKET_BYLINE = re.compile(
    r"^\[(?:[^\]=]{2,40}=\s*(?:(?i:reporters?|correspondents?)\s+)?"
    r"|[^\]=]{2,40}?\s+(?i:reporters?|correspondents?)\s+(?=[A-Z]))(?P<who>[^\]=]{2,40})\]\s*"
)
# "By Reporter Yoo Min-ji The Vietnamese community ...": a byline glued to the lead; the name
# ends where a word that opens sentences begins.
GLUED_BYLINE = re.compile(
    r"^By\s+(?:(?i:reporter|correspondent)\s+)?(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}?)\s+"
    r"(?=(?:The|A|An|In|On|At|After|As|For|With|When|While|Some|More|About|Over|Since|This|Last|"
    r"Vietnamese|Korean|South|North|Two|Three|Four|Five)\s)"
)
# "By Kim Do-yeon", "By Thanh Tam – Translated by Huong Giang", "By Che Han- Translated by ...",
# "By Ngoc An / Tuoi Tre News", "By Kim Do-yeon (kimdy@heraldcorp.com)", "Posts Minh Anh",
# "Written by ...": the name is what stands before the translator, the outlet and the e-mail.
# The e-mail may be bracketed with round, square or angle brackets ("BY KIM HA-NEUL
# [kim.haneul@example.kr]"), and the name printed in capitals (`name_case` restores it).
BYLINE = re.compile(
    r"^(?i:by|posts?|posted by|written by|reported by|story by)\s+"
    r"(?:(?i:(?:staff\s+|honorary\s+)?reporter|correspondent)\s+)?"
    r"(?P<who>[A-ZÀ-Ỹ][^\d.!?;:()\[\]<>\n/@|–—]{0,90}?)"
    r"(?:\s*[–—-]\s*(?i:translated by)\s+[^\d()\n/@|]{1,60}?)?"
    r"(?:\s*/\s*[^\d()\n@|/]{1,40}?)?"
    rf"(?:\s*[-–—]?\s*[(\[<]?\s*{EMAIL}\s*[)\]>]?)?\s*\.?$"
)
MAX_BYLINE_WORDS = 6
# The words BYLINE_ONLY, BYLINE and LABELLED_BYLINE open with (lower-cased).
BYLINE_STARTS = (
    "by", "post", "written", "reported", "story", "text", "words", "author", "auther", "writer",
    "reporter",
)
BYLINE_START_CHARS = max(len(start) for start in BYLINE_STARTS)
# "By Publisher Lee Kyung-ho with Vice Chairperson Cho Mi-sook, Won Ji-hye": the writers' titles
# are not their names; several writers are joined by "with", "and" or commas.
WRITER_TITLE = re.compile(
    r"\b(?:(?:Vice|Deputy|Senior|Managing|Associate|Executive)\s+)?"
    r"(?:Publisher|Chairperson|Chairman|Chairwoman|President|Editor(?:-in-Chief)?|Reporter|"
    r"Correspondent|Columnist|Staff\s+Writer|Writer|Intern)\s+(?=[A-ZÀ-ỸĐ])"
)
WRITER_JOINER = re.compile(r"\s*(?:,|\bwith\b|\band\b)\s*")
INTERVIEW_VERBS = ("talk", "spoke", "speak", "sits", "sat ")
# The interview's intro names who asked the questions: "... talked to VIR's Bich Thu about ...",
# "Reporter Anna Choi talks with <interviewee> about ...": the interviewer wrote the article.
INTERVIEWER = re.compile(
    rf"(?:^(?i:reporter|correspondent)\s+(?P<asker>{NAME})\s+(?:talks|talked|speaks|spoke|sits down|sat down)\s+with\b"
    rf"|\b(?:talks|talked|speaks|spoke)\s+(?:to|with)\s+(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}}['’]s?"
    rf"\s+(?:(?i:reporter|correspondent)\s+)?(?P<writer>{NAME})\b)"
)
MAX_EMAIL_BYLINE_WORDS = 8
MAX_SIGNOFF_CHARS = 100
EMAIL_IN_LINE = re.compile(rf"\(?{EMAIL}\)?")
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
# Capitalised words that are never part of a person's name (headings, furniture, outlets).
NOT_NAME_WORDS = frozenset(
    "comments comment reader readers news related read more share tags topics articles latest "
    "popular video photo photos home page the of and in to for with about contact top "
    "korea vietnam times herald post daily our your my try features feature app free get follow "
    "us now subscribe download".split()
)
# "Minh Vu 19:26, 2021/12/12": a name, then the time and the date.
BYLINE_WITH_TIME = re.compile(
    r"^(?P<who>[A-ZÀ-Ỹ][\w'’-]*(?:\s+[A-ZÀ-Ỹ][\w'’-]*){0,4})\s+"
    r"(?P<date>\d{1,2}:\d{2},?\s+\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{4},?\s+\d{1,2}:\d{2})$"
)
DATED_BYLINES = (BYLINE_WITH_DATE, BYLINE_WITH_TIME)
# "박서윤 2025. 4. 9. 16:42": a Korean portal prints the reporter's name in Hangul and the
# dotted date and time; a Korean site's date is Korean time.
HANGUL_BYLINE_DATE = re.compile(
    r"^(?P<who>[\uac00-\ud7a3]{2,4})(?:\s*기자)?\s+"
    r"(?P<date>\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?(?:\s+\d{1,2}:\d{2})?)$"
)
HANGUL_FIRST = "\uac00"  # Speed: the lowest character HANGUL_BYLINE_DATE can open with
# "Lee Ji-won, KBS World News, Seoul.": a broadcast script's closing sign-off: the reporter, the
# programme or channel (its name ends with a broadcasting word) and, optionally, the place.
REPORTER_SIGNOFF = re.compile(
    rf"^(?P<who>{NAME}),\s+(?P<outlet>(?:[A-Z][\w&'’.-]*\s+){{0,4}}"
    r"(?:News|TV|Radio|Television|Broadcasting|Network))"
    r"(?:,\s+(?:reporting\s+from\s+)?(?P<place>[A-ZÀ-ỸĐ][\w'’.-]*(?:\s+[A-ZÀ-ỸĐ][\w'’.-]*){0,3}))?\.?$"
)
# "by Lan Anh - NDO": the agency closing a byline is the source.
BYLINE_AGENCY = re.compile(rf"(?:^|[\s,/–—-])(?P<source>{AGENCY})$")


def take_byline(line: str, draft: Draft) -> bool:
    """A byline line, at the head or the foot of the text: the name is kept, the line goes.

    "By <agency>" ("By Yonhap") names the source, not a writer; "By <outlet>" names neither.
    """
    # Speed: every byline form opens with its word, or holds a "/" (name / outlet) or an "@".
    if (
        not line[:BYLINE_START_CHARS].lower().startswith(BYLINE_STARTS)
        and "/" not in line
        and "@" not in line
        and not line.endswith(")")
    ):
        return False
    byline_only = BYLINE_ONLY.match(line)
    if byline_only and len(byline_only.group("who").split()) <= MAX_BYLINE_WORDS:
        who = WHITESPACE.sub(" ", byline_only.group("who")).strip(" ,-–—|")
        who = TRAILING_TITLE.sub("", FROM_PLACE.sub("", REPORTER_TITLE.sub("", who)))
        if MASTHEAD.match(who) or fold_key(who) in AGENCY_NAMES:
            draft.header_source = draft.header_source or AGENCY_NAMES.get(fold_key(who))
            draft.drop("byline", line)
            return True
        set_byline(who, draft)
        draft.drop("byline", line)
        return True
    byline = BYLINE.match(line)
    if byline is None and line.endswith(")"):
        bracketed = NAME_BRACKET_OUTLET.match(line)
        outlet = bracketed.group("outlet").strip() if bracketed else ""
        if bracketed and (MASTHEAD.match(outlet) or fold_key(outlet) in AGENCY_NAMES) and is_name(bracketed.group("who")):
            draft.byline = draft.byline or bracketed.group("who")
            draft.drop("byline", line)
            return True
    if byline is None:
        labelled = LABELLED_BYLINE.match(line) or NAME_SLASH_OUTLET.match(line)
        if labelled is None:
            return _take_email_byline(line, draft)
        if draft.byline is None:
            draft.byline = labelled.group("who")
        draft.drop("byline", line)
        return True
    who = WHITESPACE.sub(" ", byline.group("who")).strip(" ,-–—|")
    who = TRAILING_TITLE.sub("", FROM_PLACE.sub("", REPORTER_TITLE.sub("", who)))
    writers = _writers(who)
    who = writers or who
    if not who or (len(who.split()) > MAX_BYLINE_WORDS and not writers):
        return False
    if MASTHEAD.match(who) or fold_key(who) in AGENCY_NAMES:
        draft.header_source = draft.header_source or AGENCY_NAMES.get(fold_key(who))
    elif AGENCY_TAG_LINE.match(who) or STANDALONE_AGENCY.match(who):
        draft.header_source = draft.header_source or who
    elif draft.byline is None or _is_hangul_only(draft.byline):
        draft.byline = name_case(who)
    draft.drop("byline", line)
    return True


def _is_hangul_only(name: str) -> bool:
    """A byline printed in Hangul alone ("박서연" above a Korean portal's copy of an English story):
    it gives way to the English byline the text prints ("BY PARK SEO-YEON [...]"), the same
    writer as the English edition spells the name; a byline in Latin letters is never replaced."""
    return name[:1] >= HANGUL_FIRST and all(
        character.isspace() or HANGUL_FIRST <= character <= "\ud7a3" for character in name
    )


def name_case(name: str) -> str:
    """A name printed in capitals ("PARK EUN-JI", "NGUYEN VAN AN") as it is written in text: each
    word capitalised, the syllables after a hyphen in lower case ("Park Eun-ji": Korean given names
    are romanised so). A name with any lower-case letter is left as printed ("McAllister")."""
    if not name.isupper():
        return name
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


def take_reporter_signoff(line: str, draft: Draft) -> bool:
    """A broadcast reporter's sign-off closing the text ("Lee Ji-won, KBS World News, Seoul."):
    the reporter is the byline, the line goes. Read only at the foot: a script ends so."""
    if "," not in line or len(line) > MAX_SIGNOFF_CHARS:
        return False
    match = REPORTER_SIGNOFF.match(line)
    if match is None or not is_name(match.group("who")):
        return False
    if draft.byline is None:
        draft.byline = match.group("who")
    draft.drop("signoff", line)
    return True


def _writers(who: str) -> str:
    """"Publisher Lee Kyung-ho with Vice Chairperson Cho Mi-sook, Won Ji-hye" → "Lee Kyung-ho with
    Cho Mi-sook, Won Ji-hye": the titles go; "" unless there were several writers or titles, and
    every writer is a name."""
    names = WRITER_TITLE.sub("", who)
    parts = [part for part in WRITER_JOINER.split(names) if part]
    if (names == who and len(parts) < 2) or not all(is_name(part) for part in parts):
        return ""
    return names


def interviewer(paragraph: str) -> str | None:
    """Who asked the questions, as the interview's intro paragraph names them; None if it does not."""
    if not any(verb in paragraph for verb in INTERVIEW_VERBS):
        return None  # Speed: a necessary condition for INTERVIEWER
    match = INTERVIEWER.search(paragraph)
    if match is None:
        return None
    return match.group("asker") or match.group("writer")


def _take_email_byline(line: str, draft: Draft) -> bool:
    """"Kim Jung-mi 기자 jmkim@koreapost.com", "Alphabiz Reporter Yoon Se-ra(yoonsr@...)": a short
    line with an e-mail signs the text; the name is what stands before the e-mail, after the
    outlet and the word "Reporter"."""
    if "@" not in line or len(line.split()) > MAX_EMAIL_BYLINE_WORDS:
        return False
    email = EMAIL_IN_LINE.search(line)
    if email is None or line[email.end():].strip(" )"):
        return False
    before = line[: email.start()].rstrip(" (").replace("기자", "").strip()
    before = before.split("Reporter")[-1].strip() if "Reporter" in before else before
    if before and not is_name(before):
        return False
    if before and draft.byline is None:
        draft.byline = before
    draft.drop("byline", line)
    return True


def is_name(text: str) -> bool:
    """Two to four words, each capitalised, none a word of page furniture: a person's name."""
    words = text.split()
    return (
        MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS
        and all(word[:1].isupper() and not any(c.isdigit() for c in word) for word in words)
        and not any(word.casefold() in NOT_NAME_WORDS for word in words)
    )


def set_byline(who: str, draft: Draft) -> None:
    """`who` is the byline; an agency closing it ("by Lan Anh - NDO") is the byline's source."""
    who = WHITESPACE.sub(" ", who).strip(" ,-–—|")
    draft.byline = who
    agency = BYLINE_AGENCY.search(who)
    if agency:
        draft.byline_source = agency.group("source")
