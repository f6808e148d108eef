-- Data checks: each query must return zero rows. They run after every load, inside the load's
-- transaction, and a failing check fails the load with its name (so nothing wrong is committed).
-- Format: a "-- check: name" line, then one query ending in ";".
-- After a load, only that load's rows are checked (earlier loads passed the same checks when they
-- were committed, and rows are never updated, but for an article's story_id and duplicate_of,
-- which story_is_a_canonical_article checks story by story): `this_load(load_id)` is true for the
-- load being checked, or for every row when the checks run on their own (warehouse.run_checks).

-- Keys are unique by the merge's anti-joins, not by an index (migration 011 dropped the primary
-- keys of the tables that grow with the corpus): a key of this load's rows that any row already
-- had fails the load. Each check's hash table holds this load's keys only; the table's key
-- column is read once, without the rest of its rows.

-- check: article_key_is_unique
SELECT article_id FROM articles
WHERE article_id IN (SELECT article_id FROM articles WHERE this_load(load_id))
GROUP BY article_id HAVING count(*) > 1;

-- check: figure_key_is_unique
SELECT figure_id FROM figures
WHERE figure_id IN (SELECT figure_id FROM figures WHERE this_load(load_id))
GROUP BY figure_id HAVING count(*) > 1;

-- check: quote_key_is_unique
SELECT quote_id FROM quotes
WHERE quote_id IN (SELECT quote_id FROM quotes WHERE this_load(load_id))
GROUP BY quote_id HAVING count(*) > 1;

-- check: raw_document_key_is_unique
SELECT content_sha256 FROM raw_documents
WHERE content_sha256 IN (SELECT content_sha256 FROM raw_documents WHERE this_load(load_id))
GROUP BY content_sha256 HAVING count(*) > 1;

-- check: article_source_key_is_unique
SELECT source_uri, content_sha256 FROM article_sources t
WHERE EXISTS (SELECT 1 FROM article_sources l WHERE this_load(l.load_id)
              AND l.source_uri = t.source_uri AND l.content_sha256 = t.content_sha256)
GROUP BY ALL HAVING count(*) > 1;

-- check: document_sighting_key_is_unique
SELECT source_uri, content_sha256 FROM document_sightings t
WHERE EXISTS (SELECT 1 FROM document_sightings l WHERE this_load(l.load_id)
              AND l.source_uri = t.source_uri AND l.content_sha256 = t.content_sha256)
GROUP BY ALL HAVING count(*) > 1;

-- check: document_fetch_key_is_unique
SELECT source_uri, content_sha256 FROM document_fetches t
WHERE EXISTS (SELECT 1 FROM document_fetches l WHERE this_load(l.load_id)
              AND l.source_uri = t.source_uri AND l.content_sha256 = t.content_sha256)
GROUP BY ALL HAVING count(*) > 1;

-- check: removed_span_key_is_unique
SELECT article_id, seq FROM removed_spans t
WHERE EXISTS (SELECT 1 FROM removed_spans l WHERE this_load(l.load_id) AND l.article_id = t.article_id AND l.seq = t.seq)
GROUP BY ALL HAVING count(*) > 1;

-- check: caption_key_is_unique
SELECT article_id, seq FROM captions t
WHERE EXISTS (SELECT 1 FROM captions l WHERE this_load(l.load_id) AND l.article_id = t.article_id AND l.seq = t.seq)
GROUP BY ALL HAVING count(*) > 1;

-- check: figure_text_matches_body
-- A load's figures and quotes belong to the articles it inserted (the merge inserts them with
-- their article only), so the checks that read bodies read this load's articles only, not every
-- body in the warehouse; a figure or quote whose article is not among them fails the check.
SELECT f.figure_id FROM figures f
LEFT JOIN (SELECT article_id, body FROM articles WHERE this_load(load_id)) a USING (article_id)
WHERE this_load(f.load_id)
  AND (a.body IS NULL OR f.start_char < 0 OR f.end_char > length(a.body) OR f.start_char >= f.end_char
       OR substring(a.body, f.start_char + 1, f.end_char - f.start_char) <> f.text);

-- check: quote_text_matches_body
SELECT q.quote_id FROM quotes q
LEFT JOIN (SELECT article_id, body FROM articles WHERE this_load(load_id)) a USING (article_id)
WHERE this_load(q.load_id)
  AND (a.body IS NULL OR q.start_char < 0 OR q.end_char > length(a.body) OR q.start_char >= q.end_char
       OR substring(a.body, q.start_char + 1, q.end_char - q.start_char) <> q.text);

-- check: every_source_has_its_article
SELECT s.source_uri FROM article_sources s LEFT JOIN articles a USING (article_id)
WHERE this_load(s.load_id) AND a.article_id IS NULL;

-- check: every_article_has_a_source
SELECT a.article_id FROM articles a
WHERE this_load(a.load_id) AND NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.article_id);

-- check: one_article_per_document
SELECT content_sha256 FROM article_sources
WHERE content_sha256 IN (SELECT content_sha256 FROM article_sources WHERE this_load(load_id))
GROUP BY content_sha256 HAVING count(DISTINCT article_id) > 1;

-- check: duplicate_points_at_canonical_article
SELECT a.article_id FROM articles a LEFT JOIN articles c ON c.article_id = a.duplicate_of
WHERE this_load(a.load_id) AND a.duplicate_of IS NOT NULL AND (c.article_id IS NULL OR c.duplicate_of IS NOT NULL
                                      OR a.duplicate_of = a.article_id);

