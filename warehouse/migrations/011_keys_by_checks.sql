-- The tables that grow with the corpus lose their PRIMARY KEY: their keys are kept unique by the
-- merge (every insert is an anti-join on the key, warehouse.py) and guarded by the data checks
-- (checks.sql `*_key_is_unique`, over the keys of the chunk being loaded), no longer by an index.
-- Why: DuckDB keeps a primary key as an ART index that every insert checks and every checkpoint
-- rewrites whole; a chunk's merge held and wrote all of them, so its memory and time grew with
-- the warehouse (benchmarks/RESULTS.md "What a chunk's merge touches"). The small tables
-- (_migrations, loads, speakers, speaker_aliases) keep theirs.
-- DuckDB cannot drop a primary key, so each table is rebuilt: the same columns in the same order,
-- NOT NULL where the key implied it, the rows copied in their order. A fresh warehouse runs this
-- too (schema.sql and 005/009 still declare the keys), so both end with the same catalog.
-- The copy is bounded like a merge (DuckDB spills beyond it): at 100,000 documents it took 2 GB
-- of memory unbounded, 27 s; the limit is the session's again at the end.
SET memory_limit = '512MB';

CREATE TABLE articles_011 (
    article_id          VARCHAR NOT NULL,
    title               VARCHAR,
    published_at        TIMESTAMPTZ,
    published_date      DATE,
    date_source         VARCHAR,
    source              VARCHAR,
    dateline            VARCHAR,
    byline              VARCHAR,
    kind                VARCHAR NOT NULL,
    body                VARCHAR NOT NULL,
    simhash             BIGINT NOT NULL,
    duplicate_of        VARCHAR,
    load_id             VARCHAR NOT NULL,
    story_id            VARCHAR,
    extraction_version  VARCHAR
);
INSERT INTO articles_011 BY NAME SELECT * FROM articles;
DROP TABLE articles;
ALTER TABLE articles_011 RENAME TO articles;

CREATE TABLE article_sources_011 (
    source_uri          VARCHAR NOT NULL,
    content_sha256      VARCHAR NOT NULL,
    article_id          VARCHAR NOT NULL,
    encoding            VARCHAR,
    first_seen_at       TIMESTAMPTZ NOT NULL,
    load_id             VARCHAR NOT NULL,
    extraction_version  VARCHAR
);
INSERT INTO article_sources_011 BY NAME SELECT * FROM article_sources;
DROP TABLE article_sources;
ALTER TABLE article_sources_011 RENAME TO article_sources;

CREATE TABLE removed_spans_011 (
    article_id          VARCHAR NOT NULL,
    seq                 INTEGER NOT NULL,
    rule                VARCHAR NOT NULL,
    text                VARCHAR NOT NULL,
    load_id             VARCHAR NOT NULL,
    extraction_version  VARCHAR
);
INSERT INTO removed_spans_011 BY NAME SELECT * FROM removed_spans;
DROP TABLE removed_spans;
ALTER TABLE removed_spans_011 RENAME TO removed_spans;

CREATE TABLE captions_011 (
    article_id          VARCHAR NOT NULL,
    seq                 INTEGER NOT NULL,
    text                VARCHAR NOT NULL,
    load_id             VARCHAR NOT NULL,
    extraction_version  VARCHAR
);
INSERT INTO captions_011 BY NAME SELECT * FROM captions;
DROP TABLE captions;
ALTER TABLE captions_011 RENAME TO captions;

CREATE TABLE figures_011 (
    figure_id           VARCHAR NOT NULL,
    article_id          VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    value               DOUBLE,
    unit                VARCHAR,
    qualifier           VARCHAR NOT NULL,
    subject             VARCHAR,
    ref_year            INTEGER,
    is_target           BOOLEAN NOT NULL,
    text                VARCHAR NOT NULL,
    sentence            VARCHAR NOT NULL,
    start_char          INTEGER NOT NULL,
    end_char            INTEGER NOT NULL,
    speaker             VARCHAR,
    load_id             VARCHAR NOT NULL,
    is_forecast         BOOLEAN DEFAULT false,
    extraction_version  VARCHAR,
    subject_key         VARCHAR,
    claim_key           VARCHAR
);
INSERT INTO figures_011 BY NAME SELECT * FROM figures;
DROP TABLE figures;
ALTER TABLE figures_011 RENAME TO figures;

CREATE TABLE quotes_011 (
    quote_id            VARCHAR NOT NULL,
    article_id          VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    speaker             VARCHAR,
    speaker_title       VARCHAR,
    cue                 VARCHAR,
    text                VARCHAR NOT NULL,
    start_char          INTEGER NOT NULL,
    end_char            INTEGER NOT NULL,
    load_id             VARCHAR NOT NULL,
    speaker_type        VARCHAR,
    speaker_printed     VARCHAR,
    extraction_version  VARCHAR
);
INSERT INTO quotes_011 BY NAME SELECT * FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_011 RENAME TO quotes;

CREATE TABLE raw_documents_011 (
    content_sha256  VARCHAR NOT NULL,
    size_bytes      BIGINT NOT NULL,
    codec           VARCHAR NOT NULL,
    content         BLOB NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL
);
INSERT INTO raw_documents_011 BY NAME SELECT * FROM raw_documents;
DROP TABLE raw_documents;
ALTER TABLE raw_documents_011 RENAME TO raw_documents;

CREATE TABLE document_sightings_011 (
    source_uri      VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    seq             BIGINT NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL
);
INSERT INTO document_sightings_011 BY NAME SELECT * FROM document_sightings;
DROP TABLE document_sightings;
ALTER TABLE document_sightings_011 RENAME TO document_sightings;

CREATE TABLE document_fetches_011 (
    source_uri      VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    requested_url   VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL,
    status          INTEGER NOT NULL,
    headers         VARCHAR NOT NULL,
    http_version    VARCHAR,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL
);
INSERT INTO document_fetches_011 BY NAME SELECT * FROM document_fetches;
DROP TABLE document_fetches;
ALTER TABLE document_fetches_011 RENAME TO document_fetches;

CREATE TABLE _file_signatures_011 (
    source_uri      VARCHAR NOT NULL,
    size_bytes      BIGINT NOT NULL,
    mtime_ns        BIGINT NOT NULL,
    content_sha256  VARCHAR NOT NULL
);
INSERT INTO _file_signatures_011 BY NAME SELECT * FROM _file_signatures;
DROP TABLE _file_signatures;
ALTER TABLE _file_signatures_011 RENAME TO _file_signatures;

RESET memory_limit;
