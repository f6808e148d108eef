"""Publication dates: one short date string in, a local date (and maybe an instant) out.

The cleaning stage finds *where* a date is stated (a ` date 2025-08-08` marker, an NDO byline
`by NDO 15/08/2025, 01:50`, a `<meta>`, `<time>` or JSON-LD value); this module only turns that
short string into values. dateparser does the parsing, with explicit settings so that the result
never depends on the machine or the day: day-first (`05/08/2025` is 5 August, the Vietnamese
convention), Asia/Ho_Chi_Minh for strings without an offset, a fixed RELATIVE_BASE, and all of
day, month and year required, so that "August 12" or "yesterday" yield nothing instead of a
guess anchored on today's date.

A date with no time of day gives `published_date` only: midnight +07:00 would claim a precision
the source never stated (decision in the cleaning issue).

Printed date lines state their zone in three ways, in this order of trust: an explicit offset or
zone name in the string (`15:01 GMT+7`, `08:50 KST`), the zone of the outlet that printed it
(the caller passes `zone`: Korean outlets print Korean time), and Asia/Ho_Chi_Minh otherwise.
A weekday or "Today" without a year is no date (None), never a guess from the day we run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SEOUL_TZ = ZoneInfo("Asia/Seoul")

# "GMT+7", "UTC+09:00", "(GMT+7)", "KST", "ICT" after the time: the zone the string states itself.
EXPLICIT_ZONE = re.compile(
    r"\s*\(?\b(?:(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?"
    r"|(?P<name>KST|JST|SGT|HKT|ICT|PST|PDT|PT|EST|EDT|ET|BST|GMT|UTC|CEST|CET))\b\)?"
)
ZONE_NAMES = {"KST": SEOUL_TZ, "ICT": LOCAL_TZ, "PT": ZoneInfo("America/Los_Angeles"),
              "PST": ZoneInfo("America/Los_Angeles"), "PDT": ZoneInfo("America/Los_Angeles"),
              "ET": ZoneInfo("America/New_York"), "EST": ZoneInfo("America/New_York"),
              "EDT": ZoneInfo("America/New_York"), "BST": ZoneInfo("Europe/London"),
              "GMT": timezone.utc, "UTC": timezone.utc, "CET": ZoneInfo("Europe/Paris"),
              "CEST": ZoneInfo("Europe/Paris"), "JST": ZoneInfo("Asia/Tokyo"),
              "SGT": ZoneInfo("Asia/Singapore"), "HKT": ZoneInfo("Asia/Hong_Kong")}
# "Tue 12 Aug 2025 01.05 BST": British pages print the time with a full stop; read after the year.
DOTTED_TIME = re.compile(r"(?<=\d{4} )(?P<H>\d{1,2})\.(?P<M>\d{2})$")
# "02 Dec 2025 06:00AM", "Mar 4, 2026 10:05PM": the half of the day glued to the time (CNA, TODAY
# and many CMS themes); the parser reads the time only with a space before it.
GLUED_MERIDIEM = re.compile(r"(?<=\d:\d\d)(?=[AaPp][Mm]\b)")
# "Last updated at 15:42 PM" (VTV News): a 24-hour time with the half of the day printed after it
# anyway; the hour says it, and the parser refuses "15:42 PM".
MERIDIEM_AFTER_24H = re.compile(r"(?P<time>\b(?:1[3-9]|2[0-3]):[0-5]\d)\s*[AaPp]\.?[Mm]\b\.?")
# "May 02, 2024 | 10:05 am", "Nov 14, 2024 / 16:42": a bar or slash between the date and the time.
DATE_TIME_BAR = re.compile(r"\s+[|/]\s+(?=\d{1,2}:\d{2})")
# "03/25/2016 09:42": a first field that cannot be a day's month is a US month-first date.
MONTH_FIRST = re.compile(r"^(?P<m>\d{1,2})/(?P<d>1[3-9]|2\d|3[01])/(?P<y>\d{4})")
# VNS prints "March, 10/2025 - 08:15": month name, then day/year. Rewritten "10 March 2025 - 08:15".
MONTH_DAY_SLASH_YEAR = re.compile(r"^(?P<month>[A-Z][a-z]{2,8})\.?,?\s+(?P<day>\d{1,2})/(?P<year>\d{4})")

# Anchors relative expressions to a fixed instant; with REQUIRE_PARTS they are refused anyway.
RELATIVE_BASE = datetime(2000, 1, 1)

DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "TO_TIMEZONE": "Asia/Ho_Chi_Minh",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "RELATIVE_BASE": RELATIVE_BASE,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    # No "relative-time" ("yesterday", "2 hours ago") and no "timestamp" (bare numbers).
    "PARSERS": ["custom-formats", "absolute-time"],
}

# Explicit formats tried first: the forms the outlets print, and ISO 8601 as markup carries it
# (also the fast path: a format match costs a fraction of dateparser's general parsing).
# dateparser's own parsing ("Saturday, August 9, 2025 10:15") is the fallback, still day-first.
DATE_FORMATS = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%d/%m/%Y, %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y - %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    # US order is only ever printed with AM/PM (The Korea Times: "11/20/2024 3:41:07 PM").
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    # East Asian order: "2021/12/12 19:26", "19:26, 2021/12/12", "2020.11.26 08:58".
    "%Y/%m/%d %H:%M",
    "%H:%M, %Y/%m/%d",
    "%H:%M %d/%m/%Y",
    "%Y/%m/%d",
    "%Y.%m.%d %H:%M",
    "%Y.%m.%d",
)

# Whether the string states a time of day (10:15, 10h15, T10:15).
TIME_OF_DAY = re.compile(r"\d{1,2}(?::|h)\d{2}\b")
# A publication date states its year; "August 12" in a dateline or caption is not one.
STATED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Vietnamese pages print the weekday first, in words or by its number ("Thứ Sáu, 15/08/2025
# 01:50", "Thứ 5, Ngày 12/11/2026, 16:00": Thursday is the fifth day), and may put the word
# "Ngày" (day) before the date; the date carries it all.
VIETNAMESE_WEEKDAY = re.compile(
    r"^\s*(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?", re.IGNORECASE
)
# "...T08:32:00+07:00", "...Z": an offset that ISO 8601 markup carries.
ISO_OFFSET = re.compile(r"T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$")
# Only ever parse short strings: a whole paragraph is never a date.
MAX_DATE_CHARS = 80

# Speed: the exact shapes that make up nearly every date in practice (all 3,144 dates the clean
# stage met in the benchmark corpora: seed markers, NDO bylines, ISO 8601 in markup), read by one
# regex and a datetime() call instead of dateparser's format loop (about 1 ms a date, measured).
# Each shape is a strict subset of what its DATE_FORMATS entry accepts (ASCII digits, two-digit
# fields where strptime takes one or two, one space where it takes any run) and of what no earlier
# entry accepts, so dateparser would return this very reading; anything else, or any value
# datetime() refuses, goes to dateparser unchanged. (?P<tz>) is the %z offset or "Z".
_TWO = "[0-9]{2}"
_ONE_OR_TWO = "[0-9]{1,2}"
FAST_SHAPES = tuple(
    re.compile(pattern)
    for pattern in (
        # "%Y-%m-%dT%H:%M:%S%z"
        rf"(?P<Y>[0-9]{{4}})-(?P<m>{_TWO})-(?P<d>{_TWO})T(?P<H>{_TWO}):(?P<M>{_TWO}):(?P<S>{_TWO})"
        rf"(?P<tz>Z|[+-]{_TWO}:[0-5][0-9])",
        # "%Y-%m-%d"
        rf"(?P<Y>[0-9]{{4}})-(?P<m>{_ONE_OR_TWO})-(?P<d>{_ONE_OR_TWO})",
        # "%d/%m/%Y, %H:%M" and "%d/%m/%Y %H:%M"
        rf"(?P<d>{_ONE_OR_TWO})/(?P<m>{_ONE_OR_TWO})/(?P<Y>[0-9]{{4}}),? (?P<H>{_ONE_OR_TWO}):(?P<M>{_TWO})",
        # "%d/%m/%Y"
        rf"(?P<d>{_ONE_OR_TWO})/(?P<m>{_ONE_OR_TWO})/(?P<Y>[0-9]{{4}})",
    )
)
# Asia/Ho_Chi_Minh has been UTC+07:00 without a change since 13 June 1975: from 1976 on, a local
# time without an offset means the same instant in dateparser's pytz zone and in LOCAL_TZ.
FIXED_OFFSET_SINCE_YEAR = 1976

_TIME = r"(?:\s*[-,]?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
MONTH_FIRST_NAME = re.compile(
    r"(?:(?P<weekday>[A-Za-z]{3,9}),?\s+)?(?P<month>[A-Za-z]{3,9}\.?)\s+(?P<d>\d{1,2}),?\s+(?P<Y>\d{4})"
    + _TIME
)
DAY_FIRST_NAME = re.compile(
    r"(?:(?P<weekday>[A-Za-z]{3,9}),?\s+)?(?P<d>\d{1,2})\s+(?P<month>[A-Za-z]{3,9}\.?),?\s+(?P<Y>\d{4})"
    + _TIME
)
PRINTED_DATE_SOURCES = frozenset({"text", "byline"})
MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
WEEKDAY_NAMES = frozenset(
    "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday "
    "sun sunday".split()
)

_PARSER: DateDataParser | None = None


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication date as stated: the local calendar date, the instant when a time was given."""

    published_date: date
    published_at: datetime | None
    date_source: str


