package shop.platform.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.platform.events.IncomingEvent;

class PrimingTest {

    @Test
    void a_registered_step_runs_when_the_checkpoint_comes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Priming.register("counting", runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }

    @Test
    void prime_now_runs_every_registered_step_as_a_checkpoint_would() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Priming.register("counting twice", runs::incrementAndGet);

        int steps = Priming.primeNow();

        assertTrue(steps >= 1);
        assertTrue(runs.get() >= 1);
    }

    @Test
    void a_failing_step_never_fails_the_checkpoint() {
        assertFalse(Priming.run("failing", () -> {
            throw new IllegalStateException("the table is not reachable");
        }));
    }

    @Test
    void the_priming_order_placed_is_a_valid_event_that_names_no_real_order() {
        IncomingEvent event = Priming.orderPlaced();

        assertEquals("OrderPlaced", event.detailType());
        assertEquals("00000000-0000-0000-0000-000000000000", event.data().path("orderId").asText());
        assertEquals("priming@example.com", event.data().path("contactEmail").asText());
    }

    @Test
    void the_priming_order_confirmed_is_a_valid_event_that_names_no_real_order() {
        IncomingEvent event = Priming.orderConfirmed();

        assertEquals("OrderConfirmed", event.detailType());
        assertEquals("00000000-0000-0000-0000-000000000000", event.data().path("orderId").asText());
        assertEquals("2026-01-01T00:00:00Z", event.data().path("confirmedAt").asText());
    }
}
