package shop.crm.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order in a customer's history: placed (with its units, when its OrderPlaced said); then confirmed (it
 * converted) or rejected; shipped; perhaps cancelled with a reason. Each step is a fact some event told, so any of
 * them may be known before the others arrive.
 */
public record CustomerOrder(OrderId orderId, CustomerId customerId, Instant placedAt, Optional<Instant> confirmedAt,
                            Optional<Instant> rejectedAt, Optional<RejectionReason> rejection,
                            Optional<Instant> cancelledAt, Optional<CancellationReason> reason, Optional<Instant> shippedAt,
                            Optional<Integer> unitCount) {

    public CustomerOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(shippedAt, "shippedAt");
        Objects.requireNonNull(unitCount, "unitCount");
        if (cancelledAt.isPresent() != reason.isPresent()) {
            throw new IllegalArgumentException("a cancelled order has a reason, and only a cancelled one");
        }
        if (rejectedAt.isPresent() != rejection.isPresent()) {
            throw new IllegalArgumentException("a rejected order has a reason, and only a rejected one");
        }
    }

    /** An order whose units are not known (placed as OrderPlaced 1.0 said it, or its OrderPlaced not here yet). */
    public CustomerOrder(OrderId orderId, CustomerId customerId, Instant placedAt, Optional<Instant> confirmedAt,
                         Optional<Instant> rejectedAt, Optional<RejectionReason> rejection,
                         Optional<Instant> cancelledAt, Optional<CancellationReason> reason, Optional<Instant> shippedAt) {
        this(orderId, customerId, placedAt, confirmedAt, rejectedAt, rejection, cancelledAt, reason, shippedAt, Optional.empty());
    }

    /** An order whose parcel has not shipped (or whose ParcelShipped has not arrived yet). */
    public CustomerOrder(OrderId orderId, CustomerId customerId, Instant placedAt, Optional<Instant> confirmedAt,
                         Optional<Instant> rejectedAt, Optional<RejectionReason> rejection,
                         Optional<Instant> cancelledAt, Optional<CancellationReason> reason) {
        this(orderId, customerId, placedAt, confirmedAt, rejectedAt, rejection, cancelledAt, reason, Optional.empty());
    }

    /** An order only placed so far (or whose other events have not arrived yet). */
    public static CustomerOrder placed(OrderId orderId, CustomerId customerId, Instant placedAt) {
        return new CustomerOrder(orderId, customerId, placedAt, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Converted: the shop confirmed it, every line's stock reserved. */
    public boolean isConverted() {
        return confirmedAt.isPresent();
    }

    public boolean isCancelled() {
        return cancelledAt.isPresent();
    }

    public boolean isCancelledAfterConverting() {
        return isConverted() && isCancelled();
    }

    public boolean isRejectedForStock() {
        return rejection.filter(RejectionReason::isStock).isPresent();
    }

    public Optional<Duration> timeToShip() {
        return shippedAt.map(at -> Duration.between(placedAt, at));
    }

    public Optional<Duration> timeToCancel() {
        return cancelledAt.map(at -> Duration.between(placedAt, at));
    }
}
