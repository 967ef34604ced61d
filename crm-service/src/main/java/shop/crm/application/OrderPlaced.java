package shop.crm.application;

import java.time.Instant;
import java.util.Objects;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;

/** What the CRM reads from an OrderPlaced event: who, which order, when. */
public record OrderPlaced(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt) {

    public OrderPlaced {
        requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    static void requireEventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event id is required");
        }
    }
}
