package shop.inventory.handler;

import java.util.ArrayList;
import java.util.List;
import shop.inventory.application.OrderCancelled;
import shop.inventory.application.OrderPlaced;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * The edge where order events become the inventory's own commands (tolerant reader): only orderId and each
 * line's sku and quantity are read; prices, address and email are never touched. A reason for rejecting an
 * event names the field, never its value. OrderPlaced is read in both majors: 2.x ({@code items}) is what the rule
 * delivers; 1.x ({@code lines}) stays readable while the archive holds 1.x events an operator may replay to it.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEventTranslator() {
    }

    static OrderPlaced orderPlaced(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        List<StockLine> stockLines = new ArrayList<>();
        for (EventFields line : data.objects(event.schemaMajorVersion() == 1 ? "lines" : "items")) {
            int quantity = line.integer("quantity");
            Sku sku = line.valid("sku", () -> new Sku(line.text("sku")));
            stockLines.add(line.valid("quantity", () -> new StockLine(sku, quantity)));
        }
        return new OrderPlaced(event.metadata().eventId(), event.metadata().correlationId(), orderId(data), stockLines);
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        return new OrderCancelled(event.metadata().eventId(), orderId(EventFields.data(event)));
    }

    private static OrderId orderId(EventFields data) {
        return data.valid("orderId", () -> new OrderId(data.text("orderId")));
    }
}
