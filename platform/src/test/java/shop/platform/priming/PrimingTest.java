package shop.platform.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void a_sample_event_is_read_from_the_owner_class_path() {
        IncomingEvent event = Priming.sampleEvent(PrimingTest.class, "/priming/SomethingHappened.json");

        assertEquals("SomethingHappened", event.detailType());
        assertEquals("shop.example", event.source());
        assertEquals("00000000-0000-0000-0000-000000000000", event.metadata().eventId());
    }

    @Test
    void a_sample_event_missing_from_the_class_path_says_which() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Priming.sampleEvent(PrimingTest.class, "/priming/Nothing.json"));

        assertTrue(missing.getMessage().contains("/priming/Nothing.json"), missing.getMessage());
    }
}