-- check: story_is_a_canonical_article
-- Every article of a story this load touched points at one canonical article, which is its own
-- story; duplicate_of is story_id for a copy and NULL for the canonical article. A load may move
-- older articles to a new story (linking.py), so the stories of this load's articles are checked
-- whole.
SELECT a.article_id FROM articles a LEFT JOIN articles c ON c.article_id = a.story_id
WHERE a.story_id IN (SELECT story_id FROM articles WHERE this_load(load_id))
  AND (c.article_id IS NULL OR c.story_id <> c.article_id
       OR a.duplicate_of IS DISTINCT FROM CASE WHEN a.story_id = a.article_id THEN NULL ELSE a.story_id END);

-- check: every_article_has_a_story
SELECT article_id FROM articles WHERE this_load(load_id) AND story_id IS NULL;

-- check: quoted_speaker_is_known
SELECT q.quote_id FROM quotes q LEFT JOIN speakers s ON s.name = q.speaker
WHERE this_load(q.load_id) AND q.speaker IS NOT NULL AND s.name IS NULL;

-- check: alias_points_at_speaker
SELECT al.alias FROM speaker_aliases al LEFT JOIN speakers s USING (name)
WHERE this_load(al.load_id) AND s.name IS NULL;

-- check: known_figure_kinds
SELECT figure_id FROM figures
WHERE this_load(load_id)
  AND (kind NOT IN ('money', 'count', 'percent', 'rank', 'multiplier', 'duration')
       OR qualifier NOT IN ('exact', 'approx', 'over', 'under', 'doubtful'));

-- check: known_quote_kinds
SELECT quote_id FROM quotes WHERE this_load(load_id) AND kind NOT IN ('direct', 'indirect', 'interview');

-- check: known_speaker_types
-- A speaker is a person or an organisation (issue 15); a row with neither type is a bug.
SELECT quote_id FROM quotes
WHERE this_load(load_id) AND speaker_type IS NOT NULL AND speaker_type NOT IN ('person', 'organisation');

-- check: speaker_rows_are_people_or_organisations
SELECT name FROM speakers WHERE this_load(load_id) AND kind NOT IN ('person', 'organisation');

-- check: figure_text_in_sentence
-- The claim views read the words after a figure from its sentence (views.sql int_figures).
SELECT figure_id FROM figures WHERE this_load(load_id) AND strpos(sentence, text) = 0;

-- check: figure_sentence_in_body
SELECT f.figure_id FROM figures f
LEFT JOIN (SELECT article_id, body FROM articles WHERE this_load(load_id)) a USING (article_id)
WHERE this_load(f.load_id) AND (a.body IS NULL OR strpos(a.body, f.sentence) = 0);

-- check: money_has_currency_code
-- A rate keeps its period after the code: "USD per year" (figures/kinds.py).
SELECT figure_id FROM figures
WHERE this_load(load_id) AND kind = 'money' AND (unit IS NULL OR NOT regexp_matches(unit, '^[A-Z]{3}( per [a-z]+)?$'));

-- check: count_unit_is_lowercase_noun
-- "counted noun, singular lowercase": subject keys use the unit as it is.
SELECT figure_id FROM figures
WHERE this_load(load_id) AND kind = 'count' AND unit IS NOT NULL
  AND (unit <> lower(unit) OR unit <> trim(unit) OR unit = '');

-- check: figure_value_is_finite
SELECT figure_id FROM figures WHERE this_load(load_id) AND value IS NOT NULL AND (isnan(value) OR isinf(value));

-- check: ref_year_is_plausible
-- A four-digit number outside 1900-2100 taken as a year is a misread amount.
SELECT figure_id FROM figures WHERE this_load(load_id) AND ref_year IS NOT NULL AND ref_year NOT BETWEEN 1900 AND 2100;

-- check: published_date_near_published_at
-- The local date at the source is within a day of the UTC instant (time zones, not typos).
SELECT article_id FROM articles
WHERE this_load(load_id) AND published_at IS NOT NULL AND published_date IS NOT NULL
  AND abs(date_diff('day', published_date, CAST(published_at AS DATE))) > 1;

-- check: derived_rows_record_their_version
-- Every row the extraction made says which rules made it (src/vnrok_etl/version.py).
SELECT 'articles', article_id FROM articles WHERE this_load(load_id) AND extraction_version IS NULL
UNION ALL SELECT 'figures', figure_id FROM figures WHERE this_load(load_id) AND extraction_version IS NULL
UNION ALL SELECT 'quotes', quote_id FROM quotes WHERE this_load(load_id) AND extraction_version IS NULL
UNION ALL SELECT 'article_sources', source_uri FROM article_sources WHERE this_load(load_id) AND extraction_version IS NULL;

-- check: every_document_kept
-- The bytes of every document a load turned into an article are kept (rawstore.py).
SELECT s.content_sha256 FROM article_sources s
WHERE this_load(s.load_id) AND NOT EXISTS (SELECT 1 FROM raw_documents r WHERE r.content_sha256 = s.content_sha256);

-- check: synonym_word_listed_once
-- A word mapped twice makes the synonym map ambiguous (views.sql subject_synonyms).
SELECT term, word FROM subject_synonyms GROUP BY term, word HAVING count(*) > 1;

-- check: synonym_is_folded
-- Keys are compared after fold_text(): a word with capitals or diacritics would never match.
SELECT term, word FROM subject_synonyms
WHERE word <> fold_text(word) OR canonical <> fold_text(canonical)
   OR term NOT IN ('noun', 'nationality', 'place');
