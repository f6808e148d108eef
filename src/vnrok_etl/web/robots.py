"""robots.txt: fetched once per host and run, read with the standard library's parser.

What an answer means follows RFC 9309 (the Robots Exclusion Protocol):
- 2xx: the rules apply (the first MAX_ROBOTS_BYTES only, as the RFC allows).
- 4xx, 404 included: the site states no rules; everything may be fetched.
- 5xx, a timeout, a refused connection: the site may have rules we cannot read, so nothing is
  fetched from it this run ("assume complete disallow"); the next run asks again.
Redirects are followed by the fetcher like any other (the RFC asks for at least five hops).

A `Crawl-delay` line raises the host's interval between requests (never above MAX_CRAWL_DELAY:
a site asking for minutes between requests would stall the run; it is fetched at that cap).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

from vnrok_etl.web.urls import host_of

MAX_ROBOTS_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 30.0
ROBOTS_TOKEN = "vnrok-etl"  # the product token robots.txt groups are matched against

# (HTTP status or None when no answer came, body bytes, failure kind, reason, retryable)
RobotsAnswer = tuple[int | None, bytes, str | None, str | None, bool]
RobotsGetter = Callable[[str], Awaitable[RobotsAnswer]]


@dataclass(frozen=True, slots=True)
class HostRules:
    """What robots.txt says for one host: a parser, or allow/deny everything, and why."""

    parser: RobotFileParser | None
    allow_all: bool
    note: str  # "rules", "no robots.txt (HTTP 404)", "robots.txt unreachable (HTTP 503)"
    # When robots.txt got no answer at all, why (a TLS error, a refused connection): the pages
    # of the host fail the same way, and are reported as that, not as a robots.txt matter.
    failure: str = "robots"
    retryable: bool = True

    def allows(self, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(ROBOTS_TOKEN, url)

    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(ROBOTS_TOKEN)
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)


class RobotsCache:
    """robots.txt rules per host (scheme://host:port), each fetched at most once."""

    def __init__(self, get: RobotsGetter) -> None:
        self._get = get
        self._rules: dict[str, HostRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules(self, url: str) -> HostRules:
        host = host_of(url)
        known = self._rules.get(host)
        if known is not None:
            return known
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:  # one fetch per host, whatever the number of URLs waiting for it
            if host not in self._rules:
                self._rules[host] = await self._load(host)
        return self._rules[host]

    async def _load(self, host: str) -> HostRules:
        status, body, failure, reason, retryable = await self._get(f"{host}/robots.txt")
        if status is not None and 200 <= status < 300:
            parser = RobotFileParser()
            text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            parser.parse(text.splitlines())
            return HostRules(parser, allow_all=True, note="rules")
        if status is not None and 400 <= status < 500:
            return HostRules(None, allow_all=True, note=f"no robots.txt (HTTP {status})")
        if status is not None:
            return HostRules(None, allow_all=False, note=f"robots.txt unreachable (HTTP {status})")
        return HostRules(None, allow_all=False, note=f"{reason or 'no answer'} (asking for robots.txt)",
                         failure=failure or "robots", retryable=retryable)
