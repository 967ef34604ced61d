package shop.order.application;

import java.util.Objects;
import java.util.UUID;
import shop.order.domain.Order;

/**
 * An event an order's change owes the bus, as a fact of this context: which change, the order as it now stands and
 * the request it follows. Its eventId is fixed here, so the copy stored with the order and the copy published now
 * are one event to every consumer. Every producing context names this role OwedEvent.
 */
public record OwedEvent(String eventId, Fact fact, Order order, String correlationId) {

    /** The changes the order context announces. */
    public enum Fact { PLACED, CONFIRMED, REJECTED, CANCELLED }

    public OwedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public static OwedEvent of(Fact fact, Order order, String correlationId) {
        return new OwedEvent(UUID.randomUUID().toString(), fact, order, correlationId);
    }
}
