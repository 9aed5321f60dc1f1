-- Imports read files as people have them: the encoding decided for the whole file (or chosen
-- by the user), the day/month order of the file's dates (decided once per file so a resumed
-- import reads them the same way), and warnings: cells left out of a row that was imported.
ALTER TABLE imports ADD COLUMN encoding text;
ALTER TABLE imports ADD COLUMN date_order text;
ALTER TABLE imports ADD COLUMN warned int NOT NULL DEFAULT 0;
CREATE TABLE import_warnings (
  import_id bigint NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line int NOT NULL,
  field text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (import_id, line, field)
);
