-- 004: story identity (src/vnrok_etl/stories.py, linking.py).
-- Every article belongs to one story: `story_id` is the article_id of the story's canonical
-- article (the fullest earliest copy), `duplicate_of` the same for a copy and NULL for the
-- canonical article. Warehouses created before this had only SimHash links (`duplicate_of`,
-- 3 bits of 64), which missed most edited copies: after this file, warehouse.apply_schema runs
-- linking.relink_all in the same transaction, which computes every article's story keys into
-- _story_keys and relinks every article from the bodies, as a fresh load of the same files would.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id VARCHAR;
UPDATE articles SET story_id = coalesce(duplicate_of, article_id) WHERE story_id IS NULL;
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
