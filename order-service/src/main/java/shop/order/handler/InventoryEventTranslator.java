package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import shop.order.application.StockReserved;
import shop.order.application.StockShortage;
import shop.order.domain.OrderId;
import shop.order.domain.Sku;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.events.Subscription;

/**
 * The edge where inventory's decisions become the order context's own commands (tolerant reader): only orderId and,
 * for a shortage, the short skus are read. A reason for refusing an event names the field, never its value.
 */
final class InventoryEventTranslator {

    static final String SOURCE = "shop.inventory";
    static final String STOCK_RESERVED = "StockReserved";
    static final String STOCK_SHORTAGE = "StockShortage";
    static final Subscription SUBSCRIPTION = Subscription.to(SOURCE, 1, STOCK_RESERVED, STOCK_SHORTAGE);

    private InventoryEventTranslator() {
    }

    static StockReserved stockReserved(IncomingEvent event) {
        return new StockReserved(event.metadata().eventId(), orderId(event.data()), event.metadata().correlationId());
    }

    static StockShortage stockShortage(IncomingEvent event) {
        JsonNode skus = event.data().path("shortSkus");
        if (!skus.isArray() || skus.isEmpty()) {
            throw new MalformedEventException("data.shortSkus is missing or empty");
        }
        List<Sku> shortSkus = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String where = "data.shortSkus[" + i + "]";
            JsonNode sku = skus.get(i);
            if (!sku.isTextual()) {
                throw new MalformedEventException(where + " is not a string");
            }
            shortSkus.add(valid(where, () -> new Sku(sku.asText())));
        }
        return new StockShortage(event.metadata().eventId(), orderId(event.data()), shortSkus, event.metadata().correlationId());
    }

    private static OrderId orderId(JsonNode data) {
        JsonNode value = data.path("orderId");
        if (!value.isTextual()) {
            throw new MalformedEventException("data.orderId is missing or not a string");
        }
        return valid("data.orderId", () -> new OrderId(value.asText()));
    }

    private static <T> T valid(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is invalid: " + e.getMessage());
        }
    }
}
