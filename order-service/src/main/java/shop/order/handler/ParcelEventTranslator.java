package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import shop.order.application.ParcelShipped;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * The edge where the package context's ParcelShipped becomes the order context's own command (tolerant reader):
 * orderId, carrier, tracking number and when it shipped; lines, customer and email are never read. A reason for
 * refusing an event names the field, never its value.
 */
final class ParcelEventTranslator {

    static final String SOURCE = "shop.packaging";
    static final String PARCEL_SHIPPED = "ParcelShipped";

    private ParcelEventTranslator() {
    }

    static ParcelShipped parcelShipped(IncomingEvent event) {
        JsonNode data = event.data();
        String orderId = text(data, "orderId");
        OrderId id;
        try {
            id = new OrderId(orderId);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data.orderId is invalid: " + e.getMessage());
        }
        Instant shippedAt;
        try {
            shippedAt = Instant.parse(text(data, "shippedAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("data.shippedAt is not an ISO-8601 instant");
        }
        return new ParcelShipped(event.metadata().eventId(), id,
                new Order.Shipment(text(data, "carrier"), text(data, "trackingNumber"), shippedAt));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("data." + field + " is missing or not a string");
        }
        return value.asText();
    }
}
