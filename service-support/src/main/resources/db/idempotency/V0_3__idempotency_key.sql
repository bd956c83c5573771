-- Idempotency keys (IdempotencyKeys, service-support): one row per caller and key, inserted in the same
-- transaction as what the first request created, so that the primary key, not a check, decides which
-- request is the first. The first answer is kept to be replayed. Services that honour Idempotency-Key
-- include this location (quarkus.flyway.locations).
create table idempotency_key (
    caller         varchar(100) not null,
    idem_key       varchar(255) not null,
    fingerprint    char(64) not null,
    resource_id    varchar(100) not null,
    answer_status  integer,
    answer_type    varchar(100),
    answer_headers text,
    answer_body    text,
    created_at     timestamp with time zone not null,
    primary key (caller, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
