"""The crawler against real HTTP servers on loopback (pytest-httpserver, 127.0.0.1 only).

Fetching (304s, 429 with Retry-After, 500s, slow and dripping answers, redirects and loops, gzip
and a gzip bomb, wrong content types, oversized bodies, robots.txt), discovery (RSS, Atom, plain
and news sitemaps, sitemap indexes, gzip sitemaps, malformed ones), URL identity, and whole crawls
into a warehouse through the real stages (no Prefect here: vnrok_etl.web.load runs the same
pieces as flows/crawl.py). Pages are the project's own fixtures (tests/fixtures/html, tests/corpus).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import threading
import time
import zlib
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import ROOT
from vnrok_etl.cli import main
from vnrok_etl.rawstore import export_raw, iter_raw
from vnrok_etl.runner import reprocess_warehouse
from vnrok_etl.warehouse import connect
from vnrok_etl.web.crawl import run_async, sniff
from vnrok_etl.web.feeds import FeedError, parse_feed
from vnrok_etl.web.fetch import PAGE_TYPES, USER_AGENT, Fetcher, FetchPolicy
from vnrok_etl.web.load import crawl_into_warehouse
from vnrok_etl.web.outlets import OutletsError, Target, load_targets
from vnrok_etl.web.robots import robots_expiry
from vnrok_etl.web.sitemaps import SitemapError, parse_sitemap
from vnrok_etl.web.store import WebStore, store_path
from vnrok_etl.web.urls import BadUrl, clean_url, url_key

HTML = ROOT / "tests" / "fixtures" / "html"
PAGES = {name: (HTML / f"{name}.html").read_bytes() for name in ("vietnamplus_002", "nhandan_001", "vietnamnews_003")}
TEXT_ARTICLE = (ROOT / "tests" / "corpus" / "vov-03.txt").read_bytes()
# Fast and bounded: short timeouts and backoff, no politeness delay (loopback).
FAST = FetchPolicy.unthrottled(backoff_seconds=0.05, retries=2, attempt_seconds=2.0, read_timeout=1.0,
                               connect_timeout=1.0, max_retry_after=2.0)


@pytest.fixture
def web():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.no_handler_status_code = 404  # anything not served is a 404, robots.txt included
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def fetch(url: str, policy: FetchPolicy = FAST, **kwargs):
    async def go():
        async with Fetcher(policy) as fetcher:
            return await fetcher.fetch(url, **kwargs), fetcher.requests

    return run_async(go())


def rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{title}</title><link>{link}</link></item>" for title, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Our wire</title>{entries}</channel></rss>'


def paths(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log]


# --- URL identity -----------------------------------------------------------------------------

def test_one_article_under_tracking_parameters_schemes_fragments_and_slashes_is_one_url():
    same = [
        "https://news.example.vn/politics/vn-rok-trade.html",
        "http://News.Example.VN:80/politics/vn-rok-trade.html?utm_source=rss&utm_medium=feed",
        "https://news.example.vn/politics/vn-rok-trade.html#comments",
        "https://news.example.vn/politics/vn-rok-trade.html/?fbclid=AbC123",
    ]
    assert len({url_key(url) for url in same}) == 1
    # What changes the page stays: another id, another page number, another path.
    assert url_key("https://x.vn/a?id=1") != url_key("https://x.vn/a?id=2")
    assert clean_url("https://x.vn/list?page=2&utm_campaign=z&cat=4") == "https://x.vn/list?cat=4&page=2"
    # The scheme is kept for fetching (a site may serve http only); relative links resolve.
    assert clean_url("http://x.vn/a#top") == "http://x.vn/a"
    assert clean_url("../world/b.html", "https://x.vn/rss/news/feed.rss") == "https://x.vn/rss/world/b.html"
    for bad in ("mailto:desk@x.vn", "javascript:void(0)", "https:///nohost", "ftp://x.vn/file"):
        with pytest.raises(BadUrl):
            clean_url(bad)


from hypothesis import given, settings
from hypothesis import strategies as st

SEGMENT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)


@settings(max_examples=200, deadline=None)
@given(scheme=st.sampled_from(["http", "https", "HTTP"]), host=st.sampled_from(["x.vn", "News.Example.KR", "xn--vit-nam-7va.vn"]),
       segments=st.lists(SEGMENT, max_size=4), query=st.dictionaries(st.sampled_from(["id", "page", "utm_source", "fbclid", "q"]), SEGMENT, max_size=3),
       fragment=SEGMENT, slash=st.booleans())
def test_url_identity_is_stable_whatever_the_decoration(scheme, host, segments, query, fragment, slash):
    from urllib.parse import quote as escape, urlencode

    path = "/" + "/".join(escape(segment, safe="") for segment in segments) + ("/" if slash else "")
    url = f"{scheme}://{host}{path}?{urlencode(query)}#{escape(fragment)}"
    clean = clean_url(url)
    assert clean_url(clean) == clean  # cleaning twice changes nothing
    assert url_key(clean) == url_key(url) == url_key(url_key(url))
    assert "#" not in clean and "utm_source" not in clean and "fbclid" not in clean
    assert url_key(url.replace(scheme, "https", 1)) == url_key(url.replace(scheme, "http", 1))


# --- fetching ---------------------------------------------------------------------------------

def test_a_page_is_fetched_with_our_user_agent_and_an_unchanged_one_transfers_nothing(web):
    def page(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v7"':
            return Response(status=304, headers={"ETag": '"v7"'})
        return Response(PAGES["nhandan_001"], content_type="text/html; charset=utf-8", headers={"ETag": '"v7"'})

    web.expect_request("/article.html").respond_with_handler(page)
    first, _ = fetch(web.url_for("/article.html"))
    assert (first.outcome, first.status, first.content) == ("fetched", 200, PAGES["nhandan_001"])
    assert first.headers["etag"] == '"v7"' and first.content_type == "text/html"
    again, _ = fetch(web.url_for("/article.html"), etag=first.headers["etag"])
    assert (again.outcome, again.status, again.content) == ("not-modified", 304, b"")
    agents = {request.headers.get("User-Agent") for request, _ in web.log}
    assert agents == {USER_AGENT} and "vnrok-etl" in USER_AGENT


def test_a_304_a_redirect_and_an_error_page_leave_their_connection_open_for_the_next_request():
    # A keep-alive HTTP/1.1 server (pytest-httpserver's closes every connection), noting the
    # client port of each request.
    answers = {
        "/robots.txt": (404, {}, b"no rules here"),
        "/story.html": (200, {"ETag": '"p1"', "Content-Type": "text/html"}, PAGES["nhandan_001"]),
        "/moved": (301, {"Location": "/story.html", "Content-Type": "text/plain"}, b"Moved to /story.html"),
        "/gone.html": (410, {"Content-Type": "text/html"}, b"<html><body>Not here any more</body></html>"),
    }
    ports: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            ports.append(self.client_address[1])
            status, headers, body = answers[self.path]
            if status == 200 and self.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    async def go():
        async with Fetcher(FAST) as fetcher:
            return [await fetcher.fetch(f"{base}/story.html"),
                    await fetcher.fetch(f"{base}/story.html", etag='"p1"'),
                    await fetcher.fetch(f"{base}/moved", etag='"p1"'),
                    await fetcher.fetch(f"{base}/gone.html"),
                    await fetcher.fetch(f"{base}/story.html", etag='"p1"')]

    try:
        results = run_async(go())
    finally:
        server.shutdown()
        server.server_close()
    assert [result.status for result in results] == [200, 304, 304, 410, 304]
    assert len(ports) == 7 and len(set(ports)) == 1, ports  # robots.txt, then every request on one connection


def test_last_modified_makes_a_conditional_get_too(web):
    stamp = "Tue, 01 Dec 2026 08:00:00 GMT"

    def page(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(TEXT_ARTICLE, content_type="text/plain", headers={"Last-Modified": stamp})

    web.expect_request("/story.txt").respond_with_handler(page)
    first, _ = fetch(web.url_for("/story.txt"))
    again, _ = fetch(web.url_for("/story.txt"), last_modified=first.headers["last-modified"])
    assert (first.outcome, again.outcome) == ("fetched", "not-modified")


def test_429_waits_what_retry_after_asks_and_a_long_wait_is_left_for_a_later_run(web):
    web.expect_oneshot_request("/busy.html").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    web.expect_request("/busy.html").respond_with_data(PAGES["vietnamplus_002"], content_type="text/html")
    started = time.monotonic()
    result, requests = fetch(web.url_for("/busy.html"))
    assert result.outcome == "fetched" and result.attempts == 2
    assert time.monotonic() - started >= 1.0  # it waited the second asked for, not FAST's 0.05 s backoff

    web.expect_request("/closed.html").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    started = time.monotonic()
    refused, _ = fetch(web.url_for("/closed.html"))
    assert (refused.outcome, refused.failure, refused.retryable) == ("failed", "rate-limited", True)
    assert "Retry-After 3600 s" in refused.reason and time.monotonic() - started < 1.0


def test_server_errors_are_retried_with_backoff_then_reported(web):
    web.expect_oneshot_request("/flaky.html").respond_with_data("oops", status=503)
    web.expect_request("/flaky.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    recovered, _ = fetch(web.url_for("/flaky.html"))
    assert (recovered.outcome, recovered.attempts) == ("fetched", 2)

    web.expect_request("/broken.html").respond_with_data("oops", status=500)
    broken, _ = fetch(web.url_for("/broken.html"))
    assert (broken.outcome, broken.failure, broken.status, broken.attempts) == ("failed", "http-500", 500, 3)
    assert paths(web).count("/broken.html") == 3 and broken.retryable
    web.expect_request("/gone.html").respond_with_data("", status=410)
    gone, _ = fetch(web.url_for("/gone.html"))
    assert (gone.failure, gone.attempts, gone.retryable) == ("http-410", 1, False)  # no retry for a 4xx


def test_a_slow_answer_and_a_dripping_body_are_cut_off_in_bounded_time(web):
    policy = FetchPolicy.unthrottled(retries=0, attempt_seconds=0.6, read_timeout=0.3)

    def silent(request: Request) -> Response:
        time.sleep(1.5)
        return Response("late", content_type="text/html")

    def drip(request: Request) -> Response:
        def body():
            for _ in range(20):  # a byte every 0.1 s: each read is quick, the whole is not
                time.sleep(0.1)
                yield b"<p>"
        return Response(body(), content_type="text/html")

    web.expect_request("/silent.html").respond_with_handler(silent)
    web.expect_request("/drip.html").respond_with_handler(drip)
    for path in ("/silent.html", "/drip.html"):
        started = time.monotonic()
        result, _ = fetch(web.url_for(path), policy)
        assert (result.outcome, result.failure, result.retryable) == ("failed", "timeout", True), path
        assert time.monotonic() - started < 1.2, path


def test_redirects_are_followed_to_the_final_url_and_loops_and_long_chains_stopped(web):
    web.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/moved?utm_source=x"})
    web.expect_request("/moved").respond_with_data("", status=302, headers={"Location": web.url_for("/final.html")})
    web.expect_request("/final.html").respond_with_data(PAGES["vietnamnews_003"], content_type="text/html")
    moved, _ = fetch(web.url_for("/old"))
    assert (moved.outcome, moved.final_url, moved.url) == ("fetched", web.url_for("/final.html"), web.url_for("/old"))

    web.expect_request("/ping").respond_with_data("", status=302, headers={"Location": "/pong"})
    web.expect_request("/pong").respond_with_data("", status=307, headers={"Location": "/ping"})
    loop, _ = fetch(web.url_for("/ping"))
    assert (loop.outcome, loop.failure) == ("failed", "redirect-loop")
    assert paths(web).count("/ping") == 1  # named a loop at once, not after max_redirects hops

    for hop in range(8):
        web.expect_request(f"/hop{hop}").respond_with_data("", status=302, headers={"Location": f"/hop{hop + 1}"})
    chain, _ = fetch(web.url_for("/hop0"))
    assert (chain.failure, chain.reason) == ("too-many-redirects", "more than 5 redirects")


def test_gzip_is_inflated_and_a_gzip_bomb_is_cut_off_at_the_size_cap(web):
    web.expect_request("/zipped.html").respond_with_data(
        gzip.compress(PAGES["nhandan_001"]), content_type="text/html", headers={"Content-Encoding": "gzip"})
    zipped, _ = fetch(web.url_for("/zipped.html"))
    assert zipped.content == PAGES["nhandan_001"]

    bomb = gzip.compress(b" " * (3 * 1024 * 1024))  # 3 KB on the wire, 3 MB inflated
    web.expect_request("/bomb.html").respond_with_data(bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    small = FetchPolicy.unthrottled(max_bytes=1024 * 1024, retries=0)
    exploded, _ = fetch(web.url_for("/bomb.html"), small)
    assert (exploded.outcome, exploded.failure) == ("failed", "too-large") and len(bomb) < 10_000


def test_oversized_bodies_and_wrong_content_types_are_refused(web):
    small = FetchPolicy.unthrottled(max_bytes=50_000, retries=0)
    web.expect_request("/huge.html").respond_with_data(b"<p>" * 40_000, content_type="text/html")  # Content-Length: 120000
    huge, _ = fetch(web.url_for("/huge.html"), small)
    assert (huge.failure, huge.status) == ("too-large", 200) and "120,000 bytes" in huge.reason

    def chunked(request: Request) -> Response:  # no Content-Length: caught while reading
        return Response((b"<p>" * 1000 for _ in range(40)), content_type="text/html")

    web.expect_request("/stream.html").respond_with_handler(chunked)
    stream, _ = fetch(web.url_for("/stream.html"), small)
    assert stream.failure == "too-large" and "over 50,000 bytes" in stream.reason

    web.expect_request("/photo.png").respond_with_data(b"\x89PNG\r\n\x1a\n", content_type="image/png")
    photo, _ = fetch(web.url_for("/photo.png"), accept=PAGE_TYPES)
    assert (photo.failure, photo.retryable) == ("content-type", False) and "image/png" in photo.reason


def test_robots_txt_is_honoured_fetched_once_per_host_and_an_unreadable_one_stops_the_host(web):
    web.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    web.expect_request("/private/memo.html").respond_with_data("secret", content_type="text/html")
    web.expect_request("/public.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")

    async def both():
        async with Fetcher(FAST) as fetcher:
            return [await fetcher.fetch(web.url_for(path)) for path in ("/private/memo.html", "/public.html", "/public.html")]

    private, public, _ = run_async(both())
    assert (private.outcome, private.failure, private.reason) == ("failed", "robots", "disallowed by robots.txt")
    assert public.outcome == "fetched"
    assert "/private/memo.html" not in paths(web) and paths(web).count("/robots.txt") == 1

    web.clear()
    web.expect_request("/robots.txt").respond_with_data("down", status=503)
    web.expect_request("/public.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    blocked, _ = fetch(web.url_for("/public.html"))
    assert (blocked.failure, blocked.retryable) == ("robots", True) and "unreachable (HTTP 503)" in blocked.reason
    assert "/public.html" not in paths(web)


def test_robots_txt_is_kept_across_runs_until_it_expires_and_an_expired_copy_serves_while_unreachable(web, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    rules = "User-agent: *\nDisallow: /private/\n"
    web.expect_request("/robots.txt").respond_with_data(rules, content_type="text/plain",
                                                        headers={"Cache-Control": "public, max-age=3600"})
    web.expect_request("/story.html").respond_with_data(PAGES["vietnamnews_003"], content_type="text/html")
    web.expect_request("/private/memo.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    targets = [Target(web.url_for("/story.html")), Target(web.url_for("/private/memo.html"))]

    def crawl_once() -> dict[str, str]:
        web.clear_log()
        _, result, _ = crawl_into_warehouse(targets, warehouse, FAST)
        return {rejection.uri: rejection.reason for rejection in result.rejections}

    assert crawl_once() == {web.url_for("/private/memo.html"): "disallowed by robots.txt"}
    assert paths(web).count("/robots.txt") == 1 and "/private/memo.html" not in paths(web)
    with sqlite3.connect(store_path(warehouse)) as store:
        host, fetched, expires = store.execute("SELECT host, fetched_at, expires_at FROM robots_txt").fetchone()
    assert host == web.url_for("/").rstrip("/")
    assert datetime.fromisoformat(expires) - datetime.fromisoformat(fetched) == timedelta(hours=1)  # its max-age

    # The next run keeps to the stored rules without asking for them.
    assert crawl_once() == {web.url_for("/private/memo.html"): "disallowed by robots.txt"}
    assert "/robots.txt" not in paths(web) and "/story.html" in paths(web)

    # Expired: asked again, once.
    with sqlite3.connect(store_path(warehouse)) as store:
        store.execute("UPDATE robots_txt SET expires_at = ?", [(datetime.now(timezone.utc) - timedelta(minutes=1)).isoformat()])
    crawl_once()
    assert paths(web).count("/robots.txt") == 1

    # Expired and now unreachable: the kept rules still apply (the host is not shut for the run).
    with sqlite3.connect(store_path(warehouse)) as store:
        store.execute("UPDATE robots_txt SET expires_at = ?", [(datetime.now(timezone.utc) - timedelta(minutes=1)).isoformat()])
    web.clear_all_handlers()
    web.expect_request("/robots.txt").respond_with_data("down", status=503)
    web.expect_request("/story.html").respond_with_data(PAGES["vietnamnews_003"], content_type="text/html")
    assert crawl_once() == {web.url_for("/private/memo.html"): "disallowed by robots.txt"}
    assert "/story.html" in paths(web)


def test_how_long_a_robots_txt_is_kept_follows_its_cache_control_up_to_a_day():
    fetched = datetime(2026, 12, 5, 3, 0, tzinfo=timezone.utc)
    assert robots_expiry(fetched, None) == fetched + timedelta(hours=24)
    assert robots_expiry(fetched, "max-age=600") == fetched + timedelta(minutes=10)
    assert robots_expiry(fetched, 'public, Max-Age="7200", must-revalidate') == fetched + timedelta(hours=2)
    assert robots_expiry(fetched, "s-maxage=60") == fetched + timedelta(hours=24)  # shared caches only: not ours
    assert robots_expiry(fetched, "max-age=31536000") == fetched + timedelta(hours=24)  # the RFC's 24 h cap
    assert robots_expiry(fetched, "no-store") is None and robots_expiry(fetched, "private, no-cache") is None
    assert robots_expiry(fetched, "max-age=0") is None


def test_per_host_limits_space_and_bound_requests(web):
    active, peak, lock = 0, 0, threading.Lock()

    def counted(request: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.2)
        with lock:
            active -= 1
        return Response("<p>hi</p>", content_type="text/html")

    web.expect_request("/p", query_string=None).respond_with_handler(counted)
    polite = FetchPolicy(per_host_concurrency=2, per_host_interval=0.1, retries=0)

    async def many():
        async with Fetcher(polite) as fetcher:
            import asyncio
            return await asyncio.gather(*(fetcher.fetch(web.url_for(f"/p?n={n}")) for n in range(6)))

    started = time.monotonic()
    results = run_async(many())
    assert all(result.ok for result in results)
    assert peak == 2  # never more than two at once to one host
    assert time.monotonic() - started >= 0.5  # six starts 0.1 s apart, three rounds of 0.2 s


def test_a_connection_refused_is_a_failure_not_an_exception():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result, _ = fetch(f"http://127.0.0.1:{port}/x.html", FetchPolicy.unthrottled(retries=1, backoff_seconds=0.01))
    assert (result.outcome, result.retryable) == ("failed", True)
    # robots.txt is the first thing it cannot reach; the page is reported as the connection failure
    assert result.failure == "connection" and "asking for robots.txt" in result.reason


# --- discovery --------------------------------------------------------------------------------

def test_feeds_rss_and_atom_give_their_article_links_resolved_and_clean():
    feed = rss([("Korea &amp; Viet Nam", "/news/a.html?utm_source=rss"), ("Again", "https://x.vn/news/a.html"),
                ("No link", ""), ("Mail", "mailto:desk@x.vn")]).encode()
    links = parse_feed(feed, "https://x.vn/rss/home.rss")
    assert [(link.url, link.title) for link in links] == [("https://x.vn/news/a.html", "Korea & Viet Nam")]

    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
      <entry><title>Seoul talks</title><link rel="alternate" href="story/1"/><updated>2026-11-30T08:00:00Z</updated></entry>
    </feed>"""
    (entry,) = parse_feed(atom, "https://k.example.kr/feeds/atom.xml")
    assert entry.url == "https://k.example.kr/feeds/story/1" and entry.published.year == 2026
    with pytest.raises(FeedError):
        parse_feed(b"{\"not\": \"a feed\"}", "https://x.vn/rss")
    # Lenient where feeds are sloppy: an unescaped ampersand does not lose the items.
    sloppy = b'<rss version="2.0"><channel><item><title>Trade & aid</title><link>https://x.vn/b</link></item></channel></rss>'
    assert [link.url for link in parse_feed(sloppy, "https://x.vn/rss")] == ["https://x.vn/b"]


