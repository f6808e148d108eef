-- Figures (issue 17): a forecast is told apart from a target.
--   is_forecast  a prediction ("expected to hit", "forecast to reach", a future year with no goal
--                word): never also a target (is_target stays false for it).
-- The qualifier column also takes 'doubtful' from now on: a malformed number in the source
-- ("$21 3.9 billion"), stored once with a NULL value, never as two wrong figures.
ALTER TABLE figures ADD COLUMN IF NOT EXISTS is_forecast BOOLEAN DEFAULT false;
