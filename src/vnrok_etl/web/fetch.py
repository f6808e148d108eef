"""A polite, robust HTTP fetcher on httpx: every fetch ends in a FetchResult, never an exception.

Polite: a user agent that names the project; robots.txt honoured (web/robots.py); per host at most
`per_host_concurrency` requests at once and one request start every `per_host_interval` seconds
(raised by a robots.txt Crawl-delay); conditional GET (If-None-Match / If-Modified-Since) so a
re-poll of an unchanged feed or page transfers headers only (304).

Robust: timeouts on connecting and on every read, and a deadline on each attempt as a whole (a
server dripping a byte a second never ends a read timeout); retries with exponential backoff on
429, 5xx, timeouts and dropped connections, waiting what `Retry-After` asks (seconds or an HTTP
date) when it asks at most `max_retry_after`; a Retry-After beyond that ends the fetch as
"rate-limited" for a later run. Bodies are read as a stream and cut off at `max_bytes`, after
decompression (a gzip bomb is caught as it inflates); a Content-Length over the cap is refused
before reading. The content type is checked against what the caller accepts before the body
is read. Redirects are followed by hand, at most `max_redirects`, each hop checked against
robots.txt and the host limits; a loop is named as such; the final URL is kept. HTTP/2 is used
where the server offers it (ALPN over TLS; tested against Hypercorn on loopback), with
connections reused across requests, also after a 304, a redirect or an error page (their short
bodies are read to the end: an unread body costs its connection, and a re-poll of unchanged
pages then paid a new connection, and on a real site a TLS handshake, for every 304). The pool
holds `concurrency` connections: no more are ever in use, and httpcore scans every pooled
connection for each request.

A failure has a `failure` kind (a short stable key, for counting: "http-404", "timeout",
"robots", "too-large", "content-type", "redirect-loop", ...) and a `reason` in words; `retryable`
says whether a later run may succeed (429, 5xx, timeouts, connection errors) or not (404, 410,
a wrong content type, a body over the cap, a TLS error, robots.txt).
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version

import httpx

from vnrok_etl.web.robots import RobotsAnswer, RobotsCache, RobotsMemory
from vnrok_etl.web.urls import BadUrl, clean_url, host_of, try_clean_url

try:
    PROJECT_VERSION = version("vnrok-etl")
except PackageNotFoundError:  # pragma: no cover - running from a checkout without install
    PROJECT_VERSION = "0"
USER_AGENT = f"vnrok-etl/{PROJECT_VERSION} (news research crawler; honours robots.txt)"

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# Feeds and sitemaps are served under many names; gzip and octet-stream carry .xml.gz sitemaps.
XML_TYPES = (
    "application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/x-gzip", "application/gzip", "application/octet-stream",
)
ANY_SOURCE_TYPES = PAGE_TYPES + XML_TYPES  # a URL given by the user: a feed, a sitemap or a page
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DRAIN_BYTES = 64 * 1024  # an unkept answer's body read to keep its connection (an error page)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# The response headers worth keeping with a fetched page: what it is, when it changed, how to
# ask for it again, what it says about caching and indexing.
KEPT_HEADERS = (
    "content-type", "content-language", "content-length", "content-encoding", "etag", "last-modified",
    "date", "expires", "cache-control", "age", "retry-after", "x-robots-tag", "link",
)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how patiently to fetch. `unthrottled()` lifts the politeness limits
    (per-host rate and concurrency) for loopback benchmarks and tests only."""


    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    attempt_seconds: float = 60.0  # one attempt, all redirects and the whole body included
    max_bytes: int = 5 * 1024 * 1024  # a news page is ~100 KB; 5 MB leaves room for bloated ones
    max_redirects: int = 5
    retries: int = 3  # attempts after the first, on retryable failures
    backoff_seconds: float = 1.0  # 1, 2, 4 s (+ up to 25 % jitter)
    max_retry_after: float = 60.0
    per_host_concurrency: int = 2
    per_host_interval: float = 1.0
    concurrency: int = 16  # requests in flight over all hosts
    respect_robots: bool = True
    http2: bool = True
    verify: bool | str = True  # TLS: the system's CAs, or a CA bundle file (a proxy's, a test's)

    @classmethod
    def unthrottled(cls, **changes: object) -> FetchPolicy:
        """No per-host delay, 8 requests in flight: measured on loopback (benchmarks/crawl.py),
        8 connections cost ~1.1 ms of CPU per request where 32 cost ~2.4 ms (httpcore's pool
        scans every connection for each request)."""
        return cls(**({"per_host_concurrency": 8, "per_host_interval": 0.0, "concurrency": 8} | changes))


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # as asked (clean)
    final_url: str  # after redirects
    outcome: str  # fetched | not-modified | failed
    status: int | None = None  # the last HTTP status; None when no answer came
    failure: str | None = None  # a short key when failed: http-404, timeout, robots, too-large ...
    reason: str | None = None  # the failure in words
    retryable: bool = False
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    seconds: float = 0.0
    attempts: int = 1
    http_version: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait, when it did
    # robots.txt of the host could not be read in this run (cached for the run): retrying this
    # fetch now would only meet the cached answer again; a later run may succeed.
    host_unreadable: bool = False

    @property
    def ok(self) -> bool:
        return self.outcome == "fetched"

    @property
    def content_type(self) -> str:
        return media_type(self.headers.get("content-type"))


