-- A review asked of one editor by name ("request review from grace"): only they may approve the
-- revision or ask for changes while their account is enabled; null lets any other editor take it.
alter table revision add column requested_reviewer_id bigint references account (id);
