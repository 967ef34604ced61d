package shop.notification.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static shop.notification.handler.BusEventHandlerTest.orderId;
import static shop.notification.handler.NotificationHarness.JSON;
import static shop.notification.handler.NotificationHarness.SENDER;
import static shop.notification.handler.NotificationHarness.deliver;
import static shop.notification.handler.NotificationHarness.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.FreePort;
import shop.localparts.LocalAwsClients;
import shop.localparts.Moto;
import shop.localparts.SesSendingQuota;
import shop.localparts.SesV2Local;
import shop.notification.adapter.dynamodb.DynamoDbDeliveries;
import shop.notification.domain.Delivery;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import shop.notification.handler.NotificationHarness.QueueBatch;
import shop.notification.testing.MutableClock;
import shop.testsupport.LambdaTestContext;
import shop.testsupport.LocalDynamoDb;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The NotificationFunction as Lambda's SQS event source runs it, against dynalite and a local SES v2 server (behind
 * SES's sending quota where SES must throttle): per-message answers, throttles waited out in the queue, nothing sent
 * twice.
 */
class QueueEventHandlerTest {

    /** Far above any test's pace: only SES's quota, not the function's pacing, holds these sends back. */
    private static final double UNPACED = 1_000;

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private static SesV2Local ses;
    private static SesV2Client sesClient;
    /** moto as SQS, for the visibility of throttled messages; null where moto is not installed. */
    private static Moto moto;
    private static SqsClient sqsClient;
    private static String queueUrl;

    private String table;
    private MutableClock clock;

