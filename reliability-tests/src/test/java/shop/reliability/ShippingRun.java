package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import shop.localcloud.CloudView;
import shop.localcloud.common.Faults;
import shop.localcloud.lambda.InvocationResult;

/**
 * One cohort's whole lifecycle with the warehouse in it: every order placed and confirmed (stock is exactly what the
 * cohort needs), then, by its index, shipped, cancelled, or cancelled while the warehouse ships it (the race of
 * README.md, "Shipping, and the race with a cancel"). The same steps run under each condition a scenario sets; what
 * the cohort ends in (statuses, emails, CRM, the skus' counters) is then compared with the in-order cohort's.
 */
final class ShippingRun {

    /** What happens to an order after its confirmation. */
    enum Kind {
        /** the warehouse ships it */
        SHIP,
        /** the customer cancels it */
        CANCEL,
        /** the customer's cancel is accepted while the warehouse ships it: both happen */
        RACE;

        static Kind of(int index) {
            return switch (index % 4) {
                case 1 -> CANCEL;
                case 2 -> RACE;
                default -> SHIP;
            };
        }
    }

    /** How the race is made to happen: which of ParcelShipped and the cancel reaches the order context first is fixed. */
    enum Race {
        /**
         * package's PutEvents is down while it ships (its ParcelShipped waits in the outbox for the relay), and the order
         * context, still CONFIRMED, accepts the cancel: every context hears OrderCancelled first.
         */
        PACKAGE_DOWN,
        /**
         * ParcelShipped is published at once but held back from the order context (the scenario's faults), which still
         * accepts the cancel: inventory, notification and crm hear the two in either order.
         */
        HELD_BACK_FROM_ORDER
    }

    static final String PACKAGING = "shop.packaging";

    final String prefix;
    final Cohort cohort;
    Map<String, ContextState.Counters> before;
    Map<String, ContextState.Counters> after;

    private ShippingRun(String prefix, List<Workload.Planned> plan) {
        this.prefix = prefix;
        this.cohort = new Cohort(prefix, plan);
    }

    /** The workload with each order's kind: cancelled and raced orders get a cancel reason. */
    static List<Workload.Planned> plan(int orders, long seed) {
        return Workload.orders(orders, seed).stream().map(o -> new Workload.Planned(o.index(), o.lines(),
                Kind.of(o.index()) == Kind.SHIP ? Optional.empty() : Optional.of(Workload.REASONS.get(o.index() % Workload.REASONS.size()))))
                .toList();
    }

    static Kind kind(Workload.Planned order) {
        return Kind.of(order.index());
    }

    /** Units of every sku the plan's orders ask for: exactly the stock the run gets. */
    static Map<String, Integer> unitsOrdered(List<Workload.Planned> plan, Predicate<Workload.Planned> which) {
        Map<String, Integer> units = new TreeMap<>();
        plan.stream().filter(which).flatMap(o -> o.lines().stream()).forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        return units;
    }

    /**
     * Runs the cohort under {@code during} (switched on for the run, off after it), settling with {@code settle}
     * (the scenario's, or a duplicator's that also waits for its copies).
     */
    static ShippingRun play(Scenario scenario, String prefix, List<Workload.Planned> plan, Faults during, Race race, Settler settle)
            throws Exception {
        ShippingRun run = new ShippingRun(prefix, plan);
        scenario.cloud.injectFaults(Faults.NONE);
        unitsOrdered(plan, o -> true).forEach(scenario::setAvailable);
        run.before = ContextState.read(scenario).counters();
        scenario.cloud.injectFaults(during);

        run.cohort.place(scenario, 8);
        run.await(scenario, "confirmed, its parcel TO_PICK", state -> run.all(o -> state.order(o.orderId()).equals("CONFIRMED")
                && state.parcel(o.orderId()).equals("TO_PICK")));
        run.shipAll(scenario, Kind.SHIP);
        // a cancel that overtakes the confirmation at notification leaves no confirmation email (DisorderTest's case):
        // here each cancel follows its confirmation email, so every cohort's emails can be compared one for one
        run.await(scenario, "confirmation email sent", state -> run.all(o -> state.status("NotificationTable", "ORDER#" + o.orderId(),
                "MESSAGE#ORDER_CONFIRMATION").equals("SENT")));
        run.cancelAll(scenario, Kind.CANCEL);
        if (race == Race.PACKAGE_DOWN) {
            scenario.cloud.injectFaults(new Faults(1, 0, 0).onlyFrom(PACKAGING));
            run.shipAll(scenario, Kind.RACE);
            run.cancelAll(scenario, Kind.RACE);
            // package's PutEvents stays down until every context has handled the cancel, so each hears OrderCancelled
            // first by construction, not because the relay's grace happens to outlast the deliveries
            run.await(scenario, "cancel handled in every context before ParcelShipped can leave", state -> run.allOf(Kind.RACE,
                    o -> state.reservation(o.orderId()).equals("RELEASED") && state.parcel(o.orderId()).equals("RETURN_REQUESTED")
                            && state.status("NotificationTable", "ORDER#" + o.orderId(), "MESSAGE#CANCELLATION_NOTICE").equals("SENT")
                            && !state.attribute("CrmTable", "CUSTOMER#" + o.customerId(), "ORDER#" + o.orderId(), "cancelledEventId")
                                    .equals("(none)")));
            scenario.cloud.injectFaults(during);
        } else {
            run.shipAll(scenario, Kind.RACE);
            run.cancelAll(scenario, Kind.RACE);
        }
        // every ParcelShipped owed (package's PutEvents down or failing) is published by its relay after the grace period
        run.await(scenario, "no event owed by package", state -> state.itemsWith("PackageTable", "outboxPending") == 0);
        settle.settle();
        scenario.cloud.injectFaults(Faults.NONE);
        run.after = ContextState.read(scenario).counters();
        return run;
    }

