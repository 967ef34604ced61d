package shop.crm.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderCancelled;
import shop.crm.domain.OrderId;
import shop.crm.domain.OrderPlaced;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * Reads the published order events into the CRM's own types, only the fields it needs (tolerant reader: no
 * lines, address or email). A missing or invalid field is a {@link MalformedEventException} naming the field.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final int SCHEMA_MAJOR = 1;

    private OrderEventTranslator() {
    }

    static void requireSupported(IncomingEvent event) {
        if (!SOURCE.equals(event.source())) {
            throw new MalformedEventException("source " + event.source() + " is not " + SOURCE);
        }
        if (event.schemaMajorVersion() != SCHEMA_MAJOR) {
            throw new MalformedEventException("schemaVersion " + event.metadata().schemaVersion()
                    + " is not supported (this consumer reads " + SCHEMA_MAJOR + ".x)");
        }
    }

    static OrderPlaced orderPlaced(IncomingEvent event) {
        JsonNode data = event.data();
        return build("OrderPlaced", () -> new OrderPlaced(event.metadata().eventId(), new OrderId(text(data, "orderId")),
                new CustomerId(text(data, "customerId")), instant(data, "placedAt")));
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        JsonNode data = event.data();
        return build("OrderCancelled", () -> new OrderCancelled(event.metadata().eventId(),
                new OrderId(text(data, "orderId")), new CustomerId(text(data, "customerId")), instant(data, "placedAt"),
                instant(data, "cancelledAt"), new CancellationReason(text(data, "reason"))));
    }

    private static <T> T build(String type, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new MalformedEventException(type + " data is invalid: " + invalid.getMessage());
        }
    }

    private static Instant instant(JsonNode data, String field) {
        try {
            return Instant.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("data." + field + " is not an ISO-8601 UTC timestamp");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("data." + field + " is missing or not a string");
        }
        return value.asText();
    }
}
