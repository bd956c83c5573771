package dev.fashionshop.view.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An item of the public catalogue view, kept from the items topic. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem {

    @Id
    @Column(name = "item_id")
    public UUID itemId;
    public String name;
    public String description;
    public String category;
    public long price;
    public String currency;
    @Column(name = "image_url")
    public String imageUrl;
    /** The variants as JSON, [{sku, size, colour, stock}]. */
    public String variants;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
