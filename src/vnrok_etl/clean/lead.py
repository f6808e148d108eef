"""What opens the lead: a dateline ("HÀ NỘI —", "SEOUL, June 22 (Yonhap) --"), an agency tag
("VGP - "), a byline glued to it, taken off the first paragraphs.

The header scan (header.py) stops at the first line that is text, and that line often opens with
the place and agency the story was filed from. Those words are not the article's: the place
becomes `Article.dateline`, the agency the source, and the sentence after them stays. Only a
place printed the way outlets print datelines counts (`is_dateline`), so "Seoul–Busan rail" or
"Hanoi, Seoul –" in a sentence is never cut. A wire wrapper stacked above the real dateline
("VIETNAM, June 23 - HÀ NỘI — ...") is taken too, and the inner, real place wins.

The teaser rules (teaser.py) use `dateline_match` and `is_dateline` to tell a lead from a standfirst.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.bylines import BRACKET_BYLINE, GLUED_BYLINE, REPORTER_TITLE
from vnrok_etl.clean.common import AGENCY, AGENCY_TAG, DATELINE_COUNTRY_KEYS, DOMAIN_SUFFIX, KNOWN_PLACE_SPELLING, Draft, ends_terminal
from vnrok_etl.clean.datelines import MONTHS
from vnrok_etl.profiles import MASTHEADS

# Seeds 002, 003, 004: "HÀ NỘI — ", "Hanoi (VNA) - ", and relatives "Seoul (VNA) – ", "SEOUL — ",
# "Hanoi, August 12 (VNA) - ", "SEOUL, Nov. 3 (Yonhap) -- ". The day in a dateline has no year and
# is never used as a date. With an agency code the text may follow the dash without a space.
#
# Wire and release services print more around the place: the year after the day ("HANOI, Dec 2,
# 2025 (AFP) –"), the country after the city and then the day ("SEOUL, South Korea, Dec. 2, 2025
# /PRNewswire/ --"), the service's name between slashes (release wires) and, after a day, any
# service's name in brackets ("SEOUL, Dec. 1 (Korea Bizwire) —", "TOKYO, May 3 (Kyodo News) --"):
# a bracketed name of one to three capitalised words after a place and a day is a byline tag.
# The region after the city may be printed in capitals or lower case too ("HANOI, VIETNAM —", a
# copy's "hanoi, vietnam —"); a city not in capitals then needs a country after it (`is_dateline`).
DATELINE = re.compile(
    rf"^(?P<place>[^\W\d_][^\W\d_'’.]*(?:[ '’.-]{{1,2}}[^\W\d_]+){{0,3}})"
    rf"(?:,\s*(?P<day>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    rf"|,\s*(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{{2,}}(?:\s[A-Z]{{2,}})?|[a-z]{{2,}}(?:\s[a-z]{{2,}})?)"
    rf"(?:,\s*(?P<region_day>(?i:{MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))?)?"
    rf"(?:\s*\((?P<agency>{AGENCY}|[A-Z]{{2,6}})\)"
    rf"|\s*\((?P<service>[A-Z][\w.&'’-]+(?:\s[A-Z][\w.&'’-]+){{0,2}})\)"
    rf"|\s+/(?P<wire>[A-Z][\w.&'’-]+(?:\s[A-Z][\w.&'’-]+){{0,2}})/)?"
    rf"(?P<gap>\s*)(?P<dash>[—–]|--?)(?P<after>[ \t]+|$|(?=[A-Z\"“‘]))"
)
# Speed: DATELINE's dash stands among the text's first words: a place of at most four, a day (three)
# or a region and its day (five), an agency, service or wire name (three), then the dash: 13 at
# most. Text with no dash among its first DATELINE_MAX_WORDS words opens with no DATELINE, and the
# pattern, tried from every split of a paragraph's opening words, costs about 10 µs (`dateline_match`).
DATELINE_MAX_WORDS = 16
# "SEOUL/HANOI, June 10 South Korea's ...", "HAIPHONG, March 3 Two Korean ...": a wire story's
# dateline printed with neither agency nor dash: places in capitals (several joined by "/"), a
# comma, a month's name and the day, then the sentence. Also a line of its own (a stub above the
# lead, "| SEOUL/HANOI, June 10"). The month's name is required: "ACME, Inc" is no dateline.
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’.-]+(?:[ /][A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’.-]+){0,3}),\s+"
    rf"(?P<day>(?i:{MONTHS})\.?\s+\d{{1,2}})(?:\s+(?=[A-Z\"“‘])|\s*$)"
)
# "The Hanoitimes - Low land rents ...", "Korea Herald – Two lenders ...": the outlet's own name
# as a tag opening the lead, spelled as the masthead is or with its words run together; the outlet
# is not a source (it is who printed the page), the sentence after the dash stays.
OUTLET_TAG = re.compile(r"^(?P<name>[A-Z][\w.&'’+]*(?:\s[A-Z][\w.&'’+]*){0,3})\s+[—–-]\s+(?=[A-Z\"“‘])")
MASTHEAD_KEYS = frozenset(re.sub(r"[\s.'’]", "", name.casefold()) for name in MASTHEADS)  # "Vietnam+" keeps its "+"
# "Hanoi: The General Department ...": a known place and a colon open the lead.
COLON_DATELINE = re.compile(r"^(?P<place>[^\W\d_][^\W\d_'’.]*(?:[ '’.-]{1,2}[^\W\d_]+){0,3}):[ \t]+")
# "(CNN)Every Saturday ...", "(UPI) Hundreds of ...": an agency's code in brackets opening the
# lead with no dash, glued to the first word or after one space. Only a known agency code (data):
# "(Reuters)" as a word of a sentence never opens one, and "(L) Ahn Duk-geun" is a caption's.
BRACKETED_AGENCY = re.compile(rf"^\((?P<tag>{AGENCY})\) ?(?=[A-Z\"“‘])")
# "(Bqp.vn) - Deputy Defence Minister ...", "(Baoquocte.vn) – ...": a site's own domain in
# brackets and a dash opening the lead, the tag a ministry's or paper's site prints as a news
# agency prints its code. The domain, as printed, is the source; there is no place.
BRACKETED_DOMAIN_TAG = re.compile(
    r"^\((?P<tag>[A-Za-z][\w-]{1,30}(?:\.[a-z]{2,6}){1,2})\)\s*(?:[—–]|--?)\s*(?=[A-Z\"“‘])"
)
# "HANOI, Vietnam", "SEOUL, South Korea": the AP's dateline as a paragraph of its own, the city
# in capitals and the country (or state) after a comma, nothing else; the lead follows.
PLACE_COUNTRY_LINE = re.compile(r"^(?P<place>[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’.-]+(?: [A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’.-]+){0,2}),\s+[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$")
# "AFP, CAN THO, Vietnam", "Reuters, SEOUL", "AP, HANOI": a wire story's credit line under the
# headline, the agency and the place it was filed from in capitals (a country after it), with
# nothing else on the line (the Taipei Times and other papers that print wire copy this way).
AGENCY_PLACE_LINE = re.compile(
    rf"^(?P<agency>{AGENCY}),\s+(?P<place>[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’.-]+(?: [A-ZÀ-ỸĐ][A-ZÀ-ỸĐ'’.-]+){{0,2}})"
    r"(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?$"
)
# "– Vietnam’s shrimp exports ...": the dash of a dateline whose place was lost.
BARE_DASH = re.compile(r"^[—–]\s+(?=[A-Z\"“‘'])")
# A dateline opens one of the first paragraphs (seed 002: the third).
DATELINE_SEARCH_PARAGRAPHS = 3
# A colon dateline ("Hanoi: ") stands within the first characters of the lead.
COLON_DATELINE_CHARS = 40


def dateline_match(text: str) -> re.Match[str] | None:
    """DATELINE.match(text), for text with a dash among its first DATELINE_MAX_WORDS words only."""
    opening = " ".join(text.split(None, DATELINE_MAX_WORDS)[:DATELINE_MAX_WORDS])
    if not ("-" in opening or "—" in opening or "–" in opening):
        return None
    return DATELINE.match(text)


def take_dateline(paragraphs: list[str], draft: Draft) -> list[str]:
    """Strip the dateline from the first paragraph that opens with one (seed 002: the third).

    A wire wrapper stacked above the real dateline ("VIETNAM, June 23 - HÀ NỘI — ...") is taken
    too, and the inner, real place wins. An agency tag ("VGP - ") gives the source, no place.
    """
    for index, paragraph in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        alone = PLACE_COUNTRY_LINE.match(paragraph) if index + 1 < len(paragraphs) else None
        if alone is not None and draft.dateline is None:
            place = alone.group("place")
            draft.dateline = KNOWN_PLACE_SPELLING.get(place.casefold()) or place.title()
            draft.drop("dateline", paragraph)
            return paragraphs[:index] + paragraphs[index + 1:]
        taken = _strip_dateline(paragraph, draft, lead=index == 0)
        if taken is None:
            continue
        inner = _strip_dateline(taken, draft, lead=False)  # the wrapper's place gives way
        rest = (inner if inner is not None else taken).strip()
        if not rest and inner is None and index + 1 < len(paragraphs):
            # The wrapper alone on its line ("VIETNAM, November 26 -", EIN Presswire's copies):
            # the real dateline opens the next paragraph, and its place wins as when glued.
            following = _strip_dateline(paragraphs[index + 1], draft, lead=False)
            if following is not None:
                return _without_datelined_copy(paragraphs[:index] + [following.strip()] + paragraphs[index + 2:], index, draft)
        return _without_datelined_copy(paragraphs[:index] + ([rest] if rest else []) + paragraphs[index + 1:], index, draft)
    return paragraphs


# How far below the lead its copy with the dateline may stand (a caption and a prompt between).
LEAD_COPY_SEARCH_PARAGRAPHS = 4
# A dateline is short: the copy is the lead and at most this many characters before it.
MAX_DATELINE_CHARS = 60


def _without_datelined_copy(paragraphs: list[str], index: int, draft: Draft) -> list[str]:
    """The lead printed again a little further down with its dateline ("BUSAN — <the lead>" under
    the photo and a "Follow TODAY on WhatsApp" prompt, as TODAY's saved pages print it after their
    summary): the copy leaves; the first print, whose dateline was taken, stays."""
    if index >= len(paragraphs):
        return paragraphs
    lead = paragraphs[index]
    if len(lead) < MAX_DATELINE_CHARS:
        return paragraphs
    for later in range(index + 1, min(len(paragraphs), index + 1 + LEAD_COPY_SEARCH_PARAGRAPHS)):
        copy = paragraphs[later]
        if len(copy) - len(lead) <= MAX_DATELINE_CHARS and copy.endswith(lead) and opens_with_dateline(copy):
            draft.drop("repeated_paragraph", copy)
            return paragraphs[:later] + paragraphs[later + 1:]
    return paragraphs


def _strip_dateline(paragraph: str, draft: Draft, lead: bool) -> str | None:
    glued = GLUED_BYLINE.match(paragraph) if paragraph.startswith("By ") else None
    if glued:
        draft.byline = draft.byline or glued.group("who")
        draft.drop("byline", glued.group(0))
        return paragraph[glued.end():]
    bracket = BRACKET_BYLINE.match(paragraph) if paragraph.startswith("[") else None
    if bracket:
        draft.byline = draft.byline or REPORTER_TITLE.sub("", bracket.group("who").strip())
        draft.drop("byline", bracket.group(0))
        return paragraph[bracket.end():]
    tag = AGENCY_TAG.match(paragraph)
    if tag and not tag.group("tag")[:1].islower():
        draft.dateline_source = draft.dateline_source or DOMAIN_SUFFIX.sub("", tag.group("tag"))
        draft.drop("agency_tag", tag.group(0))
        return paragraph[tag.end():]
    bracketed = BRACKETED_AGENCY.match(paragraph) if lead and paragraph[:1] == "(" else None
    if bracketed is not None:
        draft.dateline_source = draft.dateline_source or bracketed.group("tag")
        draft.drop("agency_tag", bracketed.group(0))
        return paragraph[bracketed.end():]
    domain = BRACKETED_DOMAIN_TAG.match(paragraph) if lead and paragraph[:1] == "(" else None
    if domain is not None:
        draft.dateline_source = draft.dateline_source or domain.group("tag")
        draft.drop("agency_tag", domain.group(0))
        return paragraph[domain.end():]
    outlet = OUTLET_TAG.match(paragraph) if lead else None
    if outlet is not None and re.sub(r"[\s.'’]", "", outlet.group("name").casefold()) in MASTHEAD_KEYS:
        draft.drop("masthead", outlet.group(0))
        return paragraph[outlet.end():]
    match = dateline_match(paragraph)
    if match is not None and is_dateline(match, paragraph[match.end():]):
        place = match.group("place")
        if _site_kind_tag(place, draft):
            draft.drop("masthead", match.group(0))
            return paragraph[match.end():]
        draft.dateline = KNOWN_PLACE_SPELLING.get(place.casefold()) or (
            place.title() if place.isupper() or place.islower() else place
        )
        draft.dateline_source = (
            match.group("agency") or match.group("wire") or match.group("service") or draft.dateline_source
        )
        draft.dateline_day = draft.dateline_day or match.group("day") or match.group("region_day")
        draft.drop("dateline", match.group(0))
        return paragraph[match.end():]
    wire = WIRE_DATELINE.match(paragraph) if paragraph[:1].isupper() and paragraph[1:2].isupper() else None
    if wire is not None:
        set_wire_dateline(wire, draft)
        return paragraph[wire.end():]
    colon = COLON_DATELINE.match(paragraph) if ":" in paragraph[:COLON_DATELINE_CHARS] else None
    if colon is not None and colon.group("place").casefold() in KNOWN_PLACE_SPELLING:
        rest = paragraph[colon.end():]
        if rest[:1].isupper():
            draft.dateline = KNOWN_PLACE_SPELLING[colon.group("place").casefold()]
            draft.drop("dateline", colon.group(0))
            return rest
    # Only the lead may open with a dateline's bare dash; a later "- " opens a list item.
    dash = BARE_DASH.match(paragraph) if lead and paragraph[:1] in "—–" else None
    if dash is not None and draft.dateline is None:
        draft.drop("dateline", dash.group(0))
        return paragraph[dash.end():]
    return None


def _site_kind_tag(place: str, draft: Draft) -> bool:
    """"PORTAL - On the afternoon of …" under the masthead "Binh Duong Provincial Portal": a lead
    opening with the last word of the site's own name (the kind of site it is: Portal, News,
    Online) in capitals is the site's tag, not a place. A known place never is ("SEOUL —" under
    "Seoul Economic Daily" is the dateline; a place is a name's first word, not its last)."""
    if not place.isupper() or " " in place:
        return False
    folded = place.casefold()
    if folded in KNOWN_PLACE_SPELLING or folded in DATELINE_COUNTRY_KEYS:
        return False
    return any(
        span.rule == "masthead" and span.text.split()[-1:] and span.text.split()[-1].casefold() == folded
        for span in draft.removed
    )


