package shop.notification.application;

import java.time.Instant;
import java.util.Optional;
import shop.notification.domain.Delivery;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;

/** Port: the record of every message, one per order and kind, each step a conditional write on that record. */
public interface Deliveries {

    /**
     * Claims the message for sending: granted when it has no record yet, or when an earlier claim's lease ran out
     * before that claim was settled (the invocation holding it died or timed out).
     */
    Claim claim(OrderId orderId, MessageKind kind, String eventId, Instant now, Instant leaseUntil);

    /** Settles the claim as sent; false if the claim was lost (its lease ran out and another invocation took it). */
    boolean markSent(Claim.Granted claim, String providerMessageId, String subject, Instant sentAt);

    /** Settles the claim as deliberately not sent, with why. */
    boolean markSkipped(Claim.Granted claim, String because, Instant at);

    /**
     * Gives the claim up unsettled, so that a redelivery may claim the message at once instead of after the lease
     * (nothing was sent: the provider throttled); false if the claim was lost already.
     */
    boolean release(Claim.Granted claim, String because, Instant at);

    Optional<Delivery> find(OrderId orderId, MessageKind kind);
}
