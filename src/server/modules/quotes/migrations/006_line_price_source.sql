-- Where each line's unit price came from (records/line-items.ts, LineItemsDef.priceSource), a
-- snapshot taken when the line is written: 'price_book' (the book's id and name, and the tier's
-- min quantity or NULL for the entry's own price), 'list' (the catalogue's list price) or
-- 'manual' (typed by hand). NULL on lines written before this column. No foreign key: a deleted
-- or renamed book leaves the saved line as it was.
ALTER TABLE quote_lines ADD COLUMN price_source text;
ALTER TABLE quote_lines ADD COLUMN price_book_id bigint;
ALTER TABLE quote_lines ADD COLUMN price_book_name text;
ALTER TABLE quote_lines ADD COLUMN price_tier_min numeric(18,4);
ALTER TABLE quote_lines ADD CONSTRAINT quote_lines_price_source_check CHECK (price_source IN ('price_book', 'list', 'manual'));