    @BeforeAll
    static void startLocalParts() {
        ses = SesV2Local.start();
        sesClient = NotificationHarness.sesClient(ses.endpoint());
        if (Moto.importable()) {
            moto = Moto.start(Path.of("target", "moto", "queue-event-handler.log"));
            sqsClient = LocalAwsClients.at(SqsClient.builder(), moto.endpoint());
            // 1 s: a message handed back without a backoff of its own is visible again at once
            queueUrl = sqsClient.createQueue(r -> r.queueName("notification-queue")
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();
        } else {
            // nothing listens there: only the backoff test needs a queue, and it is skipped without moto
            sqsClient = LocalAwsClients.at(SqsClient.builder(), "http://127.0.0.1:" + FreePort.find());
            queueUrl = "http://127.0.0.1/123456789012/notification-queue";
        }
    }

    @AfterAll
    static void stopLocalParts() {
        sesClient.close();
        ses.close();
        sqsClient.close();
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshTableAndInbox() {
        table = dynamoDb.freshTable("NotificationTable");
        ses.clear();
        clock = new MutableClock(Instant.parse("2026-03-02T09:15:05Z"));
    }

    @Test
    void the_sample_batch_sends_one_email_per_message_and_hands_nothing_back() {
        List<String> handedBack = deliver(handler(sesClient, UNPACED), SampleEvents.bytes("notification-service/queue-batch.json"),
                new LambdaTestContext("notification-test"));

        assertEquals(List.of(), handedBack);
        assertEquals(3, ses.emails().size());
        assertEquals(DeliveryStatus.SENT, record("order-confirmed.json", MessageKind.ORDER_CONFIRMATION).orElseThrow().status());
        assertEquals(DeliveryStatus.SENT, record("order-rejected.json", MessageKind.REJECTION_NOTICE).orElseThrow().status());
        assertEquals(DeliveryStatus.SENT, record("parcel-shipped.json", MessageKind.SHIPPING_NOTICE).orElseThrow().status());
    }

    @Test
    void the_sample_batch_carries_the_sample_events_as_the_rule_sends_them() throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (JsonNode record : SampleEvents.json("notification-service/queue-batch.json").path("Records")) {
            bodies.add(JSON.readTree(record.path("body").asText()));
            assertEquals("aws:sqs", record.path("eventSource").asText());
        }
        assertEquals(List.of(sample("order-confirmed.json"), sample("order-rejected.json"), sample("parcel-shipped.json")), bodies);
    }

    @Test
    void a_throttled_send_releases_its_claim_and_hands_back_that_message_and_the_rest_and_the_redelivery_sends_each_once() {
        // SES's quota lets one email through, then throttles every send (the SDK's own retries included) for 100 s
        try (SesSendingQuota quota = SesSendingQuota.start(ses.endpoint(), 0.01, 1_000);
             SesV2Client throttling = NotificationHarness.sesClient(quota.endpoint())) {
            QueueBatch batch = new QueueBatch().sample("m-1", 1, "order-confirmed.json").sample("m-2", 1, "order-rejected.json")
                    .sample("m-3", 1, "parcel-shipped.json").sample("m-4", 1, "order-cancelled.json");

            assertEquals(List.of("m-2", "m-3", "m-4"), deliver(handler(throttling, UNPACED), batch));

            assertEquals(1, ses.emails().size());
            long throttledCalls = quota.throttled();
            assertTrue(throttledCalls >= 1, "SES never throttled");
            // after the throttle SES was not called again: the messages behind it were never even claimed
            assertEquals(Optional.empty(), record("parcel-shipped.json", MessageKind.SHIPPING_NOTICE));
            assertEquals(Optional.empty(), record("order-cancelled.json", MessageKind.CANCELLATION_NOTICE));
            assertEquals(DeliveryStatus.SENDING, record("order-rejected.json", MessageKind.REJECTION_NOTICE).orElseThrow().status());
        }

        // redelivered at once (the clock has not moved: a lease still held would make m-2 wait 60 s)
        QueueBatch redelivered = new QueueBatch().sample("m-2", 2, "order-rejected.json")
                .sample("m-3", 2, "parcel-shipped.json").sample("m-4", 2, "order-cancelled.json");
        assertEquals(List.of(), deliver(handler(sesClient, UNPACED), redelivered));

        assertEquals(4, ses.emails().size());
        Delivery rejection = record("order-rejected.json", MessageKind.REJECTION_NOTICE).orElseThrow();
        assertEquals(DeliveryStatus.SENT, rejection.status());
        assertEquals(2, rejection.attempts());
        assertEquals(1, ses.emails().stream().filter(e -> e.messageId().equals(rejection.providerMessageId().orElseThrow())).count());
    }

    @Test
    void the_messages_handed_back_because_SES_throttled_stay_out_of_sight_and_the_others_return_after_the_queues_timeout()
            throws InterruptedException {
        assumeTrue(moto != null, "python3 cannot import moto.server: pip install 'moto[server]'");
        sqsClient.purgeQueue(r -> r.queueUrl(queueUrl));
        for (String sample : List.of("order-confirmed.json", "order-rejected.json", "parcel-shipped.json")) {
            sqsClient.sendMessage(r -> r.queueUrl(queueUrl).messageBody(new String(
                    SampleEvents.bytes("notification-service/" + sample), StandardCharsets.UTF_8)));
        }
        List<Message> received = new ArrayList<>();
        while (received.size() < 3) {
            received.addAll(sqsClient.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages());
        }
        QueueBatch batch = new QueueBatch();
        received.forEach(m -> batch.received(m.messageId(), m.receiptHandle(), 1, m.body()));

        List<String> handedBack;
        try (SesSendingQuota quota = SesSendingQuota.start(ses.endpoint(), 0.01, 1_000);
             SesV2Client throttling = NotificationHarness.sesClient(quota.endpoint())) {
            handedBack = deliver(handler(throttling, UNPACED), batch);
        }

        assertEquals(received.stream().skip(1).map(Message::messageId).toList(), handedBack);
        // the sent one is not deleted here (Lambda deletes it): after the queue's 1 s it is back; the throttled ones
        // are out of sight for 45 s at least
        Thread.sleep(2_000);
        List<String> visible = sqsClient.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()
                .stream().map(Message::messageId).toList();
        assertEquals(List.of(received.get(0).messageId()), visible);
    }

    @Test
    void a_duplicate_message_of_a_sent_email_sends_nothing() {
        QueueEventHandler handler = handler(sesClient, UNPACED);
        assertEquals(List.of(), deliver(handler, new QueueBatch().sample("m-1", 1, "order-confirmed.json")
                .sample("m-2", 1, "order-confirmed-duplicate.json")));
        assertEquals(1, ses.emails().size());

        // EventBridge delivered it twice, or the archive replayed it: another message, the same event
        assertEquals(List.of(), deliver(handler, new QueueBatch().sample("m-3", 1, "order-confirmed-replayed.json")
                .sample("m-4", 1, "order-confirmed.json")));

        assertEquals(1, ses.emails().size());
        assertEquals(1, record("order-confirmed.json", MessageKind.ORDER_CONFIRMATION).orElseThrow().attempts());
    }

    @Test
    void a_body_that_is_no_valid_event_is_handed_back_alone_and_the_others_are_sent() {
        QueueBatch batch = new QueueBatch().sample("m-1", 1, "order-confirmed.json")
                .sample("m-2", 1, "malformed-order-confirmed.json")
                .body("m-3", 1, "{\"not\": \"an EventBridge event\"")
                .sample("m-4", 1, "direct-unknown-detail-type.json")
                .sample("m-5", 1, "order-rejected.json");

        assertEquals(List.of("m-2", "m-3", "m-4"), deliver(handler(sesClient, UNPACED), batch));

        assertEquals(2, ses.emails().size());
        assertEquals(DeliveryStatus.SENT, record("order-rejected.json", MessageKind.REJECTION_NOTICE).orElseThrow().status());
    }

    @Test
    void with_time_for_one_more_message_the_one_received_most_often_is_sent_and_the_rest_handed_back_unsent() {
        // a test context whose invocation has 10 s left when asked first, and then less than one message's budget
        AtomicInteger asked = new AtomicInteger();
        Context lambda = new LambdaTestContext("notification-test");
        Context runningOut = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                        ? (asked.getAndIncrement() == 0 ? 10_000 : (int) QueueEventHandler.MESSAGE_BUDGET.toMillis() - 1)
                        : method.invoke(lambda, args));
        QueueBatch batch = new QueueBatch().sample("m-1", 1, "order-confirmed.json").sample("m-2", 7, "order-rejected.json")
                .sample("m-3", 3, "parcel-shipped.json");

        assertEquals(List.of("m-3", "m-1"), deliver(handler(sesClient, UNPACED), batch.bytes(), runningOut));

        assertEquals(1, ses.emails().size());
        assertEquals(DeliveryStatus.SENT, record("order-rejected.json", MessageKind.REJECTION_NOTICE).orElseThrow().status());
        assertEquals(Optional.empty(), record("order-confirmed.json", MessageKind.ORDER_CONFIRMATION));
    }

