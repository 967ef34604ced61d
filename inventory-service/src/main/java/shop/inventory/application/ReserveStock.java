package shop.inventory.application;

import static shop.inventory.application.StockOutcome.Kind.DUPLICATE;
import static shop.inventory.application.StockOutcome.Kind.IGNORED_CANCELLED_ORDER;
import static shop.inventory.application.StockOutcome.Kind.REJECTED_SHORT;
import static shop.inventory.application.StockOutcome.Kind.RESERVED;

import java.util.ArrayList;
import java.util.List;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;

/**
 * On OrderPlaced: hold every line of the order, or none. Lines are taken one sku at a time (one conditional
 * write each); when one is short the order is marked REJECTING first and only then are the lines taken given
 * back. After taking its lines a delivery re-checks the order's status, so a cancellation or a concurrent
 * duplicate that got there first is never undone.
 */
public final class ReserveStock {

    private final Stock stock;
    private final Reservations reservations;
    private final ShortageMetrics metrics;
    private final GiveBack giveBack;

    public ReserveStock(Stock stock, Reservations reservations, ShortageMetrics metrics) {
        this.stock = stock;
        this.reservations = reservations;
        this.metrics = metrics;
        this.giveBack = new GiveBack(stock, reservations);
    }

    public StockOutcome handle(PlacedOrder order) {
        Reservation reservation = reservations.begin(order.orderId(), order.lines(), order.eventId());
        return switch (reservation.status()) {
            case RESERVING -> take(reservation);
            case REJECTING, RELEASING -> settle(reservation);
            case CANCELLED_BEFORE_PLACED, RELEASED -> StockOutcome.of(IGNORED_CANCELLED_ORDER);
            case RESERVED, REJECTED -> StockOutcome.of(DUPLICATE);
        };
    }

    private StockOutcome take(Reservation reservation) {
        OrderId orderId = reservation.orderId();
        List<StockLine> lines = reservation.lines();
        for (int i = 0; i < lines.size(); i++) {
            StockLine line = lines.get(i);
            if (stock.take(line.sku(), orderId, line.quantity()) == Stock.Take.SHORT) {
                return reject(reservation, shortSkus(line, lines.subList(i + 1, lines.size())));
            }
        }
        if (reservations.move(orderId, ReservationStatus.RESERVING, ReservationStatus.RESERVED)) {
            return StockOutcome.of(RESERVED);
        }
        return afterLosingTheRace(orderId);
    }

    private StockOutcome reject(Reservation reservation, List<Sku> shortSkus) {
        if (!reservations.reject(reservation.orderId(), shortSkus)) {
            return afterLosingTheRace(reservation.orderId());
        }
        giveBack.finish(new Reservation(reservation.orderId(), ReservationStatus.REJECTING, reservation.lines(), shortSkus));
        metrics.shortage(reservation.orderId(), shortSkus); // once per order: only the delivery that marked it REJECTING
        return new StockOutcome(REJECTED_SHORT, shortSkus);
    }

    /** The short sku, and any later line that is short too (read only: nothing more is taken once one is short). */
    private List<Sku> shortSkus(StockLine shortLine, List<StockLine> rest) {
        List<Sku> skus = new ArrayList<>(List.of(shortLine.sku()));
        rest.stream().filter(line -> stock.available(line.sku()) < line.quantity()).forEach(line -> skus.add(line.sku()));
        return skus;
    }

    /** Another delivery moved the order while this one was taking lines: RESERVED stands, anything else gives back. */
    private StockOutcome afterLosingTheRace(OrderId orderId) {
        Reservation now = reservations.find(orderId)
                .orElseThrow(() -> new IllegalStateException("reservation of order " + orderId + " vanished"));
        if (now.status() == ReservationStatus.RESERVED) {
            return StockOutcome.of(DUPLICATE);
        }
        if (now.status().isReleasing()) {
            return settle(now);
        }
        // REJECTED, RELEASED: settled by the other delivery before this one took its lines; give back what it took.
        for (StockLine line : now.lines()) {
            stock.giveBack(line.sku(), orderId, line.quantity());
        }
        return now.status() == ReservationStatus.REJECTED ? new StockOutcome(REJECTED_SHORT, now.shortSkus())
                : StockOutcome.of(IGNORED_CANCELLED_ORDER);
    }

    private StockOutcome settle(Reservation reservation) {
        giveBack.finish(reservation);
        return reservation.status() == ReservationStatus.REJECTING
                ? new StockOutcome(REJECTED_SHORT, reservation.shortSkus())
                : StockOutcome.of(IGNORED_CANCELLED_ORDER);
    }
}
