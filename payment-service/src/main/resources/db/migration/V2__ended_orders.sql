-- Orders that order-service ended before it knew them paid (expired, or cancelled while deferred). A
-- payment recorded for one of them afterwards (the provider approved it after order-service had given up
-- on the call) is refunded in the transaction that records it.
create table ended_order (
    order_id uuid primary key,
    reason   varchar(200) not null,
    ended_at timestamp with time zone not null
);
