-- A temporary password shown once to the admin who made it: the form posts, the answer redirects
-- to the list with this row's token, and showing the list deletes the row, so a reload shows (and
-- resets) nothing. In the database rather than in memory, so any instance can show it.
create table shown_once (
    token       varchar(43)   primary key,
    account_id  bigint        not null references account (id),
    text        varchar(1000) not null,
    expires_at  timestamp(6) with time zone not null
);
