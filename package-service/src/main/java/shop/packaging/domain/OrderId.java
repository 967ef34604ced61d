package shop.packaging.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The package context's own id for an order (a parcel is shipped per order): the order's id as events carry it. */
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
