package shop.inventory.domain;

/**
 * Where an order's reservation stands. Each change of status moves the skus' counters in the same transaction, so a
 * status always says exactly what the order holds: a duplicate, a concurrent delivery or a redelivery after a crash
 * finds the status already moved and moves nothing.
 */
public enum ReservationStatus {
    /** Every line is held for the order. */
    RESERVED,
    /** A line was short; nothing was held. The short skus are recorded. */
    REJECTED,
    /** Cancelled; what was held is given back. */
    RELEASED,
    /** OrderCancelled came first: a tombstone, so the late OrderPlaced takes nothing. */
    CANCELLED_BEFORE_PLACED,
    /** The parcel left: the held units are shipped for good; a later OrderCancelled gives nothing back. */
    SHIPPED,
    /** The parcel left after the order's units were given back (the cancel came first): they left available instead. */
    SHIPPED_AFTER_RELEASE;

    /** The order was cancelled (before or after it was placed): a late OrderPlaced takes nothing. */
    public boolean isCancelled() {
        return this == RELEASED || this == CANCELLED_BEFORE_PLACED || this == SHIPPED_AFTER_RELEASE;
    }
}
