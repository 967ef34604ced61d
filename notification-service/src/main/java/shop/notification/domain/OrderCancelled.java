package shop.notification.domain;

import java.time.Instant;
import java.util.Objects;

/** What the notification context needs from an OrderCancelled event. The reason is a code, e.g. CHANGED_MIND. */
public record OrderCancelled(String eventId, OrderId orderId, Instant placedAt, Instant cancelledAt, String reason,
                             EmailAddress recipient) {

    public OrderCancelled {
        OrderPlaced.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(recipient, "recipient");
        if (reason == null || !reason.matches("[A-Z][A-Z_]{0,63}")) {
            throw new IllegalArgumentException("a cancellation reason is a code such as CHANGED_MIND");
        }
    }
}
