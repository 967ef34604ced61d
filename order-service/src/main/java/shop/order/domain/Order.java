package shop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as its customer placed it, priced by the server, then confirmed or rejected on inventory's answer, and
 * possibly cancelled since. Each change returns the changed order; the caller stores it conditionally.
 */
public record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines,
                    ShippingAddress shippingAddress, EmailAddress contactEmail, Instant placedAt,
                    Optional<Instant> confirmedAt, Optional<Rejection> rejection, Optional<Cancellation> cancellation) {

    public static final int MAX_LINES = 50;

    /** When and why an order was cancelled. */
    public record Cancellation(CancellationReason reason, Instant cancelledAt) {
        public Cancellation {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    /** When and why the shop rejected an order, and for OUT_OF_STOCK the skus it could not hold. */
    public record Rejection(RejectionReason reason, List<Sku> shortSkus, Instant rejectedAt) {
        public Rejection {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rejectedAt, "rejectedAt");
            shortSkus = List.copyOf(shortSkus);
            if (reason == RejectionReason.OUT_OF_STOCK && shortSkus.isEmpty()) {
                throw new IllegalArgumentException("an out-of-stock rejection names at least one short sku");
            }
        }
    }

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(contactEmail, "contactEmail");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(cancellation, "cancellation");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order has 1.." + MAX_LINES + " lines");
        }
        if ((status == OrderStatus.CANCELLED) != cancellation.isPresent()) {
            throw new IllegalArgumentException("a cancelled order, and only a cancelled order, has a cancellation");
        }
        if ((status == OrderStatus.REJECTED) != rejection.isPresent()) {
            throw new IllegalArgumentException("a rejected order, and only a rejected order, has a rejection");
        }
        if (status == OrderStatus.CONFIRMED && confirmedAt.isEmpty()) {
            throw new IllegalArgumentException("a confirmed order has the time it was confirmed");
        }
        if (confirmedAt.isPresent() && status != OrderStatus.CONFIRMED && status != OrderStatus.CANCELLED) {
            throw new IllegalArgumentException("only a confirmed (or since cancelled) order was confirmed");
        }
    }

    public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, ShippingAddress address,
                              EmailAddress email, Instant now) {
        return new Order(id, customerId, OrderStatus.PLACED, lines, address, email, now, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    public boolean isOwnedBy(CustomerId customer) {
        return customerId.equals(customer);
    }

    /** Inventory holds every line: the placed order is confirmed. */
    public Order confirm(Instant now) {
        requireStatus(OrderStatus.PLACED);
        return new Order(id, customerId, OrderStatus.CONFIRMED, lines, shippingAddress, contactEmail, placedAt,
                Optional.of(now), Optional.empty(), Optional.empty());
    }

    /** Inventory could not hold every line: the placed order is rejected, naming the short skus. */
    public Order reject(List<Sku> shortSkus, Instant now) {
        requireStatus(OrderStatus.PLACED);
        return new Order(id, customerId, OrderStatus.REJECTED, lines, shippingAddress, contactEmail, placedAt,
                Optional.empty(), Optional.of(new Rejection(RejectionReason.OUT_OF_STOCK, shortSkus, now)), Optional.empty());
    }

    /** The cancelled order. Only a placed or confirmed order can be cancelled; the caller refuses the others. */
    public Order cancel(CancellationReason reason, Instant now) {
        if (!status.isCancellable()) {
            throw new IllegalStateException("order " + id + " is " + status + " and cannot be cancelled");
        }
        return new Order(id, customerId, OrderStatus.CANCELLED, lines, shippingAddress, contactEmail, placedAt,
                confirmedAt, Optional.empty(), Optional.of(new Cancellation(reason, now)));
    }

    private void requireStatus(OrderStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("order " + id + " is " + status + ", not " + expected);
        }
    }
}
