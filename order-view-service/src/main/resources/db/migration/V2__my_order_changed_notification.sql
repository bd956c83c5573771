-- Tells every replica, on commit, which order of which buyer changed (MyOrderChanges): the payload is
-- "<buyerId> <orderId>", so that a replica reads the order only when it streams that buyer's orders.
-- Orders whose buyer is not known yet are not shown to anyone, so they are not announced.
create function my_order_changed() returns trigger language plpgsql as $$
begin
    if new.buyer_id is not null then
        perform pg_notify('my_order_changed', new.buyer_id || ' ' || new.order_id);
    end if;
    return null;
end
$$;

create trigger my_order_changed after insert or update on my_order
    for each row execute function my_order_changed();
