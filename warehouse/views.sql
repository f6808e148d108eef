-- Analyst views: re-created by a writer whenever this file changed or the catalog no longer holds
-- what it made (warehouse.apply_schema), so they always match the tables.
-- Layered raw -> stg_ -> int_ -> marts (jaffle_shop); each view is a CTE chain over the public
-- tables. The stg_ names belong to a load's staging tables (warehouse.py merge_load creates TEMP
-- tables stg_articles, stg_figures, ... that would shadow a view of the same name while the data
-- checks run), so the views' intermediate layer is int_.
-- README "Views" documents the marts with example queries; src/vnrok_etl/claims.py explains how
-- subjects are normalized into claims and what counts as a conflict.

-- ─── reference data ────────────────────────────────────────────────────────────────────────────

-- The words that name the same thing in claim keys, for analysts to read: the keys are computed
-- when a figure is staged (src/vnrok_etl/claim_keys.py SUBJECT_SYNONYMS, which is the list to
-- edit; tests/test_views.py keeps this view equal to it).
CREATE OR REPLACE VIEW subject_synonyms AS
SELECT term, word, canonical
FROM (VALUES
    ('noun',        'company',       'business'),
    ('noun',        'enterprise',    'business'),
    ('noun',        'firm',          'business'),
    ('noun',        'traveller',     'visit'),
    ('noun',        'trip',          'visit'),
    ('noun',        'turnover',      'trade'),
    ('nationality', 'korean',        'korean'),
    ('nationality', 'rok',           'korean'),
    ('nationality', 'vietnamese',    'vietnamese'),
    ('place',       'vietnam',       'vietnam'),
    ('place',       'rok',           'rok'),
    ('place',       'korea',         'rok')
) AS t(term, word, canonical);

