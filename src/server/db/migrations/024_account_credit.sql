-- Credit terms of an account (issue 13: the credit check when an order is confirmed).
-- credit_limit exists since 002 (money in the account's currency); what happens when an order
-- would go over it, and how many days past due an invoice may be before the account counts as
-- overdue, are new. NULL policy means 'warn'; NULL tolerance means 0 days.
ALTER TABLE accounts ADD COLUMN credit_policy text;
ALTER TABLE accounts ADD COLUMN overdue_tolerance_days integer;
