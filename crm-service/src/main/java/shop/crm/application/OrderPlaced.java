package shop.crm.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;

/**
 * What the CRM reads from an OrderPlaced event: who, which order, when, and how many units when the event says
 * (1.1 added unitCount; a 1.0 event leaves it empty).
 */
public record OrderPlaced(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt, Optional<Integer> unitCount) {

    public OrderPlaced {
        requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(unitCount, "unitCount");
        if (unitCount.filter(units -> units < 1).isPresent()) {
            throw new IllegalArgumentException("an order has at least one unit");
        }
    }

    static void requireEventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event id is required");
        }
    }
}
