-- Chinese titles sort by pinyin (records/sort-key.ts): the application writes the key with
-- every record (it needs pinyin-pro's dictionary) and fills older rows at start-up in chunks
-- (records/sort-key-fill.ts). COLLATE "C": the key is built to sort by bytes, so "a li ba ba "
-- < "acme" < "bei jing " whatever the database's own collation would make of the spaces.
ALTER TABLE accounts ADD COLUMN sort_key text COLLATE "C";
CREATE INDEX accounts_sort_key_idx ON accounts (sort_key, id);
ALTER TABLE contacts ADD COLUMN sort_key text COLLATE "C";
CREATE INDEX contacts_sort_key_idx ON contacts (sort_key, id);
