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
