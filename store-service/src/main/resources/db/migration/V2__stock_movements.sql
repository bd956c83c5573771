-- The stock ledger: every change of a variant's stock, with the order that caused it. The stock of a
-- variant always equals the sum of its movements; the audit checks that, and that an order reserved
-- once and released at most once.
create table stock_movement (
    id       uuid primary key,
    sku      varchar(64) not null references variant (sku),
    order_id uuid,
    quantity integer not null,
    reason   varchar(20) not null,
    at       timestamp with time zone not null
);
create index stock_movement_sku on stock_movement (sku);
create index stock_movement_order on stock_movement (order_id) where order_id is not null;
