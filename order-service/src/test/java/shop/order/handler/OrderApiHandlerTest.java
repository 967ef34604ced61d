package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.order.adapter.eventbridge.OrderMessages;
import shop.testsupport.CapturingEventBridge.CapturedEvent;
import shop.testsupport.EventSchemas;

class OrderApiHandlerTest {

    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();

    @Test
    void place_then_read_returns_the_order_priced_from_the_price_list() {
        OrderServiceFixture.Response placed = fixture.call("place-order.json");

        assertEquals(201, placed.status());
        JsonNode order = placed.body();
        String orderId = order.path("orderId").asText();
        assertEquals("/orders/" + orderId, placed.header("Location"));
        assertEquals("PLACED", order.path("status").asText());
        assertEquals("12.50", order.path("lines").get(0).path("unitPrice").path("amount").asText());
        assertEquals("25.00", order.path("lines").get(0).path("lineTotal").path("amount").asText());
        assertEquals("48.00", order.path("total").path("amount").asText(), "2 x 12.50 + 1 x 23.00");
        assertEquals("EUR", order.path("total").path("currency").asText());

        OrderServiceFixture.Response read = fixture.call("get-order.json", orderId);
        assertEquals(200, read.status());
        assertEquals(order, read.body());
    }

    @Test
    void placing_publishes_one_OrderPlaced_per_version_each_matching_the_schema_of_its_major() {
        String orderId = fixture.call("place-order.json").body().path("orderId").asText();

        List<CapturedEvent> events = fixture.bus.events();
        assertEquals(List.of("1.1", "2.0"), events.stream().map(e -> e.detail().at("/metadata/schemaVersion").asText()).sorted().toList());
        for (CapturedEvent placed : events) {
            assertEquals("shop.orders", placed.source());
            assertEquals("OrderPlaced", placed.detailType());
            assertEquals("shop-test-bus", placed.busName());
            assertEquals(orderId, placed.detail().path("data").path("orderId").asText());
            assertEquals(3, placed.detail().path("data").path("unitCount").asInt(), "2 x SKU-1 and 1 x SKU-3");
            assertEquals(List.of(), EventSchemas.violations("OrderPlaced", placed.detail()));
        }
        CapturedEvent minor = events.stream().filter(e -> EventSchemas.major(e.detail()) == 1).findFirst().orElseThrow();
        CapturedEvent major = events.stream().filter(e -> EventSchemas.major(e.detail()) == 2).findFirst().orElseThrow();
        assertEquals("customer-alice", minor.detail().at("/data/customerId").asText());
        assertEquals("customer-alice", major.detail().at("/data/customer/id").asText());
        assertEquals(minor.detail().at("/data/lines/0/unitPrice"), major.detail().at("/data/items/0/price/unit"));
        assertEquals(minor.detail().at("/metadata/correlationId"), major.detail().at("/metadata/correlationId"));
        assertNotEquals(minor.eventId(), major.eventId(), "each version is an event of its own to the consumers that dedupe");
    }

    @Test
    void a_function_that_places_orders_refuses_to_start_without_an_OrderPlaced_version_to_publish() {
        Wiring.Config blank = new Wiring.Config(fixture.config.ordersTable(), fixture.config.priceListTable(),
                fixture.config.publishing(), OrderMessages.placing(""));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Wiring.placeOrder(blank, fixture.dynamo, fixture.events, Clock.systemUTC()));

