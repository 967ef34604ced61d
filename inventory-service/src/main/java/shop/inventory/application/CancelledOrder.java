package shop.inventory.application;

import java.util.Objects;
import shop.inventory.domain.OrderId;

/** The command ReleaseStock takes: what the inventory reads of an OrderCancelled. */
public record CancelledOrder(String eventId, OrderId orderId) {

    public CancelledOrder {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
