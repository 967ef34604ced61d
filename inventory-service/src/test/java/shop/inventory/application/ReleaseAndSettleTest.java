package shop.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.application.InventoryOutcome.Kind;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.ReservationStatus;

/**
 * What a cancel and a shipment do to an order's reservation, pure: given back once, a tombstone when the cancel comes
 * first, shipped held or shipped after release, and each race with another delivery ending in a state it can explain.
 */
class ReleaseAndSettleTest {

    private final InMemoryReservations reservations = new InMemoryReservations();
    private final ReleaseStock release = new ReleaseStock(reservations);
    private final SettleStock settle = new SettleStock(reservations);
    private final OrderId order = new OrderId(UUID.randomUUID().toString());

    @Test
    void a_cancel_gives_a_reservation_back_once() {
        reservations.put(order, ReservationStatus.RESERVED);

        assertEquals(Kind.RELEASED, release.handle(cancelled()).kind());
        assertEquals(Kind.DUPLICATE, release.handle(cancelled()).kind());
        assertEquals(ReservationStatus.RELEASED, reservations.status(order));
    }

    @Test
    void a_cancel_before_the_order_is_known_leaves_a_tombstone_once() {
        assertEquals(Kind.CANCELLED_BEFORE_PLACED, release.handle(cancelled()).kind());
        assertEquals(Kind.DUPLICATE, release.handle(cancelled()).kind());
        assertEquals(ReservationStatus.CANCELLED_BEFORE_PLACED, reservations.status(order));
    }

    @Test
    void a_cancel_that_meets_its_order_placed_in_between_gives_the_new_reservation_back() {
        reservations.beforeNextWrite = () -> reservations.put(order, ReservationStatus.RESERVED); // OrderPlaced won the race

        assertEquals(Kind.RELEASED, release.handle(cancelled()).kind());
        assertEquals(ReservationStatus.RELEASED, reservations.status(order));
    }

    @Test
    void a_cancel_of_a_rejected_order_gives_nothing_back_and_one_of_a_shipped_order_keeps_it_shipped() {
        reservations.put(order, ReservationStatus.REJECTED);
        assertEquals(Kind.NOTHING_HELD, release.handle(cancelled()).kind());

        OrderId shipped = new OrderId(UUID.randomUUID().toString());
        reservations.put(shipped, ReservationStatus.SHIPPED);
        assertEquals(Kind.KEPT_SHIPPED, release.handle(new OrderCancelled(UUID.randomUUID().toString(), shipped)).kind());
        assertEquals(ReservationStatus.SHIPPED, reservations.status(shipped));
    }

    @Test
    void a_cancel_racing_a_shipment_that_lands_first_keeps_the_units_shipped() {
        reservations.put(order, ReservationStatus.RESERVED);
        reservations.beforeNextWrite = () -> reservations.put(order, ReservationStatus.SHIPPED);

        assertEquals(Kind.KEPT_SHIPPED, release.handle(cancelled()).kind());
        assertEquals(ReservationStatus.SHIPPED, reservations.status(order));
    }

    @Test
    void a_shipment_ships_held_units_once_or_units_given_back_after_a_cancel() {
        reservations.put(order, ReservationStatus.RESERVED);
        assertEquals(Kind.SHIPPED, settle.handle(shipped()).kind());
        assertEquals(Kind.DUPLICATE, settle.handle(shipped()).kind());
        assertEquals(ReservationStatus.SHIPPED, reservations.status(order));

        OrderId released = new OrderId(UUID.randomUUID().toString());
        reservations.put(released, ReservationStatus.RELEASED);
        assertEquals(Kind.SHIPPED_AFTER_RELEASE, settle.handle(new ParcelShipped(UUID.randomUUID().toString(), released)).kind());
        assertEquals(Kind.DUPLICATE, settle.handle(new ParcelShipped(UUID.randomUUID().toString(), released)).kind());
        assertEquals(ReservationStatus.SHIPPED_AFTER_RELEASE, reservations.status(released));
    }

    @Test
    void a_shipment_racing_a_cancel_that_lands_first_ships_what_was_given_back() {
        reservations.put(order, ReservationStatus.RESERVED);
        reservations.beforeNextWrite = () -> reservations.put(order, ReservationStatus.RELEASED);

        assertEquals(Kind.SHIPPED_AFTER_RELEASE, settle.handle(shipped()).kind());
        assertEquals(ReservationStatus.SHIPPED_AFTER_RELEASE, reservations.status(order));
    }

    @Test
    void a_shipment_of_an_order_inventory_never_reserved_fails_with_a_reason() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> settle.handle(shipped()));
        reservations.put(order, ReservationStatus.REJECTED);
        IllegalStateException rejected = assertThrows(IllegalStateException.class, () -> settle.handle(shipped()));

        assertTrue(unknown.getMessage().contains(order.toString()), unknown.getMessage());
        assertTrue(rejected.getMessage().contains("REJECTED"), rejected.getMessage());
        assertEquals(ReservationStatus.REJECTED, reservations.status(order));
    }

    private OrderCancelled cancelled() {
        return new OrderCancelled(UUID.randomUUID().toString(), order);
    }

    private ParcelShipped shipped() {
        return new ParcelShipped(UUID.randomUUID().toString(), order);
    }
}
