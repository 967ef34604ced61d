package shop.crm.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a customer's timeline: an order placed (with its units when known), confirmed, rejected (with why),
 * shipped or cancelled (with why).
 */
public record TimelineEntry(Instant at, Type type, OrderId orderId, Optional<String> reason, Optional<Integer> units) {

    /** What happened, in the order it happens to an order (which breaks ties between entries at the same instant). */
    public enum Type { PLACED, CONFIRMED, REJECTED, SHIPPED, CANCELLED }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(units, "units");
        boolean hasReason = type == Type.CANCELLED || type == Type.REJECTED;
        if (hasReason != reason.isPresent()) {
            throw new IllegalArgumentException("a cancellation or rejection entry has a reason, other entries have none");
        }
        if (units.isPresent() && type != Type.PLACED) {
            throw new IllegalArgumentException("only a placing entry counts units");
        }
    }

    /** An entry that counts no units: every entry but a placing one whose OrderPlaced said how many. */
    public TimelineEntry(Instant at, Type type, OrderId orderId, Optional<String> reason) {
        this(at, type, orderId, reason, Optional.empty());
    }
}
