-- Installs made by the first release still have contacts.name_order: migration 002 created it
-- there, and the column was later removed by editing 002, so only installs made since lack it.
-- Nothing reads it; dropping it gives every install the schema of a fresh one. Merges those
-- installs recorded keep the column in their before-images: the undo leaves out columns the
-- table no longer has (modules/duplicates/merge-undo.ts).
ALTER TABLE contacts DROP COLUMN IF EXISTS name_order;
