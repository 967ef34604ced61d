package shop.notification.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import shop.notification.application.OrderCancelled;
import shop.notification.application.OrderConfirmed;
import shop.notification.application.OrderRejected;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.Money;
import shop.notification.domain.OrderId;
import shop.notification.domain.OrderedItem;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.events.Subscription;

/**
 * Reads the published order events into this context's own commands, taking only the fields it needs (tolerant
 * reader). A missing or invalid field is a {@link MalformedEventException} naming the field, never its value.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_CONFIRMED = "OrderConfirmed";
    static final String ORDER_REJECTED = "OrderRejected";
    static final String ORDER_CANCELLED = "OrderCancelled";
    /** No OrderPlaced: the customer hears once inventory has answered (confirmed or rejected), and on a cancel. */
    static final Subscription SUBSCRIPTION = Subscription.to(SOURCE, 1, ORDER_CONFIRMED, ORDER_REJECTED, ORDER_CANCELLED);

    private OrderEventTranslator() {
    }

    static OrderConfirmed orderConfirmed(IncomingEvent event) {
        JsonNode data = event.data();
        int items = quantities(data.path("lines")).values().stream().mapToInt(Integer::intValue).sum();
        return build(ORDER_CONFIRMED, () -> new OrderConfirmed(event.metadata().eventId(), orderId(data),
                instant(data, "placedAt"), money(data.path("total"), "data.total"), items, recipient(data)));
    }

    static OrderRejected orderRejected(IncomingEvent event) {
        JsonNode data = event.data();
        Map<String, Integer> ordered = quantities(data.path("lines"));
        JsonNode shortSkus = data.path("shortSkus");
        if (!shortSkus.isArray() || shortSkus.isEmpty()) {
            throw new MalformedEventException("data.shortSkus is missing or empty");
        }
        List<OrderedItem> notReserved = new ArrayList<>();
        for (int i = 0; i < shortSkus.size(); i++) {
            JsonNode sku = shortSkus.get(i);
            Integer quantity = sku.isTextual() ? ordered.get(sku.asText()) : null;
            if (quantity == null) {
                throw new MalformedEventException("data.shortSkus[" + i + "] is not the sku of any of data.lines");
            }
            notReserved.add(build(ORDER_REJECTED, () -> new OrderedItem(sku.asText(), quantity)));
        }
        return build(ORDER_REJECTED, () -> new OrderRejected(event.metadata().eventId(), orderId(data),
                instant(data, "placedAt"), notReserved, recipient(data)));
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        JsonNode data = event.data();
        return build(ORDER_CANCELLED, () -> new OrderCancelled(event.metadata().eventId(), orderId(data),
                instant(data, "placedAt"), instant(data, "cancelledAt"), text(data, "reason"), recipient(data)));
    }

    static <T> T build(String type, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            // the domain's messages never quote personal values (EmailAddress withholds its own)
            throw new MalformedEventException(type + " data is invalid: " + invalid.getMessage());
        }
    }

    /** Ordered quantity per sku, in line order (a sku on two lines counts once, with both quantities). */
    static Map<String, Integer> quantities(JsonNode lines) {
        if (!lines.isArray() || lines.isEmpty()) {
            throw new MalformedEventException("data.lines is missing or empty");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            JsonNode quantity = line.path("quantity");
            if (!quantity.canConvertToInt() || quantity.asInt() < 1) {
                throw new MalformedEventException("data.lines[].quantity is missing or not a positive integer");
            }
            quantities.merge(text(line, "sku"), quantity.asInt(), Integer::sum);
        }
        return quantities;
    }

    static OrderId orderId(JsonNode data) {
        return new OrderId(text(data, "orderId"));
    }

    static EmailAddress recipient(JsonNode data) {
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
