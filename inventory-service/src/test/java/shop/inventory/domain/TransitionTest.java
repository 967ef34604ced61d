package shop.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionTest {

    @Test
    void only_a_reserved_order_has_units_to_give_back_on_cancel() {
        assertEquals(Optional.of(new Transition(ReservationStatus.RESERVED, ReservationStatus.RELEASED, StockMove.RELEASE)),
                Transition.onCancel(ReservationStatus.RESERVED));
        EnumSet.complementOf(EnumSet.of(ReservationStatus.RESERVED))
                .forEach(status -> assertTrue(Transition.onCancel(status).isEmpty(), status.name()));
    }

    @Test
    void a_shipment_takes_held_units_from_held_and_given_back_units_from_available() {
        assertEquals(new StockCounts(0, -2, 2), Transition.onShip(ReservationStatus.RESERVED).orElseThrow().move().delta(2));
        assertEquals(new StockCounts(-2, 0, 2), Transition.onShip(ReservationStatus.RELEASED).orElseThrow().move().delta(2));
        assertEquals(ReservationStatus.SHIPPED_AFTER_RELEASE, Transition.onShip(ReservationStatus.RELEASED).orElseThrow().to());
        EnumSet.complementOf(EnumSet.of(ReservationStatus.RESERVED, ReservationStatus.RELEASED))
                .forEach(status -> assertTrue(Transition.onShip(status).isEmpty(), status.name()));
    }

    @Test
    void every_move_keeps_the_total_and_only_a_reservation_needs_units_available() {
        for (StockMove move : StockMove.values()) {
            assertEquals(0, move.delta(3).total(), move.name());
            assertEquals(move == StockMove.RESERVE, move.needsAvailable(), move.name());
        }
    }
}
