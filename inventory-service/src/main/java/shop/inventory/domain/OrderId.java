package shop.inventory.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The inventory context's own id for an order: the order's id as the events carry it, checked once. */
public record OrderId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public OrderId {
        Objects.requireNonNull(value, "orderId");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("orderId is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
