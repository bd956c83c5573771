-- At most one delivery per order.
create table delivery (
    id               uuid primary key,
    order_id         uuid not null unique,
    buyer_id         varchar(100) not null,
    status           varchar(20) not null,
    shipping_address varchar(500) not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          integer not null
);
create index delivery_status on delivery (status, created_at);
