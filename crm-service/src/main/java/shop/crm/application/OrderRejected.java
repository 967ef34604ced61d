package shop.crm.application;

import java.time.Instant;
import java.util.Objects;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;
import shop.crm.domain.RejectionReason;

/** What the CRM reads from an OrderRejected event: which order, when, and why (OUT_OF_STOCK in 1.0). */
public record OrderRejected(String eventId, OrderId orderId, CustomerId customerId, Instant placedAt, Instant rejectedAt,
                            RejectionReason reason) {

    public OrderRejected {
        OrderPlaced.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        Objects.requireNonNull(reason, "reason");
        if (rejectedAt.isBefore(placedAt)) {
            throw new IllegalArgumentException("an order is rejected after it was placed");
        }
    }
}
