package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** After a run (orders placed, a third cancelled), a replay of the whole archive to every rule changes nothing at all. */
class ArchiveReplayTest {

    static final int ORDERS = Workload.size("replayOrders", 100);

    @Test
    void replaying_the_whole_archive_after_a_run_changes_nothing() throws Exception {
        try (Scenario scenario = Scenario.start("archive-replay")) {
            Instant started = Instant.now().minusSeconds(2);
            Cohort cohort = new Cohort("R", Workload.orders(ORDERS, 13));
            cohort.place(scenario, 8);
            scenario.settle();
            cohort.cancel(scenario, 8);
            scenario.settle();
            String before = ContextState.read(scenario).exact();
            int archived = scenario.archive().size();

            long t0 = System.nanoTime();
            int replayed = scenario.bus.replay("whole-archive", started, Instant.now().plusSeconds(2));
            scenario.settle();
            long millis = (System.nanoTime() - t0) / 1_000_000;

            System.out.printf("[reliability] replay: %d orders, %d archived events replayed to 4 consumers in %d ms%n", ORDERS, replayed, millis);
            assertEquals(archived, replayed, "the whole archive was replayed");
            assertTrue(scenario.flowLinesContaining("DELIVER", "(replay whole-archive)") >= 4L * replayed, "every consumer got every replayed event");
            assertEquals(before, ContextState.read(scenario).exact(), "every table item and every email exactly as before");
        }
    }
}