def parse_date(text: str, date_source: str, zone: ZoneInfo | None = None) -> FoundDate | None:
    """Parse one short date string; None when it is not a complete, unambiguous date.

    `zone` is the printing outlet's zone for a string that states none (Asia/Ho_Chi_Minh when
    not given); an offset or zone name in the string itself wins over it.
    """
    text = VIETNAMESE_WEEKDAY.sub("", text.strip())
    if not text or len(text) > MAX_DATE_CHARS or not STATED_YEAR.search(text):
        return None
    if "|" in text:
        text = _first_of_two_dates(text)
    stated = EXPLICIT_ZONE.search(text)
    if stated is not None:
        text = (text[: stated.start()] + text[stated.end():]).strip(" ,")
        zone = _stated_zone(stated)
    text = DOTTED_TIME.sub(r"\g<H>:\g<M>", text)
    if "M" in text or "m" in text:
        text = GLUED_MERIDIEM.sub(" ", text)
        text = MERIDIEM_AFTER_24H.sub(r"\g<time>", text)
    text = MONTH_DAY_SLASH_YEAR.sub(r"\g<day> \g<month> \g<year>", text)
    text = DATE_TIME_BAR.sub(" ", text)
    text = MONTH_FIRST.sub(r"\g<d>/\g<m>/\g<y>", text)
    local = _parse_fast(text) or _parse_month_name(text)
    if local is None:
        parsed = _parser().get_date_data(text, list(DATE_FORMATS)).date_obj
        if parsed is None:
            return None
        local = parsed.astimezone(LOCAL_TZ) if parsed.tzinfo else parsed.replace(tzinfo=LOCAL_TZ)
    if zone is not None and zone is not LOCAL_TZ:
        # An instant stays the same instant, seen from the outlet's zone; a wall-clock time read
        # as Hà Nội time is the outlet's own.
        local = local.astimezone(zone) if _states_offset(text) else local.replace(tzinfo=zone)
    has_time = bool(TIME_OF_DAY.search(text))
    return FoundDate(
        published_date=local.date(),
        published_at=local if has_time else None,
        date_source=date_source,
    )


