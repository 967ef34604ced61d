package shop.inventory.adapter.eventbridge;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.inventory.application.OwedEvent;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.Sku;
import shop.platform.events.Envelopes;
import shop.platform.events.EventMetadata;
import shop.platform.events.PendingEvent;

/**
 * The inventory's published language: StockReserved and StockShortage as events/schemas/*.v1.schema.json define
 * them, on source {@code shop.inventory}. The same decision always yields the same bytes (its eventId and time come
 * from it), so the stored and the sent copy are one event.
 */
public final class InventoryMessages {

    public static final String SOURCE = "shop.inventory";
    static final String SCHEMA_VERSION = "1.0";
    static final String PRODUCER = "inventory-service";

    private InventoryMessages() {
    }

    public static PendingEvent of(OwedEvent decision) {
        Reservation reservation = decision.reservation();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", reservation.orderId().value());
        String type;
        if (decision.kind() == OwedEvent.Kind.RESERVED) {
            type = "StockReserved";
            data.put("reservedAt", decision.decidedAt().toString());
        } else {
            type = "StockShortage";
            data.put("decidedAt", decision.decidedAt().toString());
        }
        data.put("lines", reservation.lines().stream()
                .map(line -> Map.<String, Object>of("sku", line.sku().value(), "quantity", line.quantity())).toList());
        if (decision.kind() == OwedEvent.Kind.SHORTAGE) {
            data.put("shortSkus", reservation.shortSkus().stream().map(Sku::value).toList());
        }
        return Envelopes.pending(SOURCE, new EventMetadata(decision.eventId(), type, SCHEMA_VERSION,
                decision.decidedAt().toString(), decision.correlationId(), PRODUCER), data);
    }
}
