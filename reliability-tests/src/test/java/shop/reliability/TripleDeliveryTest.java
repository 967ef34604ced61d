package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Duplicates: the same workload is placed twice over HTTP, by cohort A (each event delivered once) and cohort B (each
 * event of the conversation, the order's and inventory's answers included, delivered three times to every consumer,
 * the copies racing). Each B order must end exactly like its A twin in every context, the order's status included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TripleDeliveryTest {

    static final int ORDERS = Workload.size("orders", 200);
    static Scenario scenario;
    static Cohort single;
    static Cohort triple;
    static Map<String, Integer> stockBefore;
    static Map<String, Integer> stockAfterSingle;
    static Duplicator duplicator;

    @BeforeAll
    static void run() throws Exception {
        scenario = Scenario.start("triple-delivery");
        for (int sku = 1; sku <= 4; sku++) {
            scenario.topUpStock("SKU-" + sku, 100_000); // ample: this run is about delivery, not shortage
        }
        List<Workload.Planned> plan = Workload.orders(ORDERS, 42);
        single = new Cohort("A", plan);
        triple = new Cohort("B", plan);
        stockBefore = ContextState.read(scenario).stock();

        long t0 = System.nanoTime();
        single.place(scenario, 8);
        scenario.settle();
        single.cancel(scenario, 8);
        scenario.settle();
        stockAfterSingle = ContextState.read(scenario).stock();
        long t1 = System.nanoTime();

        duplicator = new Duplicator(scenario, 2, Duplicator.ofCustomers("B-"));
        triple.place(scenario, 8);
        duplicator.settle();
        triple.cancel(scenario, 8);
        duplicator.settle();
        long t2 = System.nanoTime();
        System.out.printf("[reliability] triple delivery: %d orders per cohort, %d cancelled; single cohort %d ms, triple cohort %d ms;"
                        + " %d events copied, %d extra copies put%n", ORDERS, Workload.cancellations(plan), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, duplicator.eventsDuplicated(), duplicator.copiesPut());
    }

    @AfterAll
    static void stop() throws Exception {
        if (duplicator != null) {
            duplicator.close();
        }
        scenario.close();
    }

    @Test
    @Order(1)
    void every_event_delivered_three_times_to_every_consumer_ends_exactly_like_a_single_delivery() {
        ContextState state = ContextState.read(scenario);
        // each order: OrderPlaced 1.1 and 2.0, StockReserved, OrderConfirmed (stock is ample); each cancel: OrderCancelled
        int expectedEvents = 4 * ORDERS + (int) Workload.cancellations(triple.plan);
        assertEquals(expectedEvents, duplicator.eventsDuplicated(), "every event of cohort B's conversation was copied");
        assertEquals(2 * expectedEvents, duplicator.copiesPut());

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String once = state.view(single.orders.get(i));
            String thrice = state.view(triple.orders.get(i));
            if (!once.equals(thrice)) {
                differences.add("order " + i + " (- single, + triple):\n" + ContextState.difference(once, thrice));
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(3, differences.size())), differences.size() + " orders differ");

        Map<String, Integer> singleTook = delta(stockBefore, stockAfterSingle);
        Map<String, Integer> tripleTook = delta(stockAfterSingle, state.stock());
        assertEquals(single.unitsKept(), singleTook, "cohort A keeps exactly its non-cancelled units");
        assertEquals(singleTook, tripleTook, "cohort B, delivered three times, takes exactly what cohort A took");
    }

    @Test
    @Order(2)
    void no_order_of_the_triple_cohort_has_a_second_reservation_parcel_email_or_timeline_entry() {
        ContextState state = ContextState.read(scenario);
        for (int i = 0; i < ORDERS; i++) {
            Expectations.appliedOnce(state, triple.orders.get(i), triple.plan.get(i), triple.plan.get(i).cancelReason().isPresent());
        }
    }

    private static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> taken = new TreeMap<>();
        before.forEach((sku, units) -> {
            int took = units - after.getOrDefault(sku, 0);
            if (took != 0) {
                taken.put(sku, took);
            }
        });
        return taken;
    }
}
