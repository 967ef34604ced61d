package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.localcloud.common.Quotas;
import shop.localparts.SesV2Local.ReceivedEmail;

/**
 * A flash sale within AWS's limits, scaled to the suite (issue 20). The same burst of orders runs twice, on a local
 * cloud without limits and on one with AWS's quotas scaled down: the HTTP API's stage throttle from the template, a
 * PutEvents rate, SES's send rate, and a write rate on the hot sku's item. Customers retry a 429 after a jittered
 * wait, as a client should. Proven: the only refusals are 429s; every order ends as it did without limits (every
 * order of a plentiful sku confirmed, exactly the hot sku's units confirmed, the rest rejected OUT_OF_STOCK); exactly
 * those units held; one truthful email per customer; no message in any dead-letter queue; and each limit was hit.
 * {@code -Dreliability.flashSaleOrders=1000 -Dreliability.flashSaleSeconds=10 -Dreliability.flashSaleSesRate=5}
 * runs the issue's full size.
 */
class FlashSaleTest {

    static final int ORDERS = Workload.size("flashSaleOrders", 300);
    static final int SECONDS = Workload.size("flashSaleSeconds", 1);
    static final int SES_RATE = Workload.size("flashSaleSesRate", 10);
    static final int HOT_ORDERS = ORDERS * 2 / 5;
    static final int HOT_UNITS = HOT_ORDERS * 3 / 8;
    static final String HOT_SKU = "SKU-5";
    static final int ITEM_WRITE_UNITS = 4;
    static final int PUT_EVENTS_TPS = 20;

    /** What one run of the sale gave: each customer's final status, the 429s seen, and the time until all was quiet. */
    private record Sale(Map<String, String> statusByCustomer, int refusals, long drainMillis, Map<String, Long> tally) {
    }

    @Test
    void a_flash_sale_within_the_quotas_ends_as_it_does_without_them_with_nothing_lost() throws Exception {
        Sale free = run("flash-sale-free", Quotas.NONE);
        Quotas limits = Quotas.NONE.withApiStageThrottle().withPutEventsPerSecond(PUT_EVENTS_TPS).withSes(SES_RATE, 0)
                .withItemWriteUnitsPerSecond(ITEM_WRITE_UNITS);
        Sale limited = run("flash-sale-limited", limits);
        System.out.printf("[reliability] flash sale: %d orders offered in %d s, %d on %s with %d units; without limits %s in %d ms;"
                        + " with the stage throttle, PutEvents %d/s, SES %d/s and %d write units/s on one item: %s in %d ms"
                        + " (%.1fx), %d refusals (all 429)%n", ORDERS, SECONDS, HOT_ORDERS, HOT_SKU, HOT_UNITS, free.tally(),
                free.drainMillis(), PUT_EVENTS_TPS, SES_RATE, ITEM_WRITE_UNITS, limited.tally(), limited.drainMillis(),
                (double) limited.drainMillis() / free.drainMillis(), limited.refusals());
        assertEquals(free.tally(), limited.tally(), "the limits change when orders end, not how");
        assertTrue(limited.refusals() > 0, "the stage throttle refused some requests: the burst met it");
    }

