package shop.order.handler;

import shop.order.application.ParcelShipped;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * The edge where the package context's ParcelShipped becomes the order context's own command (tolerant reader):
 * orderId, carrier, tracking number and when it shipped; lines, customer and email are never read. A reason for
 * refusing an event names the field, never its value.
 */
final class PackageEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private PackageEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        OrderId orderId = data.valid("orderId", () -> new OrderId(data.text("orderId")));
        return new ParcelShipped(event.metadata().eventId(), orderId,
                new Order.Shipment(data.text("carrier"), data.text("trackingNumber"), data.instant("shippedAt")));
    }
}
