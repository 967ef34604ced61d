package shop.notification.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.notification.handler.NotificationHarness.invoke;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.SesV2Local;
import shop.notification.testing.MutableClock;
import shop.testsupport.DynamoDbCalls;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The DynamoDB calls each event costs the notifications on its happy path (one email sent), counted per operation by
 * an SDK interceptor: the budget a change must not exceed without saying why (BENCHMARKS.md, "DynamoDB calls per
 * event"). SES's own call is not counted here: it is the email itself.
 */
class DynamoDbCallBudgetTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    private static SesV2Local ses;
    private static SesV2Client sesClient;

    private DynamoDbCalls calls;
    private BusEventHandler handler;

    @BeforeAll
    static void startSes() {
        ses = SesV2Local.start();
        sesClient = NotificationHarness.sesClient(ses.endpoint());
    }

    @AfterAll
    static void stopSes() {
        sesClient.close();
        ses.close();
    }

    @BeforeEach
    void freshTable() {
        calls = new DynamoDbCalls(dynamoDb.endpoint());
        handler = Wiring.handler(calls.client(), sesClient, dynamoDb.freshTable("NotificationTable"), NotificationHarness.SENDER,
                new MutableClock(Instant.parse("2026-03-02T09:15:02Z")));
    }

    @AfterEach
    void closeClient() {
        calls.close();
    }

    @Test
    void order_confirmed_claims_the_message_checks_for_a_cancellation_and_settles_it() {
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2), callsOf("order-confirmed.json", "SENT"));
    }

    @Test
    void order_cancelled_records_the_cancellation_then_claims_and_settles_its_message() {
        assertEquals(Map.of("UpdateItem", 3), callsOf("order-cancelled.json", "SENT"));
    }

    @Test
    void order_rejected_claims_and_settles_its_message() {
        assertEquals(Map.of("UpdateItem", 2), callsOf("order-rejected.json", "SENT"));
    }

    @Test
    void parcel_shipped_checks_for_a_cancellation_then_claims_and_settles_its_message() {
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2), callsOf("parcel-shipped.json", "SENT"));
    }

    @Test
    void a_redelivery_of_a_sent_message_is_refused_by_its_claim_then_read_to_say_why() {
        invoke(handler, "order-rejected.json");
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 1), callsOf("order-rejected.json", "ALREADY_HANDLED"));
    }

    /** The calls one delivery of the sample made, after checking it ended as {@code outcome}. */
    private Map<String, Integer> callsOf(String sample, String outcome) {
        calls.reset();
        assertEquals(outcome, invoke(handler, sample), sample);
        return calls.counts();
    }
}
