-- A task reminder being sent (modules/mail sets tasks.reminded_at) is not a change a person made:
-- like the search document and phone keys (migration 012) it keeps the record's version, so an
-- edit form open while a reminder goes out does not meet a conflict nobody caused.
CREATE OR REPLACE FUNCTION guanxi_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  derived text[] := ARRAY['search_text', 'search_tokens', 'phone_key', 'mobile_key', 'name_key', 'reminded_at', 'updated_at', 'version'];
BEGIN
  IF (to_jsonb(NEW) - derived) IS DISTINCT FROM (to_jsonb(OLD) - derived) THEN
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END $$;
