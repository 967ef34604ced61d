package shop.notification.application;

import java.time.Instant;
import shop.notification.domain.OrderId;

/** Port: the orders known to be cancelled, so a late OrderConfirmed sends no confirmation. */
public interface Cancellations {

    /** Records that the order is cancelled; recording it again changes nothing. */
    void record(OrderId orderId, Instant cancelledAt, String eventId);

    boolean isCancelled(OrderId orderId);
}
