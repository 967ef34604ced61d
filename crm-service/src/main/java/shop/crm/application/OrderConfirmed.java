package shop.crm.application;

import java.time.Instant;
import java.util.Objects;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;

/**
 * What the CRM reads from an OrderConfirmed event: the order converted (stock is held for every line). It carries
 * {@code placedAt} too, so a confirmation that arrives before its OrderPlaced already dates the order.
 */
public record OrderConfirmed(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt, Instant confirmedAt) {

    public OrderConfirmed {
        OrderPlaced.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (confirmedAt.isBefore(placedAt)) {
            throw new IllegalArgumentException("an order is confirmed after it was placed");
        }
    }
}
