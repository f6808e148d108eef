"""The zone an outlet prints its dates in: Asia/Seoul for a Korean outlet, Asia/Ho_Chi_Minh
otherwise, or what a zone label printed above the date says.

A printed "15/08/2025, 01:50" is a local time; which zone is local depends on the outlet, which
a saved text names only by its marks (a masthead, a domain, a wire tag, " KST") or its address.
Deciding it costs a scan of the text's ends, and most texts print no date line at all, so the
zone is an object asked on first use (`OutletZone.get`), shared by the header and the date lines
found further down (`Draft.zone`).
"""

from __future__ import annotations

from vnrok_etl.dates import LOCAL_TZ, SEOUL_TZ
from vnrok_etl.profiles import KOREAN_OUTLET_MARKS


# "Vietnam Time" above "11/20/2024 3:41:07 PM": the zone the next date line is printed in.
ZONE_LABELS = {"vietnam time": LOCAL_TZ, "hanoi time": LOCAL_TZ, "korea time": SEOUL_TZ,
               "seoul time": SEOUL_TZ, "kst": SEOUL_TZ}
MAX_ZONE_LABEL_CHARS = max(len(label) for label in ZONE_LABELS)
# How much of the text is searched for marks of a Korean outlet (its zone for printed dates).
OUTLET_MARK_SPAN = 1500
OUTLET_MARK_TAIL = 600


class OutletZone:
    """The zone the outlet prints its dates in, decided on first use.

    Asia/Seoul when the document carries a Korean outlet's marks, in its text (a masthead, a
    domain, a wire tag, " KST") or in its address (a crawled page's URL, a saved file's name:
    ".../koreajoongangdaily.joins.com/...", "joongang-01.txt"), Asia/Ho_Chi_Minh otherwise. A
    zone label printed above the date ("Korea Time") overrides both (`override`). Most texts
    print no date line at all, so the marks are looked for only when a date is parsed.
    """

    __slots__ = ("_text", "_uri", "_zone", "override")

    def __init__(self, text: str, uri: str) -> None:
        self._text = text
        self._uri = uri
        self._zone: object = None
        self.override: object = None

    def get(self) -> object:
        if self.override is not None:
            return self.override
        if self._zone is None:
            self._zone = _outlet_zone(self._text, self._uri)
        return self._zone


def _outlet_zone(text: str, uri: str) -> object:
    # Speed: `in` on one lower-cased copy of both ends (a case-insensitive alternation regex
    # tries every position of the text).
    ends = (text[:OUTLET_MARK_SPAN] + "\n" + text[-OUTLET_MARK_TAIL:] + "\n" + uri).lower()
    return SEOUL_TZ if any(mark in ends for mark in KOREAN_OUTLET_MARKS) else LOCAL_TZ
