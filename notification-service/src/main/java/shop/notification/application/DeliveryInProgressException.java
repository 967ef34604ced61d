package shop.notification.application;

import java.time.Instant;

/**
 * Another invocation holds this message and may be sending it right now. Thrown, not swallowed, so the event is
 * retried later: by then the message is settled (the retry does nothing) or the lease has run out (it resends).
 */
public final class DeliveryInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryInProgressException(String what, Instant leaseUntil) {
        super(what + " is being sent by another invocation (lease until " + leaseUntil + "); retry later");
    }
}
