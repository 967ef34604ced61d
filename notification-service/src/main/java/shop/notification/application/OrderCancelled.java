package shop.notification.application;

import java.time.Instant;
import java.util.Objects;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.OrderId;

/** What the notification context reads of an OrderCancelled. The reason is a code, e.g. CHANGED_MIND. */
public record OrderCancelled(String eventId, OrderId orderId, Instant placedAt, Instant cancelledAt, String reason,
                             EmailAddress recipient) {

    public OrderCancelled {
        Commands.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(recipient, "recipient");
        if (reason == null || !reason.matches("[A-Z][A-Z_]{0,63}")) {
            throw new IllegalArgumentException("a cancellation reason is a code such as CHANGED_MIND");
        }
    }
}
