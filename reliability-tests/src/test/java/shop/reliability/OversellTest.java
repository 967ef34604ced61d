package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.testsupport.Concurrently;
import shop.localparts.SesV2Local.ReceivedEmail;

/**
 * 50 customers order the last 10 units of SKU-5 (seeded with 10) at the same instant: exactly 10 orders are confirmed
 * and 40 rejected, as each customer reads it over the API; 10 confirmation and 40 rejection emails, no other email
 * claiming confirmation; 10 pickable parcels and none for the 40.
 */
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

    private record Placed(String customer, Shop.Reply reply) {
    }

    @Test
    void fifty_concurrent_orders_for_ten_units_confirm_exactly_ten_reject_forty_and_never_oversell() throws Exception {
        assertEquals(10, scenario.available("SKU-5"), "the seed gives SKU-5 ten units");
        int[] next = {0};
        long t0 = System.nanoTime();
        List<Placed> replies = Concurrently.call(CUSTOMERS, () -> {
            String customer;
            synchronized (next) {
                customer = "O-customer-" + next[0]++;
            }
            // a 5xx (a cold start past its timeout on a loaded machine) is retried with the same key: still one order
            return new Placed(customer, scenario.shop.placeRetrying(customer, Shop.orderBody(customer + "@example.com",
                    List.of(new Workload.Line("SKU-5", 1))), customer + "-order", 3));
        });
        scenario.settle();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        replies.forEach(r -> assertEquals(201, r.reply().status(), r.reply().text()));

        ContextState state = ContextState.read(scenario);
        Map<String, Long> byStatus = new TreeMap<>();
        long confirmationEmails = 0;
        long rejectionEmails = 0;
        long pickable = 0;
        int held = 0;
        for (Placed placed : replies) {
            String customer = placed.customer();
            String orderId = placed.reply().orderId();
            JsonNode read = scenario.shop.get(customer, orderId).json();
            String status = read.path("status").asText();
            byStatus.merge(status, 1L, Long::sum);
            List<ReceivedEmail> emails = state.emailsTo(customer + "@example.com");
            long confirmed = emails.stream().filter(e -> e.subject().contains("confirmed")).count();
            long rejected = emails.stream().filter(e -> e.subject().contains("could not be accepted")).count();
            confirmationEmails += confirmed;
            rejectionEmails += rejected;
            pickable += state.parcel(orderId).equals("TO_PICK") ? 1 : 0;
            held += state.held(orderId).getOrDefault("SKU#SKU-5", 0);
            if (status.equals("CONFIRMED")) {
                assertEquals(List.of(1L, 0L, 1), List.of(confirmed, rejected, emails.size()), "one confirmation for " + customer);
                assertEquals("TO_PICK", state.parcel(orderId));
            } else {
                assertEquals("REJECTED", status, read.toString());
                assertEquals("OUT_OF_STOCK [\"SKU-5\"]", read.path("rejection").path("reason").asText() + " "
                        + read.path("rejection").path("shortSkus"), read.toString());
                assertEquals(List.of(0L, 1L, 1), List.of(confirmed, rejected, emails.size()), "one rejection and no confirmation for " + customer);
                assertEquals("(none)", state.parcel(orderId), "no parcel for a rejected order");
            }
        }
        System.out.printf("[reliability] oversell: %d concurrent orders of 1 x SKU-5 (10 in stock): %s over the API, %d confirmation"
                        + " and %d rejection emails, %d pickable parcels, %d units held, %d available, %d ms%n", CUSTOMERS, byStatus,
                confirmationEmails, rejectionEmails, pickable, held, state.stock().get("SKU-5"), millis);
        assertEquals(Map.of("CONFIRMED", 10L, "REJECTED", (long) CUSTOMERS - 10), byStatus);
        assertEquals(10, confirmationEmails);
        assertEquals(CUSTOMERS - 10, rejectionEmails);
        assertEquals(10, pickable);
        assertEquals(10, held);
        assertEquals(0, state.stock().get("SKU-5"), "never oversold: nothing left, nothing below zero");
    }
}
