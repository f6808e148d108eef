"""Photo captions and credits, in the forms the outlets print them."""

from __future__ import annotations

import re

from vnrok_etl.clean.common import AGENCY

# Seeds 001, 002: "vna-potal-ong-bi-thu-...jpg" alone on a line, the caption on the next one.
IMAGE_FILENAME = re.compile(r"^[^\s/]*(?:/[^\s/]+)*\.(?:jpe?g|png|gif|webp|bmp|tiff?|avif)$", re.I)

# Seeds 001, 002: a caption ends with its credit: "(Photo: VNA)", "(Photo courtesy of the
# Vietnamese Embassy in Brazil)", "(VNA Photo)"; also "– Photo: VNA" without brackets and the VNS
# forms "— VNA/VNS Photo" and "... talks. VNA/VNS Photo Thống Nhất" (photographer's name last).
CAPTION = re.compile(
    rf"(?:\((?:(?:file\s+)?(?:photos?|ảnh|image|illustrative\s+photo)\s*(?::|courtesy\b)[^()]*"
    rf"|(?:{AGENCY})\s+(?:file\s+)?photos?|photos?\s+(?:{AGENCY}))\)"
    rf"|(?:^|\s[—–-]\s*)photos?\s*:\s*[^\s.][^.()]{{0,60}}"
    rf"|(?:\s[—–-]\s*|[.!?]\s+)(?:{AGENCY})\s+(?:file\s+)?photos?"
    rf"(?:\s+[^\W\d_][^.()]{{0,40}})?)\s*\.?$",
    re.IGNORECASE,
)

# A photo credit alone on its line, under the caption it belongs to.
CREDIT_ONLY = re.compile(r"^\(?photos?\s*:\s*[^.()]{1,60}\)?\.?$", re.IGNORECASE)

# CAPTION needs one of these words (case-insensitive): "mage" for "image", whose "i" also matches
# "İ" and "ı" under re.IGNORECASE, which str.lower() does not turn into "i" (checked for every
# character: no other letter of these words has such a match).
CAPTION_WORDS = ("photo", "mage", "ảnh")


def caption_match(line: str) -> re.Match[str] | None:
    lowered = line.lower()
    photo, image, anh = CAPTION_WORDS
    if photo in lowered or image in lowered or anh in lowered:
        return CAPTION.search(line)
    return None
