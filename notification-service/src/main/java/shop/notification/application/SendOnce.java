package shop.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import shop.notification.domain.Email;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;

/**
 * Sends one message at most once in effect: claim the record (conditional write: status SENDING with a lease),
 * send, then settle it as SENT with the provider's message id (conditional on the claim token).
 *
 * <p>Trade-off, on purpose: if the function dies after SES accepted the email but before SENT is written, the
 * record stays SENDING; once the lease runs out, a redelivery claims it again and sends a second email. There is
 * no way to make an external send and a DynamoDB write atomic, so in that narrow window the email is delivered
 * at least once rather than risk never. Outside it (duplicates, retries, replays of a settled message) nothing
 * is sent again. The lease is several times the function timeout, so a live invocation is never overtaken.
 *
 * <p>When the provider throttles (it sent nothing), the claim is released and the throttle passed on, so the caller
 * can stop sending for a while and the message's redelivery can claim it at once.
 */
public final class SendOnce {

    private final Deliveries deliveries;
    private final Emails emails;
    private final Clock clock;
    private final Duration lease;

    public SendOnce(Deliveries deliveries, Emails emails, Clock clock, Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease is positive");
        }
        this.deliveries = deliveries;
        this.emails = emails;
        this.clock = clock;
        this.lease = lease;
    }

    /** Sends {@code email} as the order's message of {@code kind}, unless it was settled before or {@code skip} says so. */
    public NotificationOutcome send(OrderId orderId, MessageKind kind, String eventId, Email email, BooleanSupplier skip) {
        Instant now = clock.instant();
        Claim claim = deliveries.claim(orderId, kind, eventId, now, now.plus(lease));
        if (claim instanceof Claim.Settled) {
            return NotificationOutcome.ALREADY_HANDLED;
        }
        if (claim instanceof Claim.Busy busy) {
            throw new DeliveryInProgressException(kind + " of order " + orderId, busy.leaseUntil());
        }
        Claim.Granted granted = (Claim.Granted) claim;
        if (skip.getAsBoolean()) {
            deliveries.markSkipped(granted, "order already cancelled", clock.instant());
            return NotificationOutcome.SKIPPED_ORDER_CANCELLED;
        }
        String providerMessageId;
        try {
            providerMessageId = emails.send(email);
        } catch (SendingThrottledException throttled) {
            // nothing went out: let the redelivery claim at once rather than wait out the lease
            deliveries.release(granted, "sending throttled", clock.instant());
            throw throttled;
        }
        // A lost claim here means our lease ran out mid-send and another invocation took over: the email went out
        // anyway, and that invocation settles the record.
        deliveries.markSent(granted, providerMessageId, email.subject(), clock.instant());
        return NotificationOutcome.SENT;
    }
}
