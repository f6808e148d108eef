-- 013: how many articles hold each story key (src/vnrok_etl/key_counts.py).
-- Story linking joins a load's keys against the rows of `_story_keys` holding them; a key held by
-- very many articles says little about identity and made that join grow with the warehouse, so
-- the join now leaves out keys held by more than key_counts.FREQUENT_KEY articles, read from
-- `_story_key_counts`. Every load, reprocess and relink keeps it exact. After this file,
-- warehouse.apply_schema runs key_counts.rebuild_counts in the same transaction, which counts
-- it from the keys an existing warehouse holds (within a memory limit of its own). No story
-- changes: linking reads the counts from the next load on.
CREATE TABLE IF NOT EXISTS _story_key_counts (
    key         BIGINT NOT NULL,
    articles    BIGINT NOT NULL                -- distinct articles holding the key in _story_keys
);
