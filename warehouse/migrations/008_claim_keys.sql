-- Claim keys stored with each figure instead of computed by the views on every query.
-- subject_key: who or what the figure measures, folded ("korean in vietnam", "bilateral trade");
-- claim_key: the measure of it ("count | korean in vietnam", "money | USD | bilateral trade |
-- target 2030"); both NULL when the figure cannot be compared with anything. Computed when a
-- figure is staged (src/vnrok_etl/claim_keys.py); this migration's step (claims.py
-- backfill_claim_keys) fills them for the figures already loaded, with the same function.
ALTER TABLE figures ADD COLUMN IF NOT EXISTS subject_key VARCHAR;
ALTER TABLE figures ADD COLUMN IF NOT EXISTS claim_key VARCHAR;
-- The view that computed the keys on every read: claim_figures now reads the columns.
DROP VIEW IF EXISTS int_figure_subjects;
