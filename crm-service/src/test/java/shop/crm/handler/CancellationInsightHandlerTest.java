package shop.crm.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.crm.handler.CrmHarness.JSON;
import static shop.crm.handler.CrmHarness.data;
import static shop.crm.handler.CrmHarness.invoke;
import static shop.crm.handler.CrmHarness.outcome;
import static shop.crm.handler.CrmHarness.variant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.crm.application.ReadCancellationInsight;
import shop.testsupport.LocalDynamoDb;

/** Cancellation insight as an analyst reads it, by direct invocation, after the sample events went through. */
class CancellationInsightHandlerTest {

    private static final String CUSTOMER = data("order-placed.json", "customerId");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private OrderEventHandler events;
    private CancellationInsightHandler insight;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("CrmTable");
        events = Wiring.handler(dynamoDb.client(), table);
        insight = new CancellationInsightHandler(new ReadCancellationInsight(Wiring.customerOrders(dynamoDb.client(), table)),
                Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC));
    }

    /** The customer of the samples: three orders, two cancelled (one of them before its OrderPlaced arrived). */
    private void threeOrdersOfOneCustomer() {
        outcome(events, "order-placed.json");
        outcome(events, "order-cancelled.json");           // FOUND_CHEAPER after 1 h 30 min 30 s
        outcome(events, "cancelled-before-placed.json");   // ORDERED_BY_MISTAKE after 2 min
        outcome(events, "placed-after-cancel.json");
        outcome(events, variant("order-placed.json", Map.of("orderId", UUID.randomUUID().toString(),
                "placedAt", "2026-03-20T08:00:00Z")));      // kept
    }

    @Test
    void a_customers_insight_counts_orders_cancellations_rate_time_to_cancel_and_reasons() {
        threeOrdersOfOneCustomer();

        JsonNode answer = invoke(insight, JSON.createObjectNode().put("customerId", CUSTOMER));

        assertEquals("customer", answer.path("scope").asText());
        JsonNode numbers = answer.path("insight");
        assertEquals(3, numbers.path("ordersPlaced").asInt());
        assertEquals(2, numbers.path("ordersCancelled").asInt());
        assertEquals(0.6667, numbers.path("cancellationRate").asDouble(), 1e-9);
        assertEquals((5430 + 120) / 2, numbers.path("averageSecondsToCancel").asLong());
        assertEquals((5430 + 120) / 2, numbers.path("medianSecondsToCancel").asLong());
        assertEquals(1, numbers.path("cancellationsByReason").path("FOUND_CHEAPER").asInt());
        assertEquals(1, numbers.path("cancellationsByReason").path("ORDERED_BY_MISTAKE").asInt());
        assertEquals(0, numbers.path("cancellationsByReason").path("CHANGED_MIND").asInt());
    }

    @Test
    void a_customers_answer_carries_the_timeline_in_time_order() {
        threeOrdersOfOneCustomer();

        JsonNode timeline = invoke(insight, JSON.createObjectNode().put("customerId", CUSTOMER)).path("timeline");

        assertEquals(5, timeline.size());
        assertEquals("2026-03-02T09:15:00Z", timeline.get(0).path("at").asText());
        assertEquals("PLACED", timeline.get(0).path("type").asText());
        assertEquals("CANCELLED", timeline.get(1).path("type").asText());
        assertEquals("FOUND_CHEAPER", timeline.get(1).path("reason").asText());
        assertEquals("2026-03-20T08:00:00Z", timeline.get(4).path("at").asText());
    }

    @Test
    void overall_insight_adds_up_every_customer_for_the_months_asked() {
        threeOrdersOfOneCustomer();
        String otherCustomer = "customer-" + UUID.randomUUID();
        String otherOrder = UUID.randomUUID().toString();
        outcome(events, variant("order-placed.json", Map.of("orderId", otherOrder, "customerId", otherCustomer)));
        outcome(events, variant("order-cancelled.json", Map.of("orderId", otherOrder, "customerId", otherCustomer,
                "cancelledAt", "2026-03-02T09:16:00Z", "reason", "CHANGED_MIND")));
        outcome(events, variant("order-placed.json", Map.of("orderId", UUID.randomUUID().toString(),
                "customerId", otherCustomer, "placedAt", "2026-02-27T23:59:59Z")));

        JsonNode march = invoke(insight, JSON.createObjectNode().put("from", "2026-03").put("to", "2026-03"));
        JsonNode numbers = march.path("insight");
        assertEquals("overall", march.path("scope").asText());
        assertEquals(4, numbers.path("ordersPlaced").asInt());
        assertEquals(3, numbers.path("ordersCancelled").asInt());
        assertEquals(0.75, numbers.path("cancellationRate").asDouble(), 1e-9);
        assertEquals(120, numbers.path("medianSecondsToCancel").asLong());
        assertEquals(1, numbers.path("cancellationsByReason").path("CHANGED_MIND").asInt());

        JsonNode lastTwelveMonths = invoke(insight, JSON.createObjectNode()).path("insight");
        assertEquals(5, lastTwelveMonths.path("ordersPlaced").asInt());
    }

    @Test
    void a_customer_without_orders_has_zero_counts_and_no_rate() {
        JsonNode numbers = invoke(insight, JSON.createObjectNode().put("customerId", "customer-nobody")).path("insight");

        assertEquals(0, numbers.path("ordersPlaced").asInt());
        assertTrue(numbers.path("cancellationRate").isNull());
        assertTrue(numbers.path("medianSecondsToCancel").isNull());
    }

    @Test
    void a_period_that_is_not_months_or_runs_backwards_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> invoke(insight, JSON.createObjectNode().put("from", "March")));
        assertThrows(IllegalArgumentException.class,
                () -> invoke(insight, JSON.createObjectNode().put("from", "2026-03").put("to", "2026-01")));
    }
}
