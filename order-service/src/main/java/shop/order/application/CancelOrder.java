package shop.order.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.application.OrderProblems.OrderNotCancellable;
import shop.order.application.OrderProblems.OrderNotFound;
import shop.order.domain.Order;
import shop.order.domain.OrderStatus;

/**
 * Cancels a placed or confirmed order and publishes one OrderCancelled. Cancelling an order already cancelled
 * answers with that order and publishes nothing: the conditional write lets exactly one cancellation win. A
 * rejected order cannot be cancelled (there is nothing left to cancel).
 */
public final class CancelOrder {

    private static final Logger LOG = LoggerFactory.getLogger(CancelOrder.class);
    /** Each retry follows one write made in between (inventory's answer); two are more than the lifecycle allows. */
    private static final int ATTEMPTS = 3;

    private final Orders orders;
    private final OrderEvents events;
    private final Clock clock;

    public CancelOrder(Orders orders, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    public Order cancel(CancelOrderCommand command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Order order = orders.find(command.orderId()).filter(o -> o.isOwnedBy(command.customer()))
                    .orElseThrow(() -> new OrderNotFound(command.orderId().value()));
            if (order.status() == OrderStatus.CANCELLED) {
                return order; // a concurrent or earlier cancel won; its event is the one
            }
            if (!order.status().isCancellable()) {
                throw new OrderNotCancellable(order.status());
            }
            Order cancelled = order.cancel(command.reason(), clock.instant());
            OwedEvent owed = OwedEvent.of(OwedEvent.Fact.CANCELLED, cancelled, command.correlationId());
            if (orders.change(order.status(), cancelled, owed)) {
                LOG.info("order {} cancelled ({}) while {}", cancelled.id(), command.reason(), order.status());
                events.publish(owed);
                return cancelled;
            }
        }
        throw new IllegalStateException("order " + command.orderId() + " kept changing while being cancelled; retry");
    }
}
