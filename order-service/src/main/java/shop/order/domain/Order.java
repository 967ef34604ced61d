package shop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as its customer placed it, priced by the server, then confirmed or rejected on inventory's answer,
 * possibly cancelled since, and shipped. Each change returns the changed order; the caller stores it conditionally.
 */
public record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines,
                    ShippingAddress shippingAddress, EmailAddress contactEmail, Instant placedAt,
                    Optional<Instant> confirmedAt, Optional<Rejection> rejection, Optional<Cancellation> cancellation,
                    Optional<Shipment> shipment) {

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

    /** How and when the order's parcel left the warehouse, as the package context announced it. */
    public record Shipment(String carrier, String trackingNumber, Instant shippedAt) {
        public Shipment {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
            Objects.requireNonNull(shippedAt, "shippedAt");
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
        Objects.requireNonNull(shipment, "shipment");
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
        if ((status == OrderStatus.CONFIRMED || status == OrderStatus.SHIPPED) && confirmedAt.isEmpty()) {
            throw new IllegalArgumentException("a confirmed order has the time it was confirmed");
        }
        if (confirmedAt.isPresent() && (status == OrderStatus.PLACED || status == OrderStatus.REJECTED)) {
            throw new IllegalArgumentException("only a confirmed (or since shipped or cancelled) order was confirmed");
        }
        if ((status == OrderStatus.SHIPPED) && shipment.isEmpty()) {
            throw new IllegalArgumentException("a shipped order has its shipment");
        }
        if (shipment.isPresent() && status != OrderStatus.SHIPPED && status != OrderStatus.CANCELLED) {
            throw new IllegalArgumentException("only a shipped order, or one cancelled while it shipped, has a shipment");
        }
    }

    public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, ShippingAddress address,
                              EmailAddress email, Instant now) {
        return new Order(id, customerId, OrderStatus.PLACED, lines, address, email, now, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
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
                Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Inventory could not hold every line: the placed order is rejected, naming the short skus. */
    public Order reject(List<Sku> shortSkus, Instant now) {
        requireStatus(OrderStatus.PLACED);
        return new Order(id, customerId, OrderStatus.REJECTED, lines, shippingAddress, contactEmail, placedAt,
                Optional.empty(), Optional.of(new Rejection(RejectionReason.OUT_OF_STOCK, shortSkus, now)), Optional.empty(),
                Optional.empty());
    }

    /** The cancelled order. Only a placed or confirmed order can be cancelled; the caller refuses the others. */
    public Order cancel(CancellationReason reason, Instant now) {
        if (!status.isCancellable()) {
            throw new IllegalStateException("order " + id + " is " + status + " and cannot be cancelled");
        }
        return new Order(id, customerId, OrderStatus.CANCELLED, lines, shippingAddress, contactEmail, placedAt,
                confirmedAt, Optional.empty(), Optional.of(new Cancellation(reason, now)), Optional.empty());
    }

    /**
     * The parcel left the warehouse: a confirmed order becomes SHIPPED; an order cancelled while it shipped stays
     * CANCELLED and records the shipment, so a return is expected. Any other status cannot have shipped.
     */
    public Order ship(Shipment how) {
        if (shipment.isPresent()) {
            throw new IllegalStateException("order " + id + " has already shipped");
        }
        return switch (status) {
            case CONFIRMED -> new Order(id, customerId, OrderStatus.SHIPPED, lines, shippingAddress, contactEmail, placedAt,
                    confirmedAt, Optional.empty(), Optional.empty(), Optional.of(how));
            case CANCELLED -> new Order(id, customerId, OrderStatus.CANCELLED, lines, shippingAddress, contactEmail, placedAt,
                    confirmedAt, Optional.empty(), cancellation, Optional.of(how));
            default -> throw new IllegalStateException("order " + id + " is " + status + " and cannot have shipped");
        };
    }

    /** Cancelled after its parcel had left: the goods are on their way back (package asks for the return). */
    public boolean returnExpected() {
        return status == OrderStatus.CANCELLED && shipment.isPresent();
    }

    private void requireStatus(OrderStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("order " + id + " is " + status + ", not " + expected);
        }
    }
}
