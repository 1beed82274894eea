-- Idempotency-Key of command requests (IdempotencyFilter): the first request with a key runs, a retry
-- with the same key and request gets the first response again. Kept for ledger.idempotency.retention.
create table idempotency_key (
    principal     varchar(200) not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    status        integer,
    content_type  varchar(200),
    location      varchar(2000),
    body          text,
    created_at    timestamptz  not null default now(),
    primary key (principal, idem_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
