package shop.order.domain;

import java.util.Objects;

/** One line of an order, priced from the server's price list when the order was placed. */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 100;

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be " + MIN_QUANTITY + ".." + MAX_QUANTITY);
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
