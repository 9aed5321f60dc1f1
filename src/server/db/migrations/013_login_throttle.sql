-- Failed sign-ins are counted per account and per client address over a sliding window
-- (modules/auth/login-throttle.ts); these keep the two counts cheap as the history grows.
CREATE INDEX login_history_failed_email_idx ON login_history (email, at) WHERE NOT success;
CREATE INDEX login_history_failed_ip_idx ON login_history (ip, at) WHERE NOT success;
