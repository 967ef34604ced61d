package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.testsupport.DynamoDbCalls;
import shop.testsupport.SampleEvents;

/**
 * The DynamoDB calls each API request and consumed event costs the order context on its happy path, counted per
 * operation by an SDK interceptor: the budget a change must not exceed without saying why (BENCHMARKS.md, "DynamoDB
 * calls per event"). POST /orders is what a customer waits on; every call there is a round trip in the response time.
 */
class DynamoDbCallBudgetTest {

    private static final String RESERVED_ORDER = orderIdOf("stock-reserved.json");
    private static final String SHORT_ORDER = orderIdOf("stock-shortage.json");
    private static final String SAMPLE_ORDER = SampleEvents.json("order-service/cancel-order.json").at("/pathParameters/orderId").asText();

    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();
    private static DynamoDbCalls calls;

    @BeforeAll
    static void start() {
        calls = new DynamoDbCalls(fixture.dynalite.endpoint()); // the fixture's extension has started it by now
    }

    @AfterAll
    static void stop() {
        calls.close();
    }

    @BeforeEach
    void freshTables() {
        fixture.handlersOn(calls.client()); // on the fresh tables the fixture made for this test
        calls.reset();
    }

    @Test
    void placing_an_order_prices_it_stores_it_with_its_event_and_forgets_the_published_event() {
        assertEquals(201, fixture.call("place-order.json").status());

        assertEquals(Map.of("BatchGetItem", 1, "PutItem", 1, "UpdateItem", 1), calls.counts());
    }

    @Test
    void placing_with_an_idempotency_key_claims_the_key_and_stores_the_order_in_one_transaction() {
        assertEquals(201, fixture.call("place-order-with-idempotency-key.json").status());

        assertEquals(Map.of("BatchGetItem", 1, "TransactWriteItems", 1, "UpdateItem", 1), calls.counts(),
                "was 2 PutItems (the claim, then the order) in place of the transaction");
    }

    @Test
    void repeating_an_idempotency_key_reads_the_claim_from_the_refused_transaction_and_writes_nothing() {
        fixture.call("place-order-with-idempotency-key.json");
        long stored = fixture.storedItems();
        calls.reset();

        OrderServiceFixture.Response retry = fixture.call("place-order-with-idempotency-key.json");

        assertEquals(201, retry.status());
        assertEquals(stored, fixture.storedItems());
        assertEquals(Map.of("BatchGetItem", 1, "TransactWriteItems", 1, "GetItem", 1), calls.counts(),
                "pricing, the refused transaction (its claim sent back with ALL_OLD), the first order read; "
                        + "was the refused claim PutItem, a GetItem of the claim and one of the order");
    }

    @Test
    void reading_an_order_is_one_read() {
        fixture.placed(SAMPLE_ORDER);
        calls.reset();

        assertEquals(200, fixture.call("get-order.json").status());
        assertEquals(Map.of("GetItem", 1), calls.counts());
    }

    @Test
    void cancelling_reads_the_order_stores_the_cancellation_with_its_event_and_forgets_the_published_event() {
        fixture.placed(SAMPLE_ORDER);
        calls.reset();

        assertEquals(200, fixture.call("cancel-order.json").status());
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2), calls.counts());
    }

    @Test
    void stock_reserved_and_stock_shortage_read_the_order_store_the_decision_with_its_event_and_forget_it() {
        fixture.placed(RESERVED_ORDER);
        fixture.placed(SHORT_ORDER);

        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2), callsOf("stock-reserved.json", "CONFIRMED"));
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2), callsOf("stock-shortage.json", "REJECTED"));
    }

    @Test
    void parcel_shipped_reads_the_order_then_records_the_shipment_in_one_conditional_write() {
        fixture.placed(RESERVED_ORDER);
        fixture.deliver("stock-reserved.json");

        assertEquals(Map.of("GetItem", 1, "UpdateItem", 1), callsOf("parcel-shipped.json", "SHIPPED"));
    }

    /** The calls one delivery of the sample made, after checking it ended as {@code outcome}. */
    private static Map<String, Integer> callsOf(String sample, String outcome) {
        calls.reset();
        assertEquals(outcome, fixture.deliver(sample).path("outcome").asText(), sample);
        return calls.counts();
    }

    private static String orderIdOf(String sample) {
        return SampleEvents.json("order-service/" + sample).at("/detail/data/orderId").asText();
    }
}
