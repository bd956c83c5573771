package dev.fashionshop.order.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A variant in the replica, with the stock last announced (the store has the final word). */
@Entity
@Table(name = "catalogue_variant")
public class CatalogueVariant {

    @Id
    public String sku;
    @Column(name = "item_id")
    public UUID itemId;
    public int stock;
}
