-- Unsubscribe and open tracking (issue 12, piece 7). A suppression is keyed by the normalised
-- address (trimmed, lower case), not by contact: it survives the contact's deletion or merge.
-- The outbox honours it for non-transactional mail (mail_class 'marketing'): such a message to
-- a suppressed address is kept as skipped ('suppressed'), never sent, never failed.
CREATE TABLE mail_suppressions (
  email text PRIMARY KEY,
  -- unsubscribed (the recipient's link), manual (an admin); bounces and complaints later
  reason text NOT NULL,
  -- the outbox message whose link was used, when there was one
  source_mail_id bigint REFERENCES mail_outbox(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- transactional: to users (reminders, tests), never suppressed; marketing: to contacts, carries
-- List-Unsubscribe and a footer link, honours mail_suppressions.
ALTER TABLE mail_outbox ADD COLUMN mail_class text NOT NULL DEFAULT 'transactional';
-- The tracking pixel of an HTML message: first open and how many loads (machine opens included).
ALTER TABLE mail_outbox ADD COLUMN first_opened_at timestamptz;
ALTER TABLE mail_outbox ADD COLUMN open_count int NOT NULL DEFAULT 0;
