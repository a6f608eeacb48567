-- Jobs that must run once per interval across all instances (the drift watch): the instance that
-- moves a job's lease forward runs it; the others see the lease held and skip (system/JobLease).
create table job_lease (
    name       varchar(40) primary key,
    holder     varchar(200),
    held_until timestamp(6) with time zone not null
);
insert into job_lease (name, holder, held_until) values ('drift-watch', null, timestamp with time zone '1970-01-01 00:00:00+00');
