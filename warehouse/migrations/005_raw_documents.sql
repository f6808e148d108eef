-- Raw documents, kept byte for byte (src/vnrok_etl/rawstore.py), and where and when each was seen.
-- Documents loaded before this migration have no row here: `vnrok-etl ingest` of their files
-- reads them again and keeps them (their articles are not loaded twice).

CREATE TABLE IF NOT EXISTS raw_documents (
    content_sha256  VARCHAR PRIMARY KEY,       -- sha256 of the original bytes
    size_bytes      BIGINT NOT NULL,           -- original size
    codec           VARCHAR NOT NULL,          -- zstd: one frame per document
    content         BLOB NOT NULL,             -- the compressed bytes
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS document_sightings (
    source_uri      VARCHAR NOT NULL,          -- path or URL as given
    content_sha256  VARCHAR NOT NULL,
    seq             BIGINT NOT NULL,           -- position in the run that first saw it: reprocess replays this order
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL,
    PRIMARY KEY (source_uri, content_sha256)
);
