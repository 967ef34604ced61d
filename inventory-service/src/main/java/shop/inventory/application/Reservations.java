package shop.inventory.application;

import java.util.List;
import java.util.Optional;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.StockLine;

/**
 * One record per order of how its reservation stands, with the decision it still owes the bus. Each method is one
 * conditional write to that order's item, so a decision and the status it records are never out of step.
 */
public interface Reservations {

    /** Starts reserving (status RESERVING) unless the order is known; returns the order's record as it now stands. */
    Reservation begin(OrderId orderId, List<StockLine> lines, String eventId);

    Optional<Reservation> find(OrderId orderId);

    /** Moves the order from one status to another; false if it was not in {@code from}. */
    boolean move(OrderId orderId, ReservationStatus from, ReservationStatus to);

    /** RESERVING to RESERVED, owing the decision (StockReserved) in the same write; false if the order was not RESERVING. */
    boolean reserve(StockDecision reserved);

    /**
     * RESERVING to REJECTING, recording the short skus and owing the decision (StockShortage) in the same write; false
     * if the order was not RESERVING.
     */
    boolean reject(StockDecision shortage);

    /** From {@code from} to RELEASING for a cancellation, recording its event; false if the order was not in {@code from}. */
    boolean cancel(OrderId orderId, ReservationStatus from, String eventId);

    /** From {@code from} (RESERVED or RELEASED) to {@code to} (SHIPPING...) for a ParcelShipped, recording its event; false if not in {@code from}. */
    boolean ship(OrderId orderId, ReservationStatus from, ReservationStatus to, String eventId);

    /** Records a cancellation for an order not seen yet (CANCELLED_BEFORE_PLACED); false if the order exists. */
    boolean tombstone(OrderId orderId, String eventId);
}
