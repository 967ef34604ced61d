package shop.inventory.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.adapter.outbox.OutboxInventoryEvents;
import shop.inventory.application.InventoryEvents;
import shop.inventory.application.OwedEvent;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.Reservations;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.SettleStock;
import shop.inventory.application.ShortageMetrics;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;
import shop.platform.outbox.DynamoDbOutbox;
import shop.platform.outbox.Outbox;
import shop.platform.outbox.OutboxRelay;
import shop.testsupport.CapturingEventBridge;
import shop.testsupport.CapturingEventBridge.CapturedEvent;
import shop.testsupport.EventSchemas;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;
import shop.platform.outbox.OutboxRelayHandler;
import shop.platform.events.IncomingEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BusEventHandlerTest {

    /** The order of events/inventory-service/order-placed.json: 2 x SKU-1 and 3 x SKU-5. */
    private static final OrderId ORDER = new OrderId(SampleEvents.json("inventory-service/order-placed.json")
            .at("/detail/data/orderId").asText());
    private static final OrderId LATE_ORDER = new OrderId(SampleEvents.json("inventory-service/placed-after-cancel.json")
            .at("/detail/data/orderId").asText());
    private static final Sku SKU_1 = new Sku("SKU-1");
    private static final Sku SKU_2 = new Sku("SKU-2");
    private static final Sku SKU_5 = new Sku("SKU-5");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();

    private String table;
    private DynamoDbStock stock;
    private DynamoDbReservations reservations;
    private final List<List<Sku>> shortages = new ArrayList<>();
    private BusEventHandler handler;

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        handler = handler(reservations);
        stockOf(SKU_1, 10);
        stockOf(SKU_2, 10);
        stockOf(SKU_5, 10);
    }

    @Test
    void order_placed_reserves_every_line_of_the_order() throws IOException {
        assertEquals("RESERVED", invoke("order-placed.json").path("outcome").asText());

        assertEquals(8, available(SKU_1));
        assertEquals(7, available(SKU_5));
        assertEquals(ReservationStatus.RESERVED, status(ORDER));
    }

    @Test
    void a_reservation_publishes_one_StockReserved_on_its_own_source_that_matches_its_schema() throws IOException {
        invoke("order-placed.json");

        CapturedEvent reserved = onlyDecision();
        assertEquals("shop.inventory", reserved.source());
        assertEquals("StockReserved", reserved.detailType());
        assertEquals(ORDER.value(), reserved.detail().at("/data/orderId").asText());
        assertEquals(2, reserved.detail().at("/data/lines").size());
        assertEquals(SampleEvents.json("inventory-service/order-placed.json").at("/detail/metadata/correlationId"),
                reserved.detail().at("/metadata/correlationId"), "the correlation id follows the order");
        assertEquals(List.of(), EventSchemas.violations("StockReserved", reserved.detail()));
        assertEquals(0, relay().path("itemsVisited").asInt(), "nothing left owed");
    }

    @Test
    void a_shortage_publishes_one_StockShortage_naming_the_short_skus_that_matches_its_schema() throws IOException {
        holdForAnotherOrder(SKU_5, 8);

        invoke("order-placed.json");

        CapturedEvent shortage = onlyDecision();
        assertEquals("StockShortage", shortage.detailType());
        assertEquals("SKU-5", shortage.detail().at("/data/shortSkus/0").asText());
        assertEquals(1, shortage.detail().at("/data/shortSkus").size());
        assertEquals(List.of(), EventSchemas.violations("StockShortage", shortage.detail()));
    }

    @Test
    void duplicates_and_replays_of_order_placed_publish_no_second_decision() throws IOException {
        invoke("order-placed.json");
        invoke("order-placed-duplicate.json");
        invoke("order-placed-replayed.json");

        assertEquals("StockReserved", onlyDecision().detailType());
    }

    @Test
    void a_decision_whose_publish_failed_or_whose_function_died_is_sent_by_the_relay_once() throws IOException {
        bus.failNextCalls(3); // every attempt of the delivery: as if the function died after its write

        assertEquals("RESERVED", invoke("order-placed.json").path("outcome").asText());
        assertEquals(List.of(), bus.events());
        invoke("order-placed-duplicate.json"); // a redelivery re-publishes nothing new: the relay owns what is owed
        assertEquals(List.of(), bus.events());

        assertEquals(1, relay().path("eventsPublished").asInt());
        assertEquals("StockReserved", onlyDecision().detailType());
        assertEquals(0, relay().path("itemsVisited").asInt());
    }

    @Test
    void an_order_cancelled_before_it_was_placed_gets_no_decision() throws IOException {
        invoke("cancelled-before-placed.json");
        invoke("placed-after-cancel.json");

        assertEquals(List.of(), bus.events());
    }

    @Test
    void order_cancelled_releases_exactly_what_the_order_reserved() throws IOException {
        invoke("order-placed.json");
        holdForAnotherOrder(SKU_1, 3); // another order's reservation stays

        assertEquals("RELEASED", invoke("order-cancelled.json").path("outcome").asText());

        assertEquals(7, available(SKU_1));
        assertEquals(10, available(SKU_5));
        assertEquals(ReservationStatus.RELEASED, status(ORDER));
    }

    @Test
    void a_duplicate_order_placed_with_another_eventbridge_id_reserves_nothing_more() throws IOException {
        invoke("order-placed.json");

        assertEquals("DUPLICATE", invoke("order-placed-duplicate.json").path("outcome").asText());

        assertEquals(8, available(SKU_1));
        assertEquals(7, available(SKU_5));
    }

    @Test
    void a_replayed_order_placed_reserves_nothing_more() throws IOException {
        invoke("order-placed.json");

        assertEquals("DUPLICATE", invoke("order-placed-replayed.json").path("outcome").asText());

        assertEquals(8, available(SKU_1));
        assertEquals(7, available(SKU_5));
    }

    @Test
    void a_duplicate_order_cancelled_releases_nothing_more() throws IOException {
        invoke("order-placed.json");
        invoke("order-cancelled.json");

        assertEquals("DUPLICATE", invoke("order-cancelled.json").path("outcome").asText());

        assertEquals(10, available(SKU_1));
        assertEquals(10, available(SKU_5));
    }

    @Test
    void a_replay_of_order_placed_after_its_cancellation_reserves_nothing() throws IOException {
        invoke("order-placed.json");
        invoke("order-cancelled.json");

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("order-placed-replayed.json").path("outcome").asText());

        assertEquals(10, available(SKU_1));
        assertEquals(10, available(SKU_5));
    }

    @Test
    void order_cancelled_before_order_placed_leaves_no_stock_held() throws IOException {
        assertEquals("CANCELLED_BEFORE_PLACED", invoke("cancelled-before-placed.json").path("outcome").asText());

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("placed-after-cancel.json").path("outcome").asText());

        assertEquals(10, available(SKU_2));
        assertEquals(ReservationStatus.CANCELLED_BEFORE_PLACED, status(LATE_ORDER));
    }

    @Test
    void an_order_with_a_short_line_reserves_none_of_its_lines_and_records_the_short_sku() throws IOException {
        holdForAnotherOrder(SKU_5, 8); // 2 of SKU-5 left, the order wants 3

        JsonNode result = invoke("order-placed.json");

        assertEquals("REJECTED_SHORT", result.path("outcome").asText());
        assertEquals("SKU-5", result.path("shortSkus").path(0).asText());
        assertEquals(10, available(SKU_1));
        assertEquals(2, available(SKU_5));
        assertEquals(ReservationStatus.REJECTED, status(ORDER));
        assertEquals(List.of(SKU_5), reservations.find(ORDER).orElseThrow().shortSkus());
        assertEquals(List.of(List.of(SKU_5)), shortages);
    }

    @Test
    void a_shortage_delivered_twice_is_counted_once() throws IOException {
        holdForAnotherOrder(SKU_5, 8);
        invoke("order-placed.json");

        assertEquals("DUPLICATE", invoke("order-placed-duplicate.json").path("outcome").asText());

        assertEquals(1, shortages.size());
        assertEquals(10, available(SKU_1));
    }

    @Test
    void a_sku_the_inventory_does_not_stock_is_short() throws IOException {
        String table = dynamoDb.freshTable("InventoryTable"); // no SKU-5 at all in this one
        DynamoDbStock emptyStock = new DynamoDbStock(dynamoDb.client(), table);
        emptyStock.seed(new StockLevel(SKU_1, 10));
        DynamoDbReservations orders = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        this.table = table;
        handler = handler(orders);

        JsonNode result = invoke("order-placed.json");

        assertEquals("REJECTED_SHORT", result.path("outcome").asText());
        assertEquals("SKU-5", result.path("shortSkus").path(0).asText());
        assertEquals(10, emptyStock.counts(SKU_1).available());
    }

    @Test
    void cancelling_a_rejected_order_gives_back_nothing() throws IOException {
        holdForAnotherOrder(SKU_5, 8);
        invoke("order-placed.json");

        assertEquals("NOTHING_HELD", invoke("order-cancelled.json").path("outcome").asText());

        assertEquals(10, available(SKU_1));
        assertEquals(2, available(SKU_5));
    }

    @Test
    void a_malformed_event_fails_with_a_reason_that_names_the_field_and_no_personal_data() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke("malformed.json"));

        assertTrue(e.getMessage().contains("data.orderId"), e.getMessage());
        JsonNode data = SampleEvents.json("inventory-service/malformed.json").at("/detail/data");
        assertEquals("alex@example.com", data.at("/customer/contactEmail").asText()); // OrderPlaced 2.0 keeps it in customer
        assertFalse(e.getMessage().contains(data.at("/customer/contactEmail").asText()));
        assertFalse(e.getMessage().contains(data.at("/shippingAddress/line1").asText()));
        assertEquals(10, available(SKU_1));
    }

    @Test
    void an_event_of_a_detail_type_inventory_does_not_subscribe_to_fails() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> invoke("direct-unknown-detail-type.json"));

        assertTrue(e.getMessage().contains("OrderShipped"), e.getMessage());
    }

    @Test
    void an_event_that_is_not_json_fails_saying_so_and_moves_no_stock() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("not json".getBytes()), new ByteArrayOutputStream(), null));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals(10, available(SKU_1));
    }

    @Test
    void an_order_placed_of_a_major_inventory_does_not_read_fails_naming_the_majors_it_reads() throws IOException {
        JsonNode event = SampleEvents.json("inventory-service/order-placed.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.at("/detail/metadata")).put("schemaVersion", "3.0");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke(Json.bytes(event)));

        assertEquals("schemaVersion 3.0 of OrderPlaced is not 1.x or 2.x", e.getMessage());
        assertEquals(10, available(SKU_1));
    }

    @Test
    void an_order_cancelled_of_major_2_fails_for_only_order_placed_has_a_2_x() throws IOException {
        JsonNode event = SampleEvents.json("inventory-service/order-cancelled.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.at("/detail/metadata")).put("schemaVersion", "2.0");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke(Json.bytes(event)));

        assertEquals("schemaVersion 2.0 of OrderCancelled is not 1.x", e.getMessage());
    }

    @Test
    void an_order_placed_1_0_from_before_the_move_to_2_0_reserves_its_lines_as_the_2_0_one_does() throws IOException {
        // the rule asks for 2.x; a 1.0 from the archive reaches inventory only through a rule an operator adds for a replay
        JsonNode old = SampleEvents.json("inventory-service/direct-order-placed-v1.json");
        assertEquals("1.0", old.at("/detail/metadata/schemaVersion").asText());

        assertEquals("RESERVED", invoke("direct-order-placed-v1.json").path("outcome").asText());
        assertEquals("RESERVED", invoke("order-placed.json").path("outcome").asText());

        assertEquals(10 - 2 - 2, available(SKU_1));
        assertEquals(10 - 3 - 3, available(SKU_5));
        assertEquals(ReservationStatus.RESERVED, status(new OrderId(old.at("/detail/data/orderId").asText())));
        assertEquals(ReservationStatus.RESERVED, status(ORDER));
    }

    @Test
    void the_priming_sample_is_a_valid_order_placed_the_translator_reads_for_an_order_no_one_has() {
        IncomingEvent event = BusEventHandler.SUBSCRIPTION.check(BusEventHandler.primingSample());
        ObjectNode detail = Json.object();
        detail.set("metadata", Json.node(event.metadata()));
        detail.set("data", event.data());

        assertEquals(List.of(), EventSchemas.violations("OrderPlaced", detail));
        assertEquals("00000000-0000-0000-0000-000000000000", OrderEventTranslator.orderPlaced(event).orderId().value());
    }

    private BusEventHandler handler(DynamoDbReservations reservations) {
        ShortageMetrics metrics = (orderId, skus) -> shortages.add(skus);
        InventoryEvents decisions = new OutboxInventoryEvents(outbox());
        return new BusEventHandler(new ReserveStock(reservations, decisions, metrics, Clock.systemUTC()),
                new ReleaseStock(reservations), new SettleStock(reservations));
    }

    private Outbox outbox() {
        return new Outbox(new DynamoDbOutbox(dynamoDb.client(), table, "pk", "sk"),
                new EventBridgePublisher(bus.client(), "shop-test-bus", 3, Duration.ofMillis(1)));
    }

    private JsonNode relay() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new OutboxRelayHandler(new OutboxRelay(outbox(), Clock.systemUTC(), Duration.ZERO))
                .handleRequest(new ByteArrayInputStream("{}".getBytes()), output, null);
        return Json.read(output.toByteArray());
    }

    /** The one decision on the bus: inventory answers each order once. */
    private static CapturedEvent onlyDecision() {
        List<CapturedEvent> decisions = bus.events().stream().filter(e -> e.source().equals("shop.inventory")).toList();
        assertEquals(1, decisions.size(), "decisions: " + decisions);
        return decisions.get(0);
    }

    private long available(Sku sku) {
        return stock.counts(sku).available();
    }

    /** Another order's reservation of {@code quantity} units, as its own OrderPlaced leaves it. */
    private void holdForAnotherOrder(Sku sku, int quantity) {
        OrderId other = new OrderId(UUID.randomUUID().toString());
        Reservations.Attempt attempt = reservations.reserve(OwedEvent.of(OwedEvent.Kind.RESERVED,
                new Reservation(other, ReservationStatus.RESERVED, List.of(new StockLine(sku, quantity)), List.of()),
                java.time.Instant.now(), "corr-" + other), UUID.randomUUID().toString());
        assertEquals(new Reservations.Attempt.Reserved(), attempt);
    }

    private void stockOf(Sku sku, int available) {
        stock.seed(new StockLevel(sku, available));
    }

    private ReservationStatus status(OrderId orderId) {
        return reservations.find(orderId).orElseThrow().status();
    }

    private JsonNode invoke(String sample) throws IOException {
        return invoke(SampleEvents.bytes("inventory-service/" + sample));
    }

    private JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), output, null);
        return Json.read(output.toByteArray());
    }

}