    @Test
    void sends_paced_to_the_instances_share_of_the_send_rate_are_never_throttled() {
        try (SesSendingQuota quota = SesSendingQuota.start(ses.endpoint(), 3, 1_000);
             SesV2Client limited = NotificationHarness.sesClient(quota.endpoint())) {
            // the account's 3 emails/s shared by 2 instances: this one sends at most 1.5 a second (unpaced, the 4th
            // send within a second would be throttled)
            QueueEventHandler handler = handler(limited, 3, 2);
            long started = System.nanoTime();

            assertEquals(List.of(), deliver(handler, new QueueBatch().sample("m-1", 1, "order-confirmed.json")
                    .sample("m-2", 1, "order-rejected.json").sample("m-3", 1, "parcel-shipped.json")
                    .sample("m-4", 1, "order-cancelled.json")));

            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(0, quota.throttled(), "SES throttled a paced send");
            assertEquals(4, ses.emails().size());
            assertTrue(millis >= 1_900, "4 sends at 1.5/s, the first at once, took only " + millis + " ms");
        }
    }

    private QueueEventHandler handler(SesV2Client client, double sendRate) {
        return handler(client, sendRate, 1);
    }

    private QueueEventHandler handler(SesV2Client client, double sendRate, int instances) {
        return Wiring.queueHandler(dynamoDb.client(), client, sqsClient, queueUrl, table, SENDER, clock, sendRate, instances);
    }

    private Optional<Delivery> record(String sample, MessageKind kind) {
        return new DynamoDbDeliveries(dynamoDb.client(), table).find(new OrderId(orderId(sample)), kind);
    }
}
