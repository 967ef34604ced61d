package shop.notification.application;

import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderEmails;
import shop.notification.domain.OrderPlaced;

/** On OrderPlaced: one confirmation email, unless the order is already known to be cancelled (events out of order). */
public final class ConfirmOrder {

    private final SendOnce sendOnce;
    private final Cancellations cancellations;

    public ConfirmOrder(SendOnce sendOnce, Cancellations cancellations) {
        this.sendOnce = sendOnce;
        this.cancellations = cancellations;
    }

    public Outcome handle(OrderPlaced order) {
        return sendOnce.send(order.orderId(), MessageKind.ORDER_CONFIRMATION, order.eventId(),
                OrderEmails.confirmation(order), () -> cancellations.isCancelled(order.orderId()));
    }
}
