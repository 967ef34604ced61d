package shop.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.inventory.domain.Transition;

/**
 * A reservation that keeps changing under a cancel or a shipment (every conditional write lost to another delivery):
 * the use case gives up after three writes with an error asking for a retry, so the event is redelivered later.
 */
class LostWritesTest {

    private final OrderId order = new OrderId(UUID.randomUUID().toString());
    private final Reservation reserved = new Reservation(order, ReservationStatus.RESERVED,
            List.of(new StockLine(new Sku("SKU-1"), 2)), List.of());

    @Test
    void a_cancel_whose_every_release_is_lost_gives_up_after_three() {
        LosingReservations reservations = new LosingReservations(Optional.of(reserved));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ReleaseStock(reservations).handle(new OrderCancelled("event-1", order)));

        assertTrue(e.getMessage().endsWith("retry"), e.getMessage());
        assertEquals(3, reservations.writes);
    }

    @Test
    void a_cancel_before_the_order_whose_every_tombstone_is_lost_gives_up_after_three() {
        LosingReservations reservations = new LosingReservations(Optional.empty());

        assertThrows(IllegalStateException.class, () -> new ReleaseStock(reservations).handle(new OrderCancelled("event-1", order)));

        assertEquals(3, reservations.writes);
    }

    @Test
    void a_shipment_whose_every_settlement_is_lost_gives_up_after_three() {
        LosingReservations reservations = new LosingReservations(Optional.of(reserved));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SettleStock(reservations).handle(new ParcelShipped("event-1", order)));

        assertTrue(e.getMessage().endsWith("retry"), e.getMessage());
        assertEquals(3, reservations.writes);
    }

    @Test
    void a_shortage_whose_record_is_refused_and_then_not_found_is_an_error_to_retry_naming_the_order() {
        Reservations vanishing = new LosingReservations(Optional.empty()) {
            @Override
            public Attempt reserve(OwedEvent reserved, String placedEventId) {
                return new Attempt.Short(List.of(new Sku("SKU-1")));
            }

            @Override
            public boolean reject(OwedEvent shortage, String placedEventId) {
                return false; // refused as existing, yet find() sees nothing: the store contradicts itself
            }
        };
        List<OwedEvent> published = new ArrayList<>();
        ReserveStock reserve = new ReserveStock(vanishing, published::add, (orderId, skus) -> { }, Clock.systemUTC());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reserve.handle(
                new OrderPlaced("event-1", "corr-1", order, List.of(new StockLine(new Sku("SKU-1"), 2)))));

        assertTrue(e.getMessage().contains(order.value()) && e.getMessage().contains("vanished"), e.getMessage());
        assertEquals(List.of(), published, "nothing published for a decision that was not stored");
    }

    /** Another delivery always writes first: every conditional write is lost, and the reservation read stays as given. */
    private static class LosingReservations implements Reservations {
        private final Optional<Reservation> stored;
        int writes;

        LosingReservations(Optional<Reservation> stored) {
            this.stored = stored;
        }

        @Override
        public Attempt reserve(OwedEvent reserved, String placedEventId) {
            throw new UnsupportedOperationException("not a reservation test");
        }

        @Override
        public boolean reject(OwedEvent shortage, String placedEventId) {
            throw new UnsupportedOperationException("not a reservation test");
        }

        @Override
        public Optional<Reservation> find(OrderId orderId) {
            return stored;
        }

        @Override
        public boolean tombstone(OrderId orderId, String eventId) {
            writes++;
            return false;
        }

        @Override
        public boolean apply(Reservation reservation, Transition transition, String eventId) {
            writes++;
            return false;
        }
    }
}
