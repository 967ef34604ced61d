package shop.notification.handler;

import shop.notification.application.ParcelShipped;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * Reads the package context's ParcelShipped into this context's own command (tolerant reader): order, carrier,
 * tracking number, when, how many items, and the recipient. A missing or invalid field names the field, never its value.
 */
final class PackageEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private PackageEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        int items = OrderEventTranslator.itemCount(data);
        return EventFields.validated(PARCEL_SHIPPED + " data", () -> new ParcelShipped(event.metadata().eventId(),
                OrderEventTranslator.orderId(data), data.instant("shippedAt"), data.text("carrier"),
                data.text("trackingNumber"), items, OrderEventTranslator.recipient(data)));
    }
}
