package shop.notification.domain;

import java.time.Instant;
import java.util.Objects;

/** What the notification context needs from an OrderPlaced event: enough for a short confirmation, nothing more. */
public record OrderPlaced(String eventId, OrderId orderId, Instant placedAt, Money total, int itemCount,
                          EmailAddress recipient) {

    public OrderPlaced {
        requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(recipient, "recipient");
        if (itemCount < 1) {
            throw new IllegalArgumentException("an order has at least one item");
        }
    }

    static void requireEventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event id is required");
        }
    }
}
