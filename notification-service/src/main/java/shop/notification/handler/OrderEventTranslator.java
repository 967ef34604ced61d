package shop.notification.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.Money;
import shop.notification.domain.OrderCancelled;
import shop.notification.domain.OrderId;
import shop.notification.domain.OrderPlaced;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * Reads the published order events into this context's own types, taking only the fields it needs (tolerant
 * reader). A missing or invalid field is a {@link MalformedEventException} naming the field, never its value.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final int SCHEMA_MAJOR = 1;

    private OrderEventTranslator() {
    }

    static OrderPlaced orderPlaced(IncomingEvent event) {
        JsonNode data = event.data();
        int items = itemCount(data.path("lines"));
        return build("OrderPlaced", () -> new OrderPlaced(event.metadata().eventId(), orderId(data),
                instant(data, "placedAt"), money(data.path("total"), "data.total"), items, recipient(data)));
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        JsonNode data = event.data();
        return build("OrderCancelled", () -> new OrderCancelled(event.metadata().eventId(), orderId(data),
                instant(data, "placedAt"), instant(data, "cancelledAt"), text(data, "reason"), recipient(data)));
    }

    /** Checks what every event must have before its data is read: our source and a schema major we understand. */
    static void requireSupported(IncomingEvent event) {
        if (!SOURCE.equals(event.source())) {
            throw new MalformedEventException("source " + event.source() + " is not " + SOURCE);
        }
        if (event.schemaMajorVersion() != SCHEMA_MAJOR) {
            throw new MalformedEventException("schemaVersion " + event.metadata().schemaVersion()
                    + " is not supported (this consumer reads " + SCHEMA_MAJOR + ".x)");
        }
    }

    private static <T> T build(String type, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            // the domain's messages never quote personal values (EmailAddress withholds its own)
            throw new MalformedEventException(type + " data is invalid: " + invalid.getMessage());
        }
    }

    private static int itemCount(JsonNode lines) {
        if (!lines.isArray() || lines.isEmpty()) {
            throw new MalformedEventException("data.lines is missing or empty");
        }
        int items = 0;
        for (JsonNode line : lines) {
            JsonNode quantity = line.path("quantity");
            if (!quantity.canConvertToInt() || quantity.asInt() < 1) {
                throw new MalformedEventException("data.lines[].quantity is missing or not a positive integer");
            }
            items += quantity.asInt();
        }
        return items;
    }

    private static OrderId orderId(JsonNode data) {
        return new OrderId(text(data, "orderId"));
    }

    private static EmailAddress recipient(JsonNode data) {
        try {
            return new EmailAddress(text(data, "contactEmail"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data.contactEmail is not an email address");
        }
    }

    private static Money money(JsonNode node, String field) {
        try {
            return new Money(new BigDecimal(text(node, "amount")), text(node, "currency"));
        } catch (NumberFormatException e) {
            throw new MalformedEventException(field + ".amount is not a decimal");
        } catch (MalformedEventException e) {
            throw new MalformedEventException(field + " is missing or incomplete");
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
