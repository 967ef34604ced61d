package shop.crm.application;

import java.time.Instant;
import java.util.Objects;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;

/** What the CRM reads from the package context's ParcelShipped: whose order left the warehouse, and when. */
public record ParcelShipped(String eventId, OrderId orderId, CustomerId customerId, Instant shippedAt) {

    public ParcelShipped {
        OrderPlaced.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(shippedAt, "shippedAt");
    }
}
