package shop.inventory.domain;

import java.util.Objects;

/** How many units of a sku are available to reserve: what the seed writes and what a reservation takes from. */
public record StockLevel(Sku sku, int available) {

    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative");
        }
    }
}