def _first_of_two_dates(text: str) -> str:
    """"2025.11.26 15:08:41 | 2025.11.26 15:10:03": two full dates joined by a bar, the time the
    page was posted and the time it was updated (Pulse, Maeil Business's English pages, and Korean
    CMSs' "2025-03-04 09:12 | 2025-03-05 10:40"): the first is the publication. A bar before a time alone
    ("May 02, 2024 | 10:05 am") joins one date and is left to DATE_TIME_BAR."""
    first, bar, second = text.partition("|")
    if bar and STATED_YEAR.search(first) and STATED_YEAR.search(second):
        return first.strip()
    return text


def _stated_zone(match: re.Match[str]) -> ZoneInfo | timezone:
    if match.group("name"):
        return ZONE_NAMES[match.group("name")]
    minutes = int(match.group("hours")) * 60 + int(match.group("minutes") or 0)
    if minutes == 7 * 60 and match.group("sign") == "+":
        return LOCAL_TZ
    if minutes == 9 * 60 and match.group("sign") == "+":
        return SEOUL_TZ
    return timezone(timedelta(minutes=-minutes if match.group("sign") == "-" else minutes))


def _states_offset(text: str) -> bool:
    """An ISO 8601 string with its own offset ("+07:00", "Z") is already an instant."""
    return bool(ISO_OFFSET.search(text))


