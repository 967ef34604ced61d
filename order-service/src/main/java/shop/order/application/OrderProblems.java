package shop.order.application;

import java.util.List;

/** The ways a well-formed request can still be refused; the API turns each into a problem response. */
public final class OrderProblems {

    private OrderProblems() {
    }

    /** Some skus are not on the price list. */
    public static final class UnknownSkus extends RuntimeException {
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
        public IdempotencyKeyReused() {
            super("the Idempotency-Key was already used for a different request");
        }
    }

    /** No such order for this customer (another customer's order is not revealed to exist). */
    public static final class OrderNotFound extends RuntimeException {
        public OrderNotFound(String orderId) {
            super("no order " + orderId);
        }
    }
}
