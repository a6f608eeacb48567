-- The activity log also records what admins do to accounts (created, disabled, enabled, password
-- reset, role changed): such an event names the account (subject_id) and no correction.
alter table audit_event alter column correction_id drop not null;
alter table audit_event add column subject_id bigint references account (id);
