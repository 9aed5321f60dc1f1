-- Each applied migration's checksum (sha256 of its file, line endings made LF; written by
-- db/migrate.ts). A start whose files differ from what was applied is refused, so a released
-- migration edited later can no longer leave older installs on a different schema unnoticed.
-- Migrations applied before this one get the checksum of the file shipped with the version
-- that applies it: those files are trusted once.
ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text;
