package shop.crm.handler;

import shop.crm.application.OrderCancelled;
import shop.crm.application.OrderConfirmed;
import shop.crm.application.OrderPlaced;
import shop.crm.application.OrderRejected;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;
import shop.crm.domain.RejectionReason;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * Reads the published order events into the CRM's own commands, only the fields it needs (tolerant reader: no
 * lines, address or email). A missing or invalid field is a {@link MalformedEventException} naming the field.
 * OrderPlaced is read at 1.x: 1.1's unitCount when present, nothing in its place when a 1.0 event has none.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_PLACED = "OrderPlaced";
    static final String ORDER_CONFIRMED = "OrderConfirmed";
    static final String ORDER_REJECTED = "OrderRejected";
    static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEventTranslator() {
    }

    static OrderPlaced orderPlaced(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return EventFields.validated(ORDER_PLACED + " data", () -> new OrderPlaced(event.metadata().eventId(),
                orderId(data), customerId(data), data.instant("placedAt"), data.optionalInteger("unitCount")));
    }

    static OrderConfirmed orderConfirmed(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return EventFields.validated(ORDER_CONFIRMED + " data", () -> new OrderConfirmed(event.metadata().eventId(),
                orderId(data), customerId(data), data.instant("placedAt"), data.instant("confirmedAt")));
    }

    static OrderRejected orderRejected(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return EventFields.validated(ORDER_REJECTED + " data", () -> new OrderRejected(event.metadata().eventId(),
                orderId(data), customerId(data), data.instant("placedAt"), data.instant("rejectedAt"),
                new RejectionReason(data.text("reason"))));
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return EventFields.validated(ORDER_CANCELLED + " data", () -> new OrderCancelled(event.metadata().eventId(),
                orderId(data), customerId(data), data.instant("placedAt"), data.instant("cancelledAt"),
                new CancellationReason(data.text("reason"))));
    }

    private static OrderId orderId(EventFields data) {
        return new OrderId(data.text("orderId"));
    }

    private static CustomerId customerId(EventFields data) {
        return new CustomerId(data.text("customerId"));
    }
}
