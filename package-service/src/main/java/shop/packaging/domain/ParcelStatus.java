package shop.packaging.domain;

/**
 * Where a parcel stands. Each change is one conditional write from the status it leaves, which is what makes
 * duplicate, late and concurrent events harmless.
 */
public enum ParcelStatus {
    /** Created from OrderConfirmed (stock is held for every line): the warehouse should pick and ship it. */
    TO_PICK,
    /** Left the warehouse. */
    SHIPPED,
    /** The order was cancelled before the parcel shipped: nothing to pick. */
    CANCELLED,
    /** The order was cancelled after the parcel shipped: it has to come back. */
    RETURN_REQUESTED,
    /** OrderCancelled came before OrderConfirmed: a tombstone, so a late OrderConfirmed creates no parcel. */
    CANCELLED_BEFORE_CONFIRMED;

    /** What a cancellation turns this status into; the same status when the cancellation has already been applied. */
    public ParcelStatus cancelled() {
        return switch (this) {
            case TO_PICK, CANCELLED -> CANCELLED;
            case SHIPPED, RETURN_REQUESTED -> RETURN_REQUESTED;
            case CANCELLED_BEFORE_CONFIRMED -> CANCELLED_BEFORE_CONFIRMED;
        };
    }
}
