package shop.inventory.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.SettleStock;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;

/**
 * ParcelShipped settles the hold, with the sample events of events/inventory-service: held units become shipped, a
 * cancel after shipment gives nothing back, and a shipment after the cancel takes the units from available, so the
 * counters end the same in either order.
 */
class ParcelShippedHandlerTest {

    /** The order of order-placed.json and parcel-shipped.json: 2 x SKU-1 and 3 x SKU-5. */
    private static final OrderId ORDER = orderOf("parcel-shipped.json");
    /** The order of the race samples: 1 x SKU-2, its parcel shipped while its cancel was accepted. */
    private static final OrderId RACING = orderOf("shipped-after-cancel.json");
    private static final Sku SKU_1 = new Sku("SKU-1");
    private static final Sku SKU_2 = new Sku("SKU-2");
    private static final Sku SKU_5 = new Sku("SKU-5");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private DynamoDbStock stock;
    private DynamoDbReservations reservations;
    private BusEventHandler handler;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        handler = new BusEventHandler(new ReserveStock(reservations, decision -> { }, (order, skus) -> { }, Clock.systemUTC()),
                new ReleaseStock(reservations), new SettleStock(reservations));
        for (Sku sku : new Sku[] {SKU_1, SKU_2, SKU_5}) {
            stock.seed(new StockLevel(sku, 10));
        }
    }

    @Test
    void parcel_shipped_moves_the_held_units_to_shipped_and_available_does_not_come_back() throws IOException {
        invoke("order-placed.json");

        assertEquals("SHIPPED", outcome("parcel-shipped.json"));

        assertEquals(new StockCounts(8, 0, 2), stock.counts(SKU_1));
        assertEquals(new StockCounts(7, 0, 3), stock.counts(SKU_5));
        assertEquals(ReservationStatus.SHIPPED, reservations.find(ORDER).orElseThrow().status());
    }

    @Test
    void duplicates_and_replays_of_parcel_shipped_settle_nothing_more() throws IOException {
        invoke("order-placed.json");
        invoke("parcel-shipped.json");

        assertEquals("DUPLICATE", outcome("parcel-shipped-duplicate.json"));
        assertEquals("DUPLICATE", outcome("parcel-shipped-replayed.json"));
        assertEquals("DUPLICATE", outcome("order-placed-replayed.json"));

        assertEquals(new StockCounts(8, 0, 2), stock.counts(SKU_1));
        assertEquals(new StockCounts(7, 0, 3), stock.counts(SKU_5));
    }

    @Test
    void a_cancel_after_shipment_gives_nothing_back() throws IOException {
        invoke("race-order-placed.json");
        invoke("shipped-after-cancel.json");

        assertEquals("KEPT_SHIPPED", outcome("cancelled-after-shipped.json"));

        assertEquals(new StockCounts(9, 0, 1), stock.counts(SKU_2));
        assertEquals(ReservationStatus.SHIPPED, reservations.find(RACING).orElseThrow().status());
    }

    @Test
    void a_shipment_after_the_cancel_takes_the_given_back_units_from_available_once() throws IOException {
        invoke("race-order-placed.json");
        assertEquals("RELEASED", outcome("cancelled-after-shipped.json"));
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_2));

        assertEquals("SHIPPED_AFTER_RELEASE", outcome("shipped-after-cancel.json"));
        assertEquals("DUPLICATE", outcome("shipped-after-cancel.json"));
        assertEquals("DUPLICATE", outcome("cancelled-after-shipped.json"));

        assertEquals(new StockCounts(9, 0, 1), stock.counts(SKU_2), "the same counters as when the parcel shipped first");
        assertEquals(ReservationStatus.SHIPPED_AFTER_RELEASE, reservations.find(RACING).orElseThrow().status());
    }

    @Test
    void a_malformed_parcel_shipped_fails_naming_the_field_and_no_personal_data() throws IOException {
        invoke("order-placed.json");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke("malformed-parcel-shipped.json"));

        assertTrue(e.getMessage().contains("data.orderId"), e.getMessage());
        assertFalse(e.getMessage().contains(SampleEvents.json("inventory-service/malformed-parcel-shipped.json")
                .at("/detail/data/contactEmail").asText()));
        assertEquals(new StockCounts(8, 2, 0), stock.counts(SKU_1), "nothing settled");
    }

    @Test
    void a_parcel_shipped_of_an_unknown_major_or_from_another_source_fails_and_settles_nothing() throws IOException {
        invoke("order-placed.json");
        JsonNode fromOrders = SampleEvents.json("inventory-service/parcel-shipped.json");
        ((ObjectNode) fromOrders).put("source", "shop.orders");

        MalformedEventException major = assertThrows(MalformedEventException.class, () -> invoke("parcel-shipped-unknown-major.json"));
        MalformedEventException source = assertThrows(MalformedEventException.class, () -> invoke(Json.bytes(fromOrders)));

        assertTrue(major.getMessage().contains("schemaVersion 2.0"), major.getMessage());
        assertTrue(source.getMessage().contains("ParcelShipped"), source.getMessage());
        assertEquals(new StockCounts(8, 2, 0), stock.counts(SKU_1));
    }

    @Test
    void a_parcel_shipped_for_an_order_inventory_never_reserved_fails_so_it_reaches_the_dead_letter_queue() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> invoke("parcel-shipped.json"));

        assertTrue(e.getMessage().contains(ORDER.value()), e.getMessage());
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1));
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_5));
        assertTrue(reservations.find(ORDER).isEmpty(), "no reservation made up for it");
    }

    private static OrderId orderOf(String sample) {
        return new OrderId(SampleEvents.json("inventory-service/" + sample).at("/detail/data/orderId").asText());
    }

    private String outcome(String sample) throws IOException {
        return invoke(sample).path("outcome").asText();
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
