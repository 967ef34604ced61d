package shop.inventory.application;

import static shop.inventory.application.InventoryOutcome.Kind.DUPLICATE;
import static shop.inventory.application.InventoryOutcome.Kind.SHIPPED;
import static shop.inventory.application.InventoryOutcome.Kind.SHIPPED_AFTER_RELEASE;

import java.util.Optional;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Transition;

/**
 * On ParcelShipped: the order's units left for good. A RESERVED order's held units become shipped (available does not
 * come back); a RELEASED order (its cancel came first) had given its units back, so they now leave available. The
 * status and the counters move in one write, so a cancel that comes later finds SHIPPED and gives nothing back.
 */
public final class SettleStock {

    /** A retry follows a write another delivery made in between (a cancel, then this shipment): two is enough, three spare. */
    private static final int ATTEMPTS = 3;

    private final Reservations reservations;

    public SettleStock(Reservations reservations) {
        this.reservations = reservations;
    }

    public InventoryOutcome handle(ParcelShipped shipped) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Reservation reservation = reservations.find(shipped.orderId()).orElseThrow(() -> new IllegalStateException(
                    "ParcelShipped for order " + shipped.orderId() + ", which inventory never reserved"));
            Optional<Transition> ship = Transition.onShip(reservation.status());
            if (ship.isPresent()) {
                if (reservations.apply(reservation, ship.get(), shipped.eventId())) {
                    return InventoryOutcome.of(ship.get().to() == ReservationStatus.SHIPPED ? SHIPPED : SHIPPED_AFTER_RELEASE);
                }
                continue; // cancelled (or shipped) by another delivery in between
            }
            if (reservation.status() == ReservationStatus.SHIPPED || reservation.status() == ReservationStatus.SHIPPED_AFTER_RELEASE) {
                return InventoryOutcome.of(DUPLICATE);
            }
            throw new IllegalStateException("ParcelShipped for order " + shipped.orderId() + ", which inventory never reserved ("
                    + reservation.status() + ")");
        }
        throw new IllegalStateException("order " + shipped.orderId() + " kept changing while being shipped; retry");
    }
}