def _parse_month_name(text: str) -> datetime | None:
    """"Sunday, November 27, 2022, 15:01", "Sept 14, 2023 - 17:42", "14 Oct. 2025, 18:20",
    "December 07, 2022 1:32 PM": the English month-name forms outlets print, read without
    dateparser (about 8 ms a string there); anything else, or an impossible value, goes to it."""
    match = MONTH_FIRST_NAME.fullmatch(text) or DAY_FIRST_NAME.fullmatch(text)
    if match is None:
        return None
    fields = match.groupdict()
    month = MONTH_NUMBERS.get(fields["month"].lower().rstrip("."))
    weekday = fields.get("weekday")
    if month is None or (weekday and weekday.lower().rstrip(",") not in WEEKDAY_NAMES):
        return None
    hour = int(fields.get("H") or 0)
    marker = (fields.get("ampm") or "").lower().replace(".", "")
    if marker:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if marker == "pm" else 0)
    try:
        moment = datetime(
            int(fields["Y"]), month, int(fields["d"]), hour, int(fields.get("M") or 0),
            int(fields.get("S") or 0), tzinfo=LOCAL_TZ,
        )
    except ValueError:
        return None
    return moment if moment.year >= FIXED_OFFSET_SINCE_YEAR else None


def _parse_fast(text: str) -> datetime | None:
    """The local time for one of FAST_SHAPES, as dateparser would give it; None: ask dateparser."""
    for shape in FAST_SHAPES:
        match = shape.fullmatch(text)
        if match is None:
            continue
        fields = match.groupdict()
        offset = fields.get("tz")
        try:
            if offset is None:
                if int(fields["Y"]) < FIXED_OFFSET_SINCE_YEAR:
                    return None
                tzinfo = LOCAL_TZ
            elif offset == "Z":
                tzinfo = timezone.utc
            else:
                minutes = int(offset[1:3]) * 60 + int(offset[4:6])
                tzinfo = timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))
            moment = datetime(
                int(fields["Y"]), int(fields["m"]), int(fields["d"]),
                int(fields.get("H") or 0), int(fields.get("M") or 0), int(fields.get("S") or 0),
                tzinfo=tzinfo,
            )
        except ValueError:  # 31/02, hour 24, offset past 24 h: dateparser has the last word
            return None
        return moment.astimezone(LOCAL_TZ)
    return None


def _parser() -> DateDataParser:
    """One parser for the process: building it loads dateparser's language data."""
    global _PARSER
    if _PARSER is None:
        _PARSER = DateDataParser(languages=["en"], settings=DATEPARSER_SETTINGS)
    return _PARSER


PRINTED_DATE_SOURCES = frozenset({"text", "byline"})
DATELINE_DAY = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})\b")


def dateline_date(found: FoundDate | None, dateline_day: str | None) -> FoundDate | None:
    """The date a dateline prints with its year, when the text printed no other date: a wire or
    release's "WASHINGTON, November 18, 2026 –", "HANOI, Dec 2, 2025 (AFP) –", "SEOUL, South Korea,
    Dec. 2, 2025 /PRNewswire/ --" (the day the story was filed). A dateline's day without a year
    ("SEOUL, Nov. 28 (Yonhap) --") is never a date."""
    if found is not None or dateline_day is None or not STATED_YEAR.search(dateline_day):
        return found
    return parse_date(dateline_day, "text")


def agree_with_dateline(found: FoundDate | None, dateline_day: str | None) -> FoundDate | None:
    """Read a numeric date the other way round when only that reading agrees with the dateline.

    "03/12/2025 04:12 PM" above "HANOI, Dec 3 (Bernama) --" is 3 December: a numeric date whose
    day and month are both at most 12 can be read either way, and the format chosen (US order with
    AM/PM, day first otherwise) is only a guess; the dateline's month name and day, printed by the
    same desk the same day, settle it. A date that already agrees, or that no swap makes agree, is
    kept as read.
    """
    if found is None or dateline_day is None or found.date_source not in PRINTED_DATE_SOURCES:
        return found  # markup dates (ISO 8601) are never ambiguous
    match = DATELINE_DAY.match(dateline_day)
    month = MONTH_NUMBERS.get(match.group("month").lower()) if match else None
    if month is None:
        return found
    day = int(match.group("day"))
    printed = found.published_date
    if (printed.month, printed.day) == (month, day) or (printed.month, printed.day) != (day, month):
        return found
    swapped = printed.replace(month=month, day=day)
    instant = found.published_at.replace(month=month, day=day) if found.published_at is not None else None
    return FoundDate(published_date=swapped, published_at=instant, date_source=found.date_source)

