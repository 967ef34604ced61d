package shop.inventory.application;

import static shop.inventory.application.InventoryOutcome.Kind.DUPLICATE;
import static shop.inventory.application.InventoryOutcome.Kind.SHIPPED;
import static shop.inventory.application.InventoryOutcome.Kind.SHIPPED_AFTER_RELEASE;

import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.StockLine;

/**
 * On ParcelShipped: the order's units left for good. A RESERVED order's held units become shipped (available does not
 * come back); a RELEASED order (its cancel came first) had given its units back, so they now leave available. The
 * order is marked SHIPPING first, so a cancel that comes later gives nothing back; a redelivery finishes what is missing.
 */
public final class SettleStock {

    /** RELEASING, RELEASED, SHIPPING_AFTER_RELEASE is the longest path; one more for a write another delivery made between. */
    private static final int ATTEMPTS = 4;

    private final Stock stock;
    private final Reservations reservations;
    private final GiveBack giveBack;

    public SettleStock(Stock stock, Reservations reservations) {
        this.stock = stock;
        this.reservations = reservations;
        this.giveBack = new GiveBack(stock, reservations);
    }

    public InventoryOutcome handle(ParcelShipped shipped) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Reservation reservation = reservations.find(shipped.orderId()).orElseThrow(() -> new IllegalStateException(
                    "ParcelShipped for order " + shipped.orderId() + ", which inventory never reserved"));
            switch (reservation.status()) {
                case RESERVED -> ship(reservation, ReservationStatus.SHIPPING, shipped.eventId());
                case RELEASED -> ship(reservation, ReservationStatus.SHIPPING_AFTER_RELEASE, shipped.eventId());
                case RELEASING -> giveBack.finish(reservation); // the cancel first, then ship as released
                case SHIPPING, SHIPPING_AFTER_RELEASE -> {
                    return finish(reservation);
                }
                case SHIPPED, SHIPPED_AFTER_RELEASE -> {
                    return InventoryOutcome.of(DUPLICATE);
                }
                case RESERVING, REJECTING, REJECTED, CANCELLED_BEFORE_PLACED -> throw new IllegalStateException(
                        "ParcelShipped for order " + shipped.orderId() + ", which inventory never reserved (" + reservation.status() + ")");
            }
        }
        throw new IllegalStateException("order " + shipped.orderId() + " kept changing while being shipped; retry");
    }

    /** Marks the order; the next turn of the loop settles it (or finds what another delivery did). */
    private void ship(Reservation reservation, ReservationStatus to, String eventId) {
        reservations.ship(reservation.orderId(), reservation.status(), to, eventId);
    }

    private InventoryOutcome finish(Reservation reservation) {
        for (StockLine line : reservation.lines()) {
            stock.settle(line.sku(), reservation.orderId(), line.quantity());
        }
        reservations.move(reservation.orderId(), reservation.status(), reservation.status().settlesAs());
        return InventoryOutcome.of(reservation.status() == ReservationStatus.SHIPPING ? SHIPPED : SHIPPED_AFTER_RELEASE);
    }
}
