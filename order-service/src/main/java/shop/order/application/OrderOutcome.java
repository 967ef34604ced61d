package shop.order.application;

import java.util.Objects;
import shop.order.domain.OrderStatus;

/** What handling one of inventory's decisions did, and the order's status afterwards, for the consumer's log line and output. */
public record OrderOutcome(Kind kind, OrderStatus status) {

    public enum Kind {
        /** PLACED to CONFIRMED; OrderConfirmed is owed. */
        CONFIRMED,
        /** PLACED to REJECTED; OrderRejected is owed. */
        REJECTED,
        /** The order already stands as this decision made it (a duplicate or a replay): nothing changed, nothing owed. */
        DUPLICATE,
        /** The customer cancelled first; inventory gives the stock back on OrderCancelled. Nothing changed. */
        IGNORED_CANCELLED_ORDER
    }

    public OrderOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }
}
