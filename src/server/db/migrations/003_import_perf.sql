-- Imports look duplicates up by lower(email), phone_key and mobile_key, and accounts by
-- lower(name), one batch of keys at a time. The lower(email) indexes are partial, and
-- PostgreSQL gathers no statistics for a partial index's expression: without these
-- statistics objects the planner guessed that any email matched most rows and scanned the
-- whole table for every batch (quadratic over a large import).
CREATE STATISTICS contacts_email_lower_stats ON (lower(email)) FROM contacts;
CREATE STATISTICS accounts_email_lower_stats ON (lower(email)) FROM accounts;
-- Account names are matched case-insensitively (import, company column); the existing
-- index is on name itself.
CREATE INDEX accounts_name_lower_idx ON accounts (lower(name));
