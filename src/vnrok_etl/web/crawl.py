"""One crawl: poll the targets, find the article URLs, fetch the new ones, hand back documents.

1. **Poll** every target (a feed, a sitemap or sitemap index, or a page) with a conditional GET.
   What came back is recognised by its content, not its URL (`sniff`): a feed's items and a
   sitemap's URLs are listed articles, an index's sitemaps are polled in turn (newest first, at
   most MAX_CHILD_SITEMAPS, MAX_DEPTH levels), a page is itself an article. A 304 lists nothing
   new; articles an earlier poll listed but could not fetch (a timeout, a 503) are retried.
2. **Choose**: a listed article is fetched unless it is already in the warehouse (its stored state
   is `done` and its bytes' hash is the warehouse's), was given up (`gone`), or misses the
   outlet's keywords; at most `max_new` per target and run, newest first.
3. **Fetch** them concurrently (the fetcher's per-host limits apply). New bytes become
   RawDocuments with the final URL as `uri`; bytes the warehouse already has become known
   documents (a new source row for the same article); a 304 on a page whose bytes are kept but
   not yet merged takes them from the store; a failure becomes a Rejection at stage `fetch`.

Every fetch is logged in the store as it ends (web/store.py); `done_keys` are the articles to
mark `done` once the load that holds them has been merged (a crash before that fetches them
again next run, conditionally, and finds their bytes kept). `fetched` says how each document's
bytes came (URL asked, time, status, headers), for the warehouse's `document_fetches`.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from vnrok_etl.identity import content_sha256
from vnrok_etl.records import RawDocument, Rejection
from vnrok_etl.web.feeds import FeedError, Link, parse_feed
from vnrok_etl.web.fetch import ANY_SOURCE_TYPES, PAGE_TYPES, Fetcher, FetchPolicy, FetchResult, media_type
from vnrok_etl.web.outlets import Target
from vnrok_etl.web.sitemaps import GZIP_MAGIC, Sitemap, SitemapError, inflate, parse_sitemap, root_name
from vnrok_etl.web.store import UrlState, WebStore
from vnrok_etl.web.urls import url_key

MAX_CHILD_SITEMAPS = 20  # an index of a large site lists thousands; the newest few hold the news
MAX_DEPTH = 2  # index -> index -> sitemap at most
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
FETCH_STAGE = "fetch"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """How the bytes of one crawled document came: the warehouse's `document_fetches` row."""

    uri: str  # the final URL: the document's source_uri
    sha256: str
    requested_url: str
    fetched_at: datetime
    status: int  # 200, or 304 when kept bytes were confirmed unchanged
    headers: dict[str, str]
    http_version: str | None


@dataclass(slots=True)
class CrawlResult:
    """What one crawl brings to the load, and its tally for the run's artifact."""

    documents: list[RawDocument] = field(default_factory=list)  # new bytes, to process
    known: list[RawDocument] = field(default_factory=list)  # bytes the warehouse has (no content)
    rejections: list[Rejection] = field(default_factory=list)  # failures, stage "fetch"
    done_keys: list[str] = field(default_factory=list)  # articles to mark done after the merge
    fetched: list[FetchRecord] = field(default_factory=list)  # of documents and known
    tally: Counter = field(default_factory=Counter)  # sources polled, listed, new, not modified...
    failures: Counter = field(default_factory=Counter)  # failure kind -> URLs
    requests: int = 0
    seconds: float = 0.0

    def summary_rows(self) -> list[dict[str, object]]:
        rows = [{"measure": name, "value": value} for name, value in sorted(self.tally.items())]
        rows += [{"measure": f"failed: {kind}", "value": count} for kind, count in sorted(self.failures.items())]
        return rows + [{"measure": "HTTP requests", "value": self.requests},
                       {"measure": "seconds: crawl", "value": round(self.seconds, 3)}]


def crawl(
    targets: Iterable[Target],
    store: WebStore,
    known_hashes: set[str],
    policy: FetchPolicy | None = None,
    load_id: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> CrawlResult:
    """Poll, choose and fetch (see the module docstring); never raises for what the web sends."""
    return run_async(_Crawl(store, known_hashes, policy or FetchPolicy(), load_id, on_progress).run(list(targets)))


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end from sync code, also when this thread already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, name="vnrok-crawl")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def sniff(content: bytes, content_type: str | None) -> str:
    """What a fetched body is: 'feed', 'sitemap', 'page' or 'unknown' (by content, then type)."""
    if content.startswith(GZIP_MAGIC):
        try:
            content = inflate(content)
        except SitemapError:
            return "unknown"
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(HTML_STARTS):
        return "page"
    kind = media_type(content_type)
    if head.startswith(b"<"):
        root = root_name(content)
        if root is not None:
            root = root.lower()
            if root in FEED_ROOTS:
                return "feed"
            if root in SITEMAP_ROOTS:
                return "sitemap"
            if root == "html":
                return "page"
    if kind in PAGE_TYPES:
        return "page"  # text/plain articles, and HTML fragments without a root
    return "unknown"


