package shop.inventory.handler;

import com.fasterxml.jackson.databind.JsonNode;
import shop.inventory.application.ParcelShipped;
import shop.inventory.domain.OrderId;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

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

    static ParcelShipped shipped(IncomingEvent event) {
        JsonNode orderId = event.data().path("orderId");
        if (!orderId.isTextual()) {
            throw new MalformedEventException("data.orderId is missing or not a string");
        }
        try {
            return new ParcelShipped(event.metadata().eventId(), new OrderId(orderId.asText()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data.orderId is invalid: " + e.getMessage());
        }
    }
}
