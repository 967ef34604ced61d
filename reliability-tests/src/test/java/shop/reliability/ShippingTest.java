package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shop.localcloud.common.Faults;
import shop.reliability.ShippingRun.Kind;
import shop.reliability.ShippingRun.Race;

/**
 * Shipping under everything EventBridge allows. The same workload runs four times on one system, each cohort with
 * exactly the stock it needs: every order placed and confirmed, then shipped, cancelled, or cancelled while the
 * warehouse ships it (both accepted: the race of README.md). Cohort A delivers each event once, in order. T delivers
 * every event of its conversation (ParcelShipped included) three times, the copies racing. D holds every delivery
 * back 0-2 s, and holds OrderConfirmed back from notification and crm long enough that ParcelShipped overtakes it,
 * and ParcelShipped back from the order context so that its race is decided by the cancel while the other contexts
 * hear the two in either order. P has package's PutEvents failing (30% of calls, 80% of entries) throughout, so its
 * relay publishes what the ship action could not, even retrying. Each of T, D and P must end exactly as A: every order's status in every
 * context, every email, the CRM timeline and insight, and what it did to every sku's available, held and shipped
 * counters; never oversold. Then the whole archive is replayed, and nothing changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippingTest {

    static final int ORDERS = Workload.size("shippingOrders", 24);
    static final int HOLD_BACK_MILLIS = 10_000;
    static Scenario scenario;
    static Instant started;
    static List<Workload.Planned> plan;
    static ShippingRun inOrder;
    static ShippingRun triple;
    static ShippingRun shuffled;
    static ShippingRun packageFaults;
    static Duplicator duplicator;
    static final Map<String, Long> millis = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void run() throws Exception {
        // the relays run every 3 s instead of every minute, and leave an owed event to its request for 15 s instead of 60 s
        // (Scenario.RELAY_GRACE_SECONDS): A, T and P each wait for the relay to send the raced parcels' ParcelShipped
        scenario = Scenario.start("shipping", options -> Scenario.withShortRelayGrace(options.withScheduleScale(0.05)));
        started = Instant.now().minusSeconds(2);
        plan = ShippingRun.plan(ORDERS, 21);

        long t0 = System.nanoTime();
        inOrder = ShippingRun.play(scenario, "A", plan, Faults.NONE, Race.PACKAGE_DOWN, scenario::settle);
        long t1 = System.nanoTime();
        duplicator = new Duplicator(scenario, 2, Duplicator.ofCustomers("T-"));
        triple = ShippingRun.play(scenario, "T", plan, Faults.NONE, Race.PACKAGE_DOWN, duplicator::settle);
        long t2 = System.nanoTime();
        duplicator.close();
        Faults disorder = Faults.disorder(2000)
                .holdingBack("OrderConfirmed", HOLD_BACK_MILLIS, "NotificationFunction", "CrmFunction")
                .holdingBack("ParcelShipped", HOLD_BACK_MILLIS, "StockDecisionFunction");
        shuffled = ShippingRun.play(scenario, "D", plan, disorder, Race.HELD_BACK_FROM_ORDER, scenario::settle);
        long t3 = System.nanoTime();
        packageFaults = ShippingRun.play(scenario, "P", plan, new Faults(0.3, 0.8, 0).onlyFrom(ShippingRun.PACKAGING),
                Race.PACKAGE_DOWN, scenario::settle);
        long t4 = System.nanoTime();
        millis.put("in order", (t1 - t0) / 1_000_000);
        millis.put("triple", (t2 - t1) / 1_000_000);
        millis.put("disorder", (t3 - t2) / 1_000_000);
        millis.put("package faults", (t4 - t3) / 1_000_000);
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
    void in_order_every_order_ends_as_the_readme_says_and_the_counters_add_up() {
        ContextState state = ContextState.read(scenario);
        for (int i = 0; i < ORDERS; i++) {
            ContextState.OrderRef order = inOrder.orders().get(i);
            Workload.Planned planned = plan.get(i);
            String which = ShippingRun.kind(planned) + " order " + i + " (" + order.orderId() + ")";
            List<String> subjects = state.emailsTo(order.email()).stream().map(e -> e.subject().replace(order.orderId(), "#")).sorted().toList();
            var insight = state.insight(order.customerId()).path("insight");
            switch (ShippingRun.kind(planned)) {
                case SHIP -> {
                    assertEquals("SHIPPED", state.order(order.orderId()), which);
                    assertEquals("SHIPPED", state.parcel(order.orderId()), which);
                    assertEquals("SHIPPED", state.reservation(order.orderId()), which);
                    assertEquals(List.of("Your order # is confirmed", "Your order # is on its way"), subjects, which);
                    assertEquals(1, insight.path("ordersShipped").asInt(), which);
                }
                case CANCEL -> {
                    assertEquals("CANCELLED", state.order(order.orderId()), which);
                    assertEquals("CANCELLED", state.parcel(order.orderId()), which);
                    assertEquals("RELEASED", state.reservation(order.orderId()), which);
                    assertEquals(List.of("Your order # is cancelled", "Your order # is confirmed"), subjects, which);
                    assertEquals(0, insight.path("ordersShipped").asInt(), which);
                }
                case RACE -> {
                    assertEquals("CANCELLED", state.order(order.orderId()), which);
                    Shop.Reply get = scenario.shop.get(order.customerId(), order.orderId());
                    assertTrue(get.json().path("returnExpected").asBoolean(), which + ": " + get.text());
                    assertEquals("RETURN_REQUESTED", state.parcel(order.orderId()), which);
                    assertEquals(List.of("Your cancelled order # had already shipped", "Your order # is cancelled", "Your order # is confirmed"),
                            subjects, which);
                    assertEquals(1, insight.path("ordersShipped").asInt(), which);
                    assertEquals(1, insight.path("ordersCancelled").asInt(), which);
                }
                default -> throw new AssertionError(which);
            }
            assertEquals(Map.of(), state.held(order.orderId()), "nothing stays held for " + which);
        }
        Map<String, Integer> shipped = ShippingRun.unitsOrdered(plan, o -> ShippingRun.kind(o) != Kind.CANCEL);
        Map<String, Integer> ordered = ShippingRun.unitsOrdered(plan, o -> true);
        ordered.forEach((sku, units) -> {
            ContextState.Counters took = inOrder.took().get(sku);
            int left = units - shipped.getOrDefault(sku, 0);
            assertEquals(new ContextState.Counters(-shipped.getOrDefault(sku, 0), 0, shipped.getOrDefault(sku, 0)), took, sku);
            assertEquals(left, inOrder.after.get(sku).available(), sku + ": the cancelled orders' units came back, the shipped ones left");
        });
        System.out.printf("[reliability] shipping: %d orders per cohort (%d shipped, %d cancelled, %d cancelled while shipping);"
                        + " stock exactly what each cohort orders; cohorts took %s ms%n", ORDERS, inOrder.indexes(Kind.SHIP).size(),
                inOrder.indexes(Kind.CANCEL).size(), inOrder.indexes(Kind.RACE).size(), millis);
    }

    @Test
    @Order(2)
    void every_event_delivered_three_times_ends_exactly_as_in_order_delivery() {
        ContextState state = ContextState.read(scenario);
        // per order: OrderPlaced 1.1 and 2.0, StockReserved, OrderConfirmed; per cancel: OrderCancelled; per parcel shipped: ParcelShipped
        int events = 4 * ORDERS + inOrder.indexes(Kind.CANCEL).size() + 2 * inOrder.indexes(Kind.RACE).size() + inOrder.indexes(Kind.SHIP).size();
        assertEquals(events, duplicator.eventsDuplicated(), "every event of cohort T's conversation was copied");
        assertEquals(2 * events, duplicator.copiesPut());
        assertSameAsInOrder(state, triple, false);
        System.out.printf("[reliability] shipping, triple delivery: %d events each put twice more (%d copies); every order and sku as in order%n",
                duplicator.eventsDuplicated(), duplicator.copiesPut());
    }

    @Test
    @Order(3)
    void parcel_shipped_overtaking_the_confirmation_and_racing_the_cancel_ends_exactly_as_in_order_delivery() {
        ContextState state = ContextState.read(scenario);
        int overtook = 0;
        for (int i : shuffled.indexes(Kind.SHIP)) {
            String pk = "ORDER#" + shuffled.orders().get(i).orderId();
            String shippingNotice = state.attribute("NotificationTable", pk, "MESSAGE#SHIPPING_NOTICE", "sentAt");
            String confirmation = state.attribute("NotificationTable", pk, "MESSAGE#ORDER_CONFIRMATION", "sentAt");
            overtook += Instant.parse(shippingNotice).isBefore(Instant.parse(confirmation)) ? 1 : 0;
        }
        int shipFirst = 0;
        for (int i : shuffled.indexes(Kind.RACE)) {
            String pk = "ORDER#" + shuffled.orders().get(i).orderId();
            String shippingNotice = state.attribute("NotificationTable", pk, "MESSAGE#SHIPPING_NOTICE", "sentAt");
            String cancellation = state.attribute("NotificationTable", pk, "MESSAGE#CANCELLATION_NOTICE", "sentAt");
            shipFirst += Instant.parse(shippingNotice).isBefore(Instant.parse(cancellation)) ? 1 : 0;
        }
        System.out.printf("[reliability] shipping, disorder: every delivery held back 0-2000 ms, OrderConfirmed %d ms more to notification"
                        + " and crm; ParcelShipped reached notification before OrderConfirmed for %d of %d shipped orders, and before"
                        + " OrderCancelled for %d of %d raced ones%n", HOLD_BACK_MILLIS, overtook, shuffled.indexes(Kind.SHIP).size(), shipFirst,
                shuffled.indexes(Kind.RACE).size());
        assertTrue(overtook > 0, "ParcelShipped overtook OrderConfirmed at notification for some order");
        assertSameAsInOrder(state, shuffled, true);
    }

    @Test
    @Order(4)
    void package_put_events_failing_loses_no_parcel_shipped_and_ends_exactly_as_in_order_delivery() {
        ContextState state = ContextState.read(scenario);
        long callFailures = scenario.flowLinesContaining("FAULT", "answered HTTP 500");
        long entryFailures = scenario.flowLinesContaining("FAULT", "ParcelShipped rejected");
        int relayed = scenario.relayedEvents("PackageOutboxRelayFunction");
        System.out.printf("[reliability] shipping, package's PutEvents failing (30%% of calls, 80%% of entries): %d calls failed over the"
                + " whole run (the races' outages included), %d ParcelShipped entries failed; the package relay published %d ParcelShipped%n",
                callFailures, entryFailures, relayed);
        assertTrue(entryFailures > 0, "package's ParcelShipped entries failed inside a 200 (only cohort P injects entry failures)");
        assertTrue(relayed > 3 * inOrder.indexes(Kind.RACE).size(), "the relay published the raced parcels' events and those the faults stopped: "
                + relayed);
        assertSameAsInOrder(state, packageFaults, false);
    }

    @Test
    @Order(5)
    void replaying_the_whole_archive_after_all_of_it_changes_nothing() throws Exception {
        String before = ContextState.read(scenario).exact();
        int replayed = scenario.bus.replay("shipping-archive", started, Instant.now().plusSeconds(2));
        scenario.settle();
        System.out.printf("[reliability] shipping, replay: %d archived events of the four cohorts replayed; nothing changed%n", replayed);
        assertEquals(scenario.archive().size(), replayed, "the whole archive was replayed");
        int shippedPerCohort = inOrder.indexes(Kind.SHIP).size() + inOrder.indexes(Kind.RACE).size();
        assertEquals(6 * shippedPerCohort, scenario.archived("ParcelShipped").size(), "ParcelShipped of A, D and P once, of T three times");
        assertEquals(before, ContextState.read(scenario).exact(), "every table item and every email exactly as before");
    }

    /**
     * Every order of {@code run} ends as its twin of the in-order cohort in every context, and the run did to every
     * sku what the in-order one did. With {@code eitherOrder}, a raced order may have heard ParcelShipped before
     * OrderCancelled at inventory or notification: that is in-order delivery too, of the other arrival order, which
     * README.md's table says ends the same (statuses, counters, one email per fact) but for what records the arrival
     * order: inventory's reservation ends SHIPPED_AFTER_RELEASE when the release came first and SHIPPED
     * otherwise, the reservation's {@code cancelledEventId} (a cancel after
     * shipping changes nothing, so it is not recorded), and the third email ("your cancelled order had already
     * shipped" or "on its way"). Those compare as equal; everything else must match exactly.
     */
    private static void assertSameAsInOrder(ContextState state, ShippingRun run, boolean eitherOrder) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String expected = state.view(inOrder.orders().get(i));
            String actual = state.view(run.orders().get(i));
            if (eitherOrder && ShippingRun.kind(plan.get(i)) == Kind.RACE) {
                expected = arrivalOrderNeutral(expected);
                actual = arrivalOrderNeutral(actual);
            }
            if (!expected.equals(actual)) {
                differences.add(run.prefix + " order " + i + " " + ShippingRun.kind(plan.get(i)) + " (- in order, + " + run.prefix + "):\n"
                        + ContextState.difference(expected, actual));
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(3, differences.size())), differences.size() + " orders differ");
        assertEquals(inOrder.took(), run.took(), run.prefix + " did to every sku's available/held/shipped what in-order delivery did");
        run.after.forEach((sku, counters) -> assertTrue(counters.available() >= 0, run.prefix + " oversold " + sku + ": " + counters));
    }

    private static String arrivalOrderNeutral(String view) {
        return view.lines().map(line -> {
            if (line.startsWith("emails [")) {
                List<String> subjects = new ArrayList<>(List.of(line.substring("emails [".length(), line.length() - 1).split(", ")));
                subjects.replaceAll(subject -> subject.equals("Your cancelled order <order> had already shipped")
                        || subject.equals("Your order <order> is on its way") ? "<shipping notice>" : subject);
                return "emails " + subjects.stream().sorted().toList();
            }
            if (line.startsWith("InventoryTable ")) {
                return line.replace("SHIPPED_AFTER_RELEASE", "SHIPPED").replace("cancelledEventId=<event>, ", "");
            }
            return line.replace("Your cancelled order <order> had already shipped", "<shipping notice>")
                    .replace("Your order <order> is on its way", "<shipping notice>");
        }).collect(java.util.stream.Collectors.joining("\n"));
    }
}
