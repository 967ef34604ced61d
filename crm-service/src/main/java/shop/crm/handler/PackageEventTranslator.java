package shop.crm.handler;

import shop.crm.application.ParcelShipped;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * Reads the package context's ParcelShipped into the CRM's own command (tolerant reader): order, customer and when
 * it shipped; lines, carrier and email are never read. A missing or invalid field names the field, never its value.
 */
final class PackageEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private PackageEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return EventFields.validated(PARCEL_SHIPPED + " data", () -> new ParcelShipped(event.metadata().eventId(),
                new OrderId(data.text("orderId")), new CustomerId(data.text("customerId")), data.instant("shippedAt")));
    }
}
