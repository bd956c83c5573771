-- Wakes the outbox relay (OutboxRelay, service-support) when a transaction that wrote events commits.
-- A statement-level trigger rather than a NOTIFY sent by the application: one notification per
-- transaction (PostgreSQL folds identical ones), nothing for the application to forget, and no
-- per-event query through Hibernate.
create function outbox_event_written() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_written();
