package shop.order.application;

import java.util.Objects;
import shop.order.domain.OrderStatus;

/** What handling one of inventory's decisions or a ParcelShipped did, and the order's status afterwards, for the consumer's log line and output. */
public record OrderOutcome(Kind kind, OrderStatus status) {

    public enum Kind {
        /** PLACED to CONFIRMED; OrderConfirmed is owed. */
        CONFIRMED,
        /** PLACED to REJECTED; OrderRejected is owed. */
        REJECTED,
        /** CONFIRMED to SHIPPED on ParcelShipped; nothing owed (the package context announced it). */
        SHIPPED,
        /** CANCELLED, and its parcel left anyway: the shipment is recorded, a return is expected. Nothing owed. */
        RETURN_EXPECTED,
        /** The order already stands as this event made it (a duplicate or a replay): nothing changed, nothing owed. */
        DUPLICATE,
        /** The customer cancelled first; inventory gives the stock back on OrderCancelled. Nothing changed. */
        IGNORED_CANCELLED_ORDER
    }

    public OrderOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }
}
