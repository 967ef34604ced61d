package shop.packaging.application;

import java.util.Objects;
import shop.packaging.domain.OrderId;

/** The command CancelParcel takes: what the package context reads of an OrderCancelled. */
public record CancelledOrder(String eventId, OrderId orderId) {

    public CancelledOrder {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
