package shop.crm.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import shop.crm.application.OrderCancelled;
import shop.crm.application.OrderConfirmed;
import shop.crm.application.OrderPlaced;
import shop.crm.application.OrderRejected;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;
import shop.crm.domain.RejectionReason;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.events.Subscription;

/**
 * Reads the published order events into the CRM's own commands, only the fields it needs (tolerant reader: no
 * lines, address or email). A missing or invalid field is a {@link MalformedEventException} naming the field.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_CONFIRMED = "OrderConfirmed";
    static final String ORDER_REJECTED = "OrderRejected";
    static final String ORDER_CANCELLED = "OrderCancelled";
    /** Every step of an order's life goes on the customer's timeline. */
    static final Subscription SUBSCRIPTION = Subscription.to(SOURCE, 1, ORDER_PLACED, ORDER_CONFIRMED, ORDER_REJECTED,
            ORDER_CANCELLED);

    private OrderEventTranslator() {
    }

    static OrderPlaced orderPlaced(IncomingEvent event) {
        JsonNode data = event.data();
        return build(ORDER_PLACED, () -> new OrderPlaced(event.metadata().eventId(), orderId(data), customerId(data),
                instant(data, "placedAt")));
    }

    static OrderConfirmed orderConfirmed(IncomingEvent event) {
        JsonNode data = event.data();
        return build(ORDER_CONFIRMED, () -> new OrderConfirmed(event.metadata().eventId(), orderId(data),
                customerId(data), instant(data, "placedAt"), instant(data, "confirmedAt")));
    }

    static OrderRejected orderRejected(IncomingEvent event) {
        JsonNode data = event.data();
        return build(ORDER_REJECTED, () -> new OrderRejected(event.metadata().eventId(), orderId(data),
                customerId(data), instant(data, "placedAt"), instant(data, "rejectedAt"),
                new RejectionReason(text(data, "reason"))));
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        JsonNode data = event.data();
        return build(ORDER_CANCELLED, () -> new OrderCancelled(event.metadata().eventId(), orderId(data),
                customerId(data), instant(data, "placedAt"), instant(data, "cancelledAt"),
                new CancellationReason(text(data, "reason"))));
    }

    static <T> T build(String type, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new MalformedEventException(type + " data is invalid: " + invalid.getMessage());
        }
    }

    static OrderId orderId(JsonNode data) {
        return new OrderId(text(data, "orderId"));
    }

    static CustomerId customerId(JsonNode data) {
        return new CustomerId(text(data, "customerId"));
    }

    static Instant instant(JsonNode data, String field) {
        try {
            return Instant.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("data." + field + " is not an ISO-8601 UTC timestamp");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("data." + field + " is missing or not a string");
        }
        return value.asText();
    }
}
