package shop.notification.domain;

import java.util.Objects;

/** A sku of an order and how many were ordered: what a rejection email lists as not reserved. */
public record OrderedItem(String sku, int quantity) {

    public OrderedItem {
        Objects.requireNonNull(sku, "sku");
        if (!sku.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a sku is 1 to 40 capital letters, digits or dashes");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("an ordered quantity is at least 1");
        }
    }
}
