-- Revenue on the invoiced and collected bases (reports.basis.ts) reads invoices by issue date
-- and payments by received date, and the territory filter the account's territory (closure).
-- requires: opportunities, invoices, payments, territories
CREATE INDEX invoices_issue_date_report_idx ON invoices (issue_date) WHERE status IN ('issued', 'partially_paid', 'paid');
CREATE INDEX payments_received_on_report_idx ON payments (received_on);
