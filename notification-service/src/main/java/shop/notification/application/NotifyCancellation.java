package shop.notification.application;

import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderEmails;

/**
 * On OrderCancelled: first record the cancellation (so a late OrderConfirmed sends no confirmation), then one cancellation
 * email. Recording first matters: if the function dies after it, the retry records again (no change) and sends.
 */
public final class NotifyCancellation {

    private final SendOnce sendOnce;
    private final Cancellations cancellations;

    public NotifyCancellation(SendOnce sendOnce, Cancellations cancellations) {
        this.sendOnce = sendOnce;
        this.cancellations = cancellations;
    }

    public NotificationOutcome handle(OrderCancelled order) {
        cancellations.record(order.orderId(), order.cancelledAt(), order.eventId());
        return sendOnce.send(order.orderId(), MessageKind.CANCELLATION_NOTICE, order.eventId(),
                OrderEmails.cancellationNotice(order.recipient(), order.orderId(), order.placedAt(),
                        order.cancelledAt(), order.reason()), () -> false);
    }
}
