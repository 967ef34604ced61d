package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.localcloud.common.Faults;

/**
 * Disorder: cohort A is placed, confirmed and partly cancelled with every delivery in order. Cohort B places the same
 * workload while local-cloud holds every delivery back by a random 0..3 s, so each consumer sees the events of the
 * whole conversation (OrderPlaced, StockReserved, OrderConfirmed, OrderCancelled) in no guaranteed order; B cancels
 * each order the moment it reads CONFIRMED, so OrderCancelled races the still-travelling OrderConfirmed (and
 * OrderPlaced) to package, notification and crm. B must end as A did: the same stock taken, the same order statuses, the same CRM
 * timeline and insight, the same parcels and units held; where a context saw the cancellation first it keeps a
 * tombstone: no pickable parcel, no confirmation email after the cancellation (DESIGN.md). Then cohort C meets inventory's
 * tombstone, which B's cancels (sent once CONFIRMED) never reach: OrderCancelled before OrderPlaced.
 */
class DisorderTest {

    static final int ORDERS = Workload.size("disorderOrders", 100);
    static final int DELAY_MILLIS = 3000;
    static final int CANCELLED_BEFORE_PLACED = 4;
    static final int HELD_BACK_MILLIS = 5000;

    @Test
    void the_whole_conversation_delivered_in_random_order_ends_as_in_order_delivery_did() throws Exception {
        try (Scenario scenario = Scenario.start("disorder")) {
            for (int sku = 1; sku <= 4; sku++) {
                scenario.topUpStock("SKU-" + sku, 100_000);
            }
            List<Workload.Planned> plan = Workload.orders(ORDERS, 5);
            Cohort inOrder = new Cohort("A", plan);
            inOrder.place(scenario, 8);
            scenario.settle();
            inOrder.cancel(scenario, 8);
            scenario.settle();
            Map<String, Integer> stockAfterA = ContextState.read(scenario).stock();

            long t0 = System.nanoTime();
            scenario.cloud.injectFaults(Faults.disorder(DELAY_MILLIS));
            Cohort shuffled = new Cohort("B", plan);
            shuffled.place(scenario, 8);
            cancelEachOnceConfirmed(scenario, shuffled);
            scenario.settle();
            scenario.cloud.injectFaults(Faults.NONE);
            long millis = (System.nanoTime() - t0) / 1_000_000;

            ContextState state = ContextState.read(scenario);
            List<String> differences = new ArrayList<>();
            int cancelFirst = 0;
            for (int i = 0; i < ORDERS; i++) {
                String a = state.view(inOrder.orders.get(i));
                String b = state.view(shuffled.orders.get(i));
                if (plan.get(i).cancelReason().isPresent()) {
                    cancelFirst += Expectations.cancelledInAnyOrder(state, shuffled.orders.get(i), plan.get(i)) ? 1 : 0;
                    a = crm(a);
                    b = crm(b);
                } else {
                    Expectations.appliedOnce(state, shuffled.orders.get(i), plan.get(i), false);
                }
                if (!a.equals(b)) {
                    differences.add("order " + i + " (- in order, + shuffled):\n" + ContextState.difference(a, b));
                }
            }
            Map<String, Integer> tookB = new TreeMap<>();
            stockAfterA.forEach((sku, units) -> {
                int took = units - state.stock().get(sku);
                if (took != 0) {
                    tookB.put(sku, took);
                }
            });
            long overtaken = scenario.flowLinesContaining("IGNORED_CANCELLED_ORDER") + scenario.flowLinesContaining("CANCELLED_BEFORE");
            System.out.printf("[reliability] disorder: %d orders, %d cancelled as soon as confirmed, every delivery held back 0-%d ms;"
                            + " %d cancellations reached a context before its OrderConfirmed or OrderPlaced; shuffled cohort done in %d ms%n",
                    ORDERS, Workload.cancellations(plan), DELAY_MILLIS, cancelFirst, millis);
            assertTrue(cancelFirst > 0, "some cancellations overtook the confirmation they raced (flow lines naming a tombstone: " + overtaken + ")");
            assertEquals(List.of(), differences.subList(0, Math.min(3, differences.size())), differences.size() + " orders differ");
            assertEquals(inOrder.unitsKept(), tookB, "the shuffled cohort took exactly the stock the in-order one kept");

            cancelledBeforeInventoryHeardOfIt(scenario);
        }
    }

