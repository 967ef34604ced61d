package shop.crm.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.crm.handler.CrmHarness.outcome;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.testsupport.DynamoDbCalls;
import shop.testsupport.LocalDynamoDb;

/**
 * The DynamoDB calls each event costs the CRM on its happy path, counted per operation by an SDK interceptor: the
 * budget a change must not exceed without saying why (BENCHMARKS.md, "DynamoDB calls per event"). Each event is one
 * conditional write on the order's own record, its applied-event marker making a redelivery change nothing.
 */
class DynamoDbCallBudgetTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private DynamoDbCalls calls;
    private BusEventHandler handler;

    @BeforeEach
    void freshTable() {
        calls = new DynamoDbCalls(dynamoDb.endpoint());
        handler = Wiring.handler(calls.client(), dynamoDb.freshTable("CrmTable"));
    }

    @AfterEach
    void closeClient() {
        calls.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-placed.json", "order-confirmed.json", "order-rejected.json", "order-cancelled.json",
            "parcel-shipped.json"})
    void each_event_is_recorded_in_one_conditional_write(String sample) {
        assertEquals("RECORDED", outcome(handler, sample));

        assertEquals(Map.of("UpdateItem", 1), calls.counts(), sample);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-placed.json", "parcel-shipped.json"})
    void a_redelivery_is_refused_by_that_same_write_and_reads_nothing(String sample) {
        outcome(handler, sample);
        calls.reset();

        assertEquals("ALREADY_RECORDED", outcome(handler, sample));
        assertEquals(Map.of("UpdateItem", 1), calls.counts(), sample);
    }
}
