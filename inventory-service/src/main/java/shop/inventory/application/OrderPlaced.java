package shop.inventory.application;

import java.util.List;
import java.util.Objects;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.StockLine;

/**
 * The command ReserveStock takes: what the inventory reads of an OrderPlaced, and the correlation id its decision
 * carries on. Lines are merged per sku.
 */
public record OrderPlaced(String eventId, String correlationId, OrderId orderId, List<StockLine> lines) {

    public OrderPlaced {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(orderId, "orderId");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        lines = StockLine.mergeBySku(lines);
    }
}
