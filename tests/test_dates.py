"""Date strings as the outlets print them: day first, local time, never relative to today."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from vnrok_etl.dates import FoundDate, parse_date

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("text", "expected_date", "expected_at"),
    [
        # NDO byline (seed 001): day first, local time.
        ("15/08/2025, 01:50", date(2025, 8, 15), datetime(2025, 8, 15, 1, 50, tzinfo=HCM)),
        ("05/08/2025, 09:10", date(2025, 8, 5), datetime(2025, 8, 5, 9, 10, tzinfo=HCM)),
        ("03/02/2025 14:05", date(2025, 2, 3), datetime(2025, 2, 3, 14, 5, tzinfo=HCM)),
        # Seed markers: a date without a time gives no instant.
        ("2025-08-08", date(2025, 8, 8), None),
        ("05/08/2025", date(2025, 8, 5), None),
        # Markup values: ISO 8601 with an offset, or UTC converted to local time.
        ("2025-08-09T08:32:00+07:00", date(2025, 8, 9), datetime(2025, 8, 9, 8, 32, tzinfo=HCM)),
        ("2025-08-11T02:30:00Z", date(2025, 8, 11), datetime(2025, 8, 11, 9, 30, tzinfo=HCM)),
        # 20:30 UTC on the 10th is already the 11th in Hà Nội: the local date is the source's date.
        ("2025-08-10T20:30:00Z", date(2025, 8, 11), datetime(2025, 8, 11, 3, 30, tzinfo=HCM)),
        ("Saturday, August 9, 2025 10:15", date(2025, 8, 9), datetime(2025, 8, 9, 10, 15, tzinfo=HCM)),
        ("August 09, 2025", date(2025, 8, 9), None),
        ("Thứ Sáu, 15/08/2025 01:50", date(2025, 8, 15), datetime(2025, 8, 15, 1, 50, tzinfo=HCM)),
        ("Chủ Nhật, 10/08/2025", date(2025, 8, 10), None),
    ],
)
def test_parse_date(text: str, expected_date: date, expected_at: datetime | None) -> None:
    found = parse_date(text, "test")
    assert found == FoundDate(published_date=expected_date, published_at=expected_at, date_source="test")


def test_instant_is_timezone_aware() -> None:
    found = parse_date("15/08/2025, 01:50", "byline")
    assert found is not None and found.published_at is not None
    assert found.published_at.isoformat() == "2025-08-15T01:50:00+07:00"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "yesterday",  # relative: would depend on the day the pipeline runs
        "2 hours ago",
        "today 09:10",
        "August 12",  # no year: a dateline day or a caption, never a publication date
        "13/25/2025",  # no 25th month: no month-first fallback
        "32/08/2025",
        "not a date at all",
        "15/08/2025, 01:50 " + "x" * 100,  # a paragraph is never parsed as a date
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text, "test") is None


def test_date_source_is_passed_through() -> None:
    found = parse_date("2025-08-09", "marker")
    assert found is not None and found.date_source == "marker"


SEOUL = ZoneInfo("Asia/Seoul")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


@pytest.mark.parametrize(
    ("text", "expected_at"),
    [
        # a zone printed in the string wins over any default
        ("Sunday, November 27, 2022, 15:01 GMT+7", datetime(2022, 11, 27, 15, 1, tzinfo=HCM)),
        ("December 07, 2022 1:32 PM GMT+7", datetime(2022, 12, 7, 13, 32, tzinfo=HCM)),
        ("03/25/2016 09:42 GMT + 7", datetime(2016, 3, 25, 9, 42, tzinfo=HCM)),
        ("2022/08/05 09:38 KST", datetime(2022, 8, 5, 9, 38, tzinfo=SEOUL)),
        ("November 20, 2023 | 06:15 pm PT", datetime(2023, 11, 20, 18, 15, tzinfo=LOS_ANGELES)),
        # printed forms of the outlets
        ("March, 10/2025 - 08:15", datetime(2025, 3, 10, 8, 15, tzinfo=HCM)),
        ("Nov 14, 2024 / 16:42", datetime(2024, 11, 14, 16, 42, tzinfo=HCM)),
        ("May 02, 2024 | 10:05 am GMT+7", datetime(2024, 5, 2, 10, 5, tzinfo=HCM)),
        ("11/20/2024 3:41:07 PM", datetime(2024, 11, 20, 15, 41, 7, tzinfo=HCM)),
        ("19:26, 2021/12/12", datetime(2021, 12, 12, 19, 26, tzinfo=HCM)),
        ("09:30 14/08/2025", datetime(2025, 8, 14, 9, 30, tzinfo=HCM)),
        ("Sept 10, 2021 - 18:37", datetime(2021, 9, 10, 18, 37, tzinfo=HCM)),
    ],
)
def test_printed_date_lines(text: str, expected_at: datetime) -> None:
    found = parse_date(text, "text")
    assert found is not None and found.published_at == expected_at
    assert found.published_date == expected_at.date()


@pytest.mark.parametrize(
    ("text", "expected_at"),
    [
        ("Sept 14, 2023 - 17:42", datetime(2023, 9, 14, 17, 42, tzinfo=SEOUL)),
        ("Apr. 17, 2024 - 11:20", datetime(2024, 4, 17, 11, 20, tzinfo=SEOUL)),
    ],
)
def test_the_outlets_zone_applies_to_a_date_without_one(text: str, expected_at: datetime) -> None:
    found = parse_date(text, "text", SEOUL)
    assert found is not None and found.published_at == expected_at
    assert found.published_at.isoformat().endswith("+09:00")


def test_a_printed_zone_beats_the_outlets_zone() -> None:
    found = parse_date("15:01 27/11/2022 GMT+7", "text", SEOUL)
    assert found is not None and found.published_at == datetime(2022, 11, 27, 15, 1, tzinfo=HCM)


def test_an_instant_stays_the_same_instant_in_the_outlets_zone() -> None:
    found = parse_date("2025-08-10T20:30:00Z", "meta", SEOUL)
    assert found is not None
    assert found.published_at == datetime(2025, 8, 11, 5, 30, tzinfo=SEOUL)
    assert found.published_date == date(2025, 8, 11)


@pytest.mark.parametrize("text", ["Today, 09:14 GMT+7", "Wednesday, 10:25", "Sunday", "Today"])
def test_today_or_a_weekday_alone_is_no_date(text: str) -> None:
    assert parse_date(text, "text") is None


@pytest.mark.parametrize(
    "text",
    [
        "Sunday, November 27, 2022, 15:01",
        "Sept 14, 2023 - 17:42",
        "Apr. 17, 2024 - 11:20",
        "14 Oct. 2025, 18:20",
        "December 07, 2022 1:32 PM",
        "May 02, 2024 10:05 am",
        "Wednesday, March 12 2025",
        "August 09, 2025",
        "Nov. 3, 2022",
        "March 23, 2018 - 09:35",
    ],
)
def test_month_name_fast_path_reads_as_dateparser_does(text: str) -> None:
    from vnrok_etl.dates import DATE_FORMATS, LOCAL_TZ, _parse_month_name, _parser

    fast = _parse_month_name(text)
    parsed = _parser().get_date_data(text, list(DATE_FORMATS)).date_obj
    assert fast is not None and parsed is not None
    slow = parsed.astimezone(LOCAL_TZ) if parsed.tzinfo else parsed.replace(tzinfo=LOCAL_TZ)
    assert fast == slow


@pytest.mark.parametrize("text", ["Funday, March 12 2025", "Smarch 12, 2025", "February 30, 2024 10:00"])
def test_month_name_fast_path_leaves_the_rest_to_dateparser(text: str) -> None:
    from vnrok_etl.dates import _parse_month_name

    assert _parse_month_name(text) is None
