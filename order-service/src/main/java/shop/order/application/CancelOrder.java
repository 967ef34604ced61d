package shop.order.application;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.application.OrderProblems.OrderNotFound;
import shop.order.domain.Order;
import shop.order.domain.OrderStatus;
import shop.platform.events.PendingEvent;

/**
 * Cancels a placed order and publishes one OrderCancelled. Cancelling an order already cancelled answers with
 * that order and publishes nothing: the conditional write lets exactly one cancellation win.
 */
public final class CancelOrder {

    private static final Logger LOG = LoggerFactory.getLogger(CancelOrder.class);

    private final Orders orders;
    private final OrderEvents events;
    private final PublishOwedEvents publisher;
    private final Clock clock;

    public CancelOrder(Orders orders, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.publisher = new PublishOwedEvents(orders, events);
        this.clock = clock;
    }

    public Order cancel(CancelOrderCommand command) {
        Order order = orders.find(command.orderId()).filter(o -> o.isOwnedBy(command.customer()))
                .orElseThrow(() -> new OrderNotFound(command.orderId().value()));
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        Order cancelled = order.cancel(command.reason(), clock.instant());
        PendingEvent event = events.cancelled(cancelled, command.correlationId());
        if (!orders.cancel(cancelled, event)) {
            return orders.find(command.orderId()).orElseThrow(); // a concurrent cancel won; its event is the one
        }
        LOG.info("order {} cancelled ({})", cancelled.id(), command.reason());
        publisher.publish(cancelled.id(), List.of(event));
        return cancelled;
    }
}
