-- Issue 15, "Years of use": every table that grows has a bound or a retention rule.
--
-- An idempotency key remembers the record its write created or changed, so deleting the
-- record (or a cascade taking it) deletes the answers it kept: a deleted person's data does
-- not outlive them there. Keys of other writes keep NULL and simply expire (24 h).
ALTER TABLE idempotency_keys ADD COLUMN object text;
ALTER TABLE idempotency_keys ADD COLUMN record_id bigint;
CREATE INDEX idempotency_keys_record_idx ON idempotency_keys (object, record_id) WHERE record_id IS NOT NULL;

-- The audit log stays append-only, except for the retention job: when an administrator sets
-- "keep the audit log N months" (kept forever by default), the job archives older entries to a
-- file and deletes them in a transaction that says so (set_config('guanxi.audit_retention',
-- 'on', true), jobs/audit-retention.ts). Updates and TRUNCATE stay refused for everyone.
CREATE OR REPLACE FUNCTION guanxi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('guanxi.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
