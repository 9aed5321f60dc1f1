-- Timeline targets: an event shows on the timeline of every record it targets, of any object
-- (core/timeline.ts). timeline_events.contact_id / account_id stay for old readers of the
-- table but are no longer written or read; their targets are copied here.
CREATE TABLE timeline_targets (
  event_id bigint NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
  object text NOT NULL,
  record_id bigint NOT NULL,
  -- The source record's link field that put the event here ('contact_id'); null without a source.
  -- A reader for whom that field is hidden does not see the event on this timeline.
  field text,
  -- The event's time, copied so one index gives a record's timeline in read order (keyset pages).
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (event_id, object, record_id)
);
CREATE INDEX timeline_targets_read_idx ON timeline_targets (object, record_id, occurred_at DESC, event_id DESC);

INSERT INTO timeline_targets (event_id, object, record_id, field, occurred_at)
SELECT id, 'contacts', contact_id, CASE WHEN ref_type IS NULL THEN NULL ELSE 'contact_id' END, occurred_at
FROM timeline_events WHERE contact_id IS NOT NULL;
INSERT INTO timeline_targets (event_id, object, record_id, field, occurred_at)
SELECT id, 'accounts', account_id, CASE WHEN ref_type IS NULL THEN NULL ELSE 'account_id' END, occurred_at
FROM timeline_events WHERE account_id IS NOT NULL;

DROP INDEX timeline_contact_idx;
DROP INDEX timeline_account_idx;
