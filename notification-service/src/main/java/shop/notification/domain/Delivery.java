package shop.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one message: which event asked for it, where it stands, and SES's message id once sent.
 * The recipient's address is deliberately not kept: SES holds it under that message id.
 */
public record Delivery(OrderId orderId, MessageKind kind, String eventId, DeliveryStatus status, int attempts,
                       Optional<String> providerMessageId, Optional<Instant> sentAt, Optional<String> subject,
                       Optional<String> skippedBecause) {

    public Delivery {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(skippedBecause, "skippedBecause");
        if (status == DeliveryStatus.SENT && providerMessageId.isEmpty()) {
            throw new IllegalArgumentException("a sent message has the provider's message id");
        }
    }
}
