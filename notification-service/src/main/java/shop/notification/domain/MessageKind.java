package shop.notification.domain;

/** The emails this context sends: at most one of each kind per order. */
public enum MessageKind {
    ORDER_CONFIRMATION,
    CANCELLATION_NOTICE
}
