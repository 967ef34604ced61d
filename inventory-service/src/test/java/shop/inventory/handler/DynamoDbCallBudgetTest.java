package shop.inventory.handler;

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
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.adapter.outbox.OutboxInventoryEvents;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.SettleStock;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
import shop.platform.events.EventBridgePublisher;
import shop.platform.json.Json;
import shop.platform.outbox.DynamoDbOutbox;
import shop.platform.outbox.Outbox;
import shop.testsupport.CapturingEventBridge;
import shop.testsupport.DynamoDbCalls;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB calls each event costs the inventory on its happy path, counted per operation by an SDK interceptor:
 * the budget a change must not exceed without saying why (BENCHMARKS.md, "DynamoDB calls per event"). In AWS each call
 * is a round trip of the function's duration, and the reservation is the hot path of every order.
 */
class DynamoDbCallBudgetTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();

    private String table;
    private DynamoDbCalls calls;
    private BusEventHandler handler;

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        for (String sku : new String[] {"SKU-1", "SKU-2", "SKU-5"}) {
            new DynamoDbStock(dynamoDb.client(), table).seed(new StockLevel(new Sku(sku), 10));
        }
        calls = new DynamoDbCalls(dynamoDb.endpoint());
        DynamoDbReservations reservations = new DynamoDbReservations(calls.client(), table, Clock.systemUTC());
        Outbox outbox = new Outbox(new DynamoDbOutbox(calls.client(), table, "pk", "sk"),
                new EventBridgePublisher(bus.client(), "shop-test-bus", 3, Duration.ofMillis(1)));
        handler = new BusEventHandler(new ReserveStock(reservations, new OutboxInventoryEvents(outbox), (order, skus) -> { },
                Clock.systemUTC()), new ReleaseStock(reservations), new SettleStock(reservations));
    }

    /** JUnit makes a test instance per test: each closes the counting client it made. */
    @AfterEach
    void closeCalls() {
        calls.close();
    }

    @Test
    void order_placed_reserves_in_one_transaction_and_forgets_its_published_decision_in_one_write() throws IOException {
        assertEquals(Map.of("TransactWriteItems", 1, "UpdateItem", 1), callsOf("order-placed.json", "RESERVED"));
        assertEquals(Map.of("TransactWriteItems", 1, "GetItem", 1), callsOf("order-placed-duplicate.json", "DUPLICATE"),
                "a duplicate: the refused transaction, then one read to say how the order stands");
    }

    @Test
    void a_shortage_is_read_from_the_refused_transaction_and_recorded_in_one_write() throws IOException {
        dynamoDb.client().updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("SKU#SKU-5"), "sk", AttributeValue.fromS("STOCK")))
                .updateExpression("SET available = :two").expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));

        Map<String, Integer> counted = callsOf("order-placed.json", null);

        assertEquals(Map.of("TransactWriteItems", 1, "PutItem", 1, "UpdateItem", 1), counted,
                "refused transaction, the REJECTED reservation with its StockShortage, the outbox forgotten");
    }

    @Test
    void order_cancelled_and_parcel_shipped_read_the_order_then_move_it_in_one_transaction() throws IOException {
        invoke("race-order-placed.json");
        assertEquals(Map.of("GetItem", 1, "TransactWriteItems", 1), callsOf("shipped-after-cancel.json", "SHIPPED"));
        assertEquals(Map.of("GetItem", 1), callsOf("cancelled-after-shipped.json", "KEPT_SHIPPED"));
    }

    @Test
    void a_release_reads_the_order_then_gives_back_in_one_transaction() throws IOException {
        invoke("order-placed.json");
        assertEquals(Map.of("GetItem", 1, "TransactWriteItems", 1), callsOf("order-cancelled.json", "RELEASED"));
    }

    /** The calls one delivery of the sample made, after checking it ended as {@code outcome} (any, when null). */
    private Map<String, Integer> callsOf(String sample, String outcome) throws IOException {
        calls.reset();
        String answered = invoke(sample);
        if (outcome != null) {
            assertEquals(outcome, answered, sample);
        }
        return calls.counts();
    }

    private String invoke(String sample) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(SampleEvents.bytes("inventory-service/" + sample)), output, null);
        return Json.read(output.toByteArray()).path("outcome").asText();
    }
}
