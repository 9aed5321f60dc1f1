-- The forecast of a period reads every owner's opportunities closing in a date range: a quarter
-- is about an eighth of the table, spread over every heap page, and the (owner_id,
-- expected_close_date) index cannot narrow a range across all owners. This index is ordered by
-- the close date and carries every column the forecast sums read, so the quarter is an
-- index-only range scan once the table has been vacuumed (PostgreSQL's autovacuum; PGlite's
-- nightly VACUUM job, jobs/vacuum.ts), instead of a scan of the whole table.
-- requires: opportunities
CREATE INDEX opportunities_forecast_idx ON opportunities (expected_close_date)
  INCLUDE (owner_id, stage_id, stage_category, forecast_category, amount_org, probability)
  WHERE owner_id IS NOT NULL;
