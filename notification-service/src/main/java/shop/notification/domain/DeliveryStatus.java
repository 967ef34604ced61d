package shop.notification.domain;

/** Where one message stands: being sent (claimed under a lease), sent, or deliberately not sent. */
public enum DeliveryStatus {
    SENDING,
    SENT,
    SKIPPED
}
