-- How each crawled document was fetched (src/vnrok_etl/web/): its bytes are in raw_documents and
-- where and when they were first seen in document_sightings, like a file's; this adds what only a
-- fetch has. One row per (final URL, bytes): the fetch that first brought these bytes from this
-- URL into the warehouse, in the same transaction as the rows made from them. History, not
-- derived from the bytes: a reprocess keeps it. Every fetch (feeds and failures included) and the
-- conditional-GET state stay in the crawl's own file beside the warehouse (web/store.py).
CREATE TABLE IF NOT EXISTS document_fetches (
    source_uri      VARCHAR NOT NULL,          -- the final URL after redirects (= document_sightings.source_uri)
    content_sha256  VARCHAR NOT NULL,
    requested_url   VARCHAR NOT NULL,          -- as listed or given, cleaned (web/urls.py), before redirects
    fetched_at      TIMESTAMPTZ NOT NULL,
    status          INTEGER NOT NULL,          -- 200; 304 when the bytes kept from an earlier 200 were confirmed unchanged
    headers         VARCHAR NOT NULL,          -- JSON object of the headers that matter (web/fetch.py KEPT_HEADERS)
    http_version    VARCHAR,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL,
    PRIMARY KEY (source_uri, content_sha256)
);