    /** How a run waits for its deliveries to end. */
    interface Settler {
        void settle() throws InterruptedException;
    }

    /** What the run did to each sku: available, held and shipped after minus before. */
    Map<String, ContextState.Counters> took() {
        Map<String, ContextState.Counters> took = new TreeMap<>();
        before.forEach((sku, counters) -> took.put(sku, after.get(sku).minus(counters)));
        return took;
    }

    List<ContextState.OrderRef> orders() {
        return cohort.orders;
    }

    List<Workload.Planned> plan() {
        return cohort.plan;
    }

    private boolean all(Predicate<ContextState.OrderRef> done) {
        return cohort.orders.stream().allMatch(done);
    }

    private boolean allOf(Kind kind, Predicate<ContextState.OrderRef> done) {
        return ofKind(kind).stream().map(o -> cohort.orders.get(o.index())).allMatch(done);
    }

    private void await(Scenario scenario, String what, Predicate<ContextState> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (!done.test(ContextState.read(scenario))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(prefix + ": not every order " + what + " within 300 s");
            }
            Thread.sleep(250);
        }
    }

    /** The warehouse ships the parcels of every order of {@code kind}: each answer is SHIPPED. */
    private void shipAll(Scenario scenario, Kind kind) {
        List<Workload.Planned> orders = ofKind(kind);
        List<JsonNode> answers = Parallel.map(orders, 4, o -> invoke(scenario.cloud, "ShipParcelFunction",
                "{\"orderId\":\"" + cohort.orders.get(o.index()).orderId()
                + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"JD0146" + String.format("%06d", o.index()) + "\"}"));
        for (JsonNode answer : answers) {
            assertEquals("SHIPPED", answer.path("status").asText(), prefix + ": " + answer);
        }
    }

    /** The customers cancel every order of {@code kind}: each answer is 200 (the order context still shows CONFIRMED). */
    private void cancelAll(Scenario scenario, Kind kind) {
        List<Workload.Planned> orders = ofKind(kind);
        List<Shop.Reply> replies = Parallel.map(orders, 4, o -> scenario.shop.cancel(o.customer(prefix),
                cohort.orders.get(o.index()).orderId(), o.cancelReason().orElseThrow()));
        replies.forEach(reply -> assertEquals(200, reply.status(), prefix + " " + kind + ": " + reply.text()));
    }

    private static JsonNode invoke(CloudView cloud, String functionId, String payload) {
        try {
            InvocationResult result = cloud.invoke(functionId, payload.getBytes(StandardCharsets.UTF_8))
                    .get(cloud.spec().function(functionId).timeoutSeconds() + 120L, TimeUnit.SECONDS);
            if (!result.ok()) {
                throw new AssertionError(functionId + " failed: " + result.summary());
            }
            return Scenario.JSON.readTree(result.payload());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(functionId + " did not answer: " + e, e);
        }
    }

    /** The planned orders of {@code kind}. */
    private List<Workload.Planned> ofKind(Kind kind) {
        return cohort.plan.stream().filter(o -> kind(o) == kind).toList();
    }

    /** The indexes (in the plan, and in {@link #orders()}) of the orders of {@code kind}. */
    List<Integer> indexes(Kind kind) {
        return ofKind(kind).stream().map(Workload.Planned::index).toList();
    }
}
