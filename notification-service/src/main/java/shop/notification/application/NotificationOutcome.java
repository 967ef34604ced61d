package shop.notification.application;

/** What handling one event did, as the handler reports it. */
public enum NotificationOutcome {
    /** The email went out now. */
    SENT,
    /** The same message was sent or skipped before: a duplicate, retry or replay; nothing new happened. */
    ALREADY_HANDLED,
    /** An OrderConfirmed for an order already cancelled (events out of order): no confirmation, and the record says why. */
    SKIPPED_ORDER_CANCELLED
}
