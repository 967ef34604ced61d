package shop.crm.domain;

import java.time.Instant;
import java.util.Objects;

/** What the CRM reads from an OrderPlaced event: who, which order, when. */
public record OrderPlaced(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt) {

    public OrderPlaced {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event id is required");
        }
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
