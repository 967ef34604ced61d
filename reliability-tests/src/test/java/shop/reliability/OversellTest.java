package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.testsupport.Concurrently;

/** 50 customers order the last 10 units of SKU-5 (seeded with 10) at the same instant: exactly 10 are reserved. */
class OversellTest {

    static final int CUSTOMERS = Workload.size("oversellCustomers", 50);
    static Scenario scenario;

    @BeforeAll
    static void start() {
        scenario = Scenario.start("oversell");
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    @Test
    void fifty_concurrent_orders_for_ten_units_reserve_exactly_ten_and_never_oversell() throws Exception {
        assertEquals(10, scenario.available("SKU-5"), "the seed gives SKU-5 ten units");
        int[] next = {0};
        long t0 = System.nanoTime();
        List<Shop.Reply> replies = Concurrently.call(CUSTOMERS, () -> {
            String customer;
            synchronized (next) {
                customer = "O-customer-" + next[0]++;
            }
            return scenario.shop.place(customer, Shop.orderBody(customer + "@example.com", List.of(new Workload.Line("SKU-5", 1))));
        });
        scenario.settle();
        long millis = (System.nanoTime() - t0) / 1_000_000;

        ContextState state = ContextState.read(scenario);
        List<String> statuses = replies.stream().map(r -> state.reservation(r.orderId())).toList();
        long reserved = statuses.stream().filter("RESERVED"::equals).count();
        long rejected = statuses.stream().filter("REJECTED"::equals).count();
        int held = replies.stream().mapToInt(r -> state.held(r.orderId()).getOrDefault("SKU#SKU-5", 0)).sum();
        System.out.printf("[reliability] oversell: %d concurrent orders of 1 x SKU-5 (10 in stock): %d reserved, %d rejected,"
                + " %d units held, %d available, %d ms%n", CUSTOMERS, reserved, rejected, held, state.stock().get("SKU-5"), millis);
        replies.forEach(r -> assertEquals(201, r.status(), r.text()));
        assertEquals(10, reserved);
        assertEquals(CUSTOMERS - 10, rejected);
        assertEquals(10, held);
        assertEquals(Map.of("SKU-5", 0), Map.of("SKU-5", state.stock().get("SKU-5")));
    }
}
