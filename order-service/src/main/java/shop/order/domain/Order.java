package shop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An order as its customer placed it, priced by the server, and possibly cancelled since. */
public record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines,
                    ShippingAddress shippingAddress, EmailAddress contactEmail, Instant placedAt,
                    Optional<Cancellation> cancellation) {

    public static final int MAX_LINES = 50;

    /** When and why an order was cancelled. */
    public record Cancellation(CancellationReason reason, Instant cancelledAt) {
        public Cancellation {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(contactEmail, "contactEmail");
        Objects.requireNonNull(placedAt, "placedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1.." + MAX_LINES + " lines");
        }
        if ((status == OrderStatus.CANCELLED) != cancellation.isPresent()) {
            throw new IllegalArgumentException("a cancelled order, and only a cancelled order, has a cancellation");
        }
    }

    public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, ShippingAddress address,
                              EmailAddress email, Instant now) {
        return new Order(id, customerId, OrderStatus.PLACED, lines, address, email, now, Optional.empty());
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    public boolean isOwnedBy(CustomerId customer) {
        return customerId.equals(customer);
    }

    /** The cancelled order. Only a placed order can be cancelled; cancelling again is the caller's no-op to detect. */
    public Order cancel(CancellationReason reason, Instant now) {
        if (status != OrderStatus.PLACED) {
            throw new IllegalStateException("order " + id + " is " + status + ", not PLACED");
        }
        return new Order(id, customerId, OrderStatus.CANCELLED, lines, shippingAddress, contactEmail, placedAt,
                Optional.of(new Cancellation(reason, now)));
    }
}