class HostGate:
    """At most `concurrency` requests at once to one host, starts at least `interval` s apart."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self.interval = interval
        self._next_start = 0.0

    async def __aenter__(self) -> None:
        await self._slots.acquire()
        if self.interval > 0:
            now = time.monotonic()
            start = max(now, self._next_start)
            self._next_start = start + self.interval  # claimed before sleeping: no two share it
            if start > now:
                await asyncio.sleep(start - now)

    async def __aexit__(self, *exc: object) -> None:
        self._slots.release()


class Fetcher:
    """One crawl's HTTP client: use as `async with Fetcher(policy) as fetcher`."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        robots_memory: RobotsMemory | None = None,
    ) -> None:
        """`robots_memory` keeps robots.txt answers across runs (the crawl's store)."""
        self.policy = policy or FetchPolicy()
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._gates: dict[str, HostGate] = {}
        self._in_flight: asyncio.Semaphore | None = None
        self.robots = RobotsCache(self._get_robots, robots_memory)
        self.requests = 0  # HTTP requests sent, robots.txt included

    async def __aenter__(self) -> Fetcher:
        policy = self.policy
        self._client = httpx.AsyncClient(
            http2=policy.http2,
            follow_redirects=False,  # followed by hand: limit, loops, robots and gates per hop
            timeout=httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout),
            limits=httpx.Limits(max_connections=policy.concurrency, max_keepalive_connections=policy.concurrency),
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=self._transport,
            verify=policy.verify if isinstance(policy.verify, bool) else _ca_context(policy.verify),
            trust_env=False,  # no proxy or netrc picked up from the environment
        )
        self._in_flight = asyncio.Semaphore(policy.concurrency)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def fetch(
        self,
        url: str,
        accept: Iterable[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """GET `url` (conditionally when `etag` or `last_modified` is given), with retries."""
        started = time.perf_counter()
        try:
            url = clean_url(url)
        except BadUrl as error:
            return FetchResult(url, url, "failed", failure="bad-url", reason=str(error))
        headers = {"Accept": _accept_header(accept)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        accepted = tuple(accept)
        attempt = 0
        while True:
            attempt += 1
            assert self._in_flight is not None, "use Fetcher as an async context manager"
            async with self._in_flight:
                result = await self._attempt(url, accepted, headers)
            result = replace(result, attempts=attempt, seconds=round(time.perf_counter() - started, 4))
            if not (result.retryable and not result.host_unreadable and attempt <= self.policy.retries):
                return result
            delay = self.policy.backoff_seconds * 2 ** (attempt - 1) * (1 + random.random() / 4)
            if result.retry_after is not None:
                if result.retry_after > self.policy.max_retry_after:
                    return replace(
                        result, failure="rate-limited",
                        reason=f"rate limited: HTTP {result.status} with Retry-After {result.retry_after:.0f} s"
                               f" (over {self.policy.max_retry_after:.0f} s: left for a later run)",
                    )
                delay = result.retry_after
            await asyncio.sleep(delay)

    async def _attempt(self, url: str, accept: tuple[str, ...], headers: dict[str, str]) -> FetchResult:
        try:
            async with asyncio.timeout(self.policy.attempt_seconds):
                return await self._follow(url, accept, headers)
        except TimeoutError:
            return _failed(url, url, "timeout", f"timed out (over {self.policy.attempt_seconds:g} s for the whole answer)", True)

    async def _follow(self, url: str, accept: tuple[str, ...], headers: dict[str, str]) -> FetchResult:
        """One attempt: the request and its redirects, each hop checked against robots.txt."""
        current, seen = url, {url}
        for hop in range(self.policy.max_redirects + 1):
            if self.policy.respect_robots:
                rules = await self.robots.rules(current)
                delay = rules.crawl_delay()
                if delay:
                    gate = self._gate(current)
                    gate.interval = max(gate.interval, delay)
                if not rules.allows(current):
                    if rules.parser is not None:
                        return _failed(url, current, "robots", "disallowed by robots.txt", retryable=False)
                    reason = rules.note if rules.failure != "robots" else f"not fetched: {rules.note}"
                    return replace(_failed(url, current, rules.failure, reason, retryable=rules.retryable),
                                   host_unreadable=True)
            result = await self._request(url, current, accept, headers)
            if not isinstance(result, str):
                return result
            try:
                following = clean_url(result, base=current)
            except BadUrl as error:
                return _failed(url, current, "bad-redirect", f"redirect to {error}", False)
            if following in seen:
                return _failed(url, following, "redirect-loop", f"redirect loop after {hop + 1} redirect(s) at {following}", False)
            seen.add(following)
            current = following
        return _failed(url, current, "too-many-redirects", f"more than {self.policy.max_redirects} redirects", False)

    async def _request(
        self, url: str, current: str, accept: tuple[str, ...], headers: dict[str, str]
    ) -> FetchResult | str:
        """One HTTP request: a final FetchResult, or the Location to follow."""
        assert self._client is not None
        gate = self._gate(current)
        fetched_at = datetime.now(timezone.utc)
        async with gate:
            self.requests += 1
            try:
                async with self._client.stream("GET", current, headers=headers) as response:
                    kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
                    status = response.status_code
                    common = {"status": status, "headers": kept, "fetched_at": fetched_at,
                              "http_version": response.http_version}
                    if status in REDIRECT_STATUSES and "location" in response.headers:
                        await _drain(response)
                        return response.headers["location"]
                    if status == 304:
                        await _drain(response)
                        return FetchResult(url, current, "not-modified", **common)
                    if not 200 <= status < 300:
                        await _drain(response)
                    if status in RETRY_STATUSES:
                        return FetchResult(
                            url, current, "failed", failure=f"http-{status}", reason=f"HTTP {status}",
                            retryable=True, retry_after=_retry_after(response.headers.get("retry-after")), **common,
                        )
                    if not 200 <= status < 300:
                        return FetchResult(url, current, "failed", failure=f"http-{status}", reason=f"HTTP {status}", **common)
                    kind = media_type(response.headers.get("content-type"))
                    if kind and accept and kind not in accept:
                        return FetchResult(
                            url, current, "failed", failure="content-type",
                            reason=f"not an accepted content type ({kind})", **common,
                        )
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > self.policy.max_bytes:
                        return FetchResult(url, current, "failed", failure="too-large",
                                           reason=f"too large ({int(declared):,} bytes; limit {self.policy.max_bytes:,})", **common)
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > self.policy.max_bytes:
                            return FetchResult(url, current, "failed", failure="too-large",
                                               reason=f"too large (over {self.policy.max_bytes:,} bytes)", **common)
                    return FetchResult(url, current, "fetched", content=bytes(body), **common)
            except httpx.TimeoutException as error:
                return _failed(url, current, "timeout", f"timed out ({type(error).__name__})", True)
            except httpx.ConnectError as error:
                if _is_tls_error(error):
                    return _failed(url, current, "tls", f"TLS error: {_first_line(error)}", False)
                return _failed(url, current, "connection", f"connection failed: {_first_line(error)}", True)
            except httpx.DecodingError as error:
                return _failed(url, current, "bad-encoding", f"undecodable body: {_first_line(error)}", False)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError) as error:
                return _failed(url, current, "connection", f"connection broken: {_first_line(error)}", True)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
                return _failed(url, current, "bad-url", f"cannot fetch: {_first_line(error)}", False)
            except httpx.HTTPError as error:
                return _failed(url, current, "http-error", f"{type(error).__name__}: {_first_line(error)}", True)

    def _gate(self, url: str) -> HostGate:
        host = host_of(url)
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = HostGate(self.policy.per_host_concurrency, self.policy.per_host_interval)
        return gate

    async def _get_robots(self, url: str) -> RobotsAnswer:
        """robots.txt for RobotsCache: redirects followed, no robots check (it is the check)."""
        result = await self._plain(url)
        body = result.content if result.outcome == "fetched" else b""
        return result.status, body, result.failure, result.reason, result.retryable, result.headers.get("cache-control")

    async def _plain(self, url: str) -> FetchResult:
        current, seen = url, {url}
        for _ in range(self.policy.max_redirects + 1):
            try:
                async with asyncio.timeout(self.policy.attempt_seconds):
                    result = await self._request(url, current, (), {"Accept": "text/plain, */*;q=0.1"})
            except TimeoutError:
                return _failed(url, current, "timeout", "timed out", True)
            if not isinstance(result, str):
                return result
            following = try_clean_url(result, base=current)
            if following is None or following in seen:
                break
            seen.add(following)
            current = following
        return _failed(url, current, "redirect-loop", "redirect loop", False)


async def _drain(response: httpx.Response) -> None:
    """Read the short body of an answer we do not keep (a 304, a redirect, an error page), so
    its connection goes back to the pool: httpx closes a connection whose body was left unread,
    and a re-poll of 1,000 unchanged pages opened 1,000 connections (benchmarks/crawl.py). A body
    over DRAIN_BYTES is left, and its connection closed."""
    read = 0
    async for chunk in response.aiter_raw():
        read += len(chunk)
        if read > DRAIN_BYTES:
            return


def _ca_context(bundle: str) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=bundle)


def media_type(content_type: str | None) -> str:
    """'text/html' out of 'Text/HTML; charset=utf-8'; '' when absent."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _accept_header(accept: Iterable[str]) -> str:
    types = list(accept)
    return ", ".join(types + ["*/*;q=0.1"]) if types else "*/*"


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _failed(url: str, current: str, failure: str, reason: str, retryable: bool) -> FetchResult:
    return FetchResult(url, current, "failed", failure=failure, reason=reason, retryable=retryable)


def _is_tls_error(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE" in str(seen).upper() or "SSL" in str(seen).upper():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]
