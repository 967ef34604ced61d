package shop.inventory.handler;

import shop.inventory.application.ParcelShipped;
import shop.inventory.domain.OrderId;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * The edge where package events become the inventory's own commands (tolerant reader): of a ParcelShipped only the
 * orderId is read, since the lines it settles are the ones inventory itself held; carrier, customer and email are
 * never touched.
 */
final class PackageEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private PackageEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return new ParcelShipped(event.metadata().eventId(), data.valid("orderId", () -> new OrderId(data.text("orderId"))));
    }
}
