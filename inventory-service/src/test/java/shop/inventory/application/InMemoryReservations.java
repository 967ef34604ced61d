package shop.inventory.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Transition;

/**
 * Reservations in memory, each change conditional on the status it was read in, as DynamoDbReservations' writes are;
 * {@link #beforeNextWrite} lets a test slip another delivery's write in between a read and a write.
 */
final class InMemoryReservations implements Reservations {

    final Map<OrderId, Reservation> stored = new HashMap<>();
    Runnable beforeNextWrite = () -> { };

    @Override
    public Attempt reserve(OwedEvent reserved, String placedEventId) {
        interleave();
        Reservation reservation = reserved.reservation();
        Reservation known = stored.putIfAbsent(reservation.orderId(), reservation);
        return known == null ? new Attempt.Reserved() : new Attempt.Known(known);
    }

    @Override
    public boolean reject(OwedEvent shortage, String placedEventId) {
        interleave();
        return stored.putIfAbsent(shortage.reservation().orderId(), shortage.reservation()) == null;
    }

    @Override
    public Optional<Reservation> find(OrderId orderId) {
        return Optional.ofNullable(stored.get(orderId));
    }

    @Override
    public boolean tombstone(OrderId orderId, String eventId) {
        interleave();
        return stored.putIfAbsent(orderId, new Reservation(orderId, ReservationStatus.CANCELLED_BEFORE_PLACED, java.util.List.of(),
                java.util.List.of())) == null;
    }

    @Override
    public boolean apply(Reservation reservation, Transition transition, String eventId) {
        interleave();
        Reservation now = stored.get(reservation.orderId());
        if (now == null || now.status() != transition.from()) {
            return false;
        }
        stored.put(now.orderId(), new Reservation(now.orderId(), transition.to(), now.lines(), now.shortSkus()));
        return true;
    }

    ReservationStatus status(OrderId orderId) {
        return stored.get(orderId).status();
    }

    /** Stores a reservation as another delivery would have. */
    void put(OrderId orderId, ReservationStatus status) {
        stored.put(orderId, new Reservation(orderId, status, java.util.List.of(new shop.inventory.domain.StockLine(
                new shop.inventory.domain.Sku("SKU-1"), 2)), java.util.List.of()));
    }

    private void interleave() {
        Runnable once = beforeNextWrite;
        beforeNextWrite = () -> { };
        once.run();
    }
}
