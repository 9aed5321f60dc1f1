-- The normalised title (the first part of search_text: a record's name, as buildSearchDocument
-- writes it) indexed for equality, so a search for a full name finds every record with exactly
-- that name first, however many newer records merely contain it (search.service.ts).
CREATE INDEX contacts_search_title_idx ON contacts (split_part(search_text, E'\x01', 1), id);
CREATE INDEX accounts_search_title_idx ON accounts (split_part(search_text, E'\x01', 1), id);
