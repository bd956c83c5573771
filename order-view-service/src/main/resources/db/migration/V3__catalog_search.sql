-- Catalogue search (GET /api/catalog?...&sort=newest) needs when an item was first registered: updated_at moves
-- with every stock change. Items already in the view keep their last change as the best guess.
alter table catalog_item add column registered_at timestamp with time zone;
update catalog_item set registered_at = updated_at;
alter table catalog_item alter column registered_at set not null;
create index catalog_item_registered on catalog_item (registered_at desc);
