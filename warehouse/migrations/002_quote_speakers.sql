-- Quotes and speakers that generalize (issue 15): who spoke by type, and the printed subject of
-- a quote whose speaker cannot be resolved. Columns are added, never reordered; the merge names
-- its columns, so a warehouse created before this migration and one created after it load the
-- same rows. IF NOT EXISTS keeps the migration safe to re-run.

-- person | organisation: the statement's speaker type, also when the speaker is NULL
-- ("the agency said" is an organisation's statement; "he said" with nobody named, a person's).
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_type VARCHAR;
-- The subject as printed when it resolves to nobody ("the ambassador", "he"): never a guess.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_printed VARCHAR;
-- person | organisation: a speaker row is one of the two, never a country, adjective or title.
ALTER TABLE speakers ADD COLUMN IF NOT EXISTS kind VARCHAR;

-- Rows loaded before this migration named people only.
UPDATE quotes SET speaker_type = 'person' WHERE speaker IS NOT NULL AND speaker_type IS NULL;
UPDATE speakers SET kind = 'person' WHERE kind IS NULL;
