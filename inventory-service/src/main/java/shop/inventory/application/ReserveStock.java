package shop.inventory.application;

import static shop.inventory.application.InventoryOutcome.Kind.DUPLICATE;
import static shop.inventory.application.InventoryOutcome.Kind.IGNORED_CANCELLED_ORDER;
import static shop.inventory.application.InventoryOutcome.Kind.REJECTED_SHORT;
import static shop.inventory.application.InventoryOutcome.Kind.RESERVED;

import java.time.Clock;
import java.util.List;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;

/**
 * On OrderPlaced: hold every line of the order, or none, and answer once. The reservation, every sku's counters and
 * the decision owed to the order context (StockReserved) are one atomic write, refused as a whole if a line is short or
 * the order is already known; a shortage is then recorded with its decision (StockShortage) in one more write. Only the
 * delivery whose write won publishes; a crash after it leaves the decision to the outbox relay.
 */
public final class ReserveStock {

    private final Reservations reservations;
    private final InventoryEvents events;
    private final ShortageMetrics metrics;
    private final Clock clock;

    public ReserveStock(Reservations reservations, InventoryEvents events, ShortageMetrics metrics, Clock clock) {
        this.reservations = reservations;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    public InventoryOutcome handle(OrderPlaced order) {
        OwedEvent reserved = OwedEvent.of(OwedEvent.Kind.RESERVED,
                new Reservation(order.orderId(), ReservationStatus.RESERVED, order.lines(), List.of()), clock.instant(),
                order.correlationId());
        Reservations.Attempt attempt = reservations.reserve(reserved, order.eventId());
        if (attempt instanceof Reservations.Attempt.Short shortage) {
            return reject(order, shortage);
        }
        if (attempt instanceof Reservations.Attempt.Known known) {
            return known(known.reservation());
        }
        events.publish(reserved);
        return InventoryOutcome.of(RESERVED);
    }

    private InventoryOutcome reject(OrderPlaced order, Reservations.Attempt.Short shortage) {
        OwedEvent decision = OwedEvent.of(OwedEvent.Kind.SHORTAGE,
                new Reservation(order.orderId(), ReservationStatus.REJECTED, order.lines(), shortage.skus()), clock.instant(),
                order.correlationId());
        if (!reservations.reject(decision, order.eventId())) {
            return known(find(order.orderId())); // a concurrent delivery or a cancel got there first
        }
        metrics.shortage(order.orderId(), shortage.skus()); // once per order: only the delivery whose write won
        events.publish(decision);
        return new InventoryOutcome(REJECTED_SHORT, shortage.skus());
    }

    private Reservation find(OrderId orderId) {
        return reservations.find(orderId).orElseThrow(() -> new IllegalStateException("reservation of order " + orderId + " vanished"));
    }

    /** Another delivery decided this order first (a duplicate), or its cancel came first. */
    private static InventoryOutcome known(Reservation reservation) {
        return reservation.status().isCancelled() ? InventoryOutcome.of(IGNORED_CANCELLED_ORDER) : InventoryOutcome.of(DUPLICATE);
    }
}
