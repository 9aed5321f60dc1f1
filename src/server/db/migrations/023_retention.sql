-- Issue 15, "Years of use": every table that grows has a bound or a retention rule.
--
-- An idempotency key remembers the record its write created or changed, so deleting the
-- record (or a cascade taking it) deletes the answers it kept: a deleted person's data does
-- not outlive them there. Keys of other writes keep NULL and simply expire (24 h).
ALTER TABLE idempotency_keys ADD COLUMN object text;
ALTER TABLE idempotency_keys ADD COLUMN record_id bigint;
CREATE INDEX idempotency_keys_record_idx ON idempotency_keys (object, record_id) WHERE record_id IS NOT NULL;
