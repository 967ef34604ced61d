package shop.inventory.domain;

import java.util.Optional;

/**
 * A change of an existing reservation's status and the stock it moves: what a cancel or a shipment does to an order in
 * a given status. Empty where the event changes nothing (a duplicate, or a status that holds nothing to move).
 */
public record Transition(ReservationStatus from, ReservationStatus to, StockMove move) {

    /** OrderCancelled: only a RESERVED order has units to give back. */
    public static Optional<Transition> onCancel(ReservationStatus status) {
        return status == ReservationStatus.RESERVED
                ? Optional.of(new Transition(status, ReservationStatus.RELEASED, StockMove.RELEASE)) : Optional.empty();
    }

    /** ParcelShipped: held units leave held; units already given back (the cancel came first) leave available. */
    public static Optional<Transition> onShip(ReservationStatus status) {
        return switch (status) {
            case RESERVED -> Optional.of(new Transition(status, ReservationStatus.SHIPPED, StockMove.SHIP_HELD));
            case RELEASED -> Optional.of(new Transition(status, ReservationStatus.SHIPPED_AFTER_RELEASE, StockMove.SHIP_RELEASED));
            default -> Optional.empty();
        };
    }
}
