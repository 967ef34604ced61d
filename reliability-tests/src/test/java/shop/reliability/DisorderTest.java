package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Disorder: cohort A is placed and cancelled over HTTP, its events delivered in order. Cohort B is A's twin: the
 * very events the order service published for A, with new order, customer and event ids, delivered per order in a
 * random order (so about half the cancelled orders see OrderCancelled before OrderPlaced). B must end as A did: the
 * same stock taken, the same CRM timeline and insight, the same parcels to ship and the same units held; where a
 * context saw the cancellation first it keeps a tombstone and sends no "thank you" email, as DESIGN.md requires.
 */
class DisorderTest {

    static final int ORDERS = Workload.size("disorderOrders", 100);

    @Test
    void delivering_each_orders_events_in_random_order_ends_as_in_order_delivery_did() throws Exception {
        try (Scenario scenario = Scenario.start("disorder")) {
            for (int sku = 1; sku <= 4; sku++) {
                scenario.topUpStock("SKU-" + sku, 100_000);
            }
            Cohort inOrder = new Cohort("A", Workload.orders(ORDERS, 5));
            inOrder.place(scenario, 8);
            scenario.settle();
            inOrder.cancel(scenario, 8);
            scenario.settle();
            Map<String, Integer> stockAfterA = ContextState.read(scenario).stock();

            Map<String, List<ObjectNode>> twins = twins(scenario, inOrder);
            Random random = new Random(99);
            List<List<ObjectNode>> sequences = new ArrayList<>();
            int cancelFirst = 0;
            for (List<ObjectNode> events : twins.values()) {
                List<ObjectNode> sequence = new ArrayList<>(events);
                Collections.shuffle(sequence, random);
                cancelFirst += sequence.get(0).path("detail-type").asText().equals("OrderCancelled") ? 1 : 0;
                sequences.add(sequence);
            }
            long t0 = System.nanoTime();
            for (int round = 0; round < 2; round++) {
                int r = round;
                List<ObjectNode> batch = sequences.stream().filter(s -> s.size() > r).map(s -> s.get(r)).collect(Collectors.toList());
                Collections.shuffle(batch, random);
                for (int i = 0; i < batch.size(); i += 10) {
                    scenario.bus.put(scenario.busName(), batch.subList(i, Math.min(batch.size(), i + 10)));
                }
                scenario.settle();
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;

            ContextState state = ContextState.read(scenario);
            Cohort shuffled = new Cohort("B", inOrder.plan);
            List<String> orderIds = new ArrayList<>(twins.keySet());
            for (int i = 0; i < ORDERS; i++) {
                shuffled.orders.add(new ContextState.OrderRef(orderIds.get(i), inOrder.plan.get(i).customer("B"), inOrder.plan.get(i).email("B")));
            }
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String a = state.view(inOrder.orders.get(i));
                String b = state.view(shuffled.orders.get(i));
                if (inOrder.plan.get(i).cancelReason().isPresent()) {
                    Expectations.cancelledInAnyOrder(state, shuffled.orders.get(i), inOrder.plan.get(i));
                    a = crm(a);
                    b = crm(b);
                }
                if (!a.equals(b)) {
                    differences.add("order " + i + " (- in order, + shuffled):\n" + ContextState.difference(a, b));
                }
            }
            Map<String, Integer> tookA = new TreeMap<>();
            Map<String, Integer> tookB = new TreeMap<>();
            inOrder.unitsKept().forEach((sku, units) -> tookA.put(sku, units));
            stockAfterA.forEach((sku, units) -> {
                int took = units - state.stock().get(sku);
                if (took != 0) {
                    tookB.put(sku, took);
                }
            });
            System.out.printf("[reliability] disorder: %d orders, %d cancelled, %d of them delivered cancel-before-place; shuffled cohort"
                    + " delivered in %d ms%n", ORDERS, Workload.cancellations(inOrder.plan), cancelFirst, millis);
            assertTrue(cancelFirst > 0, "some cancellations came first");
            assertEquals(List.of(), differences.subList(0, Math.min(3, differences.size())), differences.size() + " orders differ");
            assertEquals(tookA, tookB, "the shuffled cohort took exactly the stock the in-order one did");
        }
    }

    /** The CRM part of a view: timeline item, insight and timeline, which must match whatever the arrival order. */
    private static String crm(String view) {
        return view.lines().filter(l -> l.startsWith("CrmTable") || l.startsWith("crm ")).collect(Collectors.joining("\n"));
    }

    /** Cohort A's published events, re-identified for cohort B: by new order id, in A's order. */
    private static Map<String, List<ObjectNode>> twins(Scenario scenario, Cohort a) {
        Map<String, List<ObjectNode>> byOrder = new java.util.LinkedHashMap<>();
        Map<String, Integer> indexOf = new TreeMap<>();
        for (int i = 0; i < a.orders.size(); i++) {
            indexOf.put(a.orders.get(i).orderId(), i);
        }
        List<String> newIds = new ArrayList<>();
        for (int i = 0; i < a.orders.size(); i++) {
            newIds.add(UUID.randomUUID().toString());
            byOrder.put(newIds.get(i), new ArrayList<>());
        }
        for (JsonNode event : scenario.archive().stream().map(l -> l.path("event")).toList()) {
            Integer i = indexOf.get(event.path("detail").path("data").path("orderId").asText());
            if (i == null) {
                continue;
            }
            String detail = event.path("detail").toString()
                    .replace(a.orders.get(i).orderId(), newIds.get(i))
                    .replace(event.path("detail").path("metadata").path("eventId").asText(), UUID.randomUUID().toString())
                    .replace("\"" + a.plan.get(i).customer("A") + "\"", "\"" + a.plan.get(i).customer("B") + "\"")
                    .replace(a.plan.get(i).email("A"), a.plan.get(i).email("B"));
            ObjectNode twin = event.deepCopy();
            try {
                twin.set("detail", Scenario.JSON.readTree(detail));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            byOrder.get(newIds.get(i)).add(twin);
        }
        return byOrder;
    }
}
