package shop.notification.application;

import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderEmails;

/**
 * On OrderConfirmed: one "confirmed, will ship" email, unless the order is already known to be cancelled (the
 * cancellation was delivered first). OrderPlaced sends nothing: stock may still be short, and SES is most of the bill.
 * Named as its siblings (NotifyRejection, ...): it tells the customer; the order context's ConfirmOrder confirms.
 */
public final class NotifyConfirmation {

    private final SendOnce sendOnce;
    private final Cancellations cancellations;

    public NotifyConfirmation(SendOnce sendOnce, Cancellations cancellations) {
        this.sendOnce = sendOnce;
        this.cancellations = cancellations;
    }

    public NotificationOutcome handle(OrderConfirmed order) {
        return sendOnce.send(order.orderId(), MessageKind.ORDER_CONFIRMATION, order.eventId(),
                OrderEmails.confirmation(order.recipient(), order.orderId(), order.placedAt(), order.itemCount(), order.total()),
                () -> cancellations.isCancelled(order.orderId()));
    }
}
