-- requires: orders
-- A contract may come from a sales order (issue 13: "account, order(s)…"): the order it was
-- signed for. The order's page lists its contracts.
ALTER TABLE contracts ADD COLUMN order_id bigint REFERENCES orders(id) ON DELETE SET NULL;
CREATE INDEX contracts_order_idx ON contracts (order_id);
