package shop.packaging.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.adapter.outbox.OutboxParcelEvents;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.ShipParcel;
import shop.platform.events.EventBridgePublisher;
import shop.platform.json.Json;
import shop.platform.outbox.DynamoDbOutbox;
import shop.platform.outbox.Outbox;
import shop.testsupport.CapturingEventBridge;
import shop.testsupport.DynamoDbCalls;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;

/**
 * The DynamoDB calls each event and ship request costs the package context on its happy path, counted per operation
 * by an SDK interceptor: the budget a change must not exceed without saying why (BENCHMARKS.md, "DynamoDB calls per
 * event"). In AWS each call is a round trip of the function's duration.
 */
class DynamoDbCallBudgetTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();

    private DynamoDbCalls calls;
    private BusEventHandler orderEvents;
    private ShipParcelHandler ship;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("PackageTable");
        calls = new DynamoDbCalls(dynamoDb.endpoint());
        DynamoDbParcels parcels = new DynamoDbParcels(calls.client(), table, Clock.systemUTC());
        Outbox outbox = new Outbox(new DynamoDbOutbox(calls.client(), table, "pk", "sk"),
                new EventBridgePublisher(bus.client(), "shop-test-bus", 3, Duration.ofMillis(1)));
        orderEvents = new BusEventHandler(new CreateParcel(parcels), new CancelParcel(parcels));
        ship = new ShipParcelHandler(new ShipParcel(parcels, new OutboxParcelEvents(outbox), Clock.systemUTC()));
    }

    /** JUnit makes a test instance per test: each closes the counting client it made. */
    @AfterEach
    void closeCalls() {
        calls.close();
    }

    @Test
    void order_confirmed_creates_the_parcel_in_one_conditional_write() throws IOException {
        assertEquals(Map.of("PutItem", 1), callsOf("order-confirmed.json", "CREATED"));
    }

    @Test
    void order_cancelled_reads_the_parcel_then_moves_it_in_one_conditional_write() throws IOException {
        consume("order-confirmed.json");
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 1), callsOf("order-cancelled.json", "CANCELLED"));
    }

    @Test
    void order_cancelled_before_confirmed_reads_then_leaves_a_tombstone() throws IOException {
        assertEquals(Map.of("GetItem", 1, "PutItem", 1), callsOf("cancelled-before-confirmed.json", "CANCELLED_BEFORE_CONFIRMED"));
    }

    @Test
    void shipping_reads_the_parcel_stores_the_shipment_with_its_event_and_forgets_the_published_event() throws IOException {
        consume("order-confirmed.json");
        calls.reset();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ship.handleRequest(new ByteArrayInputStream(SampleEvents.bytes("package-service/ship-parcel.json")), output, null);

        assertEquals("SHIPPED", Json.read(output.toByteArray()).path("outcome").asText());
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2), calls.counts(),
                "the parcel read for its lines and recipient, the shipment with its owed ParcelShipped, the outbox emptied");
    }

    /** The calls one delivery of the sample made, after checking it ended as {@code outcome}. */
    private Map<String, Integer> callsOf(String sample, String outcome) throws IOException {
        calls.reset();
        assertEquals(outcome, consume(sample), sample);
        return calls.counts();
    }

    private String consume(String sample) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        orderEvents.handleRequest(new ByteArrayInputStream(SampleEvents.bytes("package-service/" + sample)), output, null);
        return Json.read(output.toByteArray()).path("outcome").asText();
    }
}
