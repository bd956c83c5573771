package dev.fashionshop.store.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/** An article of clothing the owner sells, with its variants (one per size and colour). */
@Entity
public class Item {

    @Id
    public UUID id;
    public String name;
    public String description;
    public String category;
    /** In the smallest unit of the currency. */
    public long price;
    public String currency;
    @Column(name = "image_url")
    public String imageUrl;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("sku")
    public List<Variant> variants = new ArrayList<>();

    public Optional<Variant> variant(String sku) {
        return variants.stream().filter(v -> v.sku.equals(sku)).findFirst();
    }

    public Variant addVariant(String sku, String size, String colour, int stock) {
        Variant variant = new Variant();
        variant.item = this;
        variant.itemId = id;
        variant.sku = sku;
        variant.size = size;
        variant.colour = colour;
        variant.stock = stock;
        variants.add(variant);
        return variant;
    }
}
