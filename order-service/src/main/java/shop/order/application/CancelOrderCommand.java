package shop.order.application;

import java.util.Objects;
import shop.order.domain.CancellationReason;
import shop.order.domain.CustomerId;
import shop.order.domain.OrderId;

/** A customer's request to cancel one of their orders, with the reason. */
public record CancelOrderCommand(CustomerId customer, OrderId orderId, CancellationReason reason, String correlationId) {

    public CancelOrderCommand {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
