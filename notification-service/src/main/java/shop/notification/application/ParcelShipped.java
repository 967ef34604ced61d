package shop.notification.application;

import java.time.Instant;
import java.util.Objects;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.OrderId;

/** What the notification context reads of a ParcelShipped: enough for the "on its way" email. */
public record ParcelShipped(String eventId, OrderId orderId, Instant shippedAt, String carrier, String trackingNumber,
                            int itemCount, EmailAddress recipient) {

    public ParcelShipped {
        Commands.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shippedAt, "shippedAt");
        Objects.requireNonNull(recipient, "recipient");
        if (carrier == null || carrier.isBlank() || carrier.length() > 40) {
            throw new IllegalArgumentException("carrier is missing or longer than 40");
        }
        if (trackingNumber == null || trackingNumber.isBlank() || trackingNumber.length() > 64) {
            throw new IllegalArgumentException("trackingNumber is missing or longer than 64");
        }
        if (itemCount < 1) {
            throw new IllegalArgumentException("a parcel holds at least one item");
        }
    }
}
