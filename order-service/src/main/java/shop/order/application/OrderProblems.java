package shop.order.application;

import java.util.List;
import shop.order.domain.OrderId;
import shop.order.domain.OrderStatus;

/** The ways a well-formed request can still be refused; the API turns each into a problem response. */
public final class OrderProblems {

    private OrderProblems() {
    }

    /** Some skus are not on the price list. */
    public static final class UnknownSkus extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final List<String> skus;

        public UnknownSkus(List<String> skus) {
            super("unknown skus: " + skus);
            this.skus = List.copyOf(skus);
        }

        public List<String> skus() {
            return skus;
        }
    }

    /** The Idempotency-Key was already used, within 24 hours, for a different request. */
    public static final class IdempotencyKeyReused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public IdempotencyKeyReused() {
            super("the Idempotency-Key was already used for a different request");
        }
    }

    /** No such order for this customer (another customer's order is not revealed to exist). */
    public static final class OrderNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OrderNotFound(String orderId) {
            super("no order " + orderId);
        }
    }

    /** The order's status does not allow a cancel (REJECTED; a second cancel answers with the cancelled order instead). */
    public static final class OrderNotCancellable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final OrderStatus status;

        public OrderNotCancellable(OrderStatus status) {
            super("the order is " + status + " and can no longer be cancelled");
            this.status = status;
        }

        public OrderStatus status() {
            return status;
        }
    }

    /**
     * Inventory decided on, or package shipped, an order this context has not stored (impossible in order, but delivery has none): never
     * dropped, the event fails, is retried, and then waits in the dead-letter queue with this reason.
     */
    public static final class DecisionForUnknownOrder extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DecisionForUnknownOrder(String detailType, OrderId orderId) {
            super(detailType + " for order " + orderId + ", which the orders table does not have");
        }
    }

    /** An event contradicts where the order stands (inventory decides once per order; only a confirmed order ships). */
    public static final class ContradictoryDecision extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ContradictoryDecision(String detailType, OrderId orderId, OrderStatus status) {
            super(detailType + " for order " + orderId + ", which is already " + status);
        }
    }
}
