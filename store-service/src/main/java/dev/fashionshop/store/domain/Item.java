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

    public ItemEvent.ItemRegistered registered() {
        return new ItemEvent.ItemRegistered(ItemEvent.ItemSnapshot.of(this));
    }

    public ItemEvent.ItemUpdated updated() {
        return new ItemEvent.ItemUpdated(ItemEvent.ItemSnapshot.of(this));
    }

    /**
     * What the owner says of the item: its details, and the variants named (added, or changed; the
     * others stay as they are). Answers the stock ledger's lines for it.
     */
    public List<StockMovement> describe(NewItem request) {
        List<StockMovement> movements = new ArrayList<>();
        name = request.name();
        description = request.description();
        category = request.category();
        price = request.price();
        currency = request.currency();
        imageUrl = request.imageUrl();
        updatedAt = Instant.now();
        for (NewItem.NewVariant v : request.variants()) {
            variant(v.sku()).ifPresentOrElse(existing -> {
                existing.size = v.size();
                existing.colour = v.colour();
                if (existing.stock != v.stock()) {
                    movements.add(existing.setByOwner(v.stock()));
                }
            }, () -> {
                addVariant(v.sku(), v.size(), v.colour(), v.stock());
                movements.add(StockMovement.of(v.sku(), v.stock(), StockMovement.Reason.REGISTERED, null));
            });
        }
        return movements;
    }

    private Variant addVariant(String sku, String size, String colour, int stock) {
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
