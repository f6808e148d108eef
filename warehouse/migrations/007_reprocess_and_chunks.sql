-- Reprocessing and chunked loads.
-- A run of `ingest` or `reprocess` commits in chunks, each one transaction with its own loads row;
-- the chunks of one run share flow_run_id. kind says which command made the load, chunk its
-- number within the run (1-based).
ALTER TABLE loads ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'ingest';
ALTER TABLE loads ADD COLUMN IF NOT EXISTS chunk INTEGER;

-- An article id that a reprocess retired (new rules gave its documents another body: articles
-- merged, split or re-cleaned), and each id that replaced it: one row per (retired, replacement);
-- replaced_by NULL when its documents are now rejected. A saved query follows the chain with
-- a recursive join. History, not derived from the documents: a fresh ingest has none.
CREATE TABLE IF NOT EXISTS retired_articles (
    article_id   VARCHAR NOT NULL,
    replaced_by  VARCHAR,
    retired_at   TIMESTAMPTZ NOT NULL,
    load_id      VARCHAR NOT NULL
);
