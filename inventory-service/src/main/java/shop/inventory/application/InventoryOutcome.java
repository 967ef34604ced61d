package shop.inventory.application;

import java.util.List;
import java.util.Objects;
import shop.inventory.domain.Sku;

/** What handling one order event did, for the consumer's log line and output; shortSkus only for a rejection. */
public record InventoryOutcome(Kind kind, List<Sku> shortSkus) {

    public enum Kind {
        RESERVED, REJECTED_SHORT, RELEASED, NOTHING_HELD, CANCELLED_BEFORE_PLACED, IGNORED_CANCELLED_ORDER, DUPLICATE,
        SHIPPED, SHIPPED_AFTER_RELEASE, KEPT_SHIPPED
    }

    public InventoryOutcome {
        Objects.requireNonNull(kind, "kind");
        shortSkus = List.copyOf(shortSkus);
    }

    public static InventoryOutcome of(Kind kind) {
        return new InventoryOutcome(kind, List.of());
    }
}
