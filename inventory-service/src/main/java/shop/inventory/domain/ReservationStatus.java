package shop.inventory.domain;

/**
 * Where an order's reservation stands. Every change is one conditional write from one status to the next, so
 * duplicates, concurrent deliveries and a crash half-way all end in the same place. The rule that keeps stock
 * honest: a status that says "nothing held" is written BEFORE the lines are released, and a delivery that has
 * taken lines checks the status AFTER taking them.
 */
public enum ReservationStatus {
    /** OrderPlaced is taking the lines, one sku at a time; a redelivery resumes from here. */
    RESERVING,
    /** Every line is held for the order. */
    RESERVED,
    /** A line was short: the lines taken so far are being given back. */
    REJECTING,
    /** A line was short; nothing is held. The short skus are recorded. */
    REJECTED,
    /** OrderCancelled is giving back the lines held. */
    RELEASING,
    /** Cancelled; nothing is held. */
    RELEASED,
    /** OrderCancelled came first: a tombstone, so the late OrderPlaced takes nothing. */
    CANCELLED_BEFORE_PLACED;

    /** Lines may still be held that must be given back, and then the status this one settles in. */
    public ReservationStatus settlesAs() {
        return switch (this) {
            case REJECTING -> REJECTED;
            case RELEASING -> RELEASED;
            default -> throw new IllegalStateException(this + " is not a releasing status");
        };
    }

    public boolean isReleasing() {
        return this == REJECTING || this == RELEASING;
    }
}
