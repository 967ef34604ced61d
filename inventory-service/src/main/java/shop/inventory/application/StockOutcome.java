package shop.inventory.application;

import java.util.List;
import java.util.Objects;
import shop.inventory.domain.Sku;

/** What handling one order event did, for the caller's log line and output; shortSkus only for a rejection. */
public record StockOutcome(Kind kind, List<Sku> shortSkus) {

    public enum Kind {
        RESERVED, REJECTED_SHORT, RELEASED, NOTHING_HELD, CANCELLED_BEFORE_PLACED, IGNORED_CANCELLED_ORDER, DUPLICATE
    }

    public StockOutcome {
        Objects.requireNonNull(kind, "kind");
        shortSkus = List.copyOf(shortSkus);
    }

    public static StockOutcome of(Kind kind) {
        return new StockOutcome(kind, List.of());
    }
}
