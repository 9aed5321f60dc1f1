-- The forecast drill-down (issue 13): a forecast cell sums the opportunities of one *effective*
-- forecast category (the opportunity's own override, else its stage's), so the opportunities list
-- must filter by it. The effective category is kept in a column by triggers (a generated column
-- cannot read the stage), written when an opportunity is inserted or changes its stage or
-- override, and when a stage's forecast category is edited.
-- requires: opportunities
ALTER TABLE opportunities ADD COLUMN forecast_category_effective text;

CREATE FUNCTION guanxi_opportunity_forecast_category() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.forecast_category_effective := coalesce(NEW.forecast_category,
    (SELECT s.forecast_category FROM pipeline_stages s WHERE s.id = NEW.stage_id));
  RETURN NEW;
END $$;
CREATE TRIGGER opportunities_forecast_category BEFORE INSERT OR UPDATE OF stage_id, forecast_category ON opportunities
  FOR EACH ROW EXECUTE FUNCTION guanxi_opportunity_forecast_category();

CREATE FUNCTION guanxi_stage_forecast_category() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opportunities SET forecast_category_effective = NEW.forecast_category
    WHERE stage_id = NEW.id AND forecast_category IS NULL AND forecast_category_effective IS DISTINCT FROM NEW.forecast_category;
  RETURN NULL;
END $$;
CREATE TRIGGER pipeline_stages_forecast_category AFTER UPDATE OF forecast_category ON pipeline_stages
  FOR EACH ROW EXECUTE FUNCTION guanxi_stage_forecast_category();

UPDATE opportunities o SET forecast_category_effective = coalesce(o.forecast_category, s.forecast_category)
  FROM pipeline_stages s WHERE s.id = o.stage_id;

-- A category cell's drill-down at 100k opportunities: one owner's deals of a category closing in a period.
CREATE INDEX opportunities_forecast_category_idx ON opportunities (forecast_category_effective, expected_close_date);

-- Won deals count in the period they were won (closed_at, set by the opportunity service on entering
-- a won stage), as the sales reports count them, not by their expected close date: the forecast's
-- won column and quota vs actual read one period's won deals through this index.
CREATE INDEX opportunities_won_idx ON opportunities (closed_at) INCLUDE (owner_id, amount_org)
  WHERE stage_category = 'won' AND owner_id IS NOT NULL;
