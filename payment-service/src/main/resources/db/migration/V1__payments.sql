-- One payment per order: the unique order_id is what makes POST /payments idempotent.
create table payment (
    id          uuid primary key,
    order_id    uuid not null unique,
    buyer_id    varchar(100) not null,
    amount      bigint not null check (amount >= 0),
    currency    char(3) not null,
    status      varchar(20) not null,
    reason      varchar(500),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     integer not null
);
