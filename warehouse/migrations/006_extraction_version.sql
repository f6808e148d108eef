-- Which rules made each derived row: '<package version>+<digest of the extraction's source and
-- data files>' (src/vnrok_etl/version.py). NULL on rows loaded before this migration, which
-- `vnrok-etl reprocess` therefore re-runs like any other version.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE article_sources ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE removed_spans ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE captions ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE figures ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE speakers ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE speaker_aliases ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
ALTER TABLE rejections ADD COLUMN IF NOT EXISTS extraction_version VARCHAR;
