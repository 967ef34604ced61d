package shop.packaging.application;

import java.util.Objects;
import shop.packaging.domain.OrderId;

/** The command CancelParcel takes: what the package context reads of an OrderCancelled. */
public record OrderCancelled(String eventId, OrderId orderId) {

    public OrderCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
