package shop.inventory.application;

import static shop.inventory.application.InventoryOutcome.Kind.DUPLICATE;
import static shop.inventory.application.InventoryOutcome.Kind.IGNORED_CANCELLED_ORDER;
import static shop.inventory.application.InventoryOutcome.Kind.REJECTED_SHORT;
import static shop.inventory.application.InventoryOutcome.Kind.RESERVED;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;

/**
 * On OrderPlaced: hold every line of the order, or none, and answer once. Lines are taken one sku at a time (one
 * conditional write each); when one is short the order is marked REJECTING first and only then are the lines taken
 * given back. The write that decides (RESERVING to RESERVED, or to REJECTING) also stores the decision the order
 * context is owed, so only the delivery that wins it publishes StockReserved or StockShortage, and a crash after it
 * leaves the decision to the outbox relay. After taking its lines a delivery re-checks the order's status, so a
 * cancellation or a concurrent duplicate that got there first is never undone.
 */
public final class ReserveStock {

    private final Stock stock;
    private final Reservations reservations;
    private final InventoryEvents events;
    private final ShortageMetrics metrics;
    private final Clock clock;
    private final GiveBack giveBack;

    public ReserveStock(Stock stock, Reservations reservations, InventoryEvents events, ShortageMetrics metrics, Clock clock) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.giveBack = new GiveBack(stock, reservations);
    }

    public InventoryOutcome handle(OrderPlaced order) {
        Reservation reservation = reservations.begin(order.orderId(), order.lines(), order.eventId());
        return switch (reservation.status()) {
            case RESERVING -> take(reservation, order.correlationId());
            case REJECTING, RELEASING -> settle(reservation);
            case CANCELLED_BEFORE_PLACED, RELEASED, SHIPPING_AFTER_RELEASE, SHIPPED_AFTER_RELEASE -> InventoryOutcome.of(IGNORED_CANCELLED_ORDER);
            case RESERVED, REJECTED, SHIPPING, SHIPPED -> InventoryOutcome.of(DUPLICATE);
        };
    }

    private InventoryOutcome take(Reservation reservation, String correlationId) {
        OrderId orderId = reservation.orderId();
        List<StockLine> lines = reservation.lines();
        for (int i = 0; i < lines.size(); i++) {
            StockLine line = lines.get(i);
            if (stock.take(line.sku(), orderId, line.quantity()) == Stock.Take.SHORT) {
                return reject(reservation, shortSkus(line, lines.subList(i + 1, lines.size())), correlationId);
            }
        }
        StockDecision reserved = StockDecision.of(StockDecision.Kind.RESERVED,
                new Reservation(orderId, ReservationStatus.RESERVED, lines, List.of()), clock.instant(), correlationId);
        if (reservations.reserve(reserved)) {
            events.publish(reserved);
            return InventoryOutcome.of(RESERVED);
        }
        return afterLosingTheRace(orderId);
    }

    private InventoryOutcome reject(Reservation reservation, List<Sku> shortSkus, String correlationId) {
        Reservation rejecting = new Reservation(reservation.orderId(), ReservationStatus.REJECTING, reservation.lines(), shortSkus);
        StockDecision shortage = StockDecision.of(StockDecision.Kind.SHORTAGE, rejecting, clock.instant(), correlationId);
        if (!reservations.reject(shortage)) {
            return afterLosingTheRace(reservation.orderId());
        }
        giveBack.finish(rejecting);
        metrics.shortage(reservation.orderId(), shortSkus); // once per order: only the delivery that marked it REJECTING
        events.publish(shortage); // after giving back: the units are free again by the time the customer hears
        return new InventoryOutcome(REJECTED_SHORT, shortSkus);
    }

    /** The short sku, and any later line that is short too (read only: nothing more is taken once one is short). */
    private List<Sku> shortSkus(StockLine shortLine, List<StockLine> rest) {
        List<Sku> skus = new ArrayList<>(List.of(shortLine.sku()));
        rest.stream().filter(line -> stock.available(line.sku()) < line.quantity()).forEach(line -> skus.add(line.sku()));
        return skus;
    }

    /** Another delivery moved the order while this one was taking lines: RESERVED stands, anything else gives back. */
    private InventoryOutcome afterLosingTheRace(OrderId orderId) {
        Reservation now = reservations.find(orderId)
                .orElseThrow(() -> new IllegalStateException("reservation of order " + orderId + " vanished"));
        if (now.status() == ReservationStatus.RESERVED || now.status() == ReservationStatus.SHIPPING
                || now.status() == ReservationStatus.SHIPPED) {
            return InventoryOutcome.of(DUPLICATE);
        }
        if (now.status().isShipped()) {
            return InventoryOutcome.of(IGNORED_CANCELLED_ORDER); // released, then shipped: its holds are settled
        }
        if (now.status().isReleasing()) {
            return settle(now);
        }
        // REJECTED, RELEASED: settled by the other delivery before this one took its lines; give back any hold taken since.
        for (StockLine line : now.lines()) {
            stock.giveBack(line.sku(), orderId, line.quantity());
        }
        return now.status() == ReservationStatus.REJECTED ? new InventoryOutcome(REJECTED_SHORT, now.shortSkus())
                : InventoryOutcome.of(IGNORED_CANCELLED_ORDER);
    }

    private InventoryOutcome settle(Reservation reservation) {
        giveBack.finish(reservation);
        return reservation.status() == ReservationStatus.REJECTING
                ? new InventoryOutcome(REJECTED_SHORT, reservation.shortSkus())
                : InventoryOutcome.of(IGNORED_CANCELLED_ORDER);
    }
}
