package shop.order.application;

import java.util.Objects;
import shop.order.domain.OrderId;

/** Inventory holds every line of an order: what the order context reads of a StockReserved. */
public record StockReserved(String eventId, OrderId orderId, String correlationId) {

    public StockReserved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
