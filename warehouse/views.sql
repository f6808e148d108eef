-- Analyst views: re-created on every connection that writes, so they always match the tables.
-- Layered raw -> stg_ -> marts (jaffle_shop); each view is a CTE chain over the public tables.

CREATE OR REPLACE VIEW canonical_articles AS
SELECT * FROM articles WHERE duplicate_of IS NULL;

CREATE OR REPLACE VIEW figures_in_context AS
SELECT f.figure_id, f.kind, f.value, f.unit, f.qualifier, f.subject, f.ref_year, f.is_target,
       f.text, f.sentence, f.speaker,
       a.article_id, a.title, a.published_date, a.source, a.duplicate_of
FROM figures f JOIN articles a USING (article_id);

CREATE OR REPLACE VIEW quotes_by_speaker AS
SELECT q.speaker, s.title AS speaker_default_title, s.country, q.kind, q.cue, q.text,
       a.article_id, a.published_date, a.source
FROM quotes q
JOIN articles a USING (article_id)
LEFT JOIN speakers s ON s.name = q.speaker;