def opens_with_dateline(paragraph: str) -> bool:
    """Whether the paragraph opens with a dateline as `take_dateline` reads one ("HANOI -- ",
    "SEOUL, Nov. 28 (Yonhap) -- ", "SEOUL/HANOI, June 10 ", "Hanoi: " for a known place): the
    mark of an article's first paragraph. Read on a scratch draft; nothing is taken."""
    if not paragraph[:1].isupper():
        return False
    match = DATELINE.match(paragraph)
    if match is not None and is_dateline(match, paragraph[match.end():]):
        return True
    if paragraph[1:2].isupper() and WIRE_DATELINE.match(paragraph):
        return True
    colon = COLON_DATELINE.match(paragraph) if ":" in paragraph[:COLON_DATELINE_CHARS] else None
    return (
        colon is not None
        and colon.group("place").casefold() in KNOWN_PLACE_SPELLING
        and paragraph[colon.end():][:1].isupper()
    )


def take_agency_place_line(line: str, draft: Draft) -> bool:
    """An AGENCY_PLACE_LINE: the agency is the source, the place the dateline; the line leaves."""
    match = AGENCY_PLACE_LINE.match(line) if "," in line[:12] else None
    if match is None:
        return False
    place = match.group("place")
    draft.dateline = draft.dateline or KNOWN_PLACE_SPELLING.get(place.casefold()) or place.title()
    draft.dateline_source = draft.dateline_source or match.group("agency")
    draft.drop("dateline", line)
    return True


