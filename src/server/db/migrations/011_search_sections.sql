-- Search finds what people type (issue 10).
--
-- 1. Titles are indexed in byte order (text_pattern_ops), so global search finds records whose
--    name STARTS with the query however old they are (a range scan, read in index order), as
--    well as records named exactly as the query (equality uses the same index). It replaces
--    the index of migration 004 on the same expression.
DROP INDEX contacts_search_title_idx;
DROP INDEX accounts_search_title_idx;
CREATE INDEX contacts_search_title_idx ON contacts (split_part(search_text, E'\x01', 1) text_pattern_ops, id);
CREATE INDEX accounts_search_title_idx ON accounts (split_part(search_text, E'\x01', 1) text_pattern_ops, id);

-- 2. Custom fields may be searchable: their values enter the search document.
ALTER TABLE custom_fields ADD COLUMN searchable boolean NOT NULL DEFAULT false;

-- 3. Search documents (sections tagged by field, accents folded, company pinyin, addresses) and
--    phone keys (E.164) are computed by the application, so they are rewritten by the reindex
--    job (src/server/modules/search/reindex.ts) that the server enqueues at start while the
--    stored document version (settings key 'search_document_version') is older than the code's.
--    A database already holding records has documents of the previous format: version 1.
INSERT INTO settings (key, value)
  SELECT 'search_document_version', '1'::jsonb
  WHERE EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM accounts)
  ON CONFLICT (key) DO NOTHING;
