package shop.order.application;

import java.time.Instant;
import java.util.Optional;
import shop.order.domain.CustomerId;
import shop.order.domain.Order;
import shop.order.domain.OrderId;

/** Remembers, for 24 hours, which order a customer's {@code Idempotency-Key} created and for which request. */
public interface IdempotencyKeys {

    /** A key's first use: the fingerprint of the request that used it and the order it stands for. */
    record Claim(String requestFingerprint, OrderId orderId) {
    }

    /**
     * If the key is unused or expired: claims it for this request and stores {@code order} with the event it owes, in
     * one write, so neither exists without the other; returns empty. Otherwise stores nothing and returns the key's claim.
     */
    Optional<Claim> placeOnce(CustomerId customer, String key, String requestFingerprint, Order order, OwedEvent owed, Instant now);
}
