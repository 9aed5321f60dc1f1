-- Document numbers (core/numbering.ts): one counter row per number type. A create that takes a
-- number locks its type's row and raises `value` in its own transaction, so numbers never
-- repeat and a rolled-back create gives its number back (gap-free). `period` is the formatted
-- date part of the last number issued ('2026' for Q-{YYYY}-{00000}): when it changes the
-- counter starts again at 1.
CREATE TABLE number_sequences (
  type text PRIMARY KEY,
  pattern text NOT NULL,
  gap_free boolean NOT NULL DEFAULT false,
  period text NOT NULL DEFAULT '',
  value bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id) ON DELETE SET NULL
);

-- The first user: accounts get a customer number, existing ones in id order.
ALTER TABLE accounts ADD COLUMN account_number text;
UPDATE accounts a SET account_number = 'C-' || CASE WHEN length(x.n::text) >= 5 THEN x.n::text ELSE lpad(x.n::text, 5, '0') END
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts) x
WHERE a.id = x.id;
CREATE UNIQUE INDEX accounts_account_number_key ON accounts (account_number);
INSERT INTO number_sequences (type, pattern, gap_free, period, value)
SELECT 'account', 'C-{00000}', true, '', count(*) FROM accounts;
-- Their search documents gain the number: rewritten by the reindex job (modules/search/reindex.ts).
INSERT INTO jobs (name, payload) SELECT 'search.reindex', '{"objects":["accounts"]}'::jsonb WHERE EXISTS (SELECT 1 FROM accounts);
