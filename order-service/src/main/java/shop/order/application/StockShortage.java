package shop.order.application;

import java.util.List;
import java.util.Objects;
import shop.order.domain.OrderId;
import shop.order.domain.Sku;

/** Inventory could not hold every line of an order, so it holds none: what the order context reads of a StockShortage. */
public record StockShortage(String eventId, OrderId orderId, List<Sku> shortSkus, String correlationId) {

    public StockShortage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(correlationId, "correlationId");
        shortSkus = List.copyOf(shortSkus);
        if (shortSkus.isEmpty()) {
            throw new IllegalArgumentException("a shortage names at least one sku");
        }
    }
}