        assertTrue(refused.getMessage().contains("ORDER_PLACED_VERSIONS"), refused.getMessage());
    }

    @Test
    void the_outbox_is_empty_once_the_bus_accepted_the_event() {
        fixture.call("place-order.json");

        JsonNode report = fixture.runRelay();

        assertEquals(0, report.path("itemsVisited").asInt(), "nothing left for the relay");
        assertEquals(2, fixture.bus.events().size(), "OrderPlaced 1.1 and 2.0");
    }

    @Test
    void cancel_twice_publishes_one_OrderCancelled() {
        String orderId = fixture.call("place-order.json").body().path("orderId").asText();

        OrderServiceFixture.Response first = fixture.call("cancel-order.json", orderId);
        OrderServiceFixture.Response second = fixture.call("cancel-order.json", orderId);

        assertEquals(200, first.status());
        assertEquals("CANCELLED", first.body().path("status").asText());
        assertEquals("CHANGED_MIND", first.body().path("cancellationReason").asText());
        assertEquals(200, second.status());
        assertEquals(first.body(), second.body(), "the second cancel answers with the same cancelled order");
        List<CapturedEvent> cancelled = fixture.bus.events().stream().filter(e -> e.detailType().equals("OrderCancelled")).toList();
        assertEquals(1, cancelled.size());
        assertEquals(List.of(), EventSchemas.violations("OrderCancelled", cancelled.get(0).detail()));
        assertEquals("CHANGED_MIND", cancelled.get(0).detail().path("data").path("reason").asText());
    }

    @Test
    void retrying_with_the_same_idempotency_key_returns_the_first_order_and_creates_nothing() {
        OrderServiceFixture.Response first = fixture.call("place-order-with-idempotency-key.json");
        long itemsAfterFirst = fixture.storedItems();

        OrderServiceFixture.Response retry = fixture.call("place-order-with-idempotency-key.json",
                event -> event.put("body", event.path("body").asText().replace(", ", ",  "))); // same content, other spacing

        assertEquals(201, first.status());
        assertEquals(201, retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals(itemsAfterFirst, fixture.storedItems(), "no new order, no new key");
        assertEquals(2, fixture.bus.events().size(), "one OrderPlaced of each version");
    }

    @Test
    void a_key_claim_that_meets_another_transaction_is_tried_again_and_places_the_order() {
        fixture.dynalite.failNextTransactionsWithConflict(2); // as AWS answers two requests with one key at once

        OrderServiceFixture.Response placed = fixture.call("place-order-with-idempotency-key.json");

        assertEquals(201, placed.status());
        assertEquals(2, fixture.storedItems(), "the order and its key");
        assertEquals(2, fixture.bus.events().size(), "one OrderPlaced of each version");
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_422() {
        fixture.call("place-order-with-idempotency-key.json");

        OrderServiceFixture.Response reused = fixture.call("place-order-with-idempotency-key.json",
                event -> event.put("body", event.path("body").asText().replace("\"quantity\": 2", "\"quantity\": 3")));

        assertEquals(422, reused.status());
        assertEquals("application/problem+json", reused.header("Content-Type"));
        assertEquals("header:Idempotency-Key", reused.body().path("errors").get(0).path("field").asText());
        assertEquals(2, fixture.bus.events().size(), "the first order's OrderPlaced 1.1 and 2.0 only");
    }

    @Test
    void the_same_idempotency_key_from_another_customer_is_another_order() {
        String alices = fixture.call("place-order-with-idempotency-key.json").body().path("orderId").asText();

        OrderServiceFixture.Response bobs = fixture.call("place-order-with-idempotency-key.json", event -> ((ObjectNode) event
                .path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", "customer-bob"));

        assertEquals(201, bobs.status());
        assertNotEquals(alices, bobs.body().path("orderId").asText());
    }

    @Test
    void another_customers_order_is_not_found_to_read_or_cancel() {
        String orderId = fixture.call("place-order.json").body().path("orderId").asText();

        OrderServiceFixture.Response read = fixture.call("get-order-other-customer.json", orderId);
        OrderServiceFixture.Response cancel = fixture.call("cancel-order-other-customer.json", orderId);

        assertEquals(404, read.status());
        assertEquals(404, cancel.status());
        assertEquals("application/problem+json", cancel.header("Content-Type"));
        assertEquals("PLACED", fixture.call("get-order.json", orderId).body().path("status").asText(), "still placed");
        assertEquals(0, fixture.bus.events().stream().filter(e -> e.detailType().equals("OrderCancelled")).count());
    }

    @Test
    void an_order_id_that_does_not_exist_is_404() {
        assertEquals(404, fixture.call("get-order.json").status());
        assertEquals(404, fixture.call("get-order.json", "not-a-uuid").status());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "place-order-unauthenticated.json, 401, ''",
            "get-order-unauthenticated.json, 401, ''",
            "place-order-invalid-fields.json, 400, lines[0].sku lines[0].quantity lines[1].quantity shippingAddress.name shippingAddress.country contactEmail",
            "place-order-unknown-sku.json, 422, lines[1].sku",
            "place-order-extra-field.json, 400, customerId price",
            "place-order-malformed-json.json, 400, ''",
            "place-order-wrong-content-type.json, 415, ''",
            "place-order-too-many-lines.json, 400, lines",
    })
    void each_invalid_sample_gets_its_problem_and_stores_nothing(String sample, int status, String fields) {
        OrderServiceFixture.Response response = fixture.call(sample);

        assertEquals(status, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        JsonNode problem = response.body();
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("title").isTextual() && problem.path("type").asText().startsWith("https://"));
        String named = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).collect(Collectors.joining(" "));
        assertEquals(fields, named);
        assertEquals(0, fixture.storedItems(), "a refused request stores nothing");
        assertEquals(0, fixture.bus.events().size(), "a refused request publishes nothing");
    }

    @Test
    void a_country_ISO_3166_1_does_not_assign_is_a_400_naming_the_field_and_stores_nothing() {
        OrderServiceFixture.Response response = fixture.call("place-order.json",
                event -> event.put("body", event.path("body").asText().replaceAll("\"country\": *\"[A-Z]{2}\"", "\"country\": \"XX\"")));

        assertEquals(400, response.status());
        assertEquals("shippingAddress.country", response.body().at("/errors/0/field").asText());
        assertTrue(response.body().at("/errors/0/reason").asText().contains("ISO 3166-1"));
        assertEquals(0, fixture.storedItems());
    }

    @Test
    void a_cancel_with_an_unknown_reason_is_400_and_leaves_the_order_placed() {
        String orderId = fixture.call("place-order.json").body().path("orderId").asText();

        OrderServiceFixture.Response response = fixture.call("cancel-order-invalid-reason.json", orderId);

        assertEquals(400, response.status());
        assertEquals("reason", response.body().path("errors").get(0).path("field").asText());
        assertEquals("PLACED", fixture.call("get-order.json", orderId).body().path("status").asText());
    }
}
