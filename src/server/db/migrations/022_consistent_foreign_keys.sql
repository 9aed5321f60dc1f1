-- Every install gets the schema a fresh install has. Migration 002 was edited after release:
-- installs made before the edit kept ON DELETE CASCADE on activities/tasks -> account, so
-- deleting an account silently deleted its contacts' activities and tasks. A fresh install has
-- ON DELETE SET NULL: the activity or task stays (on its contact) and loses the account link.
-- Dropped and recreated by name, so this is the same on a fresh install and an old one.
ALTER TABLE activities DROP CONSTRAINT IF EXISTS activities_account_id_fkey;
ALTER TABLE activities ADD CONSTRAINT activities_account_id_fkey
  FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_account_id_fkey;
ALTER TABLE tasks ADD CONSTRAINT tasks_account_id_fkey
  FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL;
