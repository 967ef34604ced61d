package shop.inventory.application;

import java.util.List;
import java.util.Objects;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.StockLine;

/** The command ReserveStock takes: what the inventory reads of an OrderPlaced. Lines are merged per sku. */
public record PlacedOrder(String eventId, OrderId orderId, List<StockLine> lines) {

    public PlacedOrder {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        lines = StockLine.mergeBySku(lines);
    }
}
