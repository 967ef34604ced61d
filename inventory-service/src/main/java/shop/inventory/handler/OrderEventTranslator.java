package shop.inventory.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import shop.inventory.application.OrderCancelled;
import shop.inventory.application.OrderPlaced;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.events.Subscription;

/**
 * The edge where order events become the inventory's own commands (tolerant reader): only orderId and each
 * line's sku and quantity are read; prices, address and email are never touched. A reason for rejecting an
 * event names the field, never its value.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_CANCELLED = "OrderCancelled";
    /** Everything the inventory function reads: order events, and the package context's ParcelShipped. */
    static final Subscription SUBSCRIPTION = Subscription.to(SOURCE, 1, ORDER_PLACED, ORDER_CANCELLED)
            .and(PackageEventTranslator.SOURCE, 1, PackageEventTranslator.PARCEL_SHIPPED);

    private OrderEventTranslator() {
    }

    static OrderPlaced placed(IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode lines = data.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            throw new MalformedEventException("data.lines is missing or empty");
        }
        List<StockLine> stockLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String where = "data.lines[" + i + "]";
            JsonNode quantity = line.path("quantity");
            if (!quantity.canConvertToInt() || !quantity.isIntegralNumber()) {
                throw new MalformedEventException(where + ".quantity is missing or not an integer");
            }
            Sku sku = valid(where + ".sku", () -> new Sku(text(line, "sku", where)));
            stockLines.add(valid(where + ".quantity", () -> new StockLine(sku, quantity.intValue())));
        }
        return new OrderPlaced(event.metadata().eventId(), event.metadata().correlationId(), orderId(data), stockLines);
    }

    static OrderCancelled cancelled(IncomingEvent event) {
        return new OrderCancelled(event.metadata().eventId(), orderId(event.data()));
    }

    private static OrderId orderId(JsonNode data) {
        return valid("data.orderId", () -> new OrderId(text(data, "orderId", "data")));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new MalformedEventException(where + "." + field + " is missing or not a string");
        }
        return value.asText();
    }

    private static <T> T valid(String field, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is invalid: " + e.getMessage());
        }
    }
}
