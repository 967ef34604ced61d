package shop.notification.application;

import java.time.Instant;
import java.util.Objects;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.Money;
import shop.notification.domain.OrderId;

/** What the notification context reads of an OrderConfirmed: enough for a short confirmation, nothing more. */
public record OrderConfirmed(String eventId, OrderId orderId, Instant placedAt, Money total, int itemCount,
                             EmailAddress recipient) {

    public OrderConfirmed {
        Commands.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(recipient, "recipient");
        if (itemCount < 1) {
            throw new IllegalArgumentException("an order has at least one item");
        }
    }
}
