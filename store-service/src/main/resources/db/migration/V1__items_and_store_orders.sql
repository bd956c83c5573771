create table item (
    id          uuid primary key,
    name        varchar(200) not null,
    description varchar(2000),
    category    varchar(100) not null,
    price       bigint not null check (price >= 0),
    currency    char(3) not null,
    image_url   varchar(1000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     integer not null
);

-- a SKU names one variant in the whole shop
create table variant (
    sku     varchar(64) primary key,
    item_id uuid not null references item (id),
    size    varchar(20) not null,
    colour  varchar(40) not null,
    stock   integer not null check (stock >= 0),
    version integer not null
);
create index variant_item on variant (item_id);

create table store_order (
    order_id         uuid primary key,
    buyer_id         varchar(100) not null,
    status           varchar(30) not null,
    total_amount     bigint not null,
    currency         char(3) not null,
    shipping_address varchar(500) not null,
    reason           varchar(500),
    received_at      timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          integer not null
);
create index store_order_status on store_order (status, received_at);

create table store_order_line (
    order_id   uuid not null references store_order (order_id),
    line_no    integer not null,
    item_id    uuid not null,
    sku        varchar(64) not null,
    quantity   integer not null,
    unit_price bigint not null,
    primary key (order_id, line_no)
);
