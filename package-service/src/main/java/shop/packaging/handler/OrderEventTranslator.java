package shop.packaging.handler;

import java.util.ArrayList;
import java.util.List;
import shop.packaging.application.OrderCancelled;
import shop.packaging.application.OrderConfirmed;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.ShippingAddress;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;

/**
 * The edge where order events become the package context's own commands (tolerant reader): orderId, each
 * line's sku and quantity, the shipping address, and the customer and contact email (kept for ParcelShipped);
 * prices are never read. A reason for rejecting an event names the field, never its value (address and email
 * are personal data).
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_CONFIRMED = "OrderConfirmed";
    static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEventTranslator() {
    }

    static OrderConfirmed orderConfirmed(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        List<ParcelLine> parcelLines = new ArrayList<>();
        for (EventFields line : data.objects("lines")) {
            int quantity = line.integer("quantity");
            parcelLines.add(EventFields.validated(line.path(), () -> new ParcelLine(line.text("sku"), quantity)));
        }
        Recipient recipient = EventFields.validated("data", () -> new Recipient(data.text("customerId"), data.text("contactEmail")));
        return new OrderConfirmed(event.metadata().eventId(), orderId(data), parcelLines,
                address(data.object("shippingAddress")), recipient);
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        return new OrderCancelled(event.metadata().eventId(), orderId(EventFields.data(event)));
    }

    /** The {@code orderId} of an event's data or of a ship request. */
    static OrderId orderId(EventFields fields) {
        return fields.valid("orderId", () -> new OrderId(fields.text("orderId")));
    }

    private static ShippingAddress address(EventFields address) {
        return EventFields.validated(address.path(), () -> new ShippingAddress(address.text("name"), address.text("line1"),
                address.optionalText("line2"), address.text("city"), address.text("postalCode"), address.text("country")));
    }
}
