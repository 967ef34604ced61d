package shop.notification.handler;

import com.fasterxml.jackson.databind.JsonNode;
import shop.notification.application.ParcelShipped;
import shop.platform.events.IncomingEvent;

/**
 * Reads the package context's ParcelShipped into this context's own command (tolerant reader): order, carrier,
 * tracking number, when, how many items, and the recipient. A missing or invalid field names the field, never its value.
 */
final class ParcelEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private ParcelEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        JsonNode data = event.data();
        int items = OrderEventTranslator.quantities(data.path("lines")).values().stream().mapToInt(Integer::intValue).sum();
        return OrderEventTranslator.build(PARCEL_SHIPPED, () -> new ParcelShipped(event.metadata().eventId(),
                OrderEventTranslator.orderId(data), OrderEventTranslator.instant(data, "shippedAt"),
                OrderEventTranslator.text(data, "carrier"), OrderEventTranslator.text(data, "trackingNumber"), items,
                OrderEventTranslator.recipient(data)));
    }
}
