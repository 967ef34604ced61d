package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Malformed requests and other customers' orders, over HTTP against the whole system. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputAndAccessTest {

    static Scenario scenario;

    @BeforeAll
    static void start() {
        scenario = Scenario.start("bad-input");
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    @Test
    @Order(1)
    void every_malformed_request_gets_a_4xx_problem_and_nothing_is_stored_or_published() throws Exception {
        List<MalformedRequests.Request> corpus = MalformedRequests.corpus();
        long t0 = System.nanoTime();
        List<Shop.Reply> replies = Parallel.map(corpus, 4, r -> scenario.shop.send(r.method(), r.path(), r.headers(), r.body()));
        scenario.settle();
        long millis = (System.nanoTime() - t0) / 1_000_000;

        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            Shop.Reply reply = replies.get(i);
            byStatus.merge(reply.status(), 1, Integer::sum);
            if (reply.status() < 400 || reply.status() >= 500 || !reply.contentType().startsWith("application/problem+json")) {
                wrong.add(corpus.get(i).name() + " -> " + reply.status() + " " + reply.contentType() + " " + clip(reply.text()));
            }
        }
        System.out.printf("[reliability] malformed requests: %d sent in %d ms, statuses %s, %d not a 4xx problem%n", corpus.size(), millis,
                byStatus, wrong.size());
        assertTrue(corpus.size() >= 200, "the corpus has at least 200 requests: " + corpus.size());
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), scenario.scan("OrdersTable"), "nothing stored");
        assertEquals(List.of(), scenario.archive(), "nothing published");
    }

    @Test
    @Order(2)
    void a_customer_can_neither_read_nor_cancel_another_customers_order_and_no_identity_gets_401() throws Exception {
        Shop.Reply placed = scenario.shop.place("alice", Shop.orderBody("alice@example.com", List.of(new Workload.Line("SKU-2", 1))));
        assertEquals(201, placed.status(), placed.text());
        String order = placed.orderId();

        Shop.Reply read = scenario.shop.get("bob", order);
        Shop.Reply cancel = scenario.shop.cancel("bob", order, "CHANGED_MIND");
        Shop.Reply anonymousRead = scenario.shop.send("GET", "/orders/" + order, Map.of(), null);
        Shop.Reply anonymousCancel = scenario.shop.send("POST", "/orders/" + order + "/cancel", Map.of("Content-Type", "application/json"),
                "{\"reason\":\"CHANGED_MIND\"}".getBytes());
        Shop.Reply anonymousPlace = scenario.shop.send("POST", "/orders", Map.of("Content-Type", "application/json"),
                Shop.orderBody("eve@example.com", List.of(new Workload.Line("SKU-2", 1))).getBytes());
        scenario.settle();

        assertEquals(404, read.status(), "bob cannot see that alice's order exists");
        assertTrue(!read.text().contains("alice"), read.text());
        assertEquals(404, cancel.status());
        for (Shop.Reply anonymous : List.of(anonymousRead, anonymousCancel, anonymousPlace)) {
            // the template's JWT authorizer refuses before the function runs, as API Gateway answers
            assertEquals(401, anonymous.status(), anonymous.text());
            assertEquals("{\"message\":\"Unauthorized\"}", anonymous.text());
        }
        String status = scenario.shop.get("alice", order).json().path("status").asText();
        assertTrue(!status.equals("CANCELLED") && !status.isEmpty(), "alice's order is untouched (not cancelled): " + status);
        assertEquals(0, scenario.archived("OrderCancelled").size(), "no OrderCancelled published");
        assertEquals(1, scenario.scan("OrdersTable").size(), "the anonymous order was not stored");
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
