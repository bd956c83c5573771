-- order-service's own copy of the catalogue, kept from the items topic: orders are validated and
-- priced from it, so that orders are taken while store-service is down.
create table catalogue_item (
    item_id    uuid primary key,
    name       varchar(200) not null,
    price      bigint not null,
    currency   char(3) not null,
    updated_at timestamp with time zone not null
);

create table catalogue_variant (
    sku     varchar(64) primary key,
    item_id uuid not null references catalogue_item (item_id),
    stock   integer not null
);

create table orders (
    id               uuid primary key,
    buyer_id         varchar(100) not null,
    status           varchar(30) not null,
    total_amount     bigint not null,
    currency         char(3) not null,
    shipping_address varchar(500) not null,
    payment_id       uuid,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          integer not null
);
create index orders_buyer on orders (buyer_id, created_at);

create table order_line (
    order_id   uuid not null references orders (id),
    line_no    integer not null,
    item_id    uuid not null,
    sku        varchar(64) not null,
    quantity   integer not null,
    unit_price bigint not null,
    primary key (order_id, line_no)
);
