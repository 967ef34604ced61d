package shop.inventory.application;

import static shop.inventory.application.InventoryOutcome.Kind.CANCELLED_BEFORE_PLACED;
import static shop.inventory.application.InventoryOutcome.Kind.DUPLICATE;
import static shop.inventory.application.InventoryOutcome.Kind.KEPT_SHIPPED;
import static shop.inventory.application.InventoryOutcome.Kind.NOTHING_HELD;
import static shop.inventory.application.InventoryOutcome.Kind.RELEASED;

import java.util.Optional;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;

/**
 * On OrderCancelled: give back exactly what the order holds. The order is marked RELEASING before any line is
 * given back, so an OrderPlaced still taking lines sees it and gives back its own. An order not seen yet gets a
 * tombstone, so its late OrderPlaced takes nothing. An order whose parcel shipped gives nothing back.
 */
public final class ReleaseStock {

    /** Each retry follows a write another delivery made in between; three is more than two deliveries can cause. */
    private static final int ATTEMPTS = 3;

    private final Reservations reservations;
    private final GiveBack giveBack;

    public ReleaseStock(Stock stock, Reservations reservations) {
        this.reservations = reservations;
        this.giveBack = new GiveBack(stock, reservations);
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
            switch (reservation.status()) {
                case RESERVING, RESERVED -> {
                    if (reservations.cancel(reservation.orderId(), reservation.status(), cancellation.eventId())) {
                        giveBack.finish(new Reservation(reservation.orderId(), ReservationStatus.RELEASING,
                                reservation.lines(), reservation.shortSkus()));
                        return InventoryOutcome.of(RELEASED);
                    }
                }
                case RELEASING -> {
                    giveBack.finish(reservation);
                    return InventoryOutcome.of(RELEASED);
                }
                case REJECTING -> {
                    giveBack.finish(reservation);
                    return InventoryOutcome.of(NOTHING_HELD);
                }
                case REJECTED -> {
                    return InventoryOutcome.of(NOTHING_HELD);
                }
                case RELEASED, CANCELLED_BEFORE_PLACED, SHIPPING_AFTER_RELEASE, SHIPPED_AFTER_RELEASE -> {
                    return InventoryOutcome.of(DUPLICATE); // this cancel was applied before the parcel shipped
                }
                case SHIPPING, SHIPPED -> {
                    return InventoryOutcome.of(KEPT_SHIPPED); // the parcel left: a return is expected, nothing comes back now
                }
            }
        }
        throw new IllegalStateException("order " + cancellation.orderId() + " kept changing while being cancelled; retry");
    }
}
