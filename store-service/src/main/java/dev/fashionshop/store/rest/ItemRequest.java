package dev.fashionshop.store.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.fashionshop.store.domain.NewItem;

/** The body of POST /api/items and PUT /api/items/{id}. */
public record ItemRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 100) String category,
        @NotNull @PositiveOrZero Long price,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 1000) String imageUrl,
        @NotEmpty @Valid List<@NotNull VariantRequest> variants) {

    public record VariantRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only") String sku,
            @NotBlank @Size(max = 20) String size,
            @NotBlank @Size(max = 40) String colour,
            @NotNull @PositiveOrZero Integer stock) {
    }

    NewItem toNewItem() {
        return new NewItem(name, description, category, price, currency, imageUrl,
                variants.stream().map(v -> new NewItem.NewVariant(v.sku(), v.size(), v.colour(), v.stock())).toList());
    }
}
