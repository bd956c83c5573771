package dev.fashionshop.store.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.store.domain.Item;
import dev.fashionshop.store.domain.NewItem;
import dev.fashionshop.store.domain.SkuTakenException;
import dev.fashionshop.store.domain.StockMovement;
import dev.fashionshop.store.domain.Variant;
import dev.fashionshop.store.persistence.ItemRepository;
import dev.fashionshop.store.persistence.StockLedger;
import dev.fashionshop.store.persistence.VariantRepository;
import dev.fashionshop.support.messaging.Outbox;
import dev.fashionshop.support.idempotency.IdempotencyKey;
import dev.fashionshop.support.idempotency.IdempotencyKeys;
import dev.fashionshop.support.idempotency.Once;
import dev.fashionshop.support.idempotency.RecordedAnswer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The owner's catalogue: items, their variants and stock. Every change is announced on the items topic. */
@ApplicationScoped
public class CatalogueService {

    private final ItemRepository items;
    private final VariantRepository variants;
    private final StockLedger ledger;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;

    CatalogueService(ItemRepository items, VariantRepository variants, StockLedger ledger, Outbox outbox,
            IdempotencyKeys idempotencyKeys) {
        this.items = items;
        this.variants = variants;
        this.ledger = ledger;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * Registers a new item, once per Idempotency-Key (null: no key): a repeat of the request gets the
     * first answer ({@code answerOf} the item) and registers nothing.
     */
    @WithTransaction
    public Uni<Once<Item>> register(NewItem request, IdempotencyKey key, Function<Item, RecordedAnswer> answerOf) {
        UUID id = UUID.randomUUID();
        return idempotencyKeys.once(key, id.toString(), () -> register(id, request), answerOf);
    }

    private Uni<Item> register(UUID id, NewItem request) {
        List<String> skus = request.variants().stream().map(NewItem.NewVariant::sku).toList();
        return variants.findBySkus(skus).chain(taken -> {
            if (!taken.isEmpty()) {
                throw new SkuTakenException(taken.stream().map(v -> v.sku).toList());
            }
            Item item = new Item();
            item.id = id;
            item.createdAt = Instant.now();
            List<StockMovement> movements = item.describe(request);
            return items.persist(item).call(() -> ledger.record(movements))
                    .call(() -> outbox.add(item.registered()));
        });
    }

    /** Replaces the item's details and adds or changes the variants named; variants not named stay as they are. */
    @WithTransaction
    public Uni<Optional<Item>> update(UUID id, NewItem request) {
        return items.findById(id).chain(item -> {
            if (item == null) {
                return Uni.createFrom().item(Optional.<Item> empty());
            }
            List<String> newSkus = request.variants().stream().map(NewItem.NewVariant::sku)
                    .filter(sku -> item.variant(sku).isEmpty()).toList();
            return variants.findBySkus(newSkus).chain(taken -> {
                if (!taken.isEmpty()) {
                    throw new SkuTakenException(taken.stream().map(v -> v.sku).toList());
                }
                List<StockMovement> movements = item.describe(request);
                return items.flush().call(() -> ledger.record(movements)).replaceWith(item)
                        .call(() -> outbox.add(item.updated())).map(Optional::of);
            });
        });
    }

    @WithTransaction
    public Uni<Optional<Variant>> setStock(UUID itemId, String sku, int stock) {
        return variants.findById(sku).chain(variant -> {
            if (variant == null || !variant.itemId.equals(itemId)) {
                return Uni.createFrom().item(Optional.<Variant> empty());
            }
            StockMovement movement = variant.setByOwner(stock);
            return variants.flush().call(() -> ledger.record(List.of(movement))).replaceWith(variant)
                    .call(() -> outbox.add(variant.stockChanged(null))).map(Optional::of);
        });
    }

    @WithSession
    public Uni<Item> find(UUID id) {
        return items.findById(id);
    }

    @WithSession
    public Uni<List<Item>> list(int page, int size) {
        return items.findAll(Sort.by("createdAt")).page(Page.of(page, size)).list();
    }
}
