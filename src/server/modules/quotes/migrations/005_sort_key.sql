-- Titles sort by pinyin (records/sort-key.ts, titleSort on the object): the application writes
-- the key with every record and fills older rows at start-up (records/sort-key-fill.ts).
-- COLLATE "C": the key is built to sort by bytes, whatever the database's collation.
ALTER TABLE quotes ADD COLUMN sort_key text COLLATE "C";
CREATE INDEX quotes_sort_key_idx ON quotes (sort_key, id);
