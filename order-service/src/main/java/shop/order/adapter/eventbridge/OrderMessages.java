package shop.order.adapter.eventbridge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.order.application.OwedEvent;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import shop.platform.events.Envelopes;
import shop.platform.events.EventMetadata;
import shop.platform.events.PendingEvent;

/**
 * The order context's published language: OrderPlaced, OrderConfirmed, OrderRejected and OrderCancelled as
 * events/schemas/*.schema.json define them (primitive values, money as decimal strings). The same owed event
 * always yields the same bytes (its eventIds and times come from it), so the stored and the sent copy are one event.
 * A placed order owes one OrderPlaced per version named in {@code ORDER_PLACED_VERSIONS} (one per major: during a
 * migration window 1.x and 2.x side by side); the lowest major carries the owed event's id, each higher major an id
 * derived from it, so a retry or the relay sends each version under the id it was stored with.
 */
public final class OrderMessages {

    public static final String SOURCE = "shop.orders";
    static final String SCHEMA_VERSION = "1.0";
    static final String PRODUCER = "order-service";
    /** Every OrderPlaced version this producer can write: what {@code ORDER_PLACED_VERSIONS} may name. */
    public static final List<String> PLACED_VERSIONS = List.of("1.0", "1.1", "2.0");

    private final List<String> placedVersions;

    /** {@code placedVersions}: the OrderPlaced versions to owe for each placed order, at most one per major. */
    public OrderMessages(List<String> placedVersions) {
        List<String> majors = new ArrayList<>();
        for (String version : placedVersions) {
            if (!PLACED_VERSIONS.contains(version)) {
                throw new IllegalArgumentException("OrderPlaced " + version + " is not one of " + PLACED_VERSIONS);
            }
            String major = major(version);
            if (majors.contains(major)) {
                throw new IllegalArgumentException("OrderPlaced is published once per major, not twice at " + major + ".x");
            }
            majors.add(major);
        }
        this.placedVersions = placedVersions.stream().sorted().toList();
    }

    /** The versions of a comma-separated setting ({@code "1.1,2.0"}); blank for a function that places no order. */
    public static OrderMessages placing(String versions) {
        return new OrderMessages(Arrays.stream(versions.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
    }

    /** The OrderPlaced versions each placed order owes, lowest first; empty where no order is placed. */
    public List<String> placedVersions() {
        return placedVersions;
    }

    /** The events {@code owed} stands for: one per OrderPlaced version for a placed order, one for any other change. */
    public List<PendingEvent> of(OwedEvent owed) {
        if (owed.fact() != OwedEvent.Fact.PLACED) {
            return List.of(change(owed));
        }
        if (placedVersions.isEmpty()) {
            throw new IllegalStateException("no OrderPlaced version to publish: ORDER_PLACED_VERSIONS is not set");
        }
        return placedVersions.stream().map(version -> placed(owed, version)).toList();
    }

    private static PendingEvent placed(OwedEvent owed, String version) {
        Order order = owed.order();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id().value());
        if (version.startsWith("1.")) {
            data.put("customerId", order.customerId().value());
            data.put("placedAt", order.placedAt().toString());
            data.put("lines", lines(order));
            data.put("total", money(order.total()));
            data.put("shippingAddress", address(order.shippingAddress()));
            data.put("contactEmail", order.contactEmail().value());
            if (!version.equals("1.0")) {
                data.put("unitCount", unitCount(order));
            }
        } else {
            data.put("placedAt", order.placedAt().toString());
            data.put("customer", Map.of("id", order.customerId().value(), "contactEmail", order.contactEmail().value()));
            data.put("items", items(order));
            data.put("unitCount", unitCount(order));
            data.put("total", money(order.total()));
            data.put("shippingAddress", address(order.shippingAddress()));
        }
        String eventId = version.startsWith("1.") ? owed.eventId() : derivedId(owed.eventId(), major(version));
        return Envelopes.pending(SOURCE, new EventMetadata(eventId, "OrderPlaced", version, order.placedAt().toString(),
                owed.correlationId(), PRODUCER), data);
    }

    /** The id of the major-{@code major} copy of the event {@code eventId}: the same on every retry, relay and replay. */
    static String derivedId(String eventId, String major) {
        return UUID.nameUUIDFromBytes(("OrderPlaced " + major + ".x of " + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String major(String version) {
        return version.substring(0, version.indexOf('.'));
    }

    private static PendingEvent change(OwedEvent owed) {
        Order order = owed.order();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id().value());
        data.put("customerId", order.customerId().value());
        data.put("placedAt", order.placedAt().toString());
        return switch (owed.fact()) {
            case PLACED -> throw new IllegalStateException("of() writes OrderPlaced once per version, never here");
            case CONFIRMED -> {
                Instant confirmedAt = order.confirmedAt().orElseThrow();
                data.put("confirmedAt", confirmedAt.toString());
                data.put("lines", lines(order));
                data.put("total", money(order.total()));
                data.put("shippingAddress", address(order.shippingAddress()));
                data.put("contactEmail", order.contactEmail().value());
                yield event(owed, "OrderConfirmed", confirmedAt, data);
            }
            case REJECTED -> {
                Order.Rejection rejection = order.rejection().orElseThrow();
                data.put("rejectedAt", rejection.rejectedAt().toString());
                data.put("reason", rejection.reason().name());
                data.put("shortSkus", rejection.shortSkus().stream().map(Sku::value).toList());
                data.put("lines", lines(order));
                data.put("total", money(order.total()));
                data.put("contactEmail", order.contactEmail().value());
                yield event(owed, "OrderRejected", rejection.rejectedAt(), data);
            }
            case CANCELLED -> {
                Order.Cancellation cancellation = order.cancellation().orElseThrow();
                data.put("cancelledAt", cancellation.cancelledAt().toString());
                data.put("reason", cancellation.reason().name());
                data.put("contactEmail", order.contactEmail().value());
                yield event(owed, "OrderCancelled", cancellation.cancelledAt(), data);
            }
        };
    }

    private static PendingEvent event(OwedEvent owed, String type, Instant occurredAt, Map<String, Object> data) {
        return Envelopes.pending(SOURCE, new EventMetadata(owed.eventId(), type, SCHEMA_VERSION, occurredAt.toString(),
                owed.correlationId(), PRODUCER), data);
    }

    private static List<Map<String, Object>> lines(Order order) {
        return order.lines().stream().map(line -> Map.<String, Object>of(
                "sku", line.sku().value(),
                "quantity", line.quantity(),
                "unitPrice", money(line.unitPrice()),
                "lineTotal", money(line.lineTotal()))).toList();
    }

    private static List<Map<String, Object>> items(Order order) {
        return order.lines().stream().map(line -> Map.<String, Object>of(
                "sku", line.sku().value(),
                "quantity", line.quantity(),
                "price", Map.of("unit", money(line.unitPrice()), "line", money(line.lineTotal())))).toList();
    }

    private static int unitCount(Order order) {
        return order.lines().stream().mapToInt(OrderLine::quantity).sum();
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amountText(), "currency", money.currency());
    }

    private static Map<String, String> address(ShippingAddress address) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", address.name());
        fields.put("line1", address.line1());
        if (address.line2() != null) {
            fields.put("line2", address.line2());
        }
        fields.put("city", address.city());
        fields.put("postalCode", address.postalCode());
        fields.put("country", address.country());
        return fields;
    }
}
