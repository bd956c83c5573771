package dev.fashionshop.view.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the my-orders view straight from its tables with the reactive client. Only orders whose buyer
 * is known (an event of the orders topic named them) are ever shown.
 */
@ApplicationScoped
public class MyOrderQueries {

    private static final String COLUMNS = """
            select order_id, buyer_id, status, payment_status, store_status, delivery_status, total_amount, currency,
                   lines, updated_at from my_order""";

    private final Pool pool;
    private final ObjectMapper json;

    MyOrderQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<MyOrderView> find(UUID orderId, String buyerId) {
        return views(pool.preparedQuery(COLUMNS + " where order_id = $1 and buyer_id = $2")
                .execute(Tuple.of(orderId, buyerId)))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The order, whoever its buyer is: for pushing a change to the streams that may show it. */
    public Uni<MyOrderView> find(UUID orderId) {
        return views(pool.preparedQuery(COLUMNS + " where order_id = $1 and buyer_id is not null")
                .execute(Tuple.of(orderId)))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    public Uni<List<MyOrderView>> list(String buyerId, int page, int size) {
        return views(pool.preparedQuery(COLUMNS + " where buyer_id = $1 order by updated_at desc limit $2 offset $3")
                .execute(Tuple.of(buyerId, size, page * size)));
    }

    private Uni<List<MyOrderView>> views(Uni<RowSet<Row>> orders) {
        return orders.chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<MyOrderView> of());
            }
            UUID[] ids = found.stream().map(r -> r.getUUID("order_id")).toArray(UUID[]::new);
            return pool.preparedQuery("select order_id, event, at from order_timeline where order_id = any($1) order by at, event_id")
                    .execute(Tuple.of(ids))
                    .map(steps -> {
                        Map<UUID, List<MyOrderView.Step>> timelines = new HashMap<>();
                        steps.forEach(s -> timelines.computeIfAbsent(s.getUUID("order_id"), id -> new ArrayList<>())
                                .add(new MyOrderView.Step(s.getString("event"), s.getOffsetDateTime("at").toInstant())));
                        return found.stream().map(r -> view(r, timelines.getOrDefault(r.getUUID("order_id"), List.of())))
                                .toList();
                    });
        });
    }

    private MyOrderView view(Row row, List<MyOrderView.Step> timeline) {
        return new MyOrderView(row.getUUID("order_id"), row.getString("buyer_id"), row.getString("status"),
                row.getString("payment_status"), row.getString("store_status"), row.getString("delivery_status"),
                row.getLong("total_amount"), row.getString("currency"), lines(row.getString("lines")), timeline,
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private List<MyOrderView.Line> lines(String lines) {
        if (lines == null) {
            return List.of();
        }
        try {
            return json.readValue(lines, new TypeReference<List<MyOrderView.Line>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lines are not JSON", e);
        }
    }
}
