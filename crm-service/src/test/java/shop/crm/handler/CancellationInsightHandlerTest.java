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
import java.util.List;
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

    private BusEventHandler events;
    private CancellationInsightHandler insight;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("CrmTable");
        events = Wiring.handler(dynamoDb.client(), table);
        insight = new CancellationInsightHandler(new ReadCancellationInsight(Wiring.customerOrders(dynamoDb.client(), table)),
                Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * The customer of the samples: five orders. Converted (confirmed): the sample order, then cancelled FOUND_CHEAPER
     * after 1 h 30 min 30 s; the late order, cancelled ORDERED_BY_MISTAKE after 2 min, its events delivered cancel
     * first; one kept. Rejected for stock: one. Cancelled before converting (inventory had not answered): one.
     */
    private void fiveOrdersOfOneCustomer() {
        outcome(events, "order-placed.json");
        outcome(events, "order-confirmed.json");
        outcome(events, "order-cancelled.json");
        outcome(events, "cancelled-before-confirmed.json");
        outcome(events, "confirmed-after-cancel.json");
        outcome(events, "placed-after-cancel.json");
        outcome(events, "rejected-order-placed.json");
        outcome(events, "order-rejected.json");
        String kept = UUID.randomUUID().toString();
        outcome(events, variant("order-placed.json", Map.of("orderId", kept, "placedAt", "2026-03-20T08:00:00Z")));
        outcome(events, variant("order-confirmed.json", Map.of("orderId", kept, "placedAt", "2026-03-20T08:00:00Z",
                "confirmedAt", "2026-03-20T08:00:02Z")));
        String cancelledEarly = UUID.randomUUID().toString();
        outcome(events, variant("order-placed.json", Map.of("orderId", cancelledEarly, "placedAt", "2026-03-10T10:00:00Z")));
        outcome(events, variant("order-cancelled.json", Map.of("orderId", cancelledEarly, "placedAt", "2026-03-10T10:00:00Z",
                "cancelledAt", "2026-03-10T10:00:01Z", "reason", "CHANGED_MIND")));
    }

    @Test
    void a_customers_insight_counts_conversions_stock_rejections_and_cancellations_after_converting() {
        fiveOrdersOfOneCustomer();

        JsonNode answer = invoke(insight, JSON.createObjectNode().put("customerId", CUSTOMER));

        assertEquals("customer", answer.path("scope").asText());
        JsonNode numbers = answer.path("insight");
        assertTrue(numbers.path("definitions").asText().contains("converts when it is confirmed"), numbers.toString());
        assertEquals(5, numbers.path("ordersPlaced").asInt());
        assertEquals(3, numbers.path("ordersConverted").asInt());
        assertEquals(1, numbers.path("ordersRejectedForStock").asInt());
        assertEquals(0.2, numbers.path("stockRejectionRate").asDouble(), 1e-9);
        assertEquals(3, numbers.path("ordersCancelled").asInt());
        assertEquals(2, numbers.path("ordersCancelledAfterConverting").asInt());
        assertEquals(0.6667, numbers.path("cancellationRate").asDouble(), 1e-9);
        assertEquals((5430 + 120) / 2, numbers.path("averageSecondsToCancel").asLong());
        assertEquals((5430 + 120) / 2, numbers.path("medianSecondsToCancel").asLong());
        assertEquals(1, numbers.path("cancellationsByReason").path("FOUND_CHEAPER").asInt());
        assertEquals(1, numbers.path("cancellationsByReason").path("ORDERED_BY_MISTAKE").asInt());
        assertEquals(0, numbers.path("cancellationsByReason").path("CHANGED_MIND").asInt(), "cancelled before converting");
    }

    @Test
    void a_customers_answer_carries_every_step_on_the_timeline_in_time_order() {
        fiveOrdersOfOneCustomer();

        JsonNode timeline = invoke(insight, JSON.createObjectNode().put("customerId", CUSTOMER)).path("timeline");

        assertEquals(12, timeline.size());
        assertEquals(List.of("PLACED", "CONFIRMED", "PLACED", "REJECTED", "CANCELLED"),
                List.of(timeline.get(0), timeline.get(1), timeline.get(2), timeline.get(3), timeline.get(4)).stream()
                        .map(entry -> entry.path("type").asText()).toList());
        assertEquals("2026-03-02T09:15:00Z", timeline.get(0).path("at").asText());
        assertEquals("OUT_OF_STOCK", timeline.get(3).path("reason").asText());
        assertEquals("FOUND_CHEAPER", timeline.get(4).path("reason").asText());
        assertEquals("2026-03-20T08:00:02Z", timeline.get(11).path("at").asText());
    }

    @Test
    void a_placing_entry_says_its_units_when_its_OrderPlaced_was_1_1_and_nothing_when_it_was_1_0() {
        outcome(events, "order-placed.json");
        outcome(events, "order-placed-1-1.json");

        JsonNode timeline = invoke(insight, JSON.createObjectNode().put("customerId", CUSTOMER)).path("timeline");

        assertEquals(2, timeline.size());
        assertTrue(timeline.get(0).path("units").isMissingNode(), "1.0 says no units: " + timeline.get(0));
        assertEquals(3, timeline.get(1).path("units").asInt(), timeline.get(1).toString());
    }

    @Test
    void overall_insight_adds_up_every_customer_for_the_months_asked() {
        fiveOrdersOfOneCustomer();
        String otherCustomer = "customer-" + UUID.randomUUID();
        String otherOrder = UUID.randomUUID().toString();
        outcome(events, variant("order-placed.json", Map.of("orderId", otherOrder, "customerId", otherCustomer)));
        outcome(events, variant("order-confirmed.json", Map.of("orderId", otherOrder, "customerId", otherCustomer)));
        outcome(events, variant("order-cancelled.json", Map.of("orderId", otherOrder, "customerId", otherCustomer,
                "cancelledAt", "2026-03-02T09:16:00Z", "reason", "CHANGED_MIND")));
        outcome(events, variant("order-placed.json", Map.of("orderId", UUID.randomUUID().toString(),
                "customerId", otherCustomer, "placedAt", "2026-02-27T23:59:59Z")));

        JsonNode march = invoke(insight, JSON.createObjectNode().put("from", "2026-03").put("to", "2026-03"));
        JsonNode numbers = march.path("insight");
        assertEquals("overall", march.path("scope").asText());
        assertEquals(6, numbers.path("ordersPlaced").asInt());
        assertEquals(4, numbers.path("ordersConverted").asInt());
        assertEquals(1, numbers.path("ordersRejectedForStock").asInt());
        assertEquals(4, numbers.path("ordersCancelled").asInt());
        assertEquals(3, numbers.path("ordersCancelledAfterConverting").asInt());
        assertEquals(0.75, numbers.path("cancellationRate").asDouble(), 1e-9);
        assertEquals(120, numbers.path("medianSecondsToCancel").asLong());
        assertEquals(1, numbers.path("cancellationsByReason").path("CHANGED_MIND").asInt());

        JsonNode lastTwelveMonths = invoke(insight, JSON.createObjectNode()).path("insight");
        assertEquals(7, lastTwelveMonths.path("ordersPlaced").asInt());
    }

    @Test
    void the_insight_has_the_median_time_from_placing_to_shipping_per_customer_and_overall() {
        fiveOrdersOfOneCustomer();
        outcome(events, "parcel-shipped.json"); // placed 09:15:00, shipped 10:45:40 (cancelled meanwhile): 5440 s
        String fast = UUID.randomUUID().toString();
        outcome(events, variant("order-placed.json", Map.of("orderId", fast, "placedAt", "2026-03-20T08:00:00Z")));
        outcome(events, variant("order-confirmed.json", Map.of("orderId", fast, "placedAt", "2026-03-20T08:00:00Z",
                "confirmedAt", "2026-03-20T08:00:03Z")));
        outcome(events, variant("parcel-shipped.json", Map.of("orderId", fast, "shippedAt", "2026-03-20T08:10:00Z")));

        JsonNode customer = invoke(insight, JSON.createObjectNode().put("customerId", data("order-placed.json", "customerId")))
                .path("insight");
        JsonNode march = invoke(insight, JSON.createObjectNode().put("from", "2026-03").put("to", "2026-03")).path("insight");

        for (JsonNode numbers : java.util.List.of(customer, march)) {
            assertEquals(2, numbers.path("ordersShipped").asInt(), numbers.toString());
            assertEquals((5440 + 600) / 2, numbers.path("medianSecondsToShip").asLong(), numbers.toString());
        }
    }

    @Test
    void a_customer_without_orders_has_zero_counts_and_no_rate() {
        JsonNode numbers = invoke(insight, JSON.createObjectNode().put("customerId", "customer-nobody")).path("insight");

        assertEquals(0, numbers.path("ordersPlaced").asInt());
        assertTrue(numbers.path("cancellationRate").isNull());
        assertTrue(numbers.path("medianSecondsToCancel").isNull());
        assertTrue(numbers.path("medianSecondsToShip").isNull());
    }

    @Test
    void a_period_that_is_not_months_or_runs_backwards_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> invoke(insight, JSON.createObjectNode().put("from", "March")));
        assertThrows(IllegalArgumentException.class,
                () -> invoke(insight, JSON.createObjectNode().put("from", "2026-03").put("to", "2026-01")));
    }
}
