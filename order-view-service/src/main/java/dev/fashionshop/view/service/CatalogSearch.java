package dev.fashionshop.view.service;

import java.util.Locale;

/**
 * What a shopper looks for in the catalogue. Every criterion is optional; colour, size and in-stock
 * apply to one variant together (a red M that is in stock, not a red S and an M in stock).
 *
 * @param text matched, case-insensitively, anywhere in the name or the description
 * @param minPrice and maxPrice in the smallest currency unit, inclusive
 */
public record CatalogSearch(String text, String category, String colour, String size, Long minPrice, Long maxPrice,
        boolean inStockOnly, Order order, int page, int pageSize) {

    /** How results are ordered: {@code name}, {@code price}, {@code -price} or {@code newest}. */
    public enum Order {
        NAME("name", "lower(name), item_id"),
        PRICE("price", "price, lower(name), item_id"),
        PRICE_DESCENDING("-price", "price desc, lower(name), item_id"),
        NEWEST("newest", "registered_at desc, item_id");

        final String parameter;
        final String orderBy;

        Order(String parameter, String orderBy) {
            this.parameter = parameter;
            this.orderBy = orderBy;
        }

        /** The order a {@code sort} parameter names; null or blank is by name. */
        public static Order of(String parameter) {
            if (parameter == null || parameter.isBlank()) {
                return NAME;
            }
            for (Order order : values()) {
                if (order.parameter.equals(parameter.trim().toLowerCase(Locale.ROOT))) {
                    return order;
                }
            }
            throw new IllegalArgumentException("sort must be one of name, price, -price, newest, not " + parameter);
        }
    }

    boolean looksAtVariants() {
        return colour != null || size != null || inStockOnly;
    }
}
