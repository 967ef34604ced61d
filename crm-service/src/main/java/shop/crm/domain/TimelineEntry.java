package shop.crm.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One line of a customer's timeline: an order placed, or cancelled (with why). */
public record TimelineEntry(Instant at, Type type, OrderId orderId, Optional<CancellationReason> reason) {

    /** What happened. */
    public enum Type { PLACED, CANCELLED }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        if ((type == Type.CANCELLED) != reason.isPresent()) {
            throw new IllegalArgumentException("a cancellation entry has a reason, a placing entry has none");
        }
    }
}
