-- vnrok-etl warehouse: the public tables (DESIGN.md "Public SQL interface").
-- Idempotent: every statement may run again on an existing warehouse. Changes to a warehouse
-- created by an older version go into warehouse/migrations/NNN_name.sql, recorded in _migrations.

CREATE TABLE IF NOT EXISTS _migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- One row per load attempt that reached the merge: all-or-nothing, so a succeeded load's counts
-- are exactly what it added. A failed load leaves only this row (status 'failed', error).
CREATE TABLE IF NOT EXISTS loads (
    load_id         VARCHAR PRIMARY KEY,
    flow_run_id     VARCHAR,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,          -- succeeded | failed | interrupted
    documents_seen  INTEGER NOT NULL DEFAULT 0,
    documents_new   INTEGER NOT NULL DEFAULT 0,
    articles_new    INTEGER NOT NULL DEFAULT 0,
    sources_new     INTEGER NOT NULL DEFAULT 0,
    figures_new     INTEGER NOT NULL DEFAULT 0,
    quotes_new      INTEGER NOT NULL DEFAULT 0,
    rejections_new  INTEGER NOT NULL DEFAULT 0,
    counts          JSON,                      -- the same counts, plus per-stage seconds
    error           VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY,       -- hash of the normalized clean body
    title           VARCHAR,
    published_at    TIMESTAMPTZ,               -- NULL when the source states no time
    published_date  DATE,                      -- local date at the source
    date_source     VARCHAR,                   -- marker | byline | meta | time | jsonld | text
    source          VARCHAR,                   -- agency code as printed: VNA, VNS, NDO, VNA/VNS
    dateline        VARCHAR,
    byline          VARCHAR,
    kind            VARCHAR NOT NULL,          -- news | interview
    body            VARCHAR NOT NULL,          -- paragraphs separated by one blank line
    simhash         BIGINT NOT NULL,           -- 64-bit SimHash of the body (kept; stories use _story_keys)
    duplicate_of    VARCHAR,                   -- the story's canonical article when this one is a copy
    load_id         VARCHAR NOT NULL,
    story_id        VARCHAR                    -- the story's canonical article (itself when canonical);
                                               -- set by every load (linking.py), migration 004
);

CREATE TABLE IF NOT EXISTS article_sources (
    source_uri      VARCHAR NOT NULL,          -- path or URL as given
    content_sha256  VARCHAR NOT NULL,          -- of the raw bytes
    article_id      VARCHAR NOT NULL,
    encoding        VARCHAR,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL,
    PRIMARY KEY (source_uri, content_sha256)
);

CREATE TABLE IF NOT EXISTS removed_spans (
    article_id  VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,              -- order of removal within the article
    rule        VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    load_id     VARCHAR NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS captions (
    article_id  VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    load_id     VARCHAR NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS figures (
    figure_id   VARCHAR PRIMARY KEY,           -- hash of (article_id, start_char, end_char, kind)
    article_id  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,              -- money | count | percent | rank | multiplier | duration
    value       DOUBLE,                        -- fully scaled: US$150 billion -> 150000000000
    unit        VARCHAR,                       -- currency code for money, counted noun for counts
    qualifier   VARCHAR NOT NULL,              -- exact | approx | over | under
    subject     VARCHAR,
    ref_year    INTEGER,
    is_target   BOOLEAN NOT NULL,
    text        VARCHAR NOT NULL,              -- surface form: body[start_char:end_char]
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    speaker     VARCHAR,                       -- canonical speaker when the figure is quoted speech
    load_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id       VARCHAR PRIMARY KEY,        -- hash of (article_id, start_char, end_char)
    article_id     VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,           -- direct | indirect | interview
    speaker        VARCHAR,                    -- canonical name, NULL when unresolved
    speaker_title  VARCHAR,
    cue            VARCHAR,
    text           VARCHAR NOT NULL,           -- body[start_char:end_char]
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    load_id        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS speakers (
    name      VARCHAR PRIMARY KEY,             -- canonical, diacritics kept when any source has them
    name_key  VARCHAR NOT NULL UNIQUE,         -- diacritic- and case-insensitive form
    title     VARCHAR,
    country   VARCHAR,
    load_id   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS speaker_aliases (
    alias_key  VARCHAR PRIMARY KEY,            -- diacritic- and case-insensitive alias
    alias      VARCHAR NOT NULL,               -- as first printed
    name       VARCHAR NOT NULL,               -- canonical speaker
    load_id    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS rejections (
    source_uri      VARCHAR NOT NULL,
    content_sha256  VARCHAR,                   -- NULL when the file could not be read at all
    stage           VARCHAR NOT NULL,          -- read | decode | clean | extract
    reason          VARCHAR NOT NULL,
    rejected_at     TIMESTAMPTZ NOT NULL,
    load_id         VARCHAR NOT NULL
);

-- Internal (not part of the public interface): size and modification time of each file loaded
-- as an article, so that a re-run skips unchanged files without reading them (sources.py).
CREATE TABLE IF NOT EXISTS _file_signatures (
    source_uri      VARCHAR PRIMARY KEY,
    size_bytes      BIGINT NOT NULL,
    mtime_ns        BIGINT NOT NULL,
    content_sha256  VARCHAR NOT NULL
);

-- Internal: the MinHash LSH keys of every article (stories.py): two articles that share a key are
-- tested for being one story. Added by migration 004 (and filled there for older warehouses).
CREATE TABLE IF NOT EXISTS _story_keys (
    key         BIGINT NOT NULL,
    article_id  VARCHAR NOT NULL,
    is_top      BOOLEAN NOT NULL               -- a whole-body key or one of the longest prefix
);

-- Internal: each article's shingle sample (stories.SAMPLE_EVERY), to screen candidates in SQL.
CREATE TABLE IF NOT EXISTS _story_samples (
    article_id  VARCHAR NOT NULL,
    sample      BIGINT[] NOT NULL
);

-- Internal: how many articles hold each key of _story_keys (key_counts.py): story linking leaves
-- out of its key join the keys held by very many articles. Added by migration 013.
CREATE TABLE IF NOT EXISTS _story_key_counts (
    key         BIGINT NOT NULL,
    articles    BIGINT NOT NULL                -- distinct articles holding the key in _story_keys
);

-- Internal: a digest of the schema, migrations and views a writer last applied, and of the views
-- and macros the catalog held then: a writer re-applies them only when one of the two changed.
CREATE TABLE IF NOT EXISTS _schema_state (
    sql_digest      VARCHAR NOT NULL,
    catalog_digest  VARCHAR NOT NULL
);
