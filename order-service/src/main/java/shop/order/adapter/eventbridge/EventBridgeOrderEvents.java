package shop.order.adapter.eventbridge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.order.application.OrderEvents;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.ShippingAddress;
import shop.platform.events.Envelopes;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.EventMetadata;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;

/**
 * OrderPlaced and OrderCancelled as events/schemas/*.v1.schema.json define them (primitive values, money as
 * decimal strings), put on the bus by the platform's publisher.
 */
public final class EventBridgeOrderEvents implements OrderEvents {

    public static final String SOURCE = "shop.orders";
    static final String SCHEMA_VERSION = "1.0";
    static final String PRODUCER = "order-service";

    private final EventBridgePublisher publisher;

    public EventBridgeOrderEvents(EventBridgePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public PendingEvent placed(Order order, String correlationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id().value());
        data.put("customerId", order.customerId().value());
        data.put("placedAt", order.placedAt().toString());
        data.put("lines", order.lines().stream().map(line -> Map.of(
                "sku", line.sku().value(),
                "quantity", line.quantity(),
                "unitPrice", money(line.unitPrice()),
                "lineTotal", money(line.lineTotal()))).toList());
        data.put("total", money(order.total()));
        data.put("shippingAddress", address(order.shippingAddress()));
        data.put("contactEmail", order.contactEmail().value());
        return event("OrderPlaced", order.placedAt(), correlationId, data);
    }

    @Override
    public PendingEvent cancelled(Order cancelled, String correlationId) {
        Order.Cancellation cancellation = cancelled.cancellation().orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", cancelled.id().value());
        data.put("customerId", cancelled.customerId().value());
        data.put("placedAt", cancelled.placedAt().toString());
        data.put("cancelledAt", cancellation.cancelledAt().toString());
        data.put("reason", cancellation.reason().name());
        data.put("contactEmail", cancelled.contactEmail().value());
        return event("OrderCancelled", cancellation.cancelledAt(), correlationId, data);
    }

    @Override
    public PublishResult publish(List<PendingEvent> events) {
        return publisher.publish(events);
    }

    private static PendingEvent event(String type, Instant occurredAt, String correlationId, Map<String, Object> data) {
        return Envelopes.pending(SOURCE, EventMetadata.newEvent(type, SCHEMA_VERSION, occurredAt, correlationId, PRODUCER), data);
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
