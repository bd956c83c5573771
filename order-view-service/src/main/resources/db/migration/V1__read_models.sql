-- The read models, built only from events.

create table catalog_item (
    item_id     uuid primary key,
    name        varchar(200) not null,
    description varchar(2000),
    category    varchar(100) not null,
    price       bigint not null,
    currency    char(3) not null,
    image_url   varchar(1000),
    variants    text not null,            -- JSON: [{sku, size, colour, stock}]
    updated_at  timestamp with time zone not null,
    version     integer not null
);

-- One row per order, filled in by whichever event arrives first; the buyer sees it once OrderPlaced
-- (or PaymentDeferred) named the buyer.
create table my_order (
    order_id        uuid primary key,
    buyer_id        varchar(100),
    status          varchar(30),
    order_status    varchar(30),
    payment_status  varchar(30),
    store_status    varchar(30),
    delivery_status varchar(30),
    total_amount    bigint,
    currency        char(3),
    lines           text,                 -- JSON: [{itemId, sku, quantity, unitPrice}]
    updated_at      timestamp with time zone not null,
    version         integer not null
);
create index my_order_buyer on my_order (buyer_id, updated_at);

create table order_timeline (
    event_id varchar(100) primary key,
    order_id uuid not null,
    event    varchar(100) not null,
    at       timestamp with time zone not null
);
create index order_timeline_order on order_timeline (order_id, at);
