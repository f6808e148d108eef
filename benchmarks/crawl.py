"""Crawl throughput from a loopback server: pages fetched and ingested per second, and re-polls.

A corpus folder (benchmarks/corpus.py output; by default 1,000 documents generated with seed 7 in
a temporary folder) is served from memory by a threaded HTTP/1.1 server in ANOTHER process (so the
crawler's process has its core to itself, as it would against a remote site), each page with an
ETag that answers If-None-Match with a 304, plus a sitemap listing every page. Measured, each in a
fresh warehouse, with the politeness limits lifted (FetchPolicy.unthrottled: no per-host delay,
8 requests in flight; robots.txt still asked for). The machine is shared, so besides wall time
each measure gives the CPU seconds of the crawling process and of the server process:

1. **cold crawl**: the sitemap → every page fetched, processed, staged, merged: pages/s on the
   whole wall time (crawl_into_warehouse, the flow's pieces without Prefect).
2. **re-poll of the N pages given as URLs**: each is a conditional GET answered 304; nothing is
   processed; wall time including the (empty) merge.
3. **re-poll of the sitemap**: one 304; listed pages are not asked for again.
4. optionally (`--flow`) the cold crawl through the Prefect flow (temporary server started first,
   its start-up not counted).

    .venv/bin/python benchmarks/crawl.py [--corpus DIR] [-n 1000] [--flow]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def serve(folder: str, port_queue: multiprocessing.Queue) -> None:
    """The loopback site: /robots.txt (allow all), /sitemap.xml, /p/<name> with ETags and 304s."""
    files = sorted(path for path in Path(folder).rglob("*") if path.is_file())
    pages = {f"/p/{path.name}": path.read_bytes() for path in files}
    etags = {name: '"' + hashlib.sha1(body).hexdigest()[:16] + '"' for name, body in pages.items()}
    types = {name: "text/html; charset=utf-8" if name.endswith(".html") else "text/plain; charset=utf-8" for name in pages}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: with Nagle's algorithm on, the body waits for
        # the client's delayed ACK of the headers (~40 ms on Linux loopback), which a real server
        # does not make a crawler wait; so TCP_NODELAY, as production servers set it.
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            host = self.headers.get("Host")
            if self.path == "/robots.txt":
                return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain", None)
            if self.path == "/sitemap.xml":
                urls = "".join(f"<url><loc>http://{host}{name}</loc></url>" for name in pages)
                body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
                return self._send(200, body, "application/xml", '"sitemap-1"')
            if self.path not in pages:
                return self._send(404, b"", "text/plain", None)
            return self._send(200, pages[self.path], types[self.path], etags[self.path])

        def _send(self, status: int, body: bytes, kind: str, etag: str | None) -> None:
            if etag and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
            if status != 304:
                self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_queue.put(server.server_address[1])
    server.serve_forever()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder of documents (default: generate -n with seed 7)")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--flow", action="store_true", help="also run the cold crawl through the Prefect flow")
    args = parser.parse_args()

    os.environ.setdefault("VNROK_PREFECT_PORT", "0")
    work = Path(tempfile.mkdtemp(prefix="vnrok-crawl-bench-"))
    corpus = args.corpus
    if corpus is None:
        corpus = work / "corpus"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(corpus), "-n", str(args.n), "--seed", "7"],
                       check=True, capture_output=True)
    ports: multiprocessing.Queue = multiprocessing.Queue()
    site = multiprocessing.Process(target=serve, args=(str(corpus), ports), daemon=True)
    site.start()
    port = ports.get(timeout=60)
    base = f"http://127.0.0.1:{port}"
    names = sorted(path.name for path in corpus.rglob("*") if path.is_file())
    print(f"corpus {corpus}: {len(names)} documents, served on {base} by process {site.pid}; cpus {os.cpu_count()}")

    from vnrok_etl.web.fetch import FetchPolicy
    from vnrok_etl.web.load import crawl_into_warehouse
    from vnrok_etl.web.outlets import Target

    policy = FetchPolicy.unthrottled()
    warehouse = work / "w.duckdb"
    sitemap = [Target(f"{base}/sitemap.xml", max_new=len(names))]
    pages = [Target(f"{base}/p/{name}") for name in names]

    import psutil

    server = psutil.Process(site.pid)

    def clocks() -> tuple[float, float, float]:
        return time.perf_counter(), time.process_time(), sum(server.cpu_times()[:2])

    def spent(since: tuple[float, float, float]) -> str:
        now = clocks()
        return f"[wall {now[0] - since[0]:.2f} s, crawler CPU {now[1] - since[1]:.2f} s, server CPU {now[2] - since[2]:.2f} s]"

    def timed_crawl(targets):
        """crawl_into_warehouse and its wall seconds, printing the clocks it used."""
        since = clocks()
        outcome = crawl_into_warehouse(targets, warehouse, policy)
        wall = time.perf_counter() - since[0]
        print(spent(since))
        return (*outcome, wall)

    print(f"load average before: {os.getloadavg()[0]:.1f}")
    counts, result, seconds, wall = timed_crawl(sitemap)
    print(f"cold crawl: {result.tally['articles new']} pages fetched, {counts.articles_new} new articles, "
          f"{counts.rejections_new} rejections in {wall:.2f} s = {result.tally['articles new'] / wall:.0f} pages/s "
          f"(fetch {seconds['crawl']:.2f} s, {result.requests} requests; stages {seconds})")

    # The pages given as URLs: every one a conditional GET (their ETags are stored) answered 304.
    counts, result, seconds, wall = timed_crawl(pages)
    print(f"re-poll of {len(pages)} unchanged URLs: {wall:.2f} s wall ({seconds['crawl']:.2f} s fetching, "
          f"merge {seconds['merge']:.2f} s); {dict(result.tally)}; new articles {counts.articles_new}")

    counts, result, seconds, wall = timed_crawl(sitemap)
    print(f"re-poll of the sitemap: {wall:.2f} s wall, {result.requests} requests; {dict(result.tally)}")

    if args.flow:
        from flows import watched_run
        from flows.crawl import crawl_flow
        from flows.lifeline import temporary_server

        with temporary_server(), watched_run():
            crawl_flow(urls=[f"{base}/robots.txt"], warehouse=str(work / "warm.duckdb"), polite=False)  # start-up
            started = time.perf_counter()
            since = clocks()
            outcome = crawl_flow(urls=[f"{base}/sitemap.xml"], warehouse=str(work / "flow.duckdb"),
                                 max_new_per_source=len(names), polite=False)
            wall = time.perf_counter() - started
        new = outcome["crawl"].get("articles new", 0)
        print(spent(since))
        print(f"cold crawl through the flow: {new} pages in {wall:.2f} s = {new / wall:.0f} pages/s "
              f"(seconds {outcome['seconds']})")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    site.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
