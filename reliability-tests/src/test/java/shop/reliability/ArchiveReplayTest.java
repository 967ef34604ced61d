package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** After a run (orders placed, a third cancelled), a replay of the whole archive to every rule changes nothing at all. */
class ArchiveReplayTest {

    static final int ORDERS = Workload.size("replayOrders", 100);

    /** The event source mapping's DELIVER line: a batch of messages from a queue. */
    private static final java.util.regex.Pattern QUEUE_BATCH = java.util.regex.Pattern.compile(" <- \\d+ messages? from ");

    @Test
    void replaying_the_whole_archive_after_a_run_changes_nothing() throws Exception {
        try (Scenario scenario = Scenario.start("archive-replay")) {
            Instant started = Instant.now().minusSeconds(2);
            for (int sku = 1; sku <= 4; sku++) {
                scenario.topUpStock("SKU-" + sku, 100_000); // every order confirmed: this run is about replay, not shortage
            }
            Cohort cohort = new Cohort("R", Workload.orders(ORDERS, 13));
            cohort.place(scenario, 8);
            scenario.settle();
            cohort.cancel(scenario, 8);
            scenario.settle();
            String before = ContextState.read(scenario).exact();
            int archived = scenario.archive().size();
            long delivered = scenario.flowLines().stream().filter(ArchiveReplayTest::handedOverByARule)
                    .filter(l -> !l.contains("<- Scheduled Event")).count(); // the relays' schedules are not events of the archive

            long t0 = System.nanoTime();
            int replayed = scenario.bus.replay("whole-archive", started, Instant.now().plusSeconds(2));
            scenario.settle();
            long millis = (System.nanoTime() - t0) / 1_000_000;

            long redelivered = scenario.flowLines().stream().filter(ArchiveReplayTest::handedOverByARule)
                    .filter(l -> l.contains("(replay whole-archive)")).count();
            System.out.printf("[reliability] replay: %d orders, %d archived events (the whole conversation) replayed in %d ms:"
                    + " %d deliveries, as many as the run itself made (%d)%n", ORDERS, replayed, millis, redelivered, delivered);
            assertEquals(archived, replayed, "the whole archive was replayed");
            assertEquals(delivered, redelivered, "every rule delivered every replayed event it matches, as it did the first time");
            assertEquals(before, ContextState.read(scenario).exact(), "every table item and every email exactly as before");
        }
    }

    /**
     * A rule handed an event to its target: a function (DELIVER of one event) or the queue a function reads (QUEUED:
     * notification). The event source mapping's own DELIVER lines are batches of however many messages waited, so
     * they are not counted: the rule's hand-over to the queue is.
     */
    private static boolean handedOverByARule(String line) {
        return line.contains(" QUEUED ") || (line.contains(" DELIVER ") && !QUEUE_BATCH.matcher(line).find());
    }
}
