-- Saved views store a condition tree (issue 12, piece 8; shared/contracts/conditions.ts). NULL
-- for views saved before: their flat `filters` are read as a tree of field conditions
-- (modules/views/view-conditions.ts), so nothing needs rewriting here.
ALTER TABLE saved_views ADD COLUMN conditions jsonb;
