"""What the crawl remembers, in one SQLite file beside the warehouse (`<warehouse>.web.sqlite`).

Beside the warehouse, not in it, on purpose: DuckDB lets one process hold the warehouse file
read-write, excluding even readers, and the crawl writes its state after every poll, including
polls that bring nothing to merge; SQLite (WAL mode) lets a served crawl, a manual crawl and
readers share the file. Tables, readable with any SQLite client (`sqlite3 vnrok.web.sqlite`):

- `url_state`: one row per URL (by `url_key`, web/urls.py): the conditional state of its last
  fetch (ETag, Last-Modified, status, sha256 of the body), where it was listed (`via`, the feed
  or sitemap), what the listing said (title, date), and where it stands: `pending` (listed, not
  yet fetched), `failed` (a retryable failure, `attempts` in a row), `fetched` (bytes kept, not
  yet merged), `done` (merged into the warehouse, as an article or a rejection), `gone` (a
  failure no later run will fix: 404, 410, a wrong content type, robots.txt...).
- `fetches`: every HTTP fetch: when, the URL asked and the final URL after redirects, the
  outcome, status, failure and reason, the headers that matter (JSON), the body's sha256 and
  size, seconds, attempts, HTTP version, and the load it belongs to.
- `robots_txt`: each host's last definite robots.txt answer (status, body) and until when it
  holds (its Cache-Control max-age, at most 24 h), so polls every few minutes do not ask for it
  each time (web/robots.py).
- `raw_bodies`: the bytes of every feed and sitemap fetched, and of every page until the load
  holding it is merged, by sha256, zlib-compressed (level 1: 2.4x smaller on the project's HTML
  fixtures, ~1.8 ms of CPU per 100 KB, measured on the loaded 2-core machine), with the content
  type and the first URL that served them. A merged page's bytes are in the warehouse's
  `raw_documents` (with `document_sightings` and `document_fetches`), where `reprocess` and
  `export --raw` find them, and leave this file then (`mark_done`); a page fetched but not merged
  (a crash in between) is taken from here by the next run. Nothing fetched is lost.

The warehouse keeps the fetched pages as any other document: `article_sources.source_uri` is the
page's URL; a page that could not be fetched is a `rejections` row (stage `fetch`) with the reason.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from vnrok_etl.web.fetch import FetchResult
from vnrok_etl.web.robots import StoredRobots

SCHEMA = """
CREATE TABLE IF NOT EXISTS url_state (
    url_key        TEXT PRIMARY KEY,
    url            TEXT NOT NULL,
    role           TEXT NOT NULL,          -- source (feed, sitemap) | article
    outlet         TEXT,
    via            TEXT,                   -- url_key of the feed or sitemap that listed it
    title          TEXT,
    listed_at      TEXT,                   -- the date the listing gave, ISO 8601
    state          TEXT NOT NULL,          -- pending | failed | fetched | done | gone
    final_url      TEXT,
    status         INTEGER,
    etag           TEXT,
    last_modified  TEXT,
    content_sha256 TEXT,
    failure        TEXT,
    reason         TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    first_seen_at  TEXT NOT NULL,
    fetched_at     TEXT
);
CREATE INDEX IF NOT EXISTS url_state_via ON url_state (via, state);
CREATE TABLE IF NOT EXISTS fetches (
    fetched_at     TEXT NOT NULL,
    url            TEXT NOT NULL,
    final_url      TEXT,
    role           TEXT,
    outcome        TEXT NOT NULL,          -- fetched | not-modified | failed
    status         INTEGER,
    failure        TEXT,
    reason         TEXT,
    headers        TEXT,                   -- JSON object of the kept headers
    content_sha256 TEXT,
    size_bytes     INTEGER,
    seconds        REAL,
    attempts       INTEGER,
    http_version   TEXT,
    load_id        TEXT
);
CREATE TABLE IF NOT EXISTS robots_txt (
    host           TEXT PRIMARY KEY,       -- scheme://host:port
    status         INTEGER NOT NULL,       -- 2xx: body holds the rules; 4xx: no rules
    body           BLOB NOT NULL,
    fetched_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL           -- asked again after this (web/robots.py)
);
CREATE TABLE IF NOT EXISTS raw_bodies (
    content_sha256 TEXT PRIMARY KEY,
    content        BLOB NOT NULL,          -- zlib-compressed bytes, as served (decompressed from transfer encoding)
    size_bytes     INTEGER NOT NULL,
    content_type   TEXT,
    first_url      TEXT NOT NULL,
    stored_at      TEXT NOT NULL
);
"""
BUSY_MILLISECONDS = 60_000
COMPRESSION_LEVEL = 1
MAX_ATTEMPTS = 5  # a URL failing with retryable errors this many runs in a row is given up ("gone")


@dataclass(frozen=True, slots=True)
class UrlState:
    url_key: str
    url: str
    role: str
    state: str
    etag: str | None
    last_modified: str | None
    content_sha256: str | None
    attempts: int
    via: str | None = None
    title: str | None = None


def store_path(warehouse: str | Path) -> Path:
    """The crawl's SQLite file for a warehouse: vnrok.duckdb -> vnrok.web.sqlite, same folder."""
    warehouse = Path(warehouse)
    return warehouse.with_name(f"{warehouse.stem}.web.sqlite")