def read_listing(kind: str, result: FetchResult) -> Sitemap | None:
    """The articles (or child sitemaps) a fetched feed or sitemap lists, as a Sitemap (kind "feed"
    for a feed); None when `kind` (sniff's) is neither. Raises FeedError or SitemapError."""
    if kind == "feed":
        return Sitemap("feed", links=parse_feed(result.content, result.final_url, result.headers.get("content-type")))
    if kind == "sitemap":
        return parse_sitemap(result.content, result.final_url)
    return None


def not_a_listing(result: FetchResult) -> str:
    """What a body that is no feed, sitemap or page was served as."""
    return media_type(result.headers.get("content-type")) or "no content type"


def warehouse_hashes(warehouse: str | Path) -> set[str]:
    """Hashes of the documents the warehouse holds as articles or as rejections."""
    from vnrok_etl.warehouse import connect

    if not Path(warehouse).exists():
        return set()
    with connect(warehouse, read_only=True) as connection:
        rows = connection.execute(
            """SELECT content_sha256 FROM article_sources UNION
               SELECT content_sha256 FROM rejections WHERE content_sha256 IS NOT NULL"""
        ).fetchall()
    return {row[0] for row in rows}


@dataclass(slots=True)
class _Article:
    key: str
    url: str
    state: UrlState | None
    outlet: str | None