    /**
     * Cohort C: inventory hears of each order's OrderPlaced {@link #HELD_BACK_MILLIS} late and the customer cancels it at
     * once, while it is still PLACED, so inventory meets OrderCancelled before OrderPlaced: it keeps a tombstone
     * (CANCELLED_BEFORE_PLACED) and the late OrderPlaced takes no stock and decides nothing.
     */
    private static void cancelledBeforeInventoryHeardOfIt(Scenario scenario) throws Exception {
        List<Workload.Planned> plan = new ArrayList<>();
        for (int i = 0; i < CANCELLED_BEFORE_PLACED; i++) {
            plan.add(new Workload.Planned(i, List.of(new Workload.Line("SKU-" + (1 + i % 4), 1 + i % 3)), java.util.Optional.of("CHANGED_MIND")));
        }
        Map<String, Integer> stockBefore = ContextState.read(scenario).stock();
        scenario.cloud.injectFaults(Faults.NONE.holdingBack("OrderPlaced", HELD_BACK_MILLIS, "InventoryFunction"));
        Cohort early = new Cohort("C", plan);
        early.place(scenario, 4);
        early.cancel(scenario, 4);
        scenario.settle();
        scenario.cloud.injectFaults(Faults.NONE);

        ContextState state = ContextState.read(scenario);
        Set<String> ids = early.orders.stream().map(ContextState.OrderRef::orderId).collect(Collectors.toSet());
        for (int i = 0; i < plan.size(); i++) {
            String orderId = early.orders.get(i).orderId();
            assertEquals("CANCELLED_BEFORE_PLACED", state.reservation(orderId), "inventory's record of order C" + i + " (" + orderId + ")");
            Expectations.cancelledInAnyOrder(state, early.orders.get(i), plan.get(i));
        }
        assertEquals(stockBefore, state.stock(), "the late OrderPlaced of a cancelled order takes no stock");
        assertEquals(List.of(), scenario.archived("StockReserved").stream().map(e -> e.at("/detail/data/orderId").asText())
                .filter(ids::contains).toList(), "no StockReserved for an order cancelled before inventory heard of it");
        System.out.printf("[reliability] disorder: %d orders cancelled while inventory's OrderPlaced was held back %d ms: each a tombstone, no stock taken%n",
                plan.size(), HELD_BACK_MILLIS);
    }

    /**
     * Watches the order table and cancels each order the plan cancels as soon as it is CONFIRMED (200 expected), until
     * every order of the cohort is confirmed and every planned cancel answered.
     */
    private static void cancelEachOnceConfirmed(Scenario scenario, Cohort cohort) throws Exception {
        Map<String, Workload.Planned> toCancel = new java.util.HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < cohort.orders.size(); i++) {
            ids.add(cohort.orders.get(i).orderId());
            if (cohort.plan.get(i).cancelReason().isPresent()) {
                toCancel.put(cohort.orders.get(i).orderId(), cohort.plan.get(i));
            }
        }
        java.util.concurrent.ExecutorService cancellers = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Shop.Reply>> replies = new ArrayList<>();
        try {
            Set<String> confirmed = new java.util.HashSet<>();
            long deadline = System.currentTimeMillis() + 300_000;
            while (confirmed.size() < ids.size()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("only " + confirmed.size() + " of " + ids.size() + " orders confirmed within 300 s");
                }
                for (var item : scenario.scan("OrdersTable")) {
                    String id = item.containsKey("orderId") ? item.get("orderId").s() : "";
                    if (ids.contains(id) && item.containsKey("status") && !item.get("status").s().equals("PLACED") && confirmed.add(id)) {
                        Workload.Planned plan = toCancel.get(id);
                        if (plan != null) {
                            replies.add(cancellers.submit(() -> scenario.shop.cancel(plan.customer(cohort.prefix), id, plan.cancelReason().get())));
                        }
                    }
                }
                Thread.sleep(50);
            }
            for (var reply : replies) {
                assertEquals(200, reply.get().status(), reply.get().text());
            }
            assertEquals(toCancel.size(), replies.size(), "every planned cancel was sent");
        } finally {
            cancellers.shutdown();
        }
    }

    /** The CRM part of a view: timeline item, insight and timeline, which must match whatever the arrival order. */
    private static String crm(String view) {
        return view.lines().filter(l -> l.startsWith("CrmTable") || l.startsWith("crm ")).collect(Collectors.joining("\n"));
    }
}
