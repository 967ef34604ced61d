package shop.packaging.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import shop.packaging.application.OrderCancelled;
import shop.packaging.application.OrderConfirmed;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.ShippingAddress;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.events.Subscription;

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
    /** A parcel only for a confirmed order; OrderPlaced (not yet reserved) and OrderRejected (never confirmed) are not read. */
    static final Subscription SUBSCRIPTION = Subscription.to(SOURCE, 1, ORDER_CONFIRMED, ORDER_CANCELLED);

    private OrderEventTranslator() {
    }

    static OrderConfirmed confirmed(IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode lines = data.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            throw new MalformedEventException("data.lines is missing or empty");
        }
        List<ParcelLine> parcelLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String where = "data.lines[" + i + "]";
            JsonNode quantity = line.path("quantity");
            if (!quantity.isIntegralNumber() || !quantity.canConvertToInt()) {
                throw new MalformedEventException(where + ".quantity is missing or not an integer");
            }
            parcelLines.add(valid(where, () -> new ParcelLine(text(line, "sku", where), quantity.intValue())));
        }
        Recipient recipient = valid("data", () -> new Recipient(text(data, "customerId", "data"), text(data, "contactEmail", "data")));
        return new OrderConfirmed(event.metadata().eventId(), orderId(data, "data"), parcelLines,
                address(data.path("shippingAddress")), recipient);
    }

    static OrderCancelled cancelled(IncomingEvent event) {
        return new OrderCancelled(event.metadata().eventId(), orderId(event.data(), "data"));
    }

    /** The {@code orderId} field of {@code node}; {@code where} names the node in a rejection reason. */
    static OrderId orderId(JsonNode node, String where) {
        return valid(where + ".orderId", () -> new OrderId(text(node, "orderId", where)));
    }

    private static ShippingAddress address(JsonNode address) {
        if (!address.isObject()) {
            throw new MalformedEventException("data.shippingAddress is missing or not an object");
        }
        String where = "data.shippingAddress";
        JsonNode line2 = address.path("line2");
        return valid(where, () -> new ShippingAddress(text(address, "name", where), text(address, "line1", where),
                line2.isTextual() && !line2.asText().isBlank() ? Optional.of(line2.asText()) : Optional.empty(),
                text(address, "city", where), text(address, "postalCode", where), text(address, "country", where)));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new MalformedEventException(where + "." + field + " is missing or not a string");
        }
        return value.asText();
    }

    /** Domain validation messages name fields and limits only, never values, so they are safe to log. */
    private static <T> T valid(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is invalid: " + e.getMessage());
        }
    }
}
