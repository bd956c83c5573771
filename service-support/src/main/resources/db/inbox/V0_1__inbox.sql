-- The inbox: ids of the events this service has processed (EventInbox, service-support). Every
-- service includes this location (quarkus.flyway.locations); its versions (0.x) come before the service's own.
create table processed_event (
    event_id     varchar(100) primary key,
    event_type   varchar(100) not null,
    topic        varchar(100) not null,
    processed_at timestamp with time zone not null
);
