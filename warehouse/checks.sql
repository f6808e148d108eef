-- Data checks: each query must return zero rows. They run after every load, inside the load's
-- transaction, and a failing check fails the load with its name (so nothing wrong is committed).
-- Format: a "-- check: name" line, then one query ending in ";".

-- check: figure_text_matches_body
SELECT f.figure_id FROM figures f JOIN articles a USING (article_id)
WHERE f.start_char < 0 OR f.end_char > length(a.body) OR f.start_char >= f.end_char
   OR substring(a.body, f.start_char + 1, f.end_char - f.start_char) <> f.text;

-- check: quote_text_matches_body
SELECT q.quote_id FROM quotes q JOIN articles a USING (article_id)
WHERE q.start_char < 0 OR q.end_char > length(a.body) OR q.start_char >= q.end_char
   OR substring(a.body, q.start_char + 1, q.end_char - q.start_char) <> q.text;

-- check: every_source_has_its_article
SELECT s.source_uri FROM article_sources s LEFT JOIN articles a USING (article_id)
WHERE a.article_id IS NULL;

-- check: every_article_has_a_source
SELECT a.article_id FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.article_id);

-- check: one_article_per_document
SELECT content_sha256 FROM article_sources GROUP BY content_sha256
HAVING count(DISTINCT article_id) > 1;

-- check: duplicate_points_at_canonical_article
SELECT a.article_id FROM articles a LEFT JOIN articles c ON c.article_id = a.duplicate_of
WHERE a.duplicate_of IS NOT NULL AND (c.article_id IS NULL OR c.duplicate_of IS NOT NULL
                                      OR a.duplicate_of = a.article_id);

-- check: quoted_speaker_is_known
SELECT q.quote_id FROM quotes q LEFT JOIN speakers s ON s.name = q.speaker
WHERE q.speaker IS NOT NULL AND s.name IS NULL;

-- check: alias_points_at_speaker
SELECT al.alias FROM speaker_aliases al LEFT JOIN speakers s USING (name)
WHERE s.name IS NULL;

-- check: known_figure_kinds
SELECT figure_id FROM figures
WHERE kind NOT IN ('money', 'count', 'percent', 'rank', 'multiplier', 'duration')
   OR qualifier NOT IN ('exact', 'approx', 'over', 'under');

-- check: known_quote_kinds
SELECT quote_id FROM quotes WHERE kind NOT IN ('direct', 'indirect', 'interview');
