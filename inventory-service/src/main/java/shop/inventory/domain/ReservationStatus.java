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
    CANCELLED_BEFORE_PLACED,
    /** ParcelShipped of a RESERVED order: its holds are moving from held to shipped. */
    SHIPPING,
    /** The parcel left: the held units are shipped for good; a later OrderCancelled gives nothing back. */
    SHIPPED,
    /** ParcelShipped of a RELEASED order (the cancel came first): the given-back units are leaving available. */
    SHIPPING_AFTER_RELEASE,
    /** The parcel left after the order's units were given back: they left available instead, once. */
    SHIPPED_AFTER_RELEASE;

    /** Lines may still be held that must be given back, and then the status this one settles in. */
    public ReservationStatus settlesAs() {
        return switch (this) {
            case REJECTING -> REJECTED;
            case RELEASING -> RELEASED;
            case SHIPPING -> SHIPPED;
            case SHIPPING_AFTER_RELEASE -> SHIPPED_AFTER_RELEASE;
            default -> throw new IllegalStateException(this + " is not a status that settles");
        };
    }

    public boolean isReleasing() {
        return this == REJECTING || this == RELEASING;
    }

    /** A parcel of this order shipped (or is being settled): nothing is ever given back again. */
    public boolean isShipped() {
        return this == SHIPPING || this == SHIPPED || this == SHIPPING_AFTER_RELEASE || this == SHIPPED_AFTER_RELEASE;
    }
}
