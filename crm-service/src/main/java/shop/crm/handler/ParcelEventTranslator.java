package shop.crm.handler;

import com.fasterxml.jackson.databind.JsonNode;
import shop.crm.application.ParcelShipped;
import shop.platform.events.IncomingEvent;

/**
 * Reads the package context's ParcelShipped into the CRM's own command (tolerant reader): order, customer and when
 * it shipped; lines, carrier and email are never read. A missing or invalid field names the field, never its value.
 */
final class ParcelEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private ParcelEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        JsonNode data = event.data();
        return OrderEventTranslator.build(PARCEL_SHIPPED, () -> new ParcelShipped(event.metadata().eventId(),
                OrderEventTranslator.orderId(data), OrderEventTranslator.customerId(data),
                OrderEventTranslator.instant(data, "shippedAt")));
    }
}
