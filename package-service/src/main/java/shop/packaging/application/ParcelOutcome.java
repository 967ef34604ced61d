package shop.packaging.application;

/** What handling one event or request did to the order's parcel; the handler logs and returns it. */
public enum ParcelOutcome {
    CREATED, CANCELLED, RETURN_REQUESTED, CANCELLED_BEFORE_PLACED, IGNORED_CANCELLED_ORDER, DUPLICATE,
    SHIPPED, ALREADY_SHIPPED, NOT_SHIPPABLE, NOT_FOUND
}
