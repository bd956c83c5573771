package dev.fashionshop.local.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a {@link ShopSnapshot} from the services' databases, each with plain SQL on its own tables. */
final class SnapshotReader {

    static final String ORDERS = "order_service";
    static final String PAYMENTS = "payment_service";
    static final String STORE = "store_service";
    static final String DELIVERIES = "delivery_service";
    static final String VIEW = "order_view_service";
    /** The services that publish events, through their outbox. */
    static final String[] PUBLISHERS = { ORDERS, PAYMENTS, STORE, DELIVERIES };

    private final ShopConnections connections;

    SnapshotReader(ShopConnections connections) {
        this.connections = connections;
    }

    ShopSnapshot read(Map<String, Long> deadLetters) throws SQLException {
        Map<UUID, Map<String, Integer>> published = new HashMap<>();
        for (String publisher : PUBLISHERS) {
            try (Connection db = connections.database(publisher);
                    ResultSet rows = query(db, "select record_key, type, count(*) from outbox_event"
                            + " where topic <> 'items' group by record_key, type")) {
                while (rows.next()) {
                    published.computeIfAbsent(UUID.fromString(rows.getString(1)), id -> new HashMap<>())
                            .merge(rows.getString(2), rows.getInt(3), Integer::sum);
                }
            }
        }
        Map<UUID, Long> reserved = new HashMap<>();
        Map<UUID, Long> released = new HashMap<>();
        try (Connection db = connections.database(STORE);
                ResultSet rows = query(db, "select order_id, reason, sum(quantity) from stock_movement"
                        + " where order_id is not null group by order_id, reason")) {
            while (rows.next()) {
                UUID orderId = rows.getObject(1, UUID.class);
                long quantity = rows.getLong(3);
                switch (rows.getString(2)) {
                    case "RESERVED" -> reserved.put(orderId, -quantity);
                    case "RELEASED" -> released.put(orderId, quantity);
                    default -> {
                    }
                }
            }
        }
        return new ShopSnapshot(
                statuses(ORDERS, "select id, status from orders"),
                statuses(PAYMENTS, "select order_id, status from payment"),
                statuses(STORE, "select order_id, status from store_order"),
                statuses(DELIVERIES, "select order_id, status from delivery"),
                views(),
                published,
                longs(STORE, "select order_id, sum(quantity) from store_order_line group by order_id"),
                reserved,
                released,
                byText(STORE, "select sku, stock from variant"),
                byText(STORE, "select sku, sum(quantity) from stock_movement group by sku"),
                statuses(ORDERS, "select id, buyer_id from orders"),
                keyedOrders(),
                deadLetters);
    }

    /** Events written to an outbox and not yet sent to Kafka, all services together. */
    long unpublishedEvents() throws SQLException {
        long waiting = 0;
        for (String publisher : PUBLISHERS) {
            waiting += single(publisher, "select count(*) from outbox_event where published_at is null");
        }
        return waiting;
    }

    /** Orders whose payment call has not settled yet. */
    long ordersAwaitingPayment() throws SQLException {
        return single(ORDERS, "select count(*) from orders where status = 'PAYMENT_PENDING'");
    }

    /** One row of a query's result turned into a value. */
    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Map<UUID, String> statuses(String database, String sql) throws SQLException {
        return rows(database, sql, row -> row.getObject(1, UUID.class), row -> row.getString(2));
    }

    private Map<UUID, Long> longs(String database, String sql) throws SQLException {
        return rows(database, sql, row -> row.getObject(1, UUID.class), row -> row.getLong(2));
    }

    private Map<String, Long> byText(String database, String sql) throws SQLException {
        return rows(database, sql, row -> row.getString(1), row -> row.getLong(2));
    }

    private Map<UUID, ShopSnapshot.View> views() throws SQLException {
        return rows(VIEW, "select order_id, status, payment_status, store_status, delivery_status from my_order",
                row -> row.getObject(1, UUID.class),
                row -> new ShopSnapshot.View(row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
    }

    private List<ShopSnapshot.KeyedOrder> keyedOrders() throws SQLException {
        List<ShopSnapshot.KeyedOrder> keyed = new ArrayList<>();
        try (Connection db = connections.database(ORDERS);
                ResultSet rows = query(db, "select caller, idem_key, resource_id from idempotency_key")) {
            while (rows.next()) {
                keyed.add(new ShopSnapshot.KeyedOrder(rows.getString(1), rows.getString(2), UUID.fromString(rows.getString(3))));
            }
        }
        return keyed;
    }

    private <K, V> Map<K, V> rows(String database, String sql, Column<K> key, Column<V> value) throws SQLException {
        Map<K, V> values = new HashMap<>();
        try (Connection db = connections.database(database); ResultSet rows = query(db, sql)) {
            while (rows.next()) {
                values.put(key.read(rows), value.read(rows));
            }
        }
        return values;
    }

    private long single(String database, String sql) throws SQLException {
        try (Connection db = connections.database(database); ResultSet rows = query(db, sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The result set closes its statement (closeOnCompletion), the caller closes the result set. */
    private static ResultSet query(Connection db, String sql) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
