-- Account management: forced password change, sessions that sign-out and admins can end.
alter table account add column must_change_password boolean default false not null;
alter table account add column sessions_valid_after timestamp(6) with time zone;

create table revoked_session (
    id         varchar(64) primary key,
    revoked_at timestamp(6) with time zone not null
);
