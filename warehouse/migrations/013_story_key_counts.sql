-- 013: how many articles hold each story key (src/vnrok_etl/key_counts.py).
-- Story linking joins a load's keys against the rows of `_story_keys` holding them; a key held by
-- very many articles says little about identity and made that join grow with the warehouse, so
-- the join now leaves out keys held by more than key_counts.FREQUENT_KEY articles, read from
-- `_story_key_counts`. Every load, reprocess and relink keeps it exact; here it is counted once
-- from the keys an existing warehouse holds (no story changes: linking reads it from the next load).
CREATE TABLE IF NOT EXISTS _story_key_counts (
    key         BIGINT NOT NULL,
    articles    BIGINT NOT NULL                -- distinct articles holding the key in _story_keys
);
DELETE FROM _story_key_counts;
INSERT INTO _story_key_counts SELECT key, count(DISTINCT article_id) FROM _story_keys GROUP BY key;
