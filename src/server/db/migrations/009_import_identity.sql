-- Accounts are de-duplicated by a normalised name (text/identity.ts orgNameKey: Simplified =
-- Traditional, case, punctuation, legal suffixes such as 有限公司 / Ltd.). The application
-- computes it (it needs opencc's tables), on every write and, for rows written before this
-- migration, at start-up (modules/accounts/name-keys.ts); imports look it up one batch at a time.
ALTER TABLE accounts ADD COLUMN name_key text;
CREATE INDEX accounts_name_key_idx ON accounts (name_key);

-- The rows an import skipped as duplicates, each with the record it matched (one the importer
-- could see when it ran: the title is kept as it was then).
CREATE TABLE import_skipped (
  import_id bigint NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line integer NOT NULL,
  record_id bigint,
  record_title text,
  reason text NOT NULL,
  PRIMARY KEY (import_id, line)
);
