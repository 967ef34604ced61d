package shop.crm.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the CRM reads from an OrderCancelled event. It carries {@code placedAt} too, so a cancellation that
 * arrives before its OrderPlaced already tells the whole story of the order.
 */
public record OrderCancelled(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt,
                             Instant cancelledAt, CancellationReason reason) {

    public OrderCancelled {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event id is required");
        }
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(reason, "reason");
        if (cancelledAt.isBefore(placedAt)) {
            throw new IllegalArgumentException("an order is cancelled after it was placed");
        }
    }
}
