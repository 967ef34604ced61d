package shop.order.adapter.eventbridge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.order.application.OwedEvent;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import shop.platform.events.Envelopes;
import shop.platform.events.EventMetadata;
import shop.platform.events.PendingEvent;

/**
 * The order context's published language: OrderPlaced, OrderConfirmed, OrderRejected and OrderCancelled as
 * events/schemas/*.v1.schema.json define them (primitive values, money as decimal strings). The same owed event
 * always yields the same bytes (its eventId and times come from it), so the stored and the sent copy are one event.
 */
public final class OrderMessages {

    public static final String SOURCE = "shop.orders";
    static final String SCHEMA_VERSION = "1.0";
    static final String PRODUCER = "order-service";

    private OrderMessages() {
    }

    public static PendingEvent of(OwedEvent owed) {
        Order order = owed.order();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id().value());
        data.put("customerId", order.customerId().value());
        data.put("placedAt", order.placedAt().toString());
        return switch (owed.fact()) {
            case PLACED -> {
                data.put("lines", lines(order));
                data.put("total", money(order.total()));
                data.put("shippingAddress", address(order.shippingAddress()));
                data.put("contactEmail", order.contactEmail().value());
                yield event(owed, "OrderPlaced", order.placedAt(), data);
            }
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
