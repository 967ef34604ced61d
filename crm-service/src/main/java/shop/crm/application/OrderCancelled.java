package shop.crm.application;

import java.time.Instant;
import java.util.Objects;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;

/**
 * What the CRM reads from an OrderCancelled event. It carries {@code placedAt} too, so a cancellation that
 * arrives before its OrderPlaced (or OrderConfirmed) already tells the whole story of the order.
 */
public record OrderCancelled(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt,
                             Instant cancelledAt, CancellationReason reason) {

    public OrderCancelled {
        OrderPlaced.requireEventId(eventId);
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