def set_wire_dateline(match: re.Match[str], draft: Draft) -> None:
    """A WIRE_DATELINE's first place (where the story was filed) is the dateline."""
    place = match.group("place").split("/")[0]
    draft.dateline = draft.dateline or KNOWN_PLACE_SPELLING.get(place.casefold()) or place.title()
    draft.drop("dateline", match.group(0))


def is_dateline(match: re.Match[str], rest: str) -> bool:
    """Only a place the way outlets print it: ALL CAPS, with an agency code, or a known city,
    followed by a capitalised sentence or by nothing (a dateline on its own line)."""
    first = rest.lstrip("\"“‘'(")[:1]
    if rest and not (first.isupper() or first.isdigit()):
        return False
    place = match.group("place")
    if match.group("agency"):
        return True
    if match.group("wire") or match.group("service"):  # only after a printed day, or a city in capitals
        return bool(match.group("day") or match.group("region_day")) and (
            place.isupper() or place.casefold() in KNOWN_PLACE_SPELLING
        )
    if rest and not match.group("after"):  # "Seoul–Busan": only an agency's dash may touch text
        return False
    region = match.group("region")
    if region and not place.isupper():  # "ANSAN, Gyeonggi —", never "Hanoi, Seoul –"
        # A country after the place makes it a dateline in any case ("Nghe An, Vietnam –", a
        # copy's lowercased "hanoi, vietnam —"): a sentence never opens "<Place>, <Country> —".
        # Two countries ("Vietnam, Korea – two partners ...") are a sentence's subject, no place.
        return (
            region.casefold() in DATELINE_COUNTRY_KEYS
            and place.casefold() not in DATELINE_COUNTRY_KEYS
            and bool(match.group("gap"))
        )
    if not match.group("gap"):  # "Seoul–Busan rail" is a compound, not a dateline
        return False
    if place.isupper() and len(place) >= 3:
        return True
    return match.group("dash") in "—–" and place.casefold() in KNOWN_PLACE_SPELLING


