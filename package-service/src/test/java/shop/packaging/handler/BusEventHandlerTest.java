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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.ShipParcel;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.ParcelStatus;
import shop.packaging.domain.Recipient;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;
import shop.platform.events.IncomingEvent;
import shop.testsupport.EventSchemas;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BusEventHandlerTest {

    /** The order of events/package-service/order-confirmed.json: 2 x SKU-1 and 3 x SKU-5 to one address. */
    private static final OrderId ORDER = orderIdOf("order-confirmed.json");
    /** Confirmed, then cancelled; its OrderCancelled is delivered first. */
    private static final OrderId LATE_ORDER = orderIdOf("confirmed-after-cancel.json");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private String table;
    private DynamoDbParcels parcels;
    private BusEventHandler handler;
    private ShipParcelHandler ship;

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("PackageTable");
        parcels = new DynamoDbParcels(dynamoDb.client(), table, Clock.systemUTC());
        handler = new BusEventHandler(new CreateParcel(parcels), new CancelParcel(parcels));
        ship = new ShipParcelHandler(new ShipParcel(parcels, owed -> { }, Clock.systemUTC()));
    }

    @Test
    void order_confirmed_creates_a_parcel_to_pick_with_the_lines_and_the_shipping_address() throws IOException {
        assertEquals("CREATED", invoke("order-confirmed.json"));

        Parcel parcel = parcel(ORDER);
        assertEquals(ParcelStatus.TO_PICK, parcel.status());
        assertEquals(List.of(new ParcelLine("SKU-1", 2), new ParcelLine("SKU-5", 3)), parcel.lines());
        JsonNode address = SampleEvents.json("package-service/order-confirmed.json").at("/detail/data/shippingAddress");
        assertEquals(address.path("name").asText(), parcel.shippingAddress().name());
        assertEquals(address.path("line1").asText(), parcel.shippingAddress().line1());
        assertEquals(Optional.of(address.path("line2").asText()), parcel.shippingAddress().line2());
        assertEquals(address.path("postalCode").asText(), parcel.shippingAddress().postalCode());
        assertEquals(address.path("country").asText(), parcel.shippingAddress().country());
        JsonNode data = SampleEvents.json("package-service/order-confirmed.json").at("/detail/data");
        assertEquals(Optional.of(new Recipient(data.path("customerId").asText(), data.path("contactEmail").asText())),
                parcel.recipient());
        assertEquals("SHIPPED", ship(ORDER));
    }

    @Test
    void order_cancelled_cancels_a_parcel_that_has_not_shipped() throws IOException {
        invoke("order-confirmed.json");

        assertEquals("CANCELLED", invoke("order-cancelled.json"));

        assertEquals(ParcelStatus.CANCELLED, parcel(ORDER).status());
        assertEquals("NOT_SHIPPABLE", ship(ORDER));
    }

    @Test
    void order_cancelled_after_the_parcel_shipped_marks_it_for_return() throws IOException {
        invoke("order-confirmed.json");
        assertEquals("SHIPPED", ship(ORDER));

        assertEquals("RETURN_REQUESTED", invoke("order-cancelled.json"));

        assertEquals(ParcelStatus.RETURN_REQUESTED, parcel(ORDER).status());
    }

    @Test
    void a_duplicate_order_confirmed_with_another_eventbridge_id_creates_no_second_parcel_and_keeps_its_progress() throws IOException {
        invoke("order-confirmed.json");
        ship(ORDER);

        assertEquals("DUPLICATE", invoke("order-confirmed-duplicate.json"));

        assertEquals(ParcelStatus.SHIPPED, parcel(ORDER).status());
    }

    @Test
    void a_replayed_order_confirmed_creates_nothing_new() throws IOException {
        invoke("order-confirmed.json");

        assertEquals("DUPLICATE", invoke("order-confirmed-replayed.json"));

        assertEquals(ParcelStatus.TO_PICK, parcel(ORDER).status());
    }

    @Test
    void a_replayed_order_confirmed_does_not_revive_a_cancelled_parcel() throws IOException {
        invoke("order-confirmed.json");
        invoke("order-cancelled.json");

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("order-confirmed-replayed.json"));

        assertEquals(ParcelStatus.CANCELLED, parcel(ORDER).status());
        assertEquals("NOT_SHIPPABLE", ship(ORDER));
    }

    @Test
    void a_duplicate_or_replayed_order_cancelled_changes_nothing_more() throws IOException {
        invoke("order-confirmed.json");
        invoke("order-cancelled.json");

        assertEquals("DUPLICATE", invoke("order-cancelled-duplicate.json"));
        assertEquals("DUPLICATE", invoke("order-cancelled-replayed.json"));

        assertEquals(ParcelStatus.CANCELLED, parcel(ORDER).status());
    }

    @Test
    void order_cancelled_before_order_confirmed_leaves_no_parcel_to_ship() throws IOException {
        assertEquals("CANCELLED_BEFORE_CONFIRMED", invoke("cancelled-before-confirmed.json"));

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("confirmed-after-cancel.json"));

        assertEquals(ParcelStatus.CANCELLED_BEFORE_CONFIRMED, parcel(LATE_ORDER).status());
        assertEquals("NOT_SHIPPABLE", ship(LATE_ORDER));
    }

    @Test
    void the_same_events_in_order_and_cancel_first_both_end_with_nothing_to_ship() throws IOException {
        invoke("confirmed-after-cancel.json");
        invoke("cancelled-before-confirmed.json");
        ParcelStatus inOrder = parcel(LATE_ORDER).status();

        freshTable();
        invoke("cancelled-before-confirmed.json");
        invoke("confirmed-after-cancel.json");

        assertEquals(ParcelStatus.CANCELLED, inOrder);
        assertEquals(ParcelStatus.CANCELLED_BEFORE_CONFIRMED, parcel(LATE_ORDER).status());
        assertEquals("NOT_SHIPPABLE", ship(LATE_ORDER));
    }

    @Test
    void a_tombstone_stored_before_the_upgrade_still_keeps_a_late_confirmation_from_making_a_parcel() throws IOException {
        dynamoDb.client().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("PARCEL#" + LATE_ORDER),
                "sk", AttributeValue.fromS("PARCEL"), "orderId", AttributeValue.fromS(LATE_ORDER.value()),
                "status", AttributeValue.fromS("CANCELLED_BEFORE_PLACED"))));

        assertEquals("IGNORED_CANCELLED_ORDER", invoke("confirmed-after-cancel.json"));
        assertEquals("DUPLICATE", invoke("cancelled-before-confirmed.json"));
        assertEquals("NOT_SHIPPABLE", ship(LATE_ORDER));
    }

    @Test
    void an_order_that_was_only_placed_or_rejected_has_no_parcel_because_package_is_not_subscribed_to_either() {
        MalformedEventException placed = assertThrows(MalformedEventException.class,
                () -> invoke(asType("order-confirmed.json", "OrderPlaced")));
        MalformedEventException rejected = assertThrows(MalformedEventException.class,
                () -> invoke(asType("order-confirmed.json", "OrderRejected")));

        assertTrue(placed.getMessage().contains("OrderPlaced"), placed.getMessage());
        assertTrue(rejected.getMessage().contains("OrderRejected"), rejected.getMessage());
        assertTrue(parcels.find(ORDER).isEmpty());
    }

    @Test
    void a_malformed_event_of_each_subscribed_type_fails_with_a_reason_that_names_the_field_and_no_personal_data() {
        for (String sample : List.of("malformed-order-confirmed.json", "malformed-order-cancelled.json")) {
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke(sample));

            assertTrue(e.getMessage().contains("data.orderId"), e.getMessage());
            assertNoPersonalData(e.getMessage(), SampleEvents.json("package-service/" + sample));
        }
        assertTrue(parcels.find(ORDER).isEmpty());
    }

    @Test
    void an_event_of_an_unknown_schema_major_version_fails_and_changes_nothing() throws IOException {
        MalformedEventException confirmed = assertThrows(MalformedEventException.class,
                () -> invoke("order-confirmed-unknown-major.json"));
        assertTrue(confirmed.getMessage().contains("schemaVersion 2.0"), confirmed.getMessage());
        assertTrue(parcels.find(ORDER).isEmpty());

        invoke("order-confirmed.json");
        assertThrows(MalformedEventException.class, () -> invoke("order-cancelled-unknown-major.json"));
        assertEquals(ParcelStatus.TO_PICK, parcel(ORDER).status());
    }

    @Test
    void an_order_confirmed_with_a_broken_address_fails_without_quoting_the_address() throws IOException {
        JsonNode event = SampleEvents.json("package-service/order-confirmed.json");
        ((ObjectNode) event.at("/detail/data/shippingAddress")).put("country", "Exampleland");

        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> invoke(Json.bytes(event)));

        assertTrue(e.getMessage().contains("shippingAddress.country"), e.getMessage());
        assertFalse(e.getMessage().contains("Exampleland"));
        assertNoPersonalData(e.getMessage(), event);
        assertTrue(parcels.find(ORDER).isEmpty());
    }

    @Test
    void an_event_of_a_detail_type_package_does_not_subscribe_to_fails() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> invoke("direct-unknown-detail-type.json"));

        assertTrue(e.getMessage().contains("OrderShipped"), e.getMessage());
    }

    @Test
    void an_event_that_is_not_json_fails() {
        assertThrows(MalformedEventException.class,
                () -> invoke("{\"detail\": ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_priming_sample_is_a_valid_order_confirmed_that_passes_the_translator_without_touching_a_parcel() {
        IncomingEvent event = BusEventHandler.SUBSCRIPTION.check(BusEventHandler.primingSample());
        ObjectNode detail = Json.object();
        detail.set("metadata", Json.node(event.metadata()));
        detail.set("data", event.data());
        OrderId zero = OrderEventTranslator.orderConfirmed(event).orderId();

        assertEquals(List.of(), EventSchemas.violations("OrderConfirmed", detail));
        assertEquals("00000000-0000-0000-0000-000000000000", zero.value());
        assertTrue(parcels.find(zero).isEmpty());
    }

    @Test
    void shipping_a_parcel_twice_ships_it_once() throws IOException {
        invoke("order-confirmed.json");
        ship(ORDER);

        assertEquals("ALREADY_SHIPPED", ship(ORDER));
    }

    @Test
    void shipping_an_unknown_order_finds_nothing() throws IOException {
        assertEquals("NOT_FOUND", ship(new OrderId(UUID.randomUUID().toString())));
    }

    @Test
    void a_ship_request_without_an_order_id_fails() {
        assertThrows(MalformedEventException.class, () -> ship.handleRequest(
                new ByteArrayInputStream("{\"order\": 1}".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null));
    }

    private static void assertNoPersonalData(String message, JsonNode event) {
        JsonNode data = event.at("/detail/data");
        assertFalse(message.contains(data.path("contactEmail").asText()), message);
        data.path("shippingAddress").forEach(field -> assertFalse(message.contains(field.asText()), message));
    }

    private Parcel parcel(OrderId orderId) {
        return parcels.find(orderId).orElseThrow();
    }

    private String ship(OrderId orderId) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ObjectNode request = (ObjectNode) SampleEvents.json("package-service/ship-parcel.json");
        request.put("orderId", orderId.value());
        ship.handleRequest(new ByteArrayInputStream(Json.bytes(request)), output, null);
        return Json.read(output.toByteArray()).path("outcome").asText();
    }

    private String invoke(String sample) throws IOException {
        return invoke(SampleEvents.bytes("package-service/" + sample));
    }

    private String invoke(byte[] event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), output, null);
        return Json.read(output.toByteArray()).path("outcome").asText();
    }

    /** The sample as an event of another detail-type, e.g. one package does not subscribe to. */
    private static byte[] asType(String sample, String detailType) {
        ObjectNode event = (ObjectNode) SampleEvents.json("package-service/" + sample);
        event.put("detail-type", detailType);
        ((ObjectNode) event.at("/detail/metadata")).put("eventType", detailType);
        return Json.bytes(event);
    }

    private static OrderId orderIdOf(String sample) {
        return new OrderId(SampleEvents.json("package-service/" + sample).at("/detail/data/orderId").asText());
    }
}
