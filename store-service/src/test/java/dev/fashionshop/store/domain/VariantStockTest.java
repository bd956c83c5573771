package dev.fashionshop.store.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class VariantStockTest {

    private final UUID orderId = UUID.randomUUID();

    @Test
    void eachChangeOfStockAnswersItsLedgerLine() {
        Variant variant = variant(5);

        StockMovement reserved = variant.reserve(3, orderId);
        assertThat(variant.stock).isEqualTo(2);
        assertThat(reserved.quantity).isEqualTo(-3);
        assertThat(reserved.reason).isEqualTo(StockMovement.Reason.RESERVED);
        assertThat(reserved.orderId).isEqualTo(orderId);

        StockMovement released = variant.release(3, orderId);
        assertThat(variant.stock).isEqualTo(5);
        assertThat(released.quantity).isEqualTo(3);
        assertThat(released.reason).isEqualTo(StockMovement.Reason.RELEASED);

        StockMovement counted = variant.setByOwner(1);
        assertThat(variant.stock).isEqualTo(1);
        assertThat(counted.quantity).isEqualTo(-4);
        assertThat(counted.reason).isEqualTo(StockMovement.Reason.SET_BY_OWNER);
        assertThat(counted.orderId).isNull();
    }

    @Test
    void stockNeverGoesBelowZeroNorMovesByNothing() {
        Variant variant = variant(2);

        assertThatThrownBy(() -> variant.reserve(3, orderId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> variant.reserve(0, orderId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> variant.release(-1, orderId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> variant.setByOwner(-1)).isInstanceOf(IllegalStateException.class);
        assertThat(variant.stock).isEqualTo(2);
    }

    @Test
    void itsStockChangedEventNamesTheItemAndTheOrder() {
        Variant variant = variant(4);
        variant.reserve(1, orderId);

        ItemEvent.StockChanged changed = variant.stockChanged(orderId);
        assertThat(changed.key()).isEqualTo(variant.itemId.toString());
        assertThat(changed.stock()).isEqualTo(3);
        assertThat(changed.orderId()).isEqualTo(orderId);
        assertThat(changed.type()).isEqualTo("StockChanged");
    }

    private static Variant variant(int stock) {
        Variant variant = new Variant();
        variant.sku = "TEE-M-RED";
        variant.itemId = UUID.randomUUID();
        variant.stock = stock;
        return variant;
    }
}
