package dev.fashionshop.order.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item as order-service knows it from the items topic: enough to validate and price an order. */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {

    @Id
    @Column(name = "item_id")
    public UUID itemId;
    public String name;
    public long price;
    public String currency;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
