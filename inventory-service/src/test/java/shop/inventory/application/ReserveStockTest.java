package shop.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * ReserveStock's shortage path, pure: the write that records a shortage can lose to another delivery or to a cancel that
 * came in between, and then the order is answered as it stands, with no decision published and nothing counted.
 */
class ReserveStockTest {

    private static final Sku SKU = new Sku("SKU-5");

    private final InMemoryReservations memory = new InMemoryReservations();
    private final List<OwedEvent> published = new ArrayList<>();
    private final List<List<Sku>> counted = new ArrayList<>();
    private final ReserveStock reserveStock = new ReserveStock(new ShortOnEveryReservation(memory), published::add,
            (order, skus) -> counted.add(skus), Clock.systemUTC());
    private final OrderPlaced order = new OrderPlaced(UUID.randomUUID().toString(), "corr-1",
            new OrderId(UUID.randomUUID().toString()), List.of(new StockLine(SKU, 3)));

    @Test
    void a_shortage_is_recorded_once_published_and_counted() {
        InventoryOutcome outcome = reserveStock.handle(order);

        assertEquals(new InventoryOutcome(InventoryOutcome.Kind.REJECTED_SHORT, List.of(SKU)), outcome);
        assertEquals(ReservationStatus.REJECTED, memory.status(order.orderId()));
        assertEquals(List.of(OwedEvent.Kind.SHORTAGE), published.stream().map(OwedEvent::kind).toList());
        assertEquals(List.of(List.of(SKU)), counted);
    }

    @Test
    void a_shortage_whose_order_was_cancelled_meanwhile_is_ignored_and_publishes_nothing() {
        memory.beforeNextWrite = () -> memory.tombstone(order.orderId(), "cancelled-1");

        assertEquals(InventoryOutcome.of(InventoryOutcome.Kind.IGNORED_CANCELLED_ORDER), reserveStock.handle(order));

        assertEquals(ReservationStatus.CANCELLED_BEFORE_PLACED, memory.status(order.orderId()));
        assertEquals(List.of(), published);
        assertEquals(List.of(), counted);
    }

    @Test
    void a_shortage_whose_order_another_delivery_reserved_meanwhile_is_a_duplicate() {
        memory.beforeNextWrite = () -> memory.put(order.orderId(), ReservationStatus.RESERVED);

        assertEquals(InventoryOutcome.of(InventoryOutcome.Kind.DUPLICATE), reserveStock.handle(order));

        assertEquals(List.of(), published);
        assertEquals(List.of(), counted);
    }

    /** Every reservation finds its skus short; everything else as the in-memory reservations do it. */
    private record ShortOnEveryReservation(InMemoryReservations memory) implements Reservations {

        @Override
        public Attempt reserve(OwedEvent reserved, String placedEventId) {
            return new Attempt.Short(reserved.reservation().lines().stream().map(StockLine::sku).toList());
        }

        @Override
        public boolean reject(OwedEvent shortage, String placedEventId) {
            return memory.reject(shortage, placedEventId);
        }

        @Override
        public Optional<Reservation> find(OrderId orderId) {
            return memory.find(orderId);
        }

        @Override
        public boolean tombstone(OrderId orderId, String eventId) {
            return memory.tombstone(orderId, eventId);
        }

        @Override
        public boolean apply(Reservation reservation, Transition transition, String eventId) {
            return memory.apply(reservation, transition, eventId);
        }
    }
}
