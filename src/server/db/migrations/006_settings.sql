-- Organisation-wide settings (one row per key): the currency amounts are shown in, the
-- organisation's name. Read by every signed-in user, changed by admins (audited).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id) ON DELETE SET NULL
);
