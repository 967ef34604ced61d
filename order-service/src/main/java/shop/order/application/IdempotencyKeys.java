package shop.order.application;

import java.time.Instant;
import java.util.Optional;
import shop.order.domain.CustomerId;
import shop.order.domain.OrderId;

/** Remembers, for 24 hours, which order a customer's {@code Idempotency-Key} created and for which request. */
public interface IdempotencyKeys {

    /** A key's first use: the fingerprint of the request that used it and the order it stands for. */
    record Claim(String requestFingerprint, OrderId orderId) {
    }

    /**
     * Claims the key for this request and order if it is unused or expired; otherwise returns the existing claim.
     */
    Optional<Claim> claim(CustomerId customer, String key, Claim claim, Instant now);
}