    private static Sale run(String name, Quotas quotas) throws Exception {
        try (Scenario scenario = Scenario.start(name, options -> paced(options.withQuotas(quotas).withRetryScale(0.05), quotas))) {
            for (int sku = 1; sku <= 4; sku++) {
                scenario.topUpStock("SKU-" + sku, ORDERS * 3);
            }
            scenario.setAvailable(HOT_SKU, HOT_UNITS);
            AtomicInteger refusals = new AtomicInteger();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                indexes.add(i);
            }
            long t0 = System.nanoTime();
            long spacingNanos = SECONDS * 1_000_000_000L / ORDERS;
            List<Shop.Reply> replies = Parallel.map(indexes, Math.min(ORDERS, 400), i -> {
                long due = t0 + i * spacingNanos;
                sleepNanos(due - System.nanoTime());
                return placeThroughThrottle(scenario, i, refusals);
            });
            scenario.settle();
            awaitEmails(scenario);
            long drainMillis = (System.nanoTime() - t0) / 1_000_000;

            ContextState state = ContextState.read(scenario);
            Map<String, String> statuses = new TreeMap<>();
            Map<String, Long> tally = new TreeMap<>();
            int held = 0;
            for (int i = 0; i < ORDERS; i++) {
                Shop.Reply reply = replies.get(i);
                assertEquals(201, reply.status(), name + ": order " + i + " was finally accepted: " + reply.text());
                String customer = customer(i);
                JsonNode read = throughThrottle(() -> scenario.shop.get(customer, reply.orderId()), null).json();
                String status = read.path("status").asText();
                boolean hot = i % 5 < 2;
                statuses.put(customer, status);
                tally.merge((hot ? "hot " : "plentiful ") + status, 1L, Long::sum);
                if (!hot) {
                    assertEquals("CONFIRMED", status, name + ": a plentiful sku is never short: " + read);
                } else if (!status.equals("CONFIRMED")) {
                    assertEquals("REJECTED OUT_OF_STOCK", status + " " + read.path("rejection").path("reason").asText(), read.toString());
                }
                held += state.held(reply.orderId()).getOrDefault("SKU#" + HOT_SKU, 0);
                List<ReceivedEmail> emails = state.emailsTo(customer + "@example.com");
                assertEquals(1, emails.size(), name + ": exactly one email for " + customer);
                String expected = status.equals("CONFIRMED") ? "confirmed" : "could not be accepted";
                assertTrue(emails.get(0).subject().contains(expected), name + ": the email tells " + customer + " the truth ("
                        + status + "): " + emails.get(0).subject());
            }
            assertEquals(HOT_UNITS, tally.getOrDefault("hot CONFIRMED", 0L), name + ": exactly the hot sku's units confirmed");
            assertEquals(HOT_UNITS, held, name + ": exactly the hot sku's units held");
            assertEquals(0, scenario.available(HOT_SKU), name + ": nothing of the hot sku left, nothing below zero");
            for (String queue : DeadLetters.QUEUES.values()) {
                assertEquals(List.of(), DeadLetters.drain(scenario, queue), name + ": nothing in " + queue);
            }
            if (quotas.any()) {
                assertThrottled(scenario, quotas);
            }
            return new Sale(statuses, refusals.get(), drainMillis, tally);
        }
    }

    /**
     * Lambda's and EventBridge's retries at 1/20 of AWS's delays (a retried reservation waits 3 s, not 1 min, as a hot
     * item's throttle passes). Notification paces its sends to twice SES's rate, as if the operator's SesMaxSendRate were
     * set too high: SES then throttles for real and the test shows it survived; its first backoff is 1 s, not 90 s.
     */
    private static shop.localcloud.Options paced(shop.localcloud.Options options, Quotas quotas) {
        if (quotas.sesSendsPerSecond() == 0) {
            return options;
        }
        return options.withParameter("SesMaxSendRate", Long.toString(Math.round(quotas.sesSendsPerSecond() * 2)))
                .withEnvironment("NotificationFunction", "THROTTLE_BACKOFF_FIRST_SECONDS", "1");
    }

    /** Each limit was met: the run proves surviving it only if it was hit. */
    private static void assertThrottled(Scenario scenario, Quotas quotas) {
        Map<String, Long> seen = new TreeMap<>();
        for (String part : List.of("api", "putEvents", "ses", "dynamodb")) {
            seen.put(part, scenario.cloud.throttled(part));
        }
        System.out.println("[reliability] flash sale: throttles seen " + seen);
        seen.forEach((part, count) -> assertTrue(count > 0, part + " throttled nothing: the sale did not reach its limit " + quotas));
    }

    /** A customer placing one order, retrying a 429 after a jittered wait (honouring Retry-After if the API sends it). */
    private static Shop.Reply placeThroughThrottle(Scenario scenario, int i, AtomicInteger refusals) {
        String customer = customer(i);
        String sku = i % 5 < 2 ? HOT_SKU : "SKU-" + (1 + i % 4);
        String body = Shop.orderBody(customer + "@example.com", List.of(new Workload.Line(sku, 1)));
        return throughThrottle(() -> scenario.shop.placeRetrying(customer, body, customer + "-order", 1), refusals);
    }

    /** Calls until the answer is not a 429, waiting a jittered, growing time in between; counts the 429s in {@code refusals}. */
    private static Shop.Reply throughThrottle(java.util.function.Supplier<Shop.Reply> call, AtomicInteger refusals) {
        for (int attempt = 1; ; attempt++) {
            Shop.Reply reply = call.get();
            if (reply.status() != 429) {
                assertTrue(reply.status() < 500, "the API never answers a burst with a 5xx: " + reply.status() + " " + reply.text());
                return reply;
            }
            assertEquals("{\"message\":\"Too Many Requests\"}", reply.text(), "API Gateway's own throttle answer");
            if (refusals != null) {
                refusals.incrementAndGet();
            }
            assertTrue(attempt < 200, "refused 200 times");
            long base = Math.min(2_000L, 100L << Math.min(attempt, 4));
            sleepNanos(ThreadLocalRandom.current().nextLong(base / 2, base + 1) * 1_000_000L);
        }
    }

    /** Emails leave at SES's send rate, after the bus is quiet: wait until every customer has one (or time runs out). */
    private static void awaitEmails(Scenario scenario) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline && scenario.cloud.emails().size() < ORDERS) {
            Thread.sleep(500);
        }
        scenario.settle();
    }

    private static String customer(int i) {
        return "F-customer-" + i;
    }

    private static void sleepNanos(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
