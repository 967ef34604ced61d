package shop.notification.domain;

/** The emails this context sends: at most one of each kind per order. */
public enum MessageKind {
    /** On OrderConfirmed: stock is held for every line, the order will ship. */
    ORDER_CONFIRMATION,
    /** On OrderRejected: which items could not be reserved, and that nothing will be charged. */
    REJECTION_NOTICE,
    /** On OrderCancelled. */
    CANCELLATION_NOTICE,
    /** On ParcelShipped: on its way (or, if it was cancelled meanwhile, shipped anyway and to be returned). */
    SHIPPING_NOTICE
}
