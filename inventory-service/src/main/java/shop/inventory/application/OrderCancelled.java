package shop.inventory.application;

import java.util.Objects;
import shop.inventory.domain.OrderId;

/** The command ReleaseStock takes: what the inventory reads of an OrderCancelled. */
public record OrderCancelled(String eventId, OrderId orderId) {

    public OrderCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
