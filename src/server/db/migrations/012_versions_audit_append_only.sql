-- Optimistic concurrency: every record row carries a version that the database itself
-- raises on every UPDATE, whichever path writes it (form, bulk, merge, import, raw SQL).
-- A later module registering a record object adds the same two statements for its table:
--   ALTER TABLE <t> ADD COLUMN version integer NOT NULL DEFAULT 1;
--   CREATE TRIGGER <t>_version BEFORE UPDATE ON <t> FOR EACH ROW EXECUTE FUNCTION guanxi_bump_version();
-- Derived columns alone (the search document and phone keys rewritten by a reindex or by an
-- account's rename) are not a change a person made: they keep the version, so an edit form
-- open meanwhile does not meet a conflict nobody caused.
CREATE FUNCTION guanxi_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  derived text[] := ARRAY['search_text', 'search_tokens', 'phone_key', 'mobile_key', 'name_key', 'updated_at', 'version'];
BEGIN
  IF (to_jsonb(NEW) - derived) IS DISTINCT FROM (to_jsonb(OLD) - derived) THEN
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END $$;

ALTER TABLE accounts ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE activities ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE tasks ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE TRIGGER accounts_version BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION guanxi_bump_version();
CREATE TRIGGER contacts_version BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION guanxi_bump_version();
CREATE TRIGGER activities_version BEFORE UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION guanxi_bump_version();
CREATE TRIGGER tasks_version BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION guanxi_bump_version();

-- The audit log is append-only: the database refuses to change or remove an entry (an undo
-- adds its own entry). A restore inserts rows, which stays allowed.
CREATE FUNCTION guanxi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION guanxi_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION guanxi_audit_append_only();

-- Idempotency keys are reserved before the write runs (status 0 = in progress) and remember
-- which request they belong to, so a key reused for another request is refused.
ALTER TABLE idempotency_keys ADD COLUMN request_hash text;
ALTER TABLE idempotency_keys ALTER COLUMN body DROP NOT NULL;
