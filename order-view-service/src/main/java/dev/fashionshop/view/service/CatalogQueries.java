package dev.fashionshop.view.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the catalogue view with the reactive client: one search with its filters as SQL parameters
 * (never spliced into the text), and the values a storefront offers as filters.
 */
@ApplicationScoped
public class CatalogQueries {

    private static final String COLUMNS = "item_id, name, description, category, price, currency, image_url, variants";

    /** $1 text, $2 category, $3 colour, $4 size, $5 in stock only, $6 min price, $7 max price. */
    private static final String MATCHING = """
            where ($1::text is null or strpos(lower(name), lower($1)) > 0
                                     or strpos(lower(coalesce(description, '')), lower($1)) > 0)
               and ($2::text is null or lower(category) = lower($2))
               and (not $8 or exists (select 1 from jsonb_array_elements(variants::jsonb) variant
                                     where ($3::text is null or lower(variant->>'colour') = lower($3))
                                       and ($4::text is null or lower(variant->>'size') = lower($4))
                                       and (not $5 or (variant->>'stock')::int > 0)))
               and ($6::bigint is null or price >= $6)
               and ($7::bigint is null or price <= $7)""";

    private final Pool pool;
    private final ObjectMapper json;

    public CatalogQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A page of matching items and how many match in all. */
    public record Page(List<CatalogItemView> items, long total) {
    }

    /** The values of the catalogue a shopper can filter on, each sorted. */
    public record Facets(List<String> categories, List<String> colours, List<String> sizes) {
    }

    /**
     * One statement for a page and the total (a window count over the matches); only a page past the end, which
     * has no row to carry the total, asks for the count apart.
     */
    public Uni<Page> search(CatalogSearch search) {
        List<Object> criteria = Arrays.asList(blankToNull(search.text()), blankToNull(search.category()),
                blankToNull(search.colour()), blankToNull(search.size()), search.inStockOnly(), search.minPrice(),
                search.maxPrice(), search.looksAtVariants());
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from catalog_item " + MATCHING
                        + " order by " + search.order().orderBy + " limit $9 offset $10")
                .execute(Tuple.from(criteria).addInteger(search.pageSize()).addLong((long) search.page() * search.pageSize()))
                .chain(rows -> {
                    List<CatalogItemView> found = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        found.add(view(row));
                        total = row.getLong("total");
                    }
                    if (!found.isEmpty() || search.page() == 0) {
                        return Uni.createFrom().item(new Page(found, total));
                    }
                    return pool.preparedQuery("select count(*) from catalog_item " + MATCHING).execute(Tuple.from(criteria))
                            .map(counted -> new Page(found, counted.iterator().next().getLong(0)));
                });
    }

    public Uni<CatalogItemView> find(UUID itemId) {
        return pool.preparedQuery("select " + COLUMNS + " from catalog_item where item_id = $1").execute(Tuple.of(itemId))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<Facets> facets() {
        return pool.query("""
                select 'category' as facet, category as value from catalog_item where category <> ''
                union select 'colour', variant->>'colour' from catalog_item, jsonb_array_elements(variants::jsonb) variant
                union select 'size', variant->>'size' from catalog_item, jsonb_array_elements(variants::jsonb) variant
                order by facet, value""").execute().map(rows -> {
            List<String> categories = new ArrayList<>();
            List<String> colours = new ArrayList<>();
            List<String> sizes = new ArrayList<>();
            for (Row row : rows) {
                String value = row.getString("value");
                if (value == null) {
                    continue;
                }
                switch (row.getString("facet")) {
                    case "category" -> categories.add(value);
                    case "colour" -> colours.add(value);
                    default -> sizes.add(value);
                }
            }
            return new Facets(categories, colours, sizes);
        });
    }

    private CatalogItemView view(Row row) {
        try {
            List<CatalogItemView.Variant> variants = json.readValue(row.getString("variants"),
                    new TypeReference<List<CatalogItemView.Variant>>() {
                    });
            return new CatalogItemView(row.getUUID("item_id"), row.getString("name"), row.getString("description"),
                    row.getString("category"), row.getLong("price"), row.getString("currency"),
                    row.getString("image_url"), variants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored variants are not JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
