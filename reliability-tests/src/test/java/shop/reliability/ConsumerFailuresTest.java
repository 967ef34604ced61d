package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import shop.localcloud.common.Faults;

/**
 * Consumers that throw: every delivery attempt fails with probability 0.464, so that after Lambda's retry policy
 * (3 attempts, template EventInvokeConfig) about 10% of deliveries (0.464^3) still fail and land in the consumer's
 * DLQ, and about 46% succeed only on a retry. An operator then redrives each DLQ (reads the records with the SQS SDK,
 * puts each original event on the bus again); every order must end complete, nothing lost, nothing applied twice.
 */
class ConsumerFailuresTest {

    static final int ORDERS = Workload.size("failureOrders", 100);
    static final double ATTEMPT_FAILURE = 0.464;

    @Test
    void deliveries_that_keep_failing_land_in_the_dlq_and_a_redrive_completes_the_work() throws Exception {
        try (Scenario scenario = Scenario.start("consumer-failures")) {
            for (int sku = 1; sku <= 4; sku++) {
                scenario.topUpStock("SKU-" + sku, 100_000);
            }
            Cohort cohort = new Cohort("C", Workload.orders(ORDERS, 11));
            scenario.cloud.injectFaults(new Faults(0, 0, ATTEMPT_FAILURE)); // after the seeds ran
            cohort.place(scenario, 8);
            scenario.settle();
            cohort.cancel(scenario, 8);
            scenario.settle();
            scenario.cloud.injectFaults(Faults.NONE); // the bug is fixed; now redrive

            long deliveries = scenario.flowLinesContaining("attempt 1/3");
            long failedAttempts = scenario.flowLinesContaining("FAILED", "InjectedFault");
            long retriedOk = scenario.flowLinesContaining("DELIVER", "attempt 2/3") + scenario.flowLinesContaining("DELIVER", "attempt 3/3");
            Map<String, Integer> dead = new TreeMap<>();
            List<JsonNode> events = new ArrayList<>();
            for (var queue : DeadLetters.QUEUES.entrySet()) {
                List<JsonNode> records = DeadLetters.drain(scenario, queue.getValue());
                dead.put(queue.getKey(), records.size());
                for (JsonNode record : records) {
                    assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
                    assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt());
                    events.add(record.path("requestPayload"));
                }
            }
            int deadTotal = dead.values().stream().mapToInt(Integer::intValue).sum();
            long t0 = System.nanoTime();
            for (JsonNode event : events) {
                scenario.bus.put(scenario.busName(), List.of(event));
            }
            scenario.settle();
            long redriveMillis = (System.nanoTime() - t0) / 1_000_000;

            System.out.printf("[reliability] consumer failures: %d orders, %d deliveries, %d attempts failed, %d succeeded on a retry,"
                            + " %d dead-lettered %s, all redriven in %d ms%n", ORDERS, deliveries, failedAttempts, retriedOk, deadTotal, dead,
                    redriveMillis);
            assertTrue(failedAttempts > 0 && retriedOk > 0, "failures were retried");
            assertTrue(deadTotal > 0, "some deliveries exhausted the retry policy and were dead-lettered");
            ContextState state = ContextState.read(scenario);
            for (int i = 0; i < ORDERS; i++) {
                Workload.Planned plan = cohort.plan.get(i);
                if (plan.cancelReason().isPresent()) {
                    Expectations.cancelledInAnyOrder(state, cohort.orders.get(i), plan);
                } else {
                    Expectations.appliedOnce(state, cohort.orders.get(i), plan, false);
                }
            }
            for (String queue : DeadLetters.QUEUES.values()) {
                assertEquals(List.of(), DeadLetters.drain(scenario, queue), "nothing left in " + queue + " after the redrive");
            }
        }
    }
}
