package shop.order.domain;

import java.util.UUID;

/** The identity of an order: a UUID the order context assigns, never chosen by the client. */
public record OrderId(String value) {

    public OrderId {
        try {
            value = UUID.fromString(value).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("order id must be a UUID");
        }
    }

    public static OrderId generate() {
        return new OrderId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
