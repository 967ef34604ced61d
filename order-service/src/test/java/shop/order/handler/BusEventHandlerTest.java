package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.order.application.OrderProblems.DecisionForUnknownOrder;
import shop.platform.events.MalformedEventException;
import shop.testsupport.CapturingEventBridge.CapturedEvent;
import shop.testsupport.EventSchemas;
import shop.testsupport.SampleEvents;

/** The order context's consumer of inventory's decisions and package's shipments, with the samples of events/order-service/, on dynalite. */
class BusEventHandlerTest {

    private static final String RESERVED_ORDER = orderIdOf("stock-reserved.json");
    private static final String SHORT_ORDER = orderIdOf("stock-shortage.json");

    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();

    @Test
    void stock_reserved_confirms_the_order_and_publishes_one_OrderConfirmed_that_matches_its_schema() {
        fixture.placed(RESERVED_ORDER);

        JsonNode result = fixture.deliver("stock-reserved.json");

        assertEquals("CONFIRMED", result.path("outcome").asText());
        JsonNode order = fixture.call("get-order.json", RESERVED_ORDER).body();
        assertEquals("CONFIRMED", order.path("status").asText());
        assertTrue(order.path("confirmedAt").isTextual());
        CapturedEvent confirmed = only("OrderConfirmed");
        assertEquals("shop.orders", confirmed.source());
        assertEquals(RESERVED_ORDER, confirmed.detail().at("/data/orderId").asText());
        assertEquals(SampleEvents.json("order-service/stock-reserved.json").at("/detail/metadata/correlationId"),
                confirmed.detail().at("/metadata/correlationId"), "the correlation id follows the order across contexts");
        assertEquals(List.of(), EventSchemas.violations("OrderConfirmed", confirmed.detail()));
        assertEquals(0, fixture.runRelay().path("itemsVisited").asInt(), "nothing left owed");
    }

    @Test
    void stock_shortage_rejects_the_order_shows_why_and_publishes_one_OrderRejected() {
        fixture.placed(SHORT_ORDER);

        assertEquals("REJECTED", fixture.deliver("stock-shortage.json").path("outcome").asText());

        JsonNode order = fixture.call("get-order.json", SHORT_ORDER).body();
        assertEquals("REJECTED", order.path("status").asText());
        assertEquals("OUT_OF_STOCK", order.at("/rejection/reason").asText());
        assertEquals("SKU-5", order.at("/rejection/shortSkus/0").asText());
        CapturedEvent rejected = only("OrderRejected");
        assertEquals("OUT_OF_STOCK", rejected.detail().at("/data/reason").asText());
        assertEquals("SKU-5", rejected.detail().at("/data/shortSkus/0").asText());
        assertEquals(List.of(), EventSchemas.violations("OrderRejected", rejected.detail()));
    }

    @Test
    void cancelling_a_rejected_order_is_a_409_problem_naming_its_status() {
        fixture.placed(SHORT_ORDER);
        fixture.deliver("stock-shortage.json");

        OrderServiceFixture.Response refused = fixture.call("cancel-order.json", SHORT_ORDER);

        assertEquals(409, refused.status());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertTrue(refused.body().path("detail").asText().contains("REJECTED"), refused.body().toString());
        assertEquals("status", refused.body().at("/errors/0/field").asText());
        assertEquals("REJECTED", fixture.call("get-order.json", SHORT_ORDER).body().path("status").asText());
        assertEquals(0, fixture.bus.events().stream().filter(e -> e.detailType().equals("OrderCancelled")).count());
    }

