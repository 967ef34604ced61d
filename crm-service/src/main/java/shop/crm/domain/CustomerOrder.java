package shop.crm.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One order in a customer's history: placed, and perhaps cancelled with a reason. */
public record CustomerOrder(OrderId orderId, CustomerId customerId, Instant placedAt, Optional<Instant> cancelledAt,
                            Optional<CancellationReason> reason) {

    public CustomerOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(reason, "reason");
        if (cancelledAt.isPresent() != reason.isPresent()) {
            throw new IllegalArgumentException("a cancelled order has a reason, and only a cancelled one");
        }
    }

    public boolean isCancelled() {
        return cancelledAt.isPresent();
    }

    public Optional<Duration> timeToCancel() {
        return cancelledAt.map(at -> Duration.between(placedAt, at));
    }
}