class _Crawl:
    def __init__(self, store: WebStore, known: set[str], policy: FetchPolicy, load_id: str | None,
                 on_progress: Callable[[int, int], None] | None) -> None:
        self.store, self.known, self.policy, self.load_id = store, known, policy, load_id
        self.on_progress = on_progress
        self.result = CrawlResult()
        self.chosen: dict[str, _Article] = {}
        self.outlets: dict[str, str | None] = {}
        self.records: list[tuple[str, str, FetchResult, str | None]] = []

    async def run(self, targets: list[Target]) -> CrawlResult:
        clock = asyncio.get_running_loop().time()
        async with Fetcher(self.policy, robots_memory=self.store) as fetcher:
            self.fetcher = fetcher
            states = self.store.states(url_key(target.url) for target in targets)
            await asyncio.gather(*(self._poll(target, states.get(url_key(target.url)), 0) for target in targets))
            self._flush()
            await self._fetch_articles()
            self._flush()
            self.result.requests = fetcher.requests
        self.result.seconds = asyncio.get_running_loop().time() - clock
        return self.result

    def _flush(self) -> None:
        if self.records:
            self.store.record_fetches(self.records, self.load_id, self.outlets)
            self.records = []

    async def _poll(self, target: Target, state: UrlState | None, depth: int) -> None:
        key = url_key(target.url)
        self.outlets[key] = target.outlet
        tally = self.result.tally
        conditional = state is not None and state.state != "gone"
        result = await self.fetcher.fetch(
            target.url, ANY_SOURCE_TYPES,
            etag=state.etag if conditional else None, last_modified=state.last_modified if conditional else None,
        )
        if state is not None and state.role == "article" and result.outcome != "failed":
            # a page given as a target that was fetched before: an article, conditionally re-fetched
            await self._article_answer(_Article(key, target.url, state, target.outlet), result)
            return
        if result.outcome == "failed":
            if state is not None and state.role == "article":
                self._failed(key, "article", result)
                return
            tally["sources polled"] += 1
            self._failed(key, "source", result)
            return
        tally["sources polled"] += 1
        if result.outcome == "not-modified":
            tally["sources not modified"] += 1
            self.records.append((key, "source", result, None))
            self._choose(target, key, [], self.store.waiting([key]))
            return
        sha = content_sha256(result.content)
        kind = sniff(result.content, result.headers.get("content-type"))
        if kind == "page":
            await self._article_answer(_Article(key, target.url, state, target.outlet), result)
            return
        self.records.append((key, "source", result, sha))
        try:
            listing = read_listing(kind, result)
        except (FeedError, SitemapError) as error:
            self._reject(key, result, sha, f"malformed-{kind}", str(error))
            return
        if listing is None:
            self._reject(key, result, sha, "not-a-listing", f"not a feed, sitemap or article page ({not_a_listing(result)})")
            return
        if listing.kind == "sitemapindex":
            await self._poll_children(target, listing.sitemaps, depth)
            return
        tally["sources changed"] += 1
        self._choose(target, key, listing.links, self.store.waiting([key]))

    async def _poll_children(self, target: Target, children: list[Link], depth: int) -> None:
        self.result.tally["sitemap indexes"] += 1
        if depth >= MAX_DEPTH:
            return
        newest = sorted(children, key=lambda link: link.published or datetime.min.replace(tzinfo=timezone.utc),
                        reverse=True)[:MAX_CHILD_SITEMAPS]
        states = self.store.states(url_key(link.url) for link in newest)
        await asyncio.gather(*(
            self._poll(Target(link.url, target.outlet, target.keywords, target.max_new), states.get(url_key(link.url)), depth + 1)
            for link in newest
        ))

    def _choose(self, target: Target, via: str, links: list[Link], waiting: list[UrlState]) -> None:
        """Pick the listed articles to fetch: not loaded, not given up, matching, newest first."""
        tally = self.result.tally
        tally["articles listed"] += len(links)
        states = self.store.states(url_key(link.url) for link in links)
        fresh: list[tuple[Link, str]] = []
        for link in links:
            key = url_key(link.url)
            state = states.get(key)
            if key in self.chosen:
                continue
            if state is not None and (state.state == "gone" or (state.state == "done" and state.content_sha256 in self.known)):
                tally["articles already loaded" if state.state == "done" else "articles given up earlier"] += 1
                continue
            if state is None and not target.keeps(link.url, link.title):
                tally["articles not matching keywords"] += 1
                continue
            fresh.append((link, key))
        fresh.sort(key=lambda pair: pair[0].published or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
        budget = target.max_new
        for state in waiting:  # listed earlier, not fetched or not merged yet: first in line
            if budget <= 0:
                break
            if state.url_key not in self.chosen:
                self.chosen[state.url_key] = _Article(state.url_key, state.url, state, target.outlet)
                budget -= 1
        new_rows = []
        for link, key in fresh:
            if budget <= 0:
                tally["articles left for a later run"] += 1
                continue
            if key in self.chosen:
                continue
            self.chosen[key] = _Article(key, link.url, states.get(key), target.outlet)
            budget -= 1
            if key not in states:
                new_rows.append((key, link.url, target.outlet, via, link.title,
                                 link.published.isoformat() if link.published else None))
        if new_rows:
            self.store.list_pending(new_rows)

    async def _fetch_articles(self) -> None:
        articles = list(self.chosen.values())
        total, done = len(articles), 0

        async def one(article: _Article) -> None:
            nonlocal done
            state = article.state
            has_body = state is not None and state.content_sha256 is not None
            result = await self.fetcher.fetch(
                article.url, PAGE_TYPES,
                etag=state.etag if has_body else None, last_modified=state.last_modified if has_body else None,
            )
            await self._article_answer(article, result)
            done += 1
            if self.on_progress:
                self.on_progress(done, total)

        await asyncio.gather(*(one(article) for article in articles))

    async def _article_answer(self, article: _Article, result: FetchResult) -> None:
        tally = self.result.tally
        key = article.key
        self.outlets[key] = article.outlet
        if result.outcome == "failed":
            self._failed(key, "article", result)
            return
        if result.outcome == "not-modified":
            sha = article.state.content_sha256 if article.state else None
            self.records.append((key, "article", result, sha))
            if sha in self.known:
                tally["articles not modified"] += 1
                self.result.done_keys.append(key)
                return
            content = self.store.body(sha) if sha else None
            if content is None:  # validators without bytes: ask again, unconditionally
                result = await self.fetcher.fetch(article.url, PAGE_TYPES)
                await self._article_answer(_Article(key, article.url, None, article.outlet), result)
                return
            tally["articles not modified, not yet merged"] += 1
            self.result.documents.append(RawDocument(result.final_url, content, sha))
            self.result.done_keys.append(key)
            self._keep_fetch(result, sha)
            return
        sha = content_sha256(result.content)
        self.records.append((key, "article", result, sha))
        self.result.done_keys.append(key)
        self._keep_fetch(result, sha)
        if sha in self.known:
            tally["articles fetched, bytes already loaded"] += 1
            self.result.known.append(RawDocument(result.final_url, b"", sha))
            return
        tally["articles new"] += 1
        # The same bytes under two URLs in one run are processed twice and staged as one article
        # with two sources (the merge finds known bytes only among articles already merged).
        self.result.documents.append(RawDocument(result.final_url, result.content, sha))

    def _keep_fetch(self, result: FetchResult, sha: str) -> None:
        self.result.fetched.append(FetchRecord(
            result.final_url, sha, result.url, result.fetched_at, result.status or 200, result.headers,
            result.http_version,
        ))

    def _failed(self, key: str, role: str, result: FetchResult) -> None:
        self.records.append((key, role, result, None))
        self.result.failures[result.failure or "unknown"] += 1
        attempts = f" after {result.attempts} attempts" if result.attempts > 1 else ""
        self.result.rejections.append(Rejection(result.url, None, f"{result.reason}{attempts}", FETCH_STAGE))

    def _reject(self, key: str, result: FetchResult, sha: str, failure: str, reason: str) -> None:
        self.result.failures[failure] += 1
        self.result.rejections.append(Rejection(result.url, sha, reason, FETCH_STAGE))