def test_sitemaps_news_sitemaps_indexes_and_broken_ones():
    news = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://x.vn/a.html</loc><news:news><news:publication_date>2026-12-01T09:00:00+07:00</news:publication_date>
           <news:title>Korea, Viet Nam sign deal</news:title></news:news></url>
      <url><loc>https://x.vn/b.html</loc><lastmod>2026-11-29</lastmod></url></urlset>"""
    sitemap = parse_sitemap(news, "https://x.vn/sitemap-news.xml")
    assert sitemap.kind == "urlset"
    assert [(link.url, link.title) for link in sitemap.links] == [("https://x.vn/a.html", "Korea, Viet Nam sign deal"),
                                                                   ("https://x.vn/b.html", None)]
    assert sitemap.links[0].published.utcoffset().total_seconds() == 7 * 3600
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.vn/s1.xml.gz</loc></sitemap></sitemapindex>"""
    assert [link.url for link in parse_sitemap(gzip.compress(index), "https://x.vn/").sitemaps] == ["https://x.vn/s1.xml.gz"]
    for broken in (b"<urlset><url><loc>https://x.vn/a</loc></url>", b"<html><body>hi</body></html>",
                   b"\x1f\x8bnot gzip at all"):
        with pytest.raises(SitemapError):
            parse_sitemap(broken, "https://x.vn/")
    entity_bomb = b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><urlset><url><loc>&b;</loc></url></urlset>'
    assert [link.url for link in parse_sitemap(entity_bomb, "https://x.vn/").links] == []  # entities are not expanded


def test_what_a_body_is_is_told_by_its_content():
    assert sniff(rss([]).encode(), "text/xml") == "feed"
    assert sniff(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', None) == "feed"
    assert sniff(b"<urlset></urlset>", "application/octet-stream") == "sitemap"
    assert sniff(gzip.compress(b"<sitemapindex></sitemapindex>"), "application/x-gzip") == "sitemap"
    assert sniff(PAGES["nhandan_001"], "text/xml") == "page"  # a page served with the wrong type
    assert sniff(TEXT_ARTICLE, "text/plain") == "page"
    assert sniff(b"\x89PNG\r\n", "application/octet-stream") == "unknown"


# --- whole crawls into a warehouse -------------------------------------------------------------

def serve_feed(web: HTTPServer, items: list[tuple[str, str]], version: str) -> None:
    """The feed at /feed.rss with an ETag; a request carrying the current ETag gets a 304."""
    body = rss(items)

    def feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == version:
            return Response(status=304, headers={"ETag": version})
        return Response(body, content_type="application/rss+xml", headers={"ETag": version})

    web.clear_all_handlers()
    web.expect_request("/feed.rss").respond_with_handler(feed)
    for name, content in PAGES.items():
        web.expect_request(f"/news/{name}.html").respond_with_data(content, content_type="text/html; charset=utf-8",
                                                                  headers={"ETag": f'"{name}"'})
    web.expect_request("/news/vov.txt").respond_with_data(TEXT_ARTICLE, content_type="text/plain; charset=utf-8")
    web.expect_request("/news/photo.jpg").respond_with_data(b"\xff\xd8\xff", content_type="image/jpeg")


def rows(warehouse: Path, query: str) -> list[tuple]:
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_a_feed_is_crawled_into_the_warehouse_and_the_next_polls_bring_only_what_is_new(web, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    items = [("Viet Nam and Korea", web.url_for("/news/vietnamplus_002.html") + "?utm_source=rss"),
             ("Same page again", web.url_for("/news/vietnamplus_002.html")),
             ("Nhan Dan", web.url_for("/news/nhandan_001.html")),
             ("Missing", web.url_for("/news/missing.html")),
             ("A photo", web.url_for("/news/photo.jpg"))]
    serve_feed(web, items, '"v1"')
    feed = [Target(web.url_for("/feed.rss"))]

    counts, result, _ = crawl_into_warehouse(feed, warehouse, FAST)
    assert counts.articles_new == 2
    assert result.tally["articles listed"] == 4 and result.tally["articles new"] == 2  # the duplicate URL is one
    assert dict(result.failures) == {"http-404": 1, "content-type": 1}
    sources = rows(warehouse, "SELECT source_uri FROM article_sources ORDER BY 1")
    assert sources == [(web.url_for("/news/nhandan_001.html"),), (web.url_for("/news/vietnamplus_002.html"),)]
    rejected = rows(warehouse, "SELECT source_uri, stage, reason FROM rejections ORDER BY 1")
    assert rejected == [(web.url_for("/news/missing.html"), "fetch", "HTTP 404"),
                        (web.url_for("/news/photo.jpg"), "fetch", "not an accepted content type (image/jpeg)")]

    # The fetch is logged beside the warehouse (status, headers); the feed's bytes stay there, the
    # merged page's bytes are in the warehouse (test_fetched_bytes_are_raw_documents_...).
    with sqlite3.connect(store_path(warehouse)) as store:
        status, headers, sha = store.execute(
            "SELECT status, headers, content_sha256 FROM fetches WHERE url = ?", [web.url_for("/news/nhandan_001.html")]
        ).fetchone()
        kept = dict(store.execute("SELECT first_url, content FROM raw_bodies").fetchall())
    assert status == 200 and json.loads(headers)["etag"] == '"nhandan_001"'
    assert list(kept) == [web.url_for("/feed.rss")] and zlib.decompress(kept[web.url_for("/feed.rss")]) == rss(items).encode()

    # Nothing changed: the feed answers 304, nothing else is asked for, nothing is added.
    web.clear_log()
    counts, result, _ = crawl_into_warehouse(feed, warehouse, FAST)
    assert result.tally["sources not modified"] == 1 and counts.articles_new == 0 and counts.rejections_new == 0
    assert paths(web) == ["/feed.rss"]  # robots.txt (a 404: no rules) is kept from the first run

    # A new item: only it is fetched; loaded and given-up ones are not asked for again.
    serve_feed(web, [("Viet Nam News", web.url_for("/news/vietnamnews_003.html")), *items], '"v2"')
    web.clear_log()
    counts, result, _ = crawl_into_warehouse(feed, warehouse, FAST)
    assert counts.articles_new == 1 and result.tally["articles already loaded"] == 2
    assert result.tally["articles given up earlier"] == 2  # the 404 and the photo
    assert sorted(paths(web)) == ["/feed.rss", "/news/vietnamnews_003.html"]
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(3,)]


def test_fetched_bytes_are_raw_documents_with_how_they_were_fetched_and_reprocess_and_export_read_them(web, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    web.expect_request("/news/nhandan_001.html").respond_with_data(
        PAGES["nhandan_001"], content_type="text/html; charset=utf-8", headers={"ETag": '"n1"', "X-Other": "dropped"})
    web.expect_request("/old/story").respond_with_data("", status=301, headers={"Location": "/news/vov.txt"})
    web.expect_request("/news/vov.txt").respond_with_data(TEXT_ARTICLE, content_type="text/plain; charset=utf-8",
                                                          headers={"Last-Modified": "Fri, 04 Dec 2026 08:00:00 GMT"})
    started = datetime.now(timezone.utc)
    counts, _, _ = crawl_into_warehouse([Target(web.url_for("/news/nhandan_001.html")), Target(web.url_for("/old/story"))],
                                        warehouse, FAST)
    assert counts.articles_new == 2
    page, text = web.url_for("/news/nhandan_001.html"), web.url_for("/news/vov.txt")
    sha = {page: hashlib.sha256(PAGES["nhandan_001"]).hexdigest(), text: hashlib.sha256(TEXT_ARTICLE).hexdigest()}
    with connect(warehouse, read_only=True) as connection:
        kept = dict(iter_raw(connection, sha.values()))
        sightings = connection.execute("SELECT source_uri, content_sha256 FROM document_sightings ORDER BY 1").fetchall()
        fetches = {row[0]: row[1:] for row in connection.execute(
            "SELECT source_uri, content_sha256, requested_url, fetched_at, status, headers FROM document_fetches").fetchall()}
    assert kept == {sha[page]: PAGES["nhandan_001"], sha[text]: TEXT_ARTICLE}  # byte for byte
    assert sightings == sorted(sha.items())  # under the final URL, after the redirect
    assert set(fetches) == {page, text}
    assert fetches[text][:2] == (sha[text], web.url_for("/old/story")) and fetches[page][1] == page
    assert all(row[3] == 200 and started <= row[2] <= datetime.now(timezone.utc) for row in fetches.values())
    assert json.loads(fetches[page][4])["etag"] == '"n1"' and "x-other" not in json.loads(fetches[page][4])
    assert json.loads(fetches[text][4])["last-modified"] == "Fri, 04 Dec 2026 08:00:00 GMT"
    with WebStore(store_path(warehouse)) as store:  # merged: one copy, the warehouse's
        assert store.count("raw_bodies") == 0 and store.count("fetches") == 2

    # The same bytes under another URL: a new sighting and fetch row, no second copy of the bytes.
    web.expect_request("/mirror/n.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    counts, result, _ = crawl_into_warehouse([Target(web.url_for("/mirror/n.html"))], warehouse, FAST)
    assert (counts.articles_new, result.tally["articles fetched, bytes already loaded"]) == (0, 1)
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM raw_documents").fetchone() == (2,)
        mirror = (web.url_for("/mirror/n.html"), sha[page])
        assert connection.execute("SELECT source_uri, content_sha256 FROM document_sightings WHERE source_uri LIKE '%mirror%'").fetchall() == [mirror]
        assert connection.execute("SELECT source_uri, content_sha256 FROM document_fetches WHERE source_uri LIKE '%mirror%'").fetchall() == [mirror]

    # reprocess and export --raw work on crawled articles as on files.
    plan, chunks, _ = reprocess_warehouse(warehouse, everything=True)
    assert (plan.sightings, plan.without_raw) == (3, 0) and sum(chunk.documents_seen for chunk in chunks) == 3
    with connect(warehouse, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert connection.execute("SELECT count(*) FROM document_fetches").fetchone() == (3,)  # kept by the reprocess
    written, manifest = export_raw(warehouse, str(tmp_path / "raw"))
    assert written == 2 and (tmp_path / "raw" / sha[page]).read_bytes() == PAGES["nhandan_001"]
    assert (tmp_path / "raw" / sha[text]).read_bytes() == TEXT_ARTICLE
    assert text in manifest.read_text() and web.url_for("/mirror/n.html") in manifest.read_text()


def test_a_page_given_directly_is_an_article_and_its_re_poll_is_a_304(web, tmp_path):
    warehouse = tmp_path / "w.duckdb"

    def page(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"p1"':
            return Response(status=304)
        return Response(PAGES["vietnamnews_003"], content_type="text/html", headers={"ETag": '"p1"'})

    web.expect_request("/story.html").respond_with_handler(page)
    counts, _, _ = crawl_into_warehouse([Target(web.url_for("/story.html"))], warehouse, FAST)
    assert counts.articles_new == 1
    counts, result, _ = crawl_into_warehouse([Target(web.url_for("/story.html"))], warehouse, FAST)
    assert counts.articles_new == 0 and result.tally["articles not modified"] == 1
    assert [response.status_code for request, response in web.log if request.path == "/story.html"] == [200, 304]


def test_a_sitemap_index_leads_to_gzip_and_news_sitemaps_filtered_by_keywords(web, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    news = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>{web.url_for('/news/nhandan_001.html')}</loc><news:news><news:title>Viet Nam, Korea upgrade ties</news:title></news:news></url>
      <url><loc>{web.url_for('/news/weather.html')}</loc><news:news><news:title>Rain in the north</news:title></news:news></url>
    </urlset>"""
    plain = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>{web.url_for('/news/korea-trade/vietnamplus_002.html')}</loc></url></urlset>"""
    index = f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sitemap-news.xml</loc></sitemap><sitemap><loc>/sitemap-2026.xml.gz</loc></sitemap>
      <sitemap><loc>/sitemap-broken.xml</loc></sitemap></sitemapindex>"""
    web.expect_request("/sitemap.xml").respond_with_data(index, content_type="application/xml")
    web.expect_request("/sitemap-news.xml").respond_with_data(news, content_type="text/xml")
    web.expect_request("/sitemap-2026.xml.gz").respond_with_data(gzip.compress(plain.encode()), content_type="application/x-gzip")
    web.expect_request("/sitemap-broken.xml").respond_with_data("<urlset><url><loc>", content_type="application/xml")
    web.expect_request("/news/nhandan_001.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    web.expect_request("/news/korea-trade/vietnamplus_002.html").respond_with_data(PAGES["vietnamplus_002"], content_type="text/html")

    target = Target(web.url_for("/sitemap.xml"), "Example", keywords=("Korea",))
    counts, result, _ = crawl_into_warehouse([target], warehouse, FAST)
    assert counts.articles_new == 2  # the titled match, and the untitled one whose URL slug matches
    assert result.tally["articles not matching keywords"] == 1 and "/news/weather.html" not in paths(web)
    assert result.failures["malformed-sitemap"] == 1
    (reason,) = rows(warehouse, "SELECT reason FROM rejections WHERE source_uri LIKE '%sitemap-broken.xml'")[0]
    assert reason.startswith("malformed sitemap XML")


def test_bad_input_from_the_web_is_a_rejection_row_each_and_the_good_pages_still_load(web, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    web.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    web.expect_request("/private/a.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    web.expect_request("/json").respond_with_data('{"feed": false}', content_type="application/json")
    web.expect_request("/notxml").respond_with_data("plain words, no markup", content_type="application/xml")
    web.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    web.expect_request("/500").respond_with_data("", status=500)
    web.expect_request("/empty.html").respond_with_data("", content_type="text/html")
    web.expect_request("/good.html").respond_with_data(PAGES["vietnamplus_002"], content_type="text/html")
    urls = [web.url_for(path) for path in ("/private/a.html", "/json", "/notxml", "/loop", "/500", "/empty.html", "/good.html")]

    counts, result, _ = crawl_into_warehouse([Target(url) for url in urls], warehouse, FAST)
    assert counts.articles_new == 1
    reasons = dict(rows(warehouse, "SELECT source_uri, reason FROM rejections"))
    assert reasons[urls[0]] == "disallowed by robots.txt"
    assert reasons[urls[1]] == "not an accepted content type (application/json)"
    assert reasons[urls[2]] == "not a feed, sitemap or article page (application/xml)"
    assert reasons[urls[3]].startswith("redirect loop")
    assert reasons[urls[4]] == "HTTP 500 after 3 attempts"
    assert urls[5] in reasons  # an empty page reaches the pipeline and is rejected there, with its reason
    assert len(reasons) == 6


def test_crawl_check_says_what_each_address_is_and_lists_and_writes_nothing(web, tmp_path, capsys):
    items = [("Korea and Viet Nam sign a deal", web.url_for("/news/a.html")), ("Local weather", web.url_for("/news/b.html"))]
    web.expect_request("/feed.rss").respond_with_data(rss(items), content_type="application/rss+xml")
    web.expect_request("/index.xml").respond_with_data(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml</loc></sitemap>'
        "<sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>", content_type="application/xml")
    web.expect_request("/old-feed").respond_with_data("", status=301, headers={"Location": "/feed.rss"})
    web.expect_request("/logo.png").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[outlet]]\nname = "Wire"\nkeywords = ["Korea"]\n'
        f'feeds = ["{web.url_for("/feed.rss")}", "{web.url_for("/old-feed")}", "{web.url_for("/missing.rss")}"]\n'
        f'sitemaps = ["{web.url_for("/index.xml")}"]\n', encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    code = main(["crawl", "--check", "--sources", str(sources), "--warehouse", str(warehouse), web.url_for("/logo.png")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1 and len(lines) == 5
    assert lines[0].startswith("FAIL " + web.url_for("/logo.png")) and "not an accepted content type (image/png)" in lines[0]
    assert lines[1] == f"ok   Wire: {web.url_for('/feed.rss')}: feed, 2 article(s) listed, 1 matching the outlet's keywords"
    assert lines[2].startswith(f"ok   Wire: {web.url_for('/old-feed')} (now at {web.url_for('/feed.rss')}): feed,")
    assert lines[3] == f"FAIL Wire: {web.url_for('/missing.rss')}: failed, HTTP 404"
    assert lines[4] == f"ok   Wire: {web.url_for('/index.xml')}: sitemap index, 2 sitemap(s)"
    assert not warehouse.exists() and not store_path(warehouse).exists()
    assert not any(path.startswith("/news/") for path in paths(web))  # no article fetched


def test_sources_toml_is_data_and_a_broken_one_is_a_clear_error(tmp_path):
    targets = load_targets()  # the project's own file
    outlets = {target.outlet for target in targets}
    assert {"VietnamPlus", "Viet Nam News", "Nhan Dan", "VOV", "Yonhap", "The Korea Herald"} <= outlets
    assert all(target.url.startswith("https://") for target in targets)
    vietnamplus = next(target for target in targets if target.outlet == "VietnamPlus")
    assert vietnamplus.keeps("https://en.vietnamplus.vn/vietnam-rok-boost-trade-post1.vnp", None)
    assert vietnamplus.keeps("https://en.vietnamplus.vn/p1.vnp", "Hà Nội hosts RoK delegation")
    assert not vietnamplus.keeps("https://en.vietnamplus.vn/brokerage-fees-post2.vnp", "Brokerage fees cut")

    broken = tmp_path / "sources.toml"
    broken.write_text('[[outlet]]\nname = "X"\nfeeds = ["ftp://x.vn/feed"]\n')
    with pytest.raises(OutletsError, match="not an http"):
        load_targets(broken)
    broken.write_text("[[outlet]\n")
    with pytest.raises(OutletsError, match="not valid TOML"):
        load_targets(broken)
    with pytest.raises(OutletsError, match="no sources file"):
        load_targets(tmp_path / "missing.toml")


def test_the_store_keeps_state_per_url_key(tmp_path):
    with WebStore(tmp_path / "x.web.sqlite") as store:
        store.list_pending([(url_key("http://x.vn/a/"), "http://x.vn/a/", "X", None, "T", None)])
        assert set(store.states([url_key("https://x.vn/a?utm_source=z")])) == {"https://x.vn/a"}
    assert store_path(tmp_path / "vnrok.duckdb") == tmp_path / "vnrok.web.sqlite"


# --- the flow ---------------------------------------------------------------------------------

def test_the_crawl_flow_loads_a_feed_and_publishes_its_tally(web, tmp_path, prefect_server):
    from prefect.client.orchestration import get_client

    from flows.crawl import crawl_flow

    warehouse = tmp_path / "w.duckdb"
    serve_feed(web, [("Korea ties", web.url_for("/news/nhandan_001.html")), ("Gone", web.url_for("/news/missing.html"))], '"f1"')
    state = crawl_flow(urls=[web.url_for("/feed.rss")], warehouse=str(warehouse), polite=False, return_state=True)
    result = state.result()
    assert (result["articles_new"], result["rejections_new"]) == (1, 1)
    assert result["crawl"]["articles new"] == 1 and result["failures"] == {"http-404": 1}
    loads = rows(warehouse, "SELECT flow_run_id, status FROM loads")
    assert loads == [(str(state.state_details.flow_run_id), "succeeded")]
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
    mine = {artifact.key: artifact for artifact in artifacts if artifact.flow_run_id == state.state_details.flow_run_id}
    assert set(mine) == {"crawl-summary", "crawl-failures"}
    table = mine["crawl-summary"].data
    measures = {row["measure"]: row["value"] for row in (json.loads(table) if isinstance(table, str) else table)}
    assert measures["articles new"] == 1 and measures["failed: http-404"] == 1 and measures["sources polled"] == 1
    assert "HTTP 404" in mine["crawl-failures"].data

    again = crawl_flow(urls=[web.url_for("/feed.rss")], warehouse=str(warehouse), polite=False)
    assert again["articles_new"] == 0 and again["crawl"]["sources not modified"] == 1


def test_a_certificate_nobody_vouches_for_is_a_tls_failure_not_retried(tmp_path):
    """A real TLS server on loopback with a self-signed certificate (made here by openssl)."""
    import ssl
    import subprocess

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                           "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("openssl cannot make a certificate here")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context, threaded=True)
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/secure.html").respond_with_data(PAGES["nhandan_001"], content_type="text/html")
    server.start()
    try:
        started = time.monotonic()
        result, _ = fetch(server.url_for("/secure.html"))
    finally:
        server.stop()
    assert result.url.startswith("https://")
    assert (result.outcome, result.retryable) == ("failed", False)
    assert result.failure == "tls" and "CERTIFICATE" in result.reason.upper()
    assert time.monotonic() - started < 2.0


def test_a_host_whose_robots_txt_cannot_be_read_is_not_retried_within_the_run(web):
    web.expect_request("/robots.txt").respond_with_data("down", status=503)
    started = time.monotonic()
    result, requests = fetch(web.url_for("/a.html"), FetchPolicy.unthrottled(retries=3, backoff_seconds=0.5))
    assert (result.failure, result.attempts, result.retryable) == ("robots", 1, True)
    assert time.monotonic() - started < 0.5 and paths(web) == ["/robots.txt"]


def test_http2_is_used_where_the_server_offers_it(tmp_path):
    """Hypercorn on loopback over TLS offers h2 by ALPN; the fetcher takes it (and trusts the
    test's own certificate through FetchPolicy.verify)."""
    import asyncio
    import socket
    import ssl
    import subprocess

    hypercorn = pytest.importorskip("hypercorn.asyncio")
    from hypercorn.config import Config

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                           "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("openssl cannot make a certificate here")

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        status = 404 if scope["path"] == "/robots.txt" else 200
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/html")]})
        await send({"type": "http.response.body", "body": PAGES["nhandan_001"] if status == 200 else b""})

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.certfile, config.keyfile = str(cert), str(key)
    config.alpn_protocols = ["h2", "http/1.1"]
    config.accesslog = config.errorlog = None

    async def scenario():
        stop = asyncio.Event()
        server = asyncio.create_task(hypercorn.serve(app, config, shutdown_trigger=stop.wait))
        await asyncio.sleep(0.5)
        try:
            async with Fetcher(FetchPolicy.unthrottled(verify=str(cert))) as fetcher:
                return await fetcher.fetch(f"https://127.0.0.1:{port}/article.html")
        finally:
            stop.set()
            await server

    result = run_async(scenario())
    assert (result.outcome, result.http_version) == ("fetched", "HTTP/2")
    assert result.content == PAGES["nhandan_001"]
