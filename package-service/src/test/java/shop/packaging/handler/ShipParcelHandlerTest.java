package shop.packaging.handler;

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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.adapter.outbox.OutboxParcelEvents;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.ShipParcel;
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

/** The warehouse's ship action end to end: dynalite for the parcel and its outbox, a local bus for ParcelShipped. */
class ShipParcelHandlerTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();

    private String table;
    private BusEventHandler orderEvents;
    private ShipParcelHandler ship;

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("PackageTable");
        DynamoDbParcels parcels = new DynamoDbParcels(dynamoDb.client(), table, Clock.systemUTC());
        orderEvents = new BusEventHandler(new CreateParcel(parcels), new CancelParcel(parcels));
        ship = new ShipParcelHandler(new ShipParcel(parcels, new OutboxParcelEvents(outbox()), Clock.systemUTC()));
    }

    @Test
    void shipping_a_confirmed_orders_parcel_publishes_one_ParcelShipped_that_its_consumers_can_read() throws IOException {
        consume("order-confirmed.json");

        JsonNode answer = ship(SampleEvents.json("package-service/ship-parcel.json"));

        assertEquals("SHIPPED", answer.path("outcome").asText());
        assertEquals("SHIPPED", answer.path("status").asText());
        CapturedEvent shipped = onlyParcelShipped();
        assertEquals("shop.packaging", shipped.source());
        assertEquals(List.of(), EventSchemas.violations("ParcelShipped", shipped.detail()));
        JsonNode request = SampleEvents.json("package-service/ship-parcel.json");
        JsonNode confirmed = SampleEvents.json("package-service/order-confirmed.json").at("/detail/data");
        JsonNode data = shipped.detail().path("data");
        assertEquals(answer.path("parcelId").asText(), data.path("parcelId").asText());
        assertEquals(confirmed.path("orderId"), data.path("orderId"));
        assertEquals(confirmed.path("customerId"), data.path("customerId"));
        assertEquals(confirmed.path("contactEmail"), data.path("contactEmail"));
        assertEquals(request.path("carrier"), data.path("carrier"));
        assertEquals(request.path("trackingNumber"), data.path("trackingNumber"));
        assertEquals(2, data.path("lines").size());
        assertEquals("SKU-1", data.at("/lines/0/sku").asText());
        assertEquals(2, data.at("/lines/0/quantity").asInt());
    }

    @Test
    void shipping_twice_answers_with_the_first_shipment_and_publishes_one_event() throws IOException {
        consume("order-confirmed.json");
        ship(SampleEvents.json("package-service/ship-parcel.json"));
        ObjectNode again = (ObjectNode) SampleEvents.json("package-service/ship-parcel.json");
        again.put("trackingNumber", "ANOTHER-NUMBER");

        JsonNode answer = ship(again);

        assertEquals("ALREADY_SHIPPED", answer.path("outcome").asText());
        assertEquals(SampleEvents.json("package-service/ship-parcel.json").path("trackingNumber"), answer.path("trackingNumber"));
        onlyParcelShipped();
    }

    @Test
    void a_cancelled_orders_parcel_is_refused_with_the_reason_and_announces_nothing() throws IOException {
        consume("order-confirmed.json");
        consume("order-cancelled.json");

        JsonNode answer = ship(SampleEvents.json("package-service/ship-parcel.json"));

        assertEquals("NOT_SHIPPABLE", answer.path("outcome").asText());
        assertEquals("CANCELLED", answer.path("status").asText());
        assertTrue(answer.path("detail").asText().contains("cancelled"), answer.toString());
        assertEquals(List.of(), bus.events());
    }

    @Test
    void an_unknown_order_is_refused_and_announces_nothing() throws IOException {
        ObjectNode request = (ObjectNode) SampleEvents.json("package-service/ship-parcel.json");
        request.put("orderId", UUID.randomUUID().toString());

        JsonNode answer = ship(request);

        assertEquals("NOT_FOUND", answer.path("outcome").asText());
        assertFalse(answer.path("detail").asText().isBlank());
        assertEquals(List.of(), bus.events());
    }

    @Test
    void a_request_without_carrier_fails_with_a_reason_naming_the_field() {
        ObjectNode request = (ObjectNode) SampleEvents.json("package-service/ship-parcel.json");
        request.remove("carrier");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> ship(request));

        assertTrue(e.getMessage().contains("request.carrier"), e.getMessage());
    }

    @Test
    void a_carrier_longer_than_the_contract_allows_is_refused_naming_the_field_and_nothing_ships() throws IOException {
        consume("order-confirmed.json");
        ObjectNode request = (ObjectNode) SampleEvents.json("package-service/ship-parcel.json");
        request.put("carrier", "C".repeat(41));

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> ship(request));

        assertTrue(e.getMessage().contains("carrier") && e.getMessage().contains("40"), e.getMessage());
        assertEquals(List.of(), bus.events());
        assertEquals("SHIPPED", ship(SampleEvents.json("package-service/ship-parcel.json")).path("outcome").asText());
    }

    @Test
    void a_shipment_the_bus_refused_stays_owed_and_the_relay_publishes_it_once() throws IOException {
        consume("order-confirmed.json");
        bus.failNextCalls(3); // every attempt of the publish: as if the function died after its write

        assertEquals("SHIPPED", ship(SampleEvents.json("package-service/ship-parcel.json")).path("outcome").asText());
        assertEquals(List.of(), bus.events());

        JsonNode report = relay();
        relay();

        assertEquals(1, report.path("eventsPublished").asInt(), report.toString());
        onlyParcelShipped();
    }

    private CapturedEvent onlyParcelShipped() {
        List<CapturedEvent> shipped = bus.events().stream().filter(e -> e.detailType().equals("ParcelShipped")).toList();
        assertEquals(1, shipped.size(), "ParcelShipped on the bus: " + shipped);
        return shipped.get(0);
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

    private void consume(String sample) throws IOException {
        orderEvents.handleRequest(new ByteArrayInputStream(SampleEvents.bytes("package-service/" + sample)),
                new ByteArrayOutputStream(), null);
    }

    private JsonNode ship(JsonNode request) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ship.handleRequest(new ByteArrayInputStream(Json.bytes(request)), output, null);
        return Json.read(output.toByteArray());
    }
}
