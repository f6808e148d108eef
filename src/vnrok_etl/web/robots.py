"""robots.txt: fetched once per host and kept across runs, read with the standard library's parser.

What an answer means follows RFC 9309 (the Robots Exclusion Protocol):
- 2xx: the rules apply (the first MAX_ROBOTS_BYTES only, as the RFC allows).
- 4xx, 404 included: the site states no rules; everything may be fetched.
- 5xx, a timeout, a refused connection: the site may have rules we cannot read, so nothing is
  fetched from it this run ("assume complete disallow"); the next run asks again.
Redirects are followed by the fetcher like any other (the RFC asks for at least five hops).

A `Crawl-delay` line raises the host's interval between requests (never above MAX_CRAWL_DELAY:
a site asking for minutes between requests would stall the run; it is fetched at that cap).

Kept across runs (with a `RobotsMemory`, the crawl's store): a served crawl polls every few
minutes, and asking each host for robots.txt on every poll doubled the requests of an unchanged
re-poll. A definite answer (2xx rules, or a 4xx "no rules") is kept for the response's
`Cache-Control: max-age`, at most MAX_ROBOTS_AGE (24 h, the RFC's limit), and 24 h when it says
nothing; `no-store` or `no-cache` keep it for the run only. An unreachable robots.txt (5xx, no
answer) is never kept: the next run asks again; meanwhile, when an expired copy exists, its rules
apply (the RFC allows a cached copy beyond 24 h exactly when the file is unreachable).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Protocol
from urllib.robotparser import RobotFileParser

from vnrok_etl.web.urls import host_of

MAX_ROBOTS_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 30.0
ROBOTS_TOKEN = "vnrok-etl"  # the product token robots.txt groups are matched against
MAX_ROBOTS_AGE = timedelta(hours=24)  # RFC 9309 2.4: a cached robots.txt is used at most 24 h
MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
NOT_KEPT = re.compile(r"(?:^|[,\s])no-(?:store|cache)\b", re.IGNORECASE)

# (HTTP status or None when no answer came, body bytes, failure kind, reason, retryable,
#  the Cache-Control header or None)
RobotsAnswer = tuple[int | None, bytes, str | None, str | None, bool, str | None]
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


@dataclass(frozen=True, slots=True)
class StoredRobots:
    """A host's robots.txt answer kept across runs: its status and body, and until when it holds."""

    host: str  # scheme://host:port
    status: int
    body: bytes
    fetched_at: datetime
    expires_at: datetime


class RobotsMemory(Protocol):
    """Where robots.txt answers are kept between runs (web/store.py's WebStore)."""

    def load_robots(self, host: str) -> StoredRobots | None: ...

    def save_robots(self, robots: StoredRobots) -> None: ...


def robots_expiry(fetched_at: datetime, cache_control: str | None) -> datetime | None:
    """Until when an answer fetched at `fetched_at` may be used; None: this run only."""
    if cache_control and NOT_KEPT.search(cache_control):
        return None
    match = MAX_AGE.search(cache_control or "")
    age = min(timedelta(seconds=int(match.group(1))), MAX_ROBOTS_AGE) if match else MAX_ROBOTS_AGE
    return fetched_at + age if age > timedelta(0) else None


def rules_from(status: int, body: bytes, note: str = "rules") -> HostRules:
    """The rules a definite answer states: a 2xx body's rules, a 4xx's "no rules"."""
    if 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").splitlines())
        return HostRules(parser, allow_all=True, note=note)
    return HostRules(None, allow_all=True, note=f"no robots.txt (HTTP {status})")


class RobotsCache:
    """robots.txt rules per host (scheme://host:port), each fetched at most once per run, and
    with a `memory`, once per expiry (module docstring)."""

    def __init__(
        self,
        get: RobotsGetter,
        memory: RobotsMemory | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        self._get = get
        self._memory = memory
        self._now = now
        self._rules: dict[str, HostRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.fetched = 0  # robots.txt requests made (kept answers not counted)

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
        kept = self._memory.load_robots(host) if self._memory is not None else None
        if kept is not None and kept.expires_at > self._now():
            return rules_from(kept.status, kept.body)
        fetched_at = self._now()
        status, body, failure, reason, retryable, cache_control = await self._get(f"{host}/robots.txt")
        self.fetched += 1
        if status is not None and 200 <= status < 500:
            body = body[:MAX_ROBOTS_BYTES] if status < 300 else b""
            expires_at = robots_expiry(fetched_at, cache_control)
            if self._memory is not None and expires_at is not None:
                self._memory.save_robots(StoredRobots(host, status, body, fetched_at, expires_at))
            return rules_from(status, body)
        if kept is not None:  # unreachable now: the expired copy's rules, as RFC 9309 2.4 allows
            return rules_from(kept.status, kept.body, note="rules (kept copy; robots.txt unreachable now)")
        if status is not None:
            return HostRules(None, allow_all=False, note=f"robots.txt unreachable (HTTP {status})")
        return HostRules(None, allow_all=False, note=f"{reason or 'no answer'} (asking for robots.txt)",
                         failure=failure or "robots", retryable=retryable)
