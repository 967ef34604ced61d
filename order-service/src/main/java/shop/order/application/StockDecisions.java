package shop.order.application;

import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.application.OrderOutcome.Kind;
import shop.order.application.OrderProblems.ContradictoryDecision;
import shop.order.application.OrderProblems.DecisionForUnknownOrder;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderStatus;

/**
 * What ConfirmOrder and RejectOrder share: applying inventory's decision to a placed order, idempotently. The write
 * is conditional on PLACED, so of two deliveries racing, one changes the order and owes the event; the other reads
 * the result and reports a duplicate.
 */
final class StockDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(StockDecisions.class);

    private final Orders orders;
    private final OrderEvents events;

    StockDecisions(Orders orders, OrderEvents events) {
        this.orders = orders;
        this.events = events;
    }

    OrderOutcome apply(String decision, OrderId orderId, OrderStatus decidedStatus, String correlationId,
                       UnaryOperator<Order> change, OwedEvent.Fact fact, Kind kind) {
        Order order = find(decision, orderId);
        if (order.status() == OrderStatus.PLACED) {
            Order decided = change.apply(order);
            OwedEvent owed = OwedEvent.of(fact, decided, correlationId);
            if (orders.change(OrderStatus.PLACED, decided, owed)) {
                LOG.info("order {} {} on {}", orderId, decidedStatus, decision);
                events.publish(owed);
                return new OrderOutcome(kind, decidedStatus);
            }
            order = find(decision, orderId); // another delivery or a cancel got there first
        }
        if (order.status() == decidedStatus) {
            return new OrderOutcome(Kind.DUPLICATE, order.status());
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return new OrderOutcome(Kind.IGNORED_CANCELLED_ORDER, order.status());
        }
        throw new ContradictoryDecision(decision, orderId, order.status());
    }

    private Order find(String decision, OrderId orderId) {
        return orders.find(orderId).orElseThrow(() -> new DecisionForUnknownOrder(decision, orderId));
    }
}
