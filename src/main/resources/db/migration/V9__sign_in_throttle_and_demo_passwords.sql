-- Failed sign-ins counted per client address, account, pair and device, so guessing is slowed down
-- on every instance alike (account/SignInThrottle).
create table sign_in_throttle (
    throttle_key    varchar(300) primary key,
    failures        integer      not null,
    last_failure_at timestamp(6) with time zone not null,
    blocked_until   timestamp(6) with time zone
);

-- Whether an account still has the published demo password, so that a production start can refuse
-- a database made by dev mode. Accounts from before this release are checked once at the next start.
alter table account add column demo_password boolean default false not null;
alter table account add column demo_password_checked boolean default false not null;
