-- Activities list by when they happened (issue 14: a call logged today about last week's visit
-- sorts by the visit), newest first: the default order of the activities list now.
CREATE INDEX IF NOT EXISTS activities_occurred_id_idx ON activities (occurred_at DESC, id DESC);
