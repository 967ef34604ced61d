package shop.notification.application;

import java.time.Instant;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;

/** The answer to "may I send this message now?": yes (with the token that proves it), done already, or busy. */
public sealed interface Claim {

    /** This invocation holds the message until {@code leaseUntil}; {@code token} identifies its claim. */
    record Granted(OrderId orderId, MessageKind kind, String token, Instant leaseUntil) implements Claim {
    }

    /** The message was sent or deliberately skipped earlier: nothing to do. */
    record Settled(DeliveryStatus status) implements Claim {
    }

    /** Another invocation claimed it and its lease has not run out: it may be sending right now. */
    record Busy(Instant leaseUntil) implements Claim {
    }
}
