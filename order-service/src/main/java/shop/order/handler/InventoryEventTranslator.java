package shop.order.handler;

import java.util.ArrayList;
import java.util.List;
import shop.order.application.StockReserved;
import shop.order.application.StockShortage;
import shop.order.domain.OrderId;
import shop.order.domain.Sku;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * The edge where inventory's decisions become the order context's own commands (tolerant reader): only orderId and,
 * for a shortage, the short skus are read. A reason for refusing an event names the field, never its value.
 */
final class InventoryEventTranslator {

    static final String SOURCE = "shop.inventory";
    static final String STOCK_RESERVED = "StockReserved";
    static final String STOCK_SHORTAGE = "StockShortage";

    private InventoryEventTranslator() {
    }

    static StockReserved stockReserved(IncomingEvent event) {
        return new StockReserved(event.metadata().eventId(), orderId(EventFields.data(event)), event.metadata().correlationId());
    }

    static StockShortage stockShortage(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        List<String> skus = data.texts("shortSkus");
        List<Sku> shortSkus = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            shortSkus.add(data.valid("shortSkus[" + i + "]", () -> new Sku(sku)));
        }
        return new StockShortage(event.metadata().eventId(), orderId(data), shortSkus, event.metadata().correlationId());
    }

    private static OrderId orderId(EventFields data) {
        return data.valid("orderId", () -> new OrderId(data.text("orderId")));
    }
}
