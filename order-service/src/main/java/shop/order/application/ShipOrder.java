package shop.order.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.application.OrderOutcome.Kind;
import shop.order.application.OrderProblems.ContradictoryDecision;
import shop.order.application.OrderProblems.DecisionForUnknownOrder;
import shop.order.domain.Order;
import shop.order.domain.OrderStatus;

/**
 * On ParcelShipped: a confirmed order becomes SHIPPED (a customer can no longer cancel it). If the customer's cancel
 * won the race with the warehouse, the order stays CANCELLED and records the shipment: a return is expected. Either
 * write owes no event and is conditional on the order's status and on no shipment being recorded yet, so a
 * duplicate, a replay or a concurrent delivery changes nothing.
 */
public final class ShipOrder {

    private static final Logger LOG = LoggerFactory.getLogger(ShipOrder.class);
    private static final String FACT = "ParcelShipped";
    /** A retry follows one write made in between (a cancel); more is more than the lifecycle allows. */
    private static final int ATTEMPTS = 3;

    private final Orders orders;

    public ShipOrder(Orders orders) {
        this.orders = orders;
    }

    public OrderOutcome handle(ParcelShipped shipped) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Order order = orders.find(shipped.orderId()).orElseThrow(() -> new DecisionForUnknownOrder(FACT, shipped.orderId()));
            if (order.shipment().isPresent()) {
                return new OrderOutcome(Kind.DUPLICATE, order.status());
            }
            if (order.status() != OrderStatus.CONFIRMED && order.status() != OrderStatus.CANCELLED) {
                throw new ContradictoryDecision(FACT, shipped.orderId(), order.status()); // a parcel exists only once confirmed
            }
            Order changed = order.ship(shipped.shipment());
            if (orders.ship(order.status(), changed)) {
                LOG.info("order {} {} on ParcelShipped{}", changed.id(), changed.status(),
                        changed.returnExpected() ? " (cancelled while it shipped: a return is expected)" : "");
                return changed.returnExpected() ? new OrderOutcome(Kind.RETURN_EXPECTED, changed.status())
                        : new OrderOutcome(Kind.SHIPPED, changed.status());
            }
        }
        throw new IllegalStateException("order " + shipped.orderId() + " kept changing while shipping; retry");
    }
}
