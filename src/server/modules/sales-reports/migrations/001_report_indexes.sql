-- Sales reports (issue 13): the indexes the reports filter by (won and lost deals by close
-- moment, activities by when they happened); everything else is indexed by its module already.
-- requires: opportunities
CREATE INDEX opportunities_closed_idx ON opportunities (closed_at, stage_category) WHERE closed_at IS NOT NULL;
CREATE INDEX activities_occurred_idx ON activities (occurred_at, kind);
