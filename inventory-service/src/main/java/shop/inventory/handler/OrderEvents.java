package shop.inventory.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import shop.inventory.application.CancelledOrder;
import shop.inventory.application.PlacedOrder;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * The edge where order events become the inventory's own commands (tolerant reader): only orderId and each
 * line's sku and quantity are read; prices, address and email are never touched. A reason for rejecting an
 * event names the field, never its value.
 */
final class OrderEvents {

    static final String SOURCE = "shop.orders";
    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_CANCELLED = "OrderCancelled";
    private static final int SCHEMA_MAJOR = 1;

    private OrderEvents() {
    }

    /** Rejects what this consumer was not written for: another source, another detail-type, another major version. */
    static void checkSubscribed(IncomingEvent event) {
        if (!SOURCE.equals(event.source())) {
            throw new MalformedEventException("source " + event.source() + " is not " + SOURCE);
        }
        if (!ORDER_PLACED.equals(event.detailType()) && !ORDER_CANCELLED.equals(event.detailType())) {
            throw new MalformedEventException("detail-type " + event.detailType() + " is not one inventory subscribes to");
        }
        if (event.schemaMajorVersion() != SCHEMA_MAJOR) {
            throw new MalformedEventException("schemaVersion " + event.metadata().schemaVersion() + " is not 1.x");
        }
    }

    static PlacedOrder placed(IncomingEvent event) {
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
        return new PlacedOrder(event.metadata().eventId(), orderId(data), stockLines);
    }

    static CancelledOrder cancelled(IncomingEvent event) {
        return new CancelledOrder(event.metadata().eventId(), orderId(event.data()));
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
