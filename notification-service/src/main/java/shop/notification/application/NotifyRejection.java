package shop.notification.application;

import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderEmails;

/**
 * On OrderRejected: one email naming the items that could not be reserved and saying nothing will be charged. Not
 * gated on a cancellation: the order context rejects only a PLACED order, so a rejected order was never cancelled.
 */
public final class NotifyRejection {

    private final SendOnce sendOnce;

    public NotifyRejection(SendOnce sendOnce) {
        this.sendOnce = sendOnce;
    }

    public NotificationOutcome handle(OrderRejected order) {
        return sendOnce.send(order.orderId(), MessageKind.REJECTION_NOTICE, order.eventId(),
                OrderEmails.rejection(order.recipient(), order.orderId(), order.placedAt(), order.notReserved()),
                () -> false);
    }
}
