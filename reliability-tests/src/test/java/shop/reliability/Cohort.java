package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A workload placed (and partly cancelled) over HTTP by customers whose ids start with one prefix, and what it got. */
final class Cohort {

    final String prefix;
    final List<Workload.Planned> plan;
    final List<ContextState.OrderRef> orders = new ArrayList<>();

    Cohort(String prefix, List<Workload.Planned> plan) {
        this.prefix = prefix;
        this.plan = plan;
    }

    /** Places every order at once from {@code threads} clients; each must be answered 201. */
    void place(Scenario scenario, int threads) {
        List<Shop.Reply> replies = Parallel.map(plan, threads, order ->
                scenario.shop.placeRetrying(order.customer(prefix), Shop.orderBody(order.email(prefix), order.lines()), prefix + "-order-" + order.index(), 3));
        for (int i = 0; i < plan.size(); i++) {
            assertEquals(201, replies.get(i).status(), replies.get(i).text());
            orders.add(new ContextState.OrderRef(replies.get(i).orderId(), plan.get(i).customer(prefix), plan.get(i).email(prefix)));
        }
    }

    /** Cancels the orders the plan cancels, at once; each must be answered 200. */
    void cancel(Scenario scenario, int threads) {
        List<Workload.Planned> cancelled = plan.stream().filter(o -> o.cancelReason().isPresent()).toList();
        List<Shop.Reply> replies = Parallel.map(cancelled, threads, order -> {
            Shop.Reply reply = scenario.shop.cancel(order.customer(prefix), orders.get(order.index()).orderId(), order.cancelReason().get());
            // cancelling twice yields one OrderCancelled: a client may retry a 5xx (a timed-out cold start)
            return reply.status() >= 500 ? scenario.shop.cancel(order.customer(prefix), orders.get(order.index()).orderId(),
                    order.cancelReason().get()) : reply;
        });
        replies.forEach(reply -> assertEquals(200, reply.status(), reply.text()));
    }

    /** Units the plan keeps reserved per sku (orders not cancelled). */
    Map<String, Integer> unitsKept() {
        Map<String, Integer> units = new TreeMap<>();
        plan.stream().filter(o -> o.cancelReason().isEmpty()).flatMap(o -> o.lines().stream())
                .forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units;
    }
}
