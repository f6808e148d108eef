"""The outlets to follow: `sources.toml`, read into crawl targets.

The file is data, not code: one `[[outlet]]` table per outlet, with its feeds and sitemaps and,
optionally, keywords. A general-news feed lists every story of the day; `keywords` keep only the
items whose title or URL names one of them as a word (case and diacritics ignored, hyphens in URL
slugs read as spaces), so a Vietnamese outlet is followed for its Korea stories and a Korean one for its
Viet Nam stories. An outlet without keywords (and without `[defaults] keywords`) keeps everything.

    [defaults]
    max_new_per_source = 50          # new articles fetched per feed or sitemap and run
    keywords = ["Korea", "Viet Nam"]

    [[outlet]]
    name = "Example News"
    feeds = ["https://example.com/rss/world.rss"]
    sitemaps = ["https://example.com/sitemap-news.xml"]
    keywords = ["Korea", "Seoul"]    # replaces the default list for this outlet
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

from vnrok_etl.web.urls import BadUrl, clean_url

DEFAULT_SOURCES = Path(__file__).resolve().parents[3] / "sources.toml"
DEFAULT_MAX_NEW = 50
SLUG_SEPARATORS = re.compile(r"[-_/.+]+")


class OutletsError(ValueError):
    """sources.toml cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Target:
    """One URL to poll: a feed, a sitemap (index) or a page, and what to keep from it."""

    url: str  # clean
    outlet: str | None = None
    keywords: tuple[str, ...] = ()
    max_new: int = DEFAULT_MAX_NEW

    def keeps(self, url: str, title: str | None) -> bool:
        """Whether a listed article matches the outlet's keywords (all pass without keywords)."""
        if not self.keywords:
            return True
        text = fold(f"{title or ''} {SLUG_SEPARATORS.sub(' ', url)}")
        return keyword_pattern(self.keywords).search(text) is not None


@lru_cache(maxsize=256)
def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the keywords as whole words ("RoK" matches "RoK leader", not "brokerage")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(fold(word)) for word in keywords) + r")\b")


def fold(text: str) -> str:
    """Lower case without diacritics ("Việt Nam" -> "viet nam"; Đ/đ -> d)."""
    text = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).lower().split())


def load_targets(path: str | Path | None = None) -> list[Target]:
    """Every feed and sitemap of every outlet in the file (default: the project's sources.toml)."""
    path = Path(path) if path else DEFAULT_SOURCES
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OutletsError(f"no sources file at {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise OutletsError(f"cannot read {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise OutletsError(f"{path} is not valid TOML: {error}") from None
    defaults = data.get("defaults", {})
    outlets = data.get("outlet", [])
    if not isinstance(outlets, list) or not outlets:
        raise OutletsError(f"{path} lists no [[outlet]]")
    targets: list[Target] = []
    for number, outlet in enumerate(outlets, start=1):
        name = outlet.get("name") or f"outlet {number}"
        keywords = tuple(outlet.get("keywords", defaults.get("keywords", ())))
        max_new = int(outlet.get("max_new_per_source", defaults.get("max_new_per_source", DEFAULT_MAX_NEW)))
        for url in [*outlet.get("feeds", []), *outlet.get("sitemaps", []), *outlet.get("pages", [])]:
            try:
                targets.append(Target(clean_url(url), name, keywords, max_new))
            except BadUrl as error:
                raise OutletsError(f"{path}: outlet {name!r}: {error}") from None
    return targets