    @Test
    void a_confirmed_order_can_still_be_cancelled() {
        fixture.placed(RESERVED_ORDER);
        fixture.deliver("stock-reserved.json");

        OrderServiceFixture.Response cancelled = fixture.call("cancel-order.json", RESERVED_ORDER);

        assertEquals(200, cancelled.status());
        assertEquals("CANCELLED", cancelled.body().path("status").asText());
        assertEquals(List.of(), EventSchemas.violations("OrderCancelled", only("OrderCancelled").detail()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stock-reserved-duplicate.json", "stock-reserved-replayed.json"})
    void a_duplicate_or_replayed_decision_changes_nothing_and_publishes_nothing(String sample) {
        fixture.placed(RESERVED_ORDER);
        fixture.deliver("stock-reserved.json");
        fixture.bus.clear();

        assertEquals("DUPLICATE", fixture.deliver(sample).path("outcome").asText());

        assertPublishedNothingAndOwesNothing();
        assertEquals("CONFIRMED", fixture.call("get-order.json", RESERVED_ORDER).body().path("status").asText());
    }

    @Test
    void stock_reserved_for_an_order_cancelled_first_changes_nothing() {
        String orderId = orderIdOf("stock-reserved-for-cancelled-order.json");
        fixture.placed(orderId);
        fixture.call("cancel-order.json", orderId);
        fixture.bus.clear();

        JsonNode result = fixture.deliver("stock-reserved-for-cancelled-order.json");

        assertEquals("IGNORED_CANCELLED_ORDER", result.path("outcome").asText());
        assertEquals("CANCELLED", result.path("status").asText());
        assertPublishedNothingAndOwesNothing();
    }

    @Test
    void a_decision_for_an_order_the_table_does_not_have_fails_with_a_reason_and_stores_nothing() {
        DecisionForUnknownOrder e = assertThrows(DecisionForUnknownOrder.class, () -> fixture.deliver("stock-reserved.json"));

        assertTrue(e.getMessage().contains(RESERVED_ORDER) && e.getMessage().contains("StockReserved"), e.getMessage());
        assertEquals(0, fixture.storedItems());
        assertPublishedNothingAndOwesNothing();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "malformed.json, data.shortSkus",
            "direct-unknown-detail-type.json, StockCounted",
            "stock-reserved-unknown-major.json, 2.0",
            "malformed-parcel-shipped.json, data.orderId",
            "parcel-shipped-unknown-major.json, 2.0",
    })
    void an_event_it_was_not_written_for_fails_with_a_reason_and_changes_nothing(String sample, String named) {
        fixture.placed(RESERVED_ORDER);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> fixture.deliver(sample));

        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertEquals("PLACED", fixture.call("get-order.json", RESERVED_ORDER).body().path("status").asText());
        assertPublishedNothingAndOwesNothing();
    }

    @Test
    void an_OrderConfirmed_whose_PutEvents_failed_is_published_by_the_relay() {
        fixture.placed(RESERVED_ORDER);
        fixture.bus.failNextCalls(3);

        assertEquals("CONFIRMED", fixture.deliver("stock-reserved.json").path("outcome").asText());
        assertEquals(List.of(), fixture.bus.events());

        assertEquals(1, fixture.runRelay().path("eventsPublished").asInt());
        assertEquals(RESERVED_ORDER, only("OrderConfirmed").detail().at("/data/orderId").asText());
    }

    @Test
    void parcel_shipped_ships_the_confirmed_order_shows_the_shipment_and_publishes_nothing() {
        confirmed(RESERVED_ORDER);

        JsonNode result = fixture.deliver("parcel-shipped.json");

        assertEquals("SHIPPED", result.path("outcome").asText());
        JsonNode order = fixture.call("get-order.json", RESERVED_ORDER).body();
        JsonNode shipped = SampleEvents.json("order-service/parcel-shipped.json").at("/detail/data");
        assertEquals("SHIPPED", order.path("status").asText());
        assertEquals(shipped.path("carrier"), order.at("/shipment/carrier"));
        assertEquals(shipped.path("trackingNumber"), order.at("/shipment/trackingNumber"));
        assertEquals(shipped.path("shippedAt").asText(), order.at("/shipment/shippedAt").asText());
        assertEquals(false, order.path("returnExpected").asBoolean());
        assertPublishedNothingAndOwesNothing();
    }

    @Test
    void cancelling_a_shipped_order_is_a_409_problem_naming_SHIPPED_and_publishes_nothing() {
        confirmed(RESERVED_ORDER);
        fixture.deliver("parcel-shipped.json");

        OrderServiceFixture.Response refused = fixture.call("cancel-order.json", RESERVED_ORDER);

        assertEquals(409, refused.status());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertTrue(refused.body().path("detail").asText().contains("SHIPPED"), refused.body().toString());
        assertEquals("is SHIPPED", refused.body().at("/errors/0/reason").asText(), refused.body().toString());
        assertEquals("SHIPPED", fixture.call("get-order.json", RESERVED_ORDER).body().path("status").asText());
        assertPublishedNothingAndOwesNothing();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parcel-shipped-duplicate.json", "parcel-shipped-replayed.json"})
    void a_duplicate_or_replayed_shipment_changes_nothing(String sample) {
        confirmed(RESERVED_ORDER);
        fixture.deliver("parcel-shipped.json");

        JsonNode result = fixture.deliver(sample);

        assertEquals("DUPLICATE", result.path("outcome").asText());
        assertEquals("SHIPPED", result.path("status").asText());
        assertPublishedNothingAndOwesNothing();
    }

    @Test
    void the_race_a_cancel_accepted_while_the_parcel_shipped_ends_cancelled_with_a_return_expected() {
        confirmed(RESERVED_ORDER);
        assertEquals(200, fixture.call("cancel-order.json", RESERVED_ORDER).status());
        fixture.bus.clear();

        JsonNode result = fixture.deliver("parcel-shipped.json");
        JsonNode again = fixture.deliver("parcel-shipped-duplicate.json");

        assertEquals("RETURN_EXPECTED", result.path("outcome").asText());
        assertEquals("CANCELLED", result.path("status").asText());
        assertEquals("DUPLICATE", again.path("outcome").asText());
        JsonNode order = fixture.call("get-order.json", RESERVED_ORDER).body();
        assertEquals("CANCELLED", order.path("status").asText());
        assertTrue(order.path("returnExpected").asBoolean(), order.toString());
        assertEquals("DHL", order.at("/shipment/carrier").asText());
        assertPublishedNothingAndOwesNothing(); // the order context announces nothing: package asks for the return
    }

    @Test
    void a_shipment_of_an_order_never_confirmed_fails_with_a_reason_and_changes_nothing() {
        fixture.placed(RESERVED_ORDER);

        RuntimeException e = assertThrows(RuntimeException.class, () -> fixture.deliver("parcel-shipped.json"));

        assertTrue(e.getMessage().contains("ParcelShipped") && e.getMessage().contains("PLACED"), e.getMessage());
        assertEquals("PLACED", fixture.call("get-order.json", RESERVED_ORDER).body().path("status").asText());
    }

    /** A placed order confirmed by inventory, with the bus emptied after. */
    private static void confirmed(String orderId) {
        fixture.placed(orderId);
        assertEquals("CONFIRMED", fixture.deliver("stock-reserved.json").path("outcome").asText());
        fixture.bus.clear();
    }

    /**
     * Nothing on the bus, and nothing left in the outbox for the relay to publish later: an event owed by the write but
     * not sent at once would pass a look at the bus alone.
     */
    private static void assertPublishedNothingAndOwesNothing() {
        assertEquals(List.of(), fixture.bus.events(), "published at once");
        JsonNode relayed = fixture.runRelay();
        assertEquals(0, relayed.path("itemsVisited").asInt(), "owed in the outbox: " + relayed);
        assertEquals(List.of(), fixture.bus.events(), "published by the relay");
    }

    private static CapturedEvent only(String detailType) {
        List<CapturedEvent> found = fixture.bus.events().stream().filter(e -> e.detailType().equals(detailType)).toList();
        assertEquals(1, found.size(), detailType + " on the bus: " + fixture.bus.events());
        return found.get(0);
    }

    private static String orderIdOf(String sample) {
        return SampleEvents.json("order-service/" + sample).at("/detail/data/orderId").asText();
    }
}
