-- api.md, "Retries": the first answer to a POST sent with an Idempotency-Key, replayed for a retry
-- with the same key and body within 24 hours. A row without a status is a request in progress.
create table idempotency_key (
    account_id     bigint        not null references account (id),
    idem_key       varchar(255)  not null,
    route          varchar(60)   not null,
    request_digest varchar(64)   not null,
    status         integer,
    location       varchar(300),
    body           varchar(1000000),
    created_at     timestamp(6) with time zone not null,
    primary key (account_id, idem_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
