package shop.notification.application;

import shop.notification.domain.Email;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderEmails;

/**
 * On ParcelShipped: one "on its way" email with the carrier and tracking number. If the order's cancellation was
 * handled first (the customer cancelled while the warehouse shipped), the email says so instead: the cancelled
 * order had already left, and a return is expected, so the customer never reads two contradicting emails.
 */
public final class NotifyShipment {

    private final SendOnce sendOnce;
    private final Cancellations cancellations;

    public NotifyShipment(SendOnce sendOnce, Cancellations cancellations) {
        this.sendOnce = sendOnce;
        this.cancellations = cancellations;
    }

    public NotificationOutcome handle(ParcelShipped parcel) {
        Email email = cancellations.isCancelled(parcel.orderId())
                ? OrderEmails.shippedAfterCancellation(parcel.recipient(), parcel.orderId(), parcel.shippedAt(),
                        parcel.carrier(), parcel.trackingNumber())
                : OrderEmails.onItsWay(parcel.recipient(), parcel.orderId(), parcel.shippedAt(), parcel.itemCount(),
                        parcel.carrier(), parcel.trackingNumber());
        return sendOnce.send(parcel.orderId(), MessageKind.SHIPPING_NOTICE, parcel.eventId(), email, () -> false);
    }
}
