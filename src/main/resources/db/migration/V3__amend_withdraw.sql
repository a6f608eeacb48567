-- Amendments (a public change note per revision) and withdrawal with a public reason.

alter table correction add column withdrawn_at timestamp(6) with time zone;
alter table correction add column withdrawn_by_id bigint references account (id);
alter table correction add column withdrawal_reason varchar(2000);

alter table revision add column change_note varchar(1000);
