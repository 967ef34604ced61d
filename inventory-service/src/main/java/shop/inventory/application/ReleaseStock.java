package shop.inventory.application;

import static shop.inventory.application.InventoryOutcome.Kind.CANCELLED_BEFORE_PLACED;
import static shop.inventory.application.InventoryOutcome.Kind.DUPLICATE;
import static shop.inventory.application.InventoryOutcome.Kind.KEPT_SHIPPED;
import static shop.inventory.application.InventoryOutcome.Kind.NOTHING_HELD;
import static shop.inventory.application.InventoryOutcome.Kind.RELEASED;

import java.util.Optional;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.Transition;

/**
 * On OrderCancelled: give back exactly what the order holds, in the write that marks it RELEASED. An order not seen
 * yet gets a tombstone, so its late OrderPlaced takes nothing. An order whose parcel shipped gives nothing back.
 */
public final class ReleaseStock {

    /** Each retry follows a write another delivery made in between; three is more than two deliveries can cause. */
    private static final int ATTEMPTS = 3;

    private final Reservations reservations;

    public ReleaseStock(Reservations reservations) {
        this.reservations = reservations;
    }

    public InventoryOutcome handle(OrderCancelled cancellation) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Reservation> found = reservations.find(cancellation.orderId());
            if (found.isEmpty()) {
                if (reservations.tombstone(cancellation.orderId(), cancellation.eventId())) {
                    return InventoryOutcome.of(CANCELLED_BEFORE_PLACED);
                }
                continue; // OrderPlaced arrived in between
            }
            Reservation reservation = found.get();
            Optional<Transition> release = Transition.onCancel(reservation.status());
            if (release.isPresent()) {
                if (reservations.apply(reservation, release.get(), cancellation.eventId())) {
                    return InventoryOutcome.of(RELEASED);
                }
                continue; // shipped or cancelled by another delivery in between
            }
            return switch (reservation.status()) {
                case REJECTED -> InventoryOutcome.of(NOTHING_HELD);
                case SHIPPED -> InventoryOutcome.of(KEPT_SHIPPED); // the parcel left: a return is expected, nothing comes back now
                default -> InventoryOutcome.of(DUPLICATE); // released, tombstoned, or released and then shipped
            };
        }
        throw new IllegalStateException("order " + cancellation.orderId() + " kept changing while being cancelled; retry");
    }
}
