package shop.order.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Order;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;

/** A customer's request to place an order: what they want, where it goes; no prices, those are ours. */
public record PlaceOrderCommand(CustomerId customer, List<RequestedLine> lines, ShippingAddress address,
                                EmailAddress email, Optional<String> idempotencyKey, String correlationId) {

    /** A sku and how many of it. */
    public record RequestedLine(Sku sku, int quantity) {
        public RequestedLine {
            Objects.requireNonNull(sku, "sku");
        }
    }

    public PlaceOrderCommand {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(correlationId, "correlationId");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > Order.MAX_LINES) {
            throw new IllegalArgumentException("an order has 1.." + Order.MAX_LINES + " lines");
        }
        Set<Sku> seen = new HashSet<>();
        for (RequestedLine line : lines) {
            if (!seen.add(line.sku())) {
                throw new IllegalArgumentException("sku " + line.sku().value() + " appears on more than one line");
            }
        }
    }

    /** Identifies the request's content (not its formatting), to tell a retry from a different request. */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.sku().value()).append('\u0000').append(line.quantity()).append('\u0001'));
        text.append(address.name()).append('\u0000').append(address.line1()).append('\u0000')
                .append(Objects.toString(address.line2(), "")).append('\u0000').append(address.city()).append('\u0000')
                .append(address.postalCode()).append('\u0000').append(address.country()).append('\u0001')
                .append(email.value());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
