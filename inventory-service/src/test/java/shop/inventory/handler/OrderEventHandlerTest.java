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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.ShortageMetrics;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;

class OrderEventHandlerTest {

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

    private DynamoDbStock stock;
    private DynamoDbReservations reservations;
    private final List<List<Sku>> shortages = new ArrayList<>();
    private OrderEventHandler handler;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        ShortageMetrics metrics = (orderId, skus) -> shortages.add(skus);
        handler = new OrderEventHandler(new ReserveStock(stock, reservations, metrics), new ReleaseStock(stock, reservations));
        stockOf(SKU_1, 10);
        stockOf(SKU_2, 10);
        stockOf(SKU_5, 10);
    }

    @Test
    void order_placed_reserves_every_line_of_the_order() throws IOException {
        assertEquals("RESERVED", invoke("order-placed.json").path("outcome").asText());

        assertEquals(8, stock.available(SKU_1));
        assertEquals(7, stock.available(SKU_5));
        assertEquals(ReservationStatus.RESERVED, status(ORDER));
    }

    @Test
    void order_cancelled_releases_exactly_what_the_order_reserved() throws IOException {
        invoke("order-placed.json");
        stock.take(SKU_1, new OrderId(UUID.randomUUID().toString()), 3); // another order's reservation stays

        assertEquals("RELEASED", invoke("order-cancelled.json").path("outcome").asText());

        assertEquals(7, stock.available(SKU_1));
        assertEquals(10, stock.available(SKU_5));
        assertEquals(ReservationStatus.RELEASED, status(ORDER));
    }

    @Test
    void a_duplicate_order_placed_with_another_eventbridge_id_reserves_nothing_more() throws IOException {
        invoke("order-placed.json");

        assertEquals("DUPLICATE", invoke("order-placed-duplicate.json").path("outcome").asText());

        assertEquals(8, stock.available(SKU_1));
        assertEquals(7, stock.available(SKU_5));
    }

    @Test
    void a_replayed_order_placed_reserves_nothing_more() throws IOException {
        invoke("order-placed.json");

        assertEquals("DUPLICATE", invoke("order-placed-replayed.json").path("outcome").asText());

        assertEquals(8, stock.available(SKU_1));
        assertEquals(7, stock.available(SKU_5));
    }

    @Test
    void a_duplicate_order_cancelled_releases_nothing_more() throws IOException {
        invoke("order-placed.json");
        invoke("order-cancelled.json");

        assertEquals("DUPLICATE", invoke("order-cancelled.json").path("outcome").asText());

        assertEquals(10, stock.available(SKU_1));
        assertEquals(10, stock.available(SKU_5));
    }

    @Test
    void a_replay_of_order_placed_after_its_cancellation_reserves_nothing() throws IOException {
        invoke("order-placed.json");
        invoke("order-cancelled.json");

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("order-placed-replayed.json").path("outcome").asText());

        assertEquals(10, stock.available(SKU_1));
        assertEquals(10, stock.available(SKU_5));
    }

    @Test
    void order_cancelled_before_order_placed_leaves_no_stock_held() throws IOException {
        assertEquals("CANCELLED_BEFORE_PLACED", invoke("cancelled-before-placed.json").path("outcome").asText());

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("placed-after-cancel.json").path("outcome").asText());

        assertEquals(10, stock.available(SKU_2));
        assertEquals(ReservationStatus.CANCELLED_BEFORE_PLACED, status(LATE_ORDER));
    }

    @Test
    void an_order_with_a_short_line_reserves_none_of_its_lines_and_records_the_short_sku() throws IOException {
        stock.take(SKU_5, new OrderId(UUID.randomUUID().toString()), 8); // 2 of SKU-5 left, the order wants 3

        JsonNode result = invoke("order-placed.json");

        assertEquals("REJECTED_SHORT", result.path("outcome").asText());
        assertEquals("SKU-5", result.path("shortSkus").path(0).asText());
        assertEquals(10, stock.available(SKU_1));
        assertEquals(2, stock.available(SKU_5));
        assertEquals(ReservationStatus.REJECTED, status(ORDER));
        assertEquals(List.of(SKU_5), reservations.find(ORDER).orElseThrow().shortSkus());
        assertEquals(List.of(List.of(SKU_5)), shortages);
    }

    @Test
    void a_shortage_delivered_twice_is_counted_once() throws IOException {
        stock.take(SKU_5, new OrderId(UUID.randomUUID().toString()), 8);
        invoke("order-placed.json");

        assertEquals("DUPLICATE", invoke("order-placed-duplicate.json").path("outcome").asText());

        assertEquals(1, shortages.size());
        assertEquals(10, stock.available(SKU_1));
    }

    @Test
    void a_sku_the_inventory_does_not_stock_is_short() throws IOException {
        String table = dynamoDb.freshTable("InventoryTable"); // no SKU-5 at all in this one
        DynamoDbStock emptyStock = new DynamoDbStock(dynamoDb.client(), table);
        emptyStock.seed(new StockLevel(SKU_1, 10));
        DynamoDbReservations orders = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        handler = new OrderEventHandler(new ReserveStock(emptyStock, orders, (o, s) -> shortages.add(s)),
                new ReleaseStock(emptyStock, orders));

        JsonNode result = invoke("order-placed.json");

        assertEquals("REJECTED_SHORT", result.path("outcome").asText());
        assertEquals("SKU-5", result.path("shortSkus").path(0).asText());
        assertEquals(10, emptyStock.available(SKU_1));
    }

    @Test
    void cancelling_a_rejected_order_gives_back_nothing() throws IOException {
        stock.take(SKU_5, new OrderId(UUID.randomUUID().toString()), 8);
        invoke("order-placed.json");

        assertEquals("NOTHING_HELD", invoke("order-cancelled.json").path("outcome").asText());

        assertEquals(10, stock.available(SKU_1));
        assertEquals(2, stock.available(SKU_5));
    }

    @Test
    void a_malformed_event_fails_with_a_reason_that_names_the_field_and_no_personal_data() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke("malformed.json"));

        assertTrue(e.getMessage().contains("data.orderId"), e.getMessage());
        JsonNode data = SampleEvents.json("inventory-service/malformed.json").at("/detail/data");
        assertFalse(e.getMessage().contains(data.path("contactEmail").asText()));
        assertFalse(e.getMessage().contains(data.at("/shippingAddress/line1").asText()));
        assertEquals(10, stock.available(SKU_1));
    }

    @Test
    void an_event_of_a_detail_type_inventory_does_not_subscribe_to_fails() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> invoke("direct-unknown-detail-type.json"));

        assertTrue(e.getMessage().contains("OrderShipped"), e.getMessage());
    }

    @Test
    void an_event_that_is_not_json_fails() {
        assertThrows(MalformedEventException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("not json".getBytes()), new ByteArrayOutputStream(), null));
    }

    @Test
    void an_order_placed_of_another_major_schema_version_fails() throws IOException {
        JsonNode event = SampleEvents.json("inventory-service/order-placed.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.at("/detail/metadata")).put("schemaVersion", "2.0");

        assertThrows(MalformedEventException.class, () -> invoke(Json.bytes(event)));
        assertEquals(10, stock.available(SKU_1));
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
