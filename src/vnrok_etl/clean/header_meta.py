"""The header's lines that say who wrote the article and when: bylines and date lines.

A header states its writer and its date in many forms, alone or together on one line: the saving
tool's ` date YYYY-MM-DD` marker; a byline with its date ("Minh Vu 19:26, 2021/12/12", a Korean
portal's "<name in Hangul> 2025. 4. 9. 16:42", "Ngọc Lan | 20/02/2025"); a date line, labelled or
not ("Published : Sept 14, 2023 - 17:42", "• 승인 2024.09.03 10:12"); a template's byline word with
no name ("By Nov 14, 2025 (Gmt+09:00)"); a meta line of segments ("Source: Xinhua| 2025-11-20
21:14:30|Editor: Wang Lin"); a blog theme's post line ("In Uncategorized on December 2, 2025 at
4:15 pm"); a zone label ("Vietnam Time") for the date line below it. Each is read here into the
scan's dates (header.HeaderScan) and the draft's byline; which of the dates is the article's is
decided once the whole header is read (`choose_date`).

Separate from the scan (header.py) because these forms are one concern, the article's meta data,
and grow with every new template; the byline forms themselves are bylines.py's, the forms of a
date line datelines.py's, the outlet's zone outlet_zone.py's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vnrok_etl.clean.bylines import (
    BYLINE_THEN_DATE,
    DATED_BYLINES,
    HANGUL_BYLINE_DATE,
    HANGUL_FIRST,
    NAME,
    REPORTER_TITLE,
    is_name,
    set_byline,
    take_byline,
)
from vnrok_etl.clean.common import (
    AGENCY_SET,
    EMAIL_LINE,
    KNOWN_PLACE_SPELLING,
    Draft,
    fold_key,
)
from vnrok_etl.clean.datelines import (
    DATE_LINE,
    is_date_line,
    is_date_words,
    may_be_date_line,
)
from vnrok_etl.clean.header_furniture import is_label
from vnrok_etl.clean.outlet_zone import MAX_ZONE_LABEL_CHARS, ZONE_LABELS
from vnrok_etl.dates import SEOUL_TZ, parse_date
from vnrok_etl.profiles import AGENCY_NAMES

if TYPE_CHECKING:
    from vnrok_etl.clean.header import HeaderScan

# Seeds 000, 003, 004: the text opens with " date 2025-08-08 " and the first paragraph follows on
# the same line.
DATE_MARKER = re.compile(r"^date:?[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?=[ \t]|$)")

# "  • 승인 2024.09.03 10:12": a list bullet before a header line.
LEADING_BULLET = re.compile(r"^[•·▪]\s*")
# "... 17:42       Updated : Sept 14, 2023 - 17:42", "...15:33:39Updated: ...": a second label
# splits one line into two date lines; so does a label glued to a byline ("By X" + "Published").
SECOND_DATE_LABEL = re.compile(r"(?<=\S)\s*(?=(?:last\s+)?(?:updated?|published|posted|modified)(?:\s+on)?\s*:)", re.I)

# "By Nov 14, 2025 (Gmt+09:00)": a template that prints the byline's word and the date but left
# the writer's name empty; the line is a date line, and names no one.
# Also "by ,http://vietnamnews.vn/society/....html14 Nov 2026 Last updated at 15:42 PM" (VTV
# News' copies): the name left empty before its comma, the copied story's address glued to the
# date, and the date under a "Last updated at" label.
EMPTY_BYLINE = re.compile(
    r"^(?i:by)(?:\s*,\s*|\s+)(?:(?:https?://|www\.)\S+?\.(?:html?|aspx?|php|vnp|vov|chn)(?=\d))?"
    r"(?P<date>\S.*)$"
)
UPDATED_AT_LABEL = re.compile(r"\s+(?i:(?:last\s+)?updated(?:\s+(?:at|on))?:?)\s+")
# "(Gmt+09:00)" after a date with no time of day: the offset says nothing about the day, and read
# with the date as midnight in that zone it would move the day back (`_date_text`).
BARE_ZONE = re.compile(r"\s*\(?\s*(?i:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?\s*$")
TIME_OF_DAY = re.compile(r"\d:\d\d")
# "Ngọc Lan |", "Minh Chau | 20/02/2025": a name, then the separator of the byline's next field
# (the date, printed or left empty).
NAME_THEN_BAR = re.compile(rf"^(?P<who>{NAME})\s*\|\s*(?P<date>[^|]*)$")

# A meta line's segments: "Source: Xinhua| 2025-11-20 21:14:30|Editor: Wang Lin", "Seoul ● Tue, ...".
META_SEGMENT_SEPARATOR = re.compile(r"\s*[|●]\s*")
MAX_META_SEGMENTS = 5

MAX_BYLINE_LINE_CHARS = 120
META_SEGMENT_LABEL = re.compile(
    r"^(?:(?P<field>source|editor|editors|photo|category|section|filed under|posted in|tags?)\s*:\s*(?P<value>.{1,40})"
    r"|issue\s*(?:no\.?\s*)?#?\s*\d{1,5}|vol(?:ume)?\.?\s*\d{1,4}"
    r"|(?:(?:posted|written|published)\s+)?by\s+(?P<by>.{2,40}))$",
    re.IGNORECASE,
)
# "In Uncategorized on December 2, 2025 at 4:15 pm", "Posted on May 3, 2024 by Jane Doe": a blog
# theme's post meta line (WordPress prints the category, the date, the time and the author).
WORDPRESS_POSTED = re.compile(
    r"^(?:(?:posted|published|filed)\s+)?(?:(?:in|under)\s+[\w ,&'’-]{1,40}?\s+)?on\s+(?P<date>[^|]{6,40}?)"
    r"(?:,?\s+at\s+(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?))?(?:\s+by\s+(?P<who>[^|]{2,40}))?$",
    re.IGNORECASE,
)
# "Posted : 2025-09-15 17:40", "Published: ...": the date the outlet says it published; it wins
# over an unlabelled date line, which on a saved page may be the day it was saved ("Wed,
# September 17, 2025 | 09:12" in the page's top bar).
PUBLISHED_LABEL = re.compile(r"^(?:published|posted)\b", re.IGNORECASE)

SLASH_SEPARATOR = re.compile(r"\s+/\s+")

# "Báo Thanh NiênBáo Thanh Niên08/07/2025": the source paper's name printed twice (its logo's
# text and its link) glued to the day-first date it published: a date line.
DOUBLED_NAME_DATE = re.compile(r"^(?P<name>\S.{2,40}?)(?P=name)\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})$")
# "Straits Times27-05-2025", "South China Morning Post14-03-2026": an aggregator prints the origin
# outlet's name and the day-first date in adjacent elements, glued in the page's text: a date line
# (the name is the outlet's, never a writer's).
NAME_GLUED_DATE = re.compile(
    r"^(?P<name>[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,5}?[a-z.])(?P<date>\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$"
)


def _take_dated_byline(
    match: re.Match[str] | None, line: str, draft: Draft, header: HeaderScan, zone: object = None
) -> bool:
    """A byline with its date: the writer, and the date in `zone` (the outlet's by default)."""
    if match is None:
        return False
    set_byline(match.group("who"), draft)
    found = parse_date(match.group("date"), "byline", zone or header.zone.get())
    if found is not None:
        header.dates.append(found)
    draft.drop("byline", line)
    return True


def _take_outlet_dated(match: re.Match[str] | None, line: str, draft: Draft, header: HeaderScan) -> bool:
    """An outlet's name glued to a date (NAME_GLUED_DATE, DOUBLED_NAME_DATE): the page's date line,
    when its date reads as one; the name is no writer's."""
    found = parse_date(match.group("date"), "text", header.zone.get()) if match is not None else None
    if found is None:
        return False
    header.dates.append(found)
    header.after_date_line = True
    draft.drop("date_line", line)
    return True


def _date_text(text: str) -> str:
    """A printed date without the zone offset closing it when it states no time of day ("Nov 14,
    2025 (GMT+09:00)" is 14 November wherever it is read)."""
    zone = BARE_ZONE.search(text)
    if zone is None or TIME_OF_DAY.search(text[: zone.start()]):
        return text
    return text[: zone.start()]


def names_date_label(line: str) -> bool:
    """A cheap necessary condition for SECOND_DATE_LABEL (its label is followed by a colon; the
    pattern, a look-behind tried at every position, costs tens of µs on a lead's line)."""
    if ":" not in line:
        return False
    lowered = line.lower()
    return "updat" in lowered or "publish" in lowered or "posted" in lowered or "modified" in lowered


def take_byline_or_date(line: str, draft: Draft, header: HeaderScan) -> bool:
    glued = NAME_GLUED_DATE.match(line) if line[-5:-4] in ("-", "/", ".") and line[-4:].isdigit() else None
    if _take_outlet_dated(glued, line, draft, header):
        return True
    if line[:1] >= HANGUL_FIRST:  # "박서윤 2025. 4. 9. 16:42": a Korean site prints Korean time
        if _take_dated_byline(HANGUL_BYLINE_DATE.match(line), line, draft, header, SEOUL_TZ):
            return True
    # Speed: both dated bylines end with a digit (a space after it at most); most lines do not.
    for pattern in DATED_BYLINES if line.rstrip()[-1:].isdigit() else ():
        # "by NDO 15/08/2025, 01:50", "Minh Vu 19:26, 2021/12/12"
        if _take_dated_byline(pattern.match(line), line, draft, header):
            return True
    empty = EMPTY_BYLINE.match(line) if line[:2] in ("By", "by", "BY") and line[2:3] in (" ", ",") else None
    date_text = UPDATED_AT_LABEL.sub(" ", empty.group("date")) if empty else ""
    if empty and is_date_words(date_text):  # "By Nov 14, 2025 (Gmt+09:00)": no name
        found = parse_date(_date_text(date_text), "byline", header.zone.get())
        if found is not None:
            header.dates.append(found)
        draft.drop("byline", line)
        return True
    if take_byline(line, draft):
        return True
    barred = NAME_THEN_BAR.match(line) if line.rstrip().endswith("|") or " | " in line else None
    if barred and is_name(barred.group("who")) and (
        not barred.group("date").strip() or is_date_words(barred.group("date").strip())
    ):
        if draft.byline is None:
            draft.byline = barred.group("who")
        date_text = barred.group("date").strip()
        found = parse_date(date_text, "byline", header.zone.get()) if date_text else None
        if found is not None:
            header.dates.append(found)
        draft.drop("byline", line)
        return True
    together = BYLINE_THEN_DATE.match(line)
    if together and is_date_words(together.group("date")):
        if draft.byline is None:
            draft.byline = together.group("who")
        zone = header.zone.get()
        found = parse_date(together.group("date"), "text", zone)
        if found is not None:
            header.dates.append(found)
        header.after_date_line = True
        draft.drop("byline", line)
        return True
    if EMAIL_LINE.match(line):
        draft.drop("byline_email", line)
        return True
    doubled = DOUBLED_NAME_DATE.match(line) if line[-5:-4] == "/" else None
    if _take_outlet_dated(doubled, line, draft, header):
        return True
    bullet = LEADING_BULLET.match(line)
    dated = line[bullet.end():] if bullet else line
    date_line = DATE_LINE.match(dated) if may_be_date_line(dated) else None
    if date_line and is_date_words(date_line.group("date")):
        zone = header.zone.get()
        found = parse_date(_date_text(date_line.group("date")), "text", zone)
        if found is not None:
            header.dates.append(found)
            if PUBLISHED_LABEL.match(line[bullet.end():] if bullet else line):
                header.published.append(found)
        header.after_date_line = True
        draft.drop("date_line", line)
        return True
    if ("|" in line or "●" in line) and _take_segmented_meta(line, draft, header):
        return True
    posted = WORDPRESS_POSTED.match(line) if " on " in line[:60] else None
    if posted is not None and is_date_words(posted.group("date")):
        # "In Uncategorized on December 2, 2025 at 4:15 pm": a blog theme's post meta line
        time = f" {posted.group('time')}" if posted.group("time") else ""
        found = parse_date(posted.group("date") + time, "text", header.zone.get())
        if found is not None:
            header.dates.append(found)
            header.published.append(found)
            if posted.group("who") and is_name(posted.group("who")) and draft.byline is None:
                draft.byline = posted.group("who")
            draft.drop("date_line", line)
            return True
    parts = SLASH_SEPARATOR.split(line) if " / " in line else ()
    found = None
    if len(parts) >= 2 and is_date_line(parts[-1]):
        zone = header.zone.get()
        found = parse_date(DATE_LINE.match(parts[-1]).group("date"), "text", zone)
    if found is not None:
        # "FINANCE / Reporter Yoon Se-ra / 2025-02-11 09:14:36": section, writer and date on one line
        header.dates.append(found)
        for part in parts[:-1]:
            writer = REPORTER_TITLE.match(part)
            if writer and draft.byline is None and is_name(part[writer.end():]):
                draft.byline = part[writer.end():]
        draft.drop("date_line", line)
        return True
    stripped = line.strip()  # Speed: casefold never shortens a text, so a long line is no label
    zone_label = ZONE_LABELS.get(stripped.casefold()) if len(stripped) <= MAX_ZONE_LABEL_CHARS else None
    if zone_label is not None:
        header.zone.override = zone_label
        draft.drop("zone_label", line)
        return True
    return False


def is_bulleted_date(line: str) -> bool:
    bullet = LEADING_BULLET.match(line)
    return bullet is not None and is_date_line(line[bullet.end():])


def is_byline_line(line: str) -> bool:
    """Whether `line` is a byline alone (read on a scratch draft). Not a date line: VGP prints
    its date line under the lead, so a sentence above a date may be the lead itself."""
    return len(line) <= MAX_BYLINE_LINE_CHARS and take_byline(line, Draft())


def _take_segmented_meta(line: str, draft: Draft, header: HeaderScan) -> bool:
    """A meta line of segments joined by bars or a round bullet, one of them a date and every other
    one a label: "Source: Xinhua| 2025-11-20 21:14:30|Editor: Wang Lin", "Issue #12 | Monday,
    March 3, 2025", "Posted by admin | 18/11/2025 | News", "2025-07-02 | Lee Min-ho", "Seoul ●
    Tue, December 2, 2025". Read: the date; a name (alone or after "by") as the byline, unless it
    is a site account ("admin"); "Source: <agency>" as the source; a known city as the dateline
    (the place the story was filed from, printed with its date). Editors, issue numbers and
    section names are furniture. Any segment of prose (a sentence, a long phrase) and the line
    stays: it is not a meta line.
    """
    segments = [segment.strip() for segment in META_SEGMENT_SEPARATOR.split(line)]
    segments = [segment for segment in segments if segment]
    if len(segments) < 2 or len(segments) > MAX_META_SEGMENTS:
        return False
    dates = [segment for segment in segments if is_date_line(segment)]
    if len(dates) != 1:
        return False
    byline = source = place = None
    for segment in segments:
        if segment is dates[0]:
            continue
        label = META_SEGMENT_LABEL.match(segment)
        if label is not None:
            if label.group("by") and is_name(label.group("by")):
                byline = label.group("by")
            value = (label.group("value") or "").strip()
            if label.group("field") and label.group("field").lower() == "source" and value:
                source = AGENCY_NAMES.get(fold_key(value)) or (value if value in AGENCY_SET else None)
            continue
        if is_name(segment):
            byline = byline or segment
        elif segment.casefold() in KNOWN_PLACE_SPELLING:
            place = KNOWN_PLACE_SPELLING[segment.casefold()]
        elif not is_label(segment):
            return False
    found = parse_date(_date_text(DATE_LINE.match(dates[0]).group("date")), "text", header.zone.get())
    if found is not None:
        header.dates.append(found)
    if byline and draft.byline is None:
        draft.byline = byline
    if source:
        draft.header_source = draft.header_source or source
    if place and draft.dateline is None:
        draft.dateline = place
    header.after_date_line = True
    draft.drop("date_line", line)
    return True


def choose_date(header: HeaderScan, draft: Draft) -> None:
    """The first printed date that states a time of day; else the first date found. Dates under a
    "Published"/"Posted" label are read first: they say what the others only suggest. A date
    stated only above the headline gives way to one printed under it (a today widget)."""
    if draft.found_date is not None or not header.dates:
        return
    dates = header.published or header.dates
    above, under = header.dates[: header.dates_above_title], header.dates[header.dates_above_title:]
    if not header.published and above and under and all(found.published_at is None for found in above):
        # A bare date above the headline and another under it: the one above is the site's today
        # widget ("Sunday, November 30, 2025" in the top bar), the one under it the article's.
        dates = under
    timed = next((found for found in dates if found.published_at is not None), None)
    draft.found_date = timed or dates[0]