-- Lower case, no diacritics (Việt Nam = Viet Nam), punctuation as spaces, and the multi-word
-- spellings of the two countries as one word (Viet Nam / Vietnam, Republic of Korea / RoK): the
-- fold of claim_keys.py, for queries that match text against claim keys (the report's --claim).
CREATE OR REPLACE MACRO fold_text(s) AS
    trim(regexp_replace(regexp_replace(regexp_replace(
        regexp_replace(replace(strip_accents(lower(coalesce(s, ''))), 'đ', 'd'), '[^a-z0-9]+', ' ', 'g'),
        '\bviet nam\b', 'vietnam', 'g'),
        '\b(the )?(republic of korea|south korea)\b', 'rok', 'g'),
        ' +', ' ', 'g'));

-- English plural to singular, enough for counted nouns: businesses, companies, Koreans, visits.
CREATE OR REPLACE MACRO singular_word(w) AS
    CASE
        WHEN regexp_matches(w, '(ss|x|ch|sh)es$') THEN regexp_replace(w, 'es$', '')
        WHEN regexp_matches(w, '...ies$') THEN regexp_replace(w, 'ies$', 'y')
        WHEN regexp_matches(w, '..[^su]s$') THEN regexp_replace(w, 's$', '')
        ELSE w
    END;

-- The data checks (checks.sql) look at one load's rows: true for rows of the load being checked,
-- or for every row when no load is set. DuckDB folds getvariable() into a constant when it plans
-- the query, so the load filter prunes the scans.
CREATE OR REPLACE MACRO this_load(load_id) AS
    getvariable('check_load_id') IS NULL OR load_id = getvariable('check_load_id');

-- ─── int: one clean row per article and per figure ─────────────────────────────────────────────

-- story_id: the story's canonical article (stories.py, linking.py), so a syndicated copy counts
-- as its story; origin_source counts "VNA/VNS" (VNS carrying VNA's story, seed 003) as VNA, the
-- agency that reported it. Lists of sources in the marts use source_label, so an article with no
-- printed source shows as "(unknown)" instead of vanishing from the list.
CREATE OR REPLACE VIEW int_articles AS
WITH articles_with_story AS (
    SELECT article_id, title, published_at, published_date, source, dateline, byline, kind,
           duplicate_of,
           coalesce(story_id, duplicate_of, article_id) AS story_id,
           coalesce(story_id, duplicate_of, article_id) <> article_id AS is_copy
    FROM articles
)
SELECT *,
       coalesce(nullif(split_part(source, '/', 1), ''), '(unknown)') AS origin_source,
       coalesce(source, '(unknown)') AS source_label
FROM articles_with_story;

-- The figure with its article. Its subject_key and claim_key are stored columns of figures,
-- computed once when the figure was staged (claim_keys.py; claims.py explains the rules).
CREATE OR REPLACE VIEW int_figures AS
SELECT f.*, a.story_id, a.origin_source, a.source, a.source_label, a.published_date, a.title,
       a.is_copy, a.duplicate_of
FROM figures f
JOIN int_articles a USING (article_id);

-- ─── marts ─────────────────────────────────────────────────────────────────────────────────────

CREATE OR REPLACE VIEW canonical_articles AS
SELECT * FROM articles WHERE duplicate_of IS NULL;

-- One row per story: its canonical article, how many copies (articles) and how many outlets
-- (printed sources) carried it, and when it was first and last published.
CREATE OR REPLACE VIEW stories AS
WITH per_story AS (
    SELECT story_id,
           count(*) AS articles,
           count(DISTINCT source_label) AS outlets,
           list(DISTINCT source_label ORDER BY source_label) AS sources,
           min(published_date) AS first_date,
           max(published_date) AS last_date
    FROM int_articles
    GROUP BY story_id
)
SELECT p.story_id, c.title, c.source, c.published_date, p.articles, p.outlets, p.sources,
       p.first_date, p.last_date
FROM per_story p JOIN articles c ON c.article_id = p.story_id
ORDER BY p.articles DESC, p.first_date NULLS LAST, p.story_id;

-- Every figure with the article it came from: where it was printed, when, by whom, in what words.
CREATE OR REPLACE VIEW figures_in_context AS
SELECT f.figure_id, f.kind, f.value, f.unit, f.qualifier, f.subject, f.ref_year, f.is_target,
       f.text, f.sentence, f.speaker,
       a.article_id, a.title, a.published_date, a.source, a.duplicate_of,
       a.story_id, a.origin_source, a.published_at, a.dateline, f.start_char
FROM figures f JOIN int_articles a USING (article_id);

-- Every quote with its speaker's default title and country and the article it came from;
-- speaker_type (person, organisation) and, when the speaker is NULL, the subject as printed.
CREATE OR REPLACE VIEW quotes_by_speaker AS
SELECT q.speaker, s.title AS speaker_default_title, s.country, q.kind, q.cue, q.text,
       a.article_id, a.published_date, a.source,
       q.quote_id, q.speaker_title, a.title, a.story_id, q.start_char,
       q.speaker_type, q.speaker_printed
FROM quotes q
JOIN int_articles a USING (article_id)
LEFT JOIN speakers s ON s.name = q.speaker;

-- One row per speaker (NULL: quotes whose speaker could not be resolved).
CREATE OR REPLACE VIEW speaker_summary AS
WITH per_speaker AS (
    SELECT speaker,
           any_value(country) AS country,
           -- one type per named speaker; NULL speakers mix both, so the most frequent one
           mode(speaker_type) AS speaker_type,
           count(*) AS quotes,
           count(*) FILTER (WHERE kind = 'direct') AS direct,
           count(*) FILTER (WHERE kind = 'indirect') AS indirect,
           count(*) FILTER (WHERE kind = 'interview') AS interview,
           count(DISTINCT story_id) AS stories,
           list(DISTINCT coalesce(source, '(unknown)') ORDER BY coalesce(source, '(unknown)')) AS sources,
           min(published_date) AS first_date,
           max(published_date) AS last_date
    FROM quotes_by_speaker
    GROUP BY speaker
)
SELECT * FROM per_speaker ORDER BY quotes DESC, speaker NULLS LAST;

-- One row per source as printed: how much each outlet contributed.
CREATE OR REPLACE VIEW source_summary AS
WITH figure_counts AS (
    SELECT article_id, count(*) AS figures FROM figures GROUP BY article_id
),
quote_counts AS (
    SELECT article_id, count(*) AS quotes FROM quotes GROUP BY article_id
),
per_source AS (
    SELECT coalesce(a.source, '(unknown)') AS source,
           count(*) AS articles,
           count(*) FILTER (WHERE NOT a.is_copy) AS original_articles,
           coalesce(sum(f.figures), 0)::BIGINT AS figures,
           coalesce(sum(q.quotes), 0)::BIGINT AS quotes,
           min(a.published_date) AS first_date,
           max(a.published_date) AS last_date
    FROM int_articles a
    LEFT JOIN figure_counts f USING (article_id)
    LEFT JOIN quote_counts q USING (article_id)
    GROUP BY ALL
)
SELECT * FROM per_source ORDER BY articles DESC, source;

-- Money figures in time order, once per story (a syndicated copy repeats its original). `year`
-- is the year the amount refers to (ref_year: "by 2030", "last year"), else the publication year.
CREATE OR REPLACE VIEW money_timeline AS
WITH money AS (
    SELECT * FROM int_figures WHERE kind = 'money' AND NOT is_copy
)
SELECT coalesce(ref_year, year(published_date)) AS year,
       CASE WHEN ref_year IS NOT NULL THEN 'ref_year'
            WHEN published_date IS NOT NULL THEN 'published' END AS year_from,
       published_date, ref_year, is_target, value, unit, qualifier, subject, text, source,
       title, article_id, figure_id, sentence
FROM money
ORDER BY year NULLS LAST, published_date NULLS LAST, value;

-- Every figure that has a claim key, with the article it came from: the drill-down of
-- figure_claims. The claim is the measure (kind; currency for money and percent-like units),
-- the subject key, and for targets the target year ("US$150 billion by 2030"): stored with the
-- figure (figures.claim_key, claim_keys.py).
CREATE OR REPLACE VIEW claim_figures AS
SELECT claim_key, subject_key, kind, unit, value, qualifier, ref_year, is_target, subject, text, sentence,
       article_id, story_id, source, source_label, origin_source, published_date, title, is_copy, figure_id
FROM int_figures
WHERE claim_key IS NOT NULL;

-- One row per claim made in two or more stories (a syndicated copy is its original's story).
-- values_agree: every value is within 5 % of every other (claims.py "beyond rounding").
CREATE OR REPLACE VIEW figure_claims AS
WITH per_claim AS (
    SELECT claim_key,
           any_value(subject_key) AS subject_key,
           any_value(kind) AS kind,
           list(DISTINCT unit ORDER BY unit) FILTER (WHERE unit IS NOT NULL) AS units,
           bool_or(is_target) AS is_target,
           CASE WHEN bool_or(is_target) THEN max(ref_year) END AS target_year,
           count(DISTINCT story_id) AS stories,
           count(DISTINCT origin_source) AS origins,
           count(DISTINCT source_label) AS outlets,
           count(DISTINCT article_id) AS articles,
           -- a figure printed twice in one body (a duplicated paragraph) is one figure
           count(DISTINCT (article_id, text, value)) AS figures,
           min(value) AS min_value,
           max(value) AS max_value,
           list(DISTINCT value ORDER BY value) AS distinct_values,
           list(DISTINCT source_label ORDER BY source_label) AS sources,
           list(DISTINCT text ORDER BY text) AS printed_as,
           list(DISTINCT subject ORDER BY subject) AS subjects
    FROM claim_figures
    GROUP BY claim_key
)
SELECT *, max_value - min_value <= 0.05 * greatest(abs(min_value), abs(max_value)) AS values_agree
FROM per_claim
WHERE stories >= 2
ORDER BY values_agree, stories DESC, claim_key;

-- Every keyed figure with a value, in each comparison set it belongs to. Values are compared
-- within a comparison set: for each year a claim states, its figures of that year and those of
-- no stated year; a claim that states no year is one set. So 2023 and 2024 actuals are never
-- compared, "currently over 200,000" is compared with both. Narrow on purpose: the conflict
-- views group these rows (900k at 100k documents), so only the columns they need.
CREATE OR REPLACE VIEW int_comparison_sets AS
WITH stated_years AS (
    SELECT DISTINCT claim_key, ref_year FROM claim_figures WHERE ref_year IS NOT NULL
),
keyed AS (
    SELECT claim_key, subject_key, kind, unit, value, qualifier, ref_year, text, source_label, origin_source,
           story_id, article_id
    FROM claim_figures
    WHERE value IS NOT NULL
),
comparison_sets AS (
    SELECT f.*, y.ref_year AS compared_year
    FROM keyed f
    JOIN stated_years y ON y.claim_key = f.claim_key AND (f.ref_year IS NULL OR f.ref_year = y.ref_year)
    UNION ALL
    SELECT f.*, NULL AS compared_year
    FROM keyed f ANTI JOIN stated_years y ON y.claim_key = f.claim_key
)
-- The range each statement allows: over v (v, inf), under v (-inf, v), else v +/- 5 %.
SELECT *,
       claim_key || coalesce(' | year ' || compared_year, '') AS comparison_set,
       CASE qualifier WHEN 'over' THEN value WHEN 'under' THEN '-inf'::DOUBLE ELSE value * 0.95 END AS low,
       CASE qualifier WHEN 'under' THEN value WHEN 'over' THEN 'inf'::DOUBLE ELSE value * 1.05 END AS high
FROM comparison_sets;

-- One row per comparison set whose values disagree beyond rounding, with its extremes.
-- Linear in the figures (no pairs): a set disagrees when it spans two or more stories and its
-- extremes differ by more than 5 %. unit: a count's set may print several (business, company);
-- the first in order, so a query gives the same rows every time.
CREATE OR REPLACE VIEW int_conflict_sets AS
WITH per_set AS (
    SELECT comparison_set, any_value(claim_key) AS claim_key, any_value(subject_key) AS subject_key,
           any_value(kind) AS kind, min(unit) AS unit, any_value(compared_year) AS compared_year,
           min(value) AS min_value,
           max(value) AS max_value,
           count(DISTINCT value) AS distinct_values,
           count(DISTINCT story_id) AS set_stories,
           max(low) <= min(high) AS bounds_compatible
    FROM int_comparison_sets
    GROUP BY comparison_set
)
SELECT * FROM per_set
WHERE set_stories >= 2 AND max_value - min_value > 0.05 * greatest(abs(min_value), abs(max_value));

-- One row per value printed for a claim whose values disagree beyond rounding (the drill-down of
-- figure_conflicts), in its comparison set (int_comparison_sets).
CREATE OR REPLACE VIEW figure_conflict_values AS
SELECT b.comparison_set, any_value(b.claim_key) AS claim_key, any_value(b.subject_key) AS subject_key,
       any_value(b.kind) AS kind, min(b.unit) AS unit, any_value(b.compared_year) AS compared_year,
       b.value,
       list(DISTINCT b.qualifier ORDER BY b.qualifier) AS qualifiers,
       list(DISTINCT b.text ORDER BY b.text) AS printed_as,
       list(DISTINCT b.source_label ORDER BY b.source_label) AS sources,
       list(DISTINCT b.origin_source ORDER BY b.origin_source) AS origins,
       count(DISTINCT b.story_id) AS stories,
       list(DISTINCT b.article_id ORDER BY b.article_id) AS article_ids,
       count(DISTINCT b.source_label) AS outlets,
       any_value(c.min_value) AS min_value, any_value(c.max_value) AS max_value,
       any_value(c.bounds_compatible) AS bounds_compatible
FROM int_comparison_sets b
JOIN int_conflict_sets c USING (comparison_set)
GROUP BY b.comparison_set, b.value
ORDER BY b.comparison_set, b.value;

-- One row per claim (and comparison set) whose values disagree beyond rounding: more than 5 %
-- of the larger, so beyond rounding to two significant figures (claims.py). The lowest and the
-- highest value face each other with their sources; figure_conflict_values lists every value.
-- bounds_compatible: all the statements can be true at once ("over 200,000" and "more than
-- 250,000" can; "about 200,000" and "over 250,000" cannot); a conflict either way (claims.py).
-- Only the two extremes' rows are grouped into lists (a set may hold thousands of values); the
-- sets are computed once (MATERIALIZED: read twice, half the time at 100k documents).
CREATE OR REPLACE VIEW figure_conflicts AS
WITH sets AS MATERIALIZED (
    SELECT * FROM int_conflict_sets
),
extremes AS (
    SELECT b.comparison_set, b.value, b.text, b.source_label, b.origin_source, b.story_id, b.article_id
    FROM int_comparison_sets b
    JOIN sets c ON c.comparison_set = b.comparison_set
                            AND (b.value = c.min_value OR b.value = c.max_value)
),
per_value AS (
    SELECT comparison_set, value,
           list(DISTINCT text ORDER BY text) AS printed_as,
           list(DISTINCT source_label ORDER BY source_label) AS sources,
           list(DISTINCT origin_source ORDER BY origin_source) AS origins,
           count(DISTINCT story_id) AS stories,
           list(DISTINCT article_id ORDER BY article_id) AS article_ids,
           count(DISTINCT source_label) AS outlets
    FROM extremes
    GROUP BY comparison_set, value
)
SELECT p.claim_key, p.subject_key, p.kind, p.unit, p.compared_year,
       p.min_value AS low_value, l.printed_as AS low_printed_as, l.sources AS low_sources, l.origins AS low_origins,
       l.stories AS low_stories,
       p.max_value AS high_value, h.printed_as AS high_printed_as, h.sources AS high_sources, h.origins AS high_origins,
       h.stories AS high_stories,
       round((p.max_value - p.min_value) / greatest(abs(p.min_value), abs(p.max_value)), 3) AS relative_difference,
       p.bounds_compatible, p.distinct_values,
       l.article_ids AS low_article_ids, h.article_ids AS high_article_ids,
       l.outlets AS low_outlets, h.outlets AS high_outlets
FROM sets p
JOIN per_value l ON l.comparison_set = p.comparison_set AND l.value = p.min_value
JOIN per_value h ON h.comparison_set = p.comparison_set AND h.value = p.max_value
ORDER BY p.claim_key, p.compared_year NULLS FIRST;
