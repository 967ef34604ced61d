package shop.inventory.application;

import java.util.List;
import java.util.Optional;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.Sku;
import shop.inventory.domain.Transition;

/**
 * One record per order of how its reservation stands, with the decision it still owes the bus. Every change is one
 * atomic write: the order's status, the skus' counters it moves and the event it owes, all or nothing, each conditional
 * on the state it leaves, which is what makes duplicates, disorder and concurrent deliveries safe.
 */
public interface Reservations {

    /** What an attempt to reserve found. */
    sealed interface Attempt {
        /** Every line is held and the decision is owed, in one write. */
        record Reserved() implements Attempt {
        }

        /** These skus had too few units; nothing was written. */
        record Short(List<Sku> skus) implements Attempt {
        }

        /** The order was already known (reserved, rejected or cancelled by another delivery); nothing was written. */
        record Known(Reservation reservation) implements Attempt {
        }
    }

    /** Holds every line of the decision's reservation and records it RESERVED, owing the decision, unless the order is known. */
    Attempt reserve(OwedEvent reserved, String placedEventId);

    /** Records the order REJECTED with its short skus, owing the decision, unless the order is known; false if it is. */
    boolean reject(OwedEvent shortage, String placedEventId);

    Optional<Reservation> find(OrderId orderId);

    /** Records a cancellation for an order not seen yet (CANCELLED_BEFORE_PLACED); false if the order exists. */
    boolean tombstone(OrderId orderId, String eventId);

    /** Moves the reservation's status and its lines' units as the transition says; false if it was no longer in {@code from}. */
    boolean apply(Reservation reservation, Transition transition, String eventId);
}
