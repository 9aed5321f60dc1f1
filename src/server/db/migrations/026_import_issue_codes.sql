-- Import errors and warnings in the user's language (issue 14): besides the English reason, a
-- rejected row keeps its field issues ({field, code, message}) and a dropped cell its issue
-- code, so the web app words them by stable code with the field's label. Older rows have NULL
-- and are shown in the stored words.
ALTER TABLE import_errors ADD COLUMN issues jsonb;
ALTER TABLE import_warnings ADD COLUMN code text;
