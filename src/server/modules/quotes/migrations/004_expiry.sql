-- The daily expiry job (quotes.expiry.ts) looks for open quotes past their validity: sent ones
-- and approved ones not yet sent. This index holds only those, so the scan stays small.
CREATE INDEX quotes_expiry_idx ON quotes (valid_until, id) WHERE status IN ('sent', 'approved') AND valid_until IS NOT NULL;