# A headline is a short line: at least this many words and at most that many, no closing mark.
MIN_NEXT_HEADLINE_WORDS = 3
MAX_NEXT_HEADLINE_WORDS = 20


def cut_next_story(paragraphs: list[str], draft: Draft) -> list[str]:
    """Another story printed under the article: a category, tag or archive page saves its
    stories one after another, each a headline line and a lead that opens with a dateline
    ("<headline>⏎seoul, south korea — South Korea will ..."). Under an article whose own lead
    had a dateline, a headline-like line (MIN_NEXT_HEADLINE_WORDS to MAX_NEXT_HEADLINE_WORDS
    words, capitalised, no sentence's closing mark) followed by a paragraph that opens with a
    dateline starts the next story: it and everything after it leave (rule "next_story"). A
    dateline inside an article opens no paragraph under a headline line; a subheading is
    followed by the article's own prose, never by a new dateline."""
    if draft.dateline is None or len(paragraphs) < 4:
        return paragraphs
    for index in range(2, len(paragraphs) - 1):
        heading = paragraphs[index]
        # Speed: the closing mark first; a paragraph that ends a sentence is no headline.
        if ends_terminal(heading) or not heading[:1].isupper():
            continue
        if not MIN_NEXT_HEADLINE_WORDS <= len(heading.split()) <= MAX_NEXT_HEADLINE_WORDS:
            continue
        following = paragraphs[index + 1]
        match = dateline_match(following)
        if match is not None and is_dateline(match, following[match.end():]):
            draft.drop("next_story", "\n\n".join(paragraphs[index:]))
            return paragraphs[:index]
    return paragraphs
