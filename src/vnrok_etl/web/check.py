"""`vnrok-etl crawl --check`: is each feed, sitemap or page reachable and what it claims to be?

The addresses in sources.toml were written down from the outlets' published locations, on a
machine without network access: nothing there proves they answer. A check asks each URL once
(politely: robots.txt, the user agent, per-host limits), says what came back (a feed, a sitemap, a
sitemap index, an article page, or the failure and why) and how many articles it lists, of which
how many match the outlet's keywords. It fetches no article and writes nothing: no warehouse, no
crawl state, so it can be run any time, also beside a served crawl.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from vnrok_etl.web.crawl import not_a_listing, read_listing, run_async, sniff
from vnrok_etl.web.feeds import FeedError
from vnrok_etl.web.fetch import ANY_SOURCE_TYPES, Fetcher, FetchPolicy
from vnrok_etl.web.outlets import Target
from vnrok_etl.web.sitemaps import SitemapError


@dataclass(frozen=True, slots=True)
class CheckResult:
    target: Target
    ok: bool
    kind: str  # feed | sitemap | sitemap index | page | failed | unknown | malformed feed ...
    detail: str  # what it lists, or why it failed
    final_url: str | None = None

    def line(self) -> str:
        where = f" (now at {self.final_url})" if self.final_url and self.final_url != self.target.url else ""
        outlet = f"{self.target.outlet}: " if self.target.outlet else ""
        return f"{'ok  ' if self.ok else 'FAIL'} {outlet}{self.target.url}{where}: {self.kind}, {self.detail}"


def check_targets(targets: Iterable[Target], policy: FetchPolicy | None = None) -> list[CheckResult]:
    """One plain GET per target (no stored validators, nothing written); results in order."""

    async def run() -> list[CheckResult]:
        async with Fetcher(policy or FetchPolicy()) as fetcher:
            return list(await asyncio.gather(*(check_one(fetcher, target) for target in targets)))

    return run_async(run())


async def check_one(fetcher: Fetcher, target: Target) -> CheckResult:
    result = await fetcher.fetch(target.url, ANY_SOURCE_TYPES)
    if not result.ok:
        return CheckResult(target, False, "failed", result.reason or result.failure or "no answer", result.final_url)
    kind = sniff(result.content, result.headers.get("content-type"))
    if kind == "page":
        return CheckResult(target, True, "article page", f"{len(result.content):,} bytes", result.final_url)
    try:
        listing = read_listing(kind, result)
    except (FeedError, SitemapError) as error:
        return CheckResult(target, False, f"malformed {kind}", str(error), result.final_url)
    if listing is None:
        return CheckResult(target, False, "unknown", f"not a feed, sitemap or page ({not_a_listing(result)})", result.final_url)
    if listing.kind == "sitemapindex":
        return CheckResult(target, True, "sitemap index", f"{len(listing.sitemaps)} sitemap(s)", result.final_url)
    matching = sum(target.keeps(link.url, link.title) for link in listing.links)
    keywords = f", {matching} matching the outlet's keywords" if target.keywords else ""
    return CheckResult(target, True, kind, f"{len(listing.links)} article(s) listed{keywords}", result.final_url)
