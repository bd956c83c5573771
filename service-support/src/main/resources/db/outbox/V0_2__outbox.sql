-- The transactional outbox (Outbox and OutboxRelay, service-support): events written with the change they
-- announce. Every publishing service includes this location (quarkus.flyway.locations).
create table outbox_event (
    id           uuid primary key,
    seq          bigserial not null,
    topic        varchar(100) not null,
    record_key   varchar(100) not null,
    type         varchar(100) not null,
    payload      text not null,
    created_at   timestamp with time zone not null,
    published_at timestamp with time zone
);
create index outbox_event_waiting on outbox_event (seq) where published_at is null;
