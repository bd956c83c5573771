package dev.fashionshop.local.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which upstream owns a request path. A route is a path prefix matched on segment boundaries:
 * {@code /api/orders} owns {@code /api/orders} and {@code /api/orders/42/cancel}, not {@code /api/ordersx}.
 * The route {@code /} owns the root path alone (the web UI's page), not every path.
 */
public final class RouteTable<T> {

    private final Map<String, T> routes = new LinkedHashMap<>();

    public RouteTable<T> add(String pathPrefix, T upstream) {
        if (!pathPrefix.equals("/") && (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/"))) {
            throw new IllegalArgumentException("A route is a path like /api/orders: " + pathPrefix);
        }
        routes.put(pathPrefix, upstream);
        return this;
    }

    public Optional<T> match(String path) {
        T best = null;
        int bestLength = -1;
        for (Map.Entry<String, T> route : routes.entrySet()) {
            String prefix = route.getKey();
            boolean owns = path.equals(prefix) || path.startsWith(prefix + "/");
            if (owns && prefix.length() > bestLength) {
                best = route.getValue();
                bestLength = prefix.length();
            }
        }
        return Optional.ofNullable(best);
    }
}
