package shop.notification.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.notification.handler.NotificationHarness.SENDER;
import static shop.notification.handler.NotificationHarness.invoke;
import static shop.notification.handler.NotificationHarness.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.SesV2Local.ReceivedEmail;
import shop.localparts.SesV2Local;
import shop.notification.adapter.dynamodb.DynamoDbDeliveries;
import shop.notification.domain.Delivery;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import shop.notification.testing.MutableClock;
import shop.platform.events.MalformedEventException;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The NotificationFunction with the sample events, against dynalite and a local SES v2 server. */
class OrderEventHandlerTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private static SesV2Local ses;
    private static SesV2Client sesClient;

    private String table;
    private OrderEventHandler handler;

    @BeforeAll
    static void startLocalParts() {
        ses = SesV2Local.start();
        sesClient = NotificationHarness.sesClient(ses.endpoint());
    }

    @AfterAll
    static void stopLocalParts() {
        sesClient.close();
        ses.close();
    }

    @BeforeEach
    void freshTableAndInbox() {
        table = dynamoDb.freshTable("NotificationTable");
        ses.clear();
        handler = Wiring.handler(dynamoDb.client(), sesClient, table, SENDER, new MutableClock(Instant.parse("2026-03-02T09:15:02Z")));
    }

    @Test
    void order_placed_sends_one_confirmation_email_from_the_configured_sender_to_the_contact_address() {
        assertEquals("SENT", invoke(handler, "order-placed.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(1, emails.size());
        ReceivedEmail email = emails.get(0);
        assertEquals(SENDER, email.from());
        assertEquals(List.of(contactEmail("order-placed.json")), email.to());
        assertEquals("Your order " + orderId("order-placed.json") + " is confirmed", email.subject());
    }

    @Test
    void confirmation_is_short_plain_text_with_the_total_and_without_the_shipping_address() {
        invoke(handler, "order-placed.json");

        ReceivedEmail email = ses.emails().get(0);
        assertNull(email.html(), "plain text only");
        assertTrue(email.text().contains("Total: 25.75 EUR"), email.text());
        assertTrue(email.text().contains("Items: 3 items"), email.text());
        assertFalse(email.text().contains("Example Street"), "no address in the body");
        assertFalse(email.text().contains("Ada"), "no name in the body");
        assertTrue(email.text().length() < 400, "short");
    }

    @Test
    void order_placed_is_recorded_as_sent_with_the_ses_message_id() {
        invoke(handler, "order-placed.json");

        Delivery delivery = record(orderId("order-placed.json"), MessageKind.ORDER_CONFIRMATION);
        assertEquals(DeliveryStatus.SENT, delivery.status());
        assertEquals(ses.emails().get(0).messageId(), delivery.providerMessageId().orElseThrow());
        assertEquals(eventId("order-placed.json"), delivery.eventId());
        assertEquals(1, delivery.attempts());
        assertEquals(ses.emails().get(0).subject(), delivery.subject().orElseThrow());
    }

    @Test
    void order_cancelled_sends_one_cancellation_email_with_the_reason() {
        invoke(handler, "order-placed.json");
        assertEquals("SENT", invoke(handler, "order-cancelled.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(2, emails.size());
        ReceivedEmail cancellation = emails.get(1);
        assertEquals("Your order " + orderId("order-cancelled.json") + " is cancelled", cancellation.subject());
        assertTrue(cancellation.text().contains("Reason given: you found it cheaper elsewhere"), cancellation.text());
        assertEquals(DeliveryStatus.SENT, record(orderId("order-cancelled.json"), MessageKind.CANCELLATION_NOTICE).status());
    }

    @Test
    void duplicate_order_placed_with_another_eventbridge_id_sends_nothing_new() {
        invoke(handler, "order-placed.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, "order-placed-duplicate.json"));
        assertEquals(1, ses.emails().size());
    }

    @Test
    void replayed_order_placed_sends_nothing_new() {
        invoke(handler, "order-placed.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, "order-placed-replayed.json"));
        assertEquals(1, ses.emails().size());
    }

    @Test
    void order_cancelled_delivered_twice_sends_one_cancellation_email() {
        invoke(handler, "order-cancelled.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, "order-cancelled.json"));
        assertEquals(1, ses.emails().size());
    }

    @Test
    void cancel_before_place_sends_the_cancellation_and_no_confirmation() {
        assertEquals("SENT", invoke(handler, "cancelled-before-placed.json"));
        assertEquals("SKIPPED_ORDER_CANCELLED", invoke(handler, "placed-after-cancel.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(1, emails.size());
        assertTrue(emails.get(0).subject().endsWith("is cancelled"), emails.get(0).subject());
        Delivery confirmation = record(orderId("placed-after-cancel.json"), MessageKind.ORDER_CONFIRMATION);
        assertEquals(DeliveryStatus.SKIPPED, confirmation.status());
        assertEquals("order already cancelled", confirmation.skippedBecause().orElseThrow());
    }

    @Test
    void late_order_placed_delivered_again_after_the_cancellation_still_sends_nothing() {
        invoke(handler, "cancelled-before-placed.json");
        invoke(handler, "placed-after-cancel.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, "placed-after-cancel.json"));
        assertEquals(1, ses.emails().size());
    }

    @Test
    void malformed_event_fails_with_the_reason_and_sends_nothing() {
        MalformedEventException failure = assertThrows(MalformedEventException.class,
                () -> invoke(handler, "malformed.json"));

        assertTrue(failure.getMessage().contains("orderId"), failure.getMessage());
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void unknown_detail_type_fails_and_sends_nothing() {
        MalformedEventException failure = assertThrows(MalformedEventException.class,
                () -> invoke(handler, "direct-unknown-detail-type.json"));

        assertTrue(failure.getMessage().contains("OrderShipped"), failure.getMessage());
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void event_of_an_unsupported_schema_major_version_fails_and_sends_nothing() {
        ObjectNode event = (ObjectNode) sample("order-placed.json");
        ((ObjectNode) event.path("detail").path("metadata")).put("schemaVersion", "2.0");

        assertThrows(MalformedEventException.class, () -> invoke(handler, event));
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void an_invalid_contact_email_fails_with_a_reason_that_does_not_quote_it() {
        ObjectNode event = (ObjectNode) sample("order-placed.json");
        ((ObjectNode) event.path("detail").path("data")).put("contactEmail", "ada at example.com");

        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> invoke(handler, event));
        assertTrue(failure.getMessage().contains("contactEmail"), failure.getMessage());
        assertFalse(failure.getMessage().contains("ada"), failure.getMessage());
        assertTrue(ses.emails().isEmpty());
    }

    private Delivery record(String orderId, MessageKind kind) {
        return new DynamoDbDeliveries(dynamoDb.client(), table).find(new OrderId(orderId), kind).orElseThrow();
    }

    static String orderId(String sample) {
        return sample(sample).path("detail").path("data").path("orderId").asText();
    }

    static String eventId(String sample) {
        return sample(sample).path("detail").path("metadata").path("eventId").asText();
    }

    static String contactEmail(String sample) {
        return sample(sample).path("detail").path("data").path("contactEmail").asText();
    }
}