class WebStore:
    """The crawl's state file. Each method is one short transaction."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=BUSY_MILLISECONDS / 1000, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> WebStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def states(self, keys: Iterable[str]) -> dict[str, UrlState]:
        """The stored state of these URL keys (those the store knows)."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, UrlState] = {}
        for start in range(0, len(keys), 900):  # SQLite's bound-parameter limit
            chunk = keys[start:start + 900]
            rows = self._db.execute(
                f"""SELECT url_key, url, role, state, etag, last_modified, content_sha256, attempts, via, title
                    FROM url_state WHERE url_key IN ({','.join('?' * len(chunk))})""",
                chunk,
            ).fetchall()
            found.update((row[0], UrlState(*row)) for row in rows)
        return found

    def waiting(self, via_keys: Iterable[str]) -> list[UrlState]:
        """Articles listed earlier by these feeds or sitemaps and not yet merged or given up."""
        via_keys = list(via_keys)
        if not via_keys:
            return []
        rows = self._db.execute(
            f"""SELECT url_key, url, role, state, etag, last_modified, content_sha256, attempts, via, title
                FROM url_state WHERE via IN ({','.join('?' * len(via_keys))})
                AND state IN ('pending', 'failed', 'fetched') ORDER BY first_seen_at""",
            via_keys,
        ).fetchall()
        return [UrlState(*row) for row in rows]

    def list_pending(self, rows: Iterable[tuple[str, str, str | None, str | None, str | None, str | None]]) -> None:
        """Record articles a listing named: (url_key, url, outlet, via, title, listed_at); known keys stay as they are."""
        now = _now()
        with self._transaction() as db:
            db.executemany(
                """INSERT INTO url_state (url_key, url, role, outlet, via, title, listed_at, state, first_seen_at)
                   VALUES (?, ?, 'article', ?, ?, ?, ?, 'pending', ?) ON CONFLICT (url_key) DO NOTHING""",
                [(*row, now) for row in rows],
            )

    def record_fetches(
        self, fetched: Iterable[tuple[str, str, FetchResult, str | None]], load_id: str | None = None,
        outlet: dict[str, str | None] | None = None,
    ) -> None:
        """Log fetches and update each URL's state: (url_key, role, result, sha256 of the body or None).

        Bodies are kept in raw_bodies (once per sha256); a 304 keeps the stored validators and body.
        """
        now = _now()
        outlet = outlet or {}
        with self._transaction() as db:
            for key, role, result, sha in fetched:
                db.execute(
                    "INSERT INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (result.fetched_at.isoformat(), result.url, result.final_url, role, result.outcome, result.status,
                     result.failure, result.reason, json.dumps(result.headers), sha,
                     len(result.content) if result.ok else None, result.seconds, result.attempts,
                     result.http_version, load_id),
                )
                if result.ok and sha:
                    db.execute(
                        """INSERT INTO raw_bodies VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (content_sha256) DO NOTHING""",
                        (sha, zlib.compress(result.content, COMPRESSION_LEVEL), len(result.content),
                         result.headers.get("content-type"), result.final_url, now),
                    )
                if result.ok:
                    state, attempts = ("fetched" if role == "article" else "done"), 0
                elif result.outcome == "not-modified":
                    state, attempts = None, 0
                else:
                    state, attempts = "failed", 1
                db.execute(
                    """INSERT INTO url_state (url_key, url, role, outlet, state, first_seen_at)
                       VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (url_key) DO UPDATE SET role = excluded.role""",
                    (key, result.url, role, outlet.get(key), now),
                )
                if result.ok:
                    db.execute(
                        """UPDATE url_state SET state = ?, final_url = ?, status = ?, etag = ?, last_modified = ?,
                               content_sha256 = ?, failure = NULL, reason = NULL, attempts = 0, fetched_at = ?
                           WHERE url_key = ?""",
                        (state, result.final_url, result.status, result.headers.get("etag"),
                         result.headers.get("last-modified"), sha, now, key),
                    )
                elif result.outcome == "not-modified":
                    db.execute(
                        "UPDATE url_state SET status = 304, failure = NULL, reason = NULL, attempts = 0, fetched_at = ? WHERE url_key = ?",
                        (now, key),
                    )
                else:
                    db.execute(
                        """UPDATE url_state SET status = ?, failure = ?, reason = ?, attempts = attempts + 1, fetched_at = ?,
                               state = CASE WHEN ? OR attempts + 1 >= ? THEN 'gone' ELSE 'failed' END
                           WHERE url_key = ?""",
                        (result.status, result.failure, result.reason, now, not result.retryable, MAX_ATTEMPTS, key),
                    )

    def mark_done(self, keys: Iterable[str], merged: Iterable[str] = ()) -> None:
        """These articles are in the warehouse now (as articles or rejections): not fetched again.
        `merged`: hashes whose bytes the warehouse's raw_documents now holds; their copies here go."""
        with self._transaction() as db:
            db.executemany("UPDATE url_state SET state = 'done' WHERE url_key = ? AND state != 'gone'", [(k,) for k in keys])
            db.executemany("DELETE FROM raw_bodies WHERE content_sha256 = ?", [(sha,) for sha in merged])

    def load_robots(self, host: str) -> StoredRobots | None:
        """The robots.txt answer kept for `host` (expired or not), or None."""
        row = self._db.execute(
            "SELECT host, status, body, fetched_at, expires_at FROM robots_txt WHERE host = ?", (host,)
        ).fetchone()
        if row is None:
            return None
        return StoredRobots(row[0], row[1], bytes(row[2]), datetime.fromisoformat(row[3]), datetime.fromisoformat(row[4]))

    def save_robots(self, robots: StoredRobots) -> None:
        with self._transaction() as db:
            db.execute(
                """INSERT INTO robots_txt VALUES (?, ?, ?, ?, ?) ON CONFLICT (host) DO UPDATE SET
                   status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at,
                   expires_at = excluded.expires_at""",
                (robots.host, robots.status, robots.body, robots.fetched_at.isoformat(), robots.expires_at.isoformat()),
            )

    def body(self, sha256: str) -> bytes | None:
        """The raw bytes stored under this hash, or None."""
        row = self._db.execute("SELECT content FROM raw_bodies WHERE content_sha256 = ?", (sha256,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def count(self, table: str) -> int:
        assert table in ("url_state", "fetches", "raw_bodies", "robots_txt")
        return self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()
