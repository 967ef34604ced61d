package shop.packaging.application;

/** What handling one event or request did to the order's parcel; the handler logs and returns it. */
public enum PackageOutcome {
    CREATED, CANCELLED, RETURN_REQUESTED, CANCELLED_BEFORE_CONFIRMED, IGNORED_CANCELLED_ORDER, DUPLICATE,
    SHIPPED, ALREADY_SHIPPED, NOT_SHIPPABLE, NOT_FOUND
}
