-- A quote made from an opportunity keeps the link (issue 13: POST /opportunities/{id}/quote).
-- requires: opportunities
ALTER TABLE quotes ADD COLUMN opportunity_id bigint REFERENCES opportunities(id) ON DELETE SET NULL;
CREATE INDEX quotes_opportunity_idx ON quotes (opportunity_id);
