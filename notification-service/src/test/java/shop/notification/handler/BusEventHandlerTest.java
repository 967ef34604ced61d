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
import shop.testsupport.LocalDynamoDb;
import shop.localparts.SesV2Local;
import shop.localparts.SesV2Local.ReceivedEmail;
import shop.notification.adapter.dynamodb.DynamoDbDeliveries;
import shop.notification.domain.Delivery;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import shop.notification.testing.MutableClock;
import shop.platform.events.MalformedEventException;
import shop.platform.events.IncomingEvent;
import shop.platform.json.Json;
import shop.testsupport.EventSchemas;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The NotificationFunction with the sample events, against dynalite and a local SES v2 server. */
class BusEventHandlerTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private static SesV2Local ses;
    private static SesV2Client sesClient;

    private String table;
    private BusEventHandler handler;

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
    void order_confirmed_sends_one_confirmation_email_from_the_configured_sender_to_the_contact_address() {
        assertEquals("SENT", invoke(handler, "order-confirmed.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(1, emails.size());
        ReceivedEmail email = emails.get(0);
        assertEquals(SENDER, email.from());
        assertEquals(List.of(contactEmail("order-confirmed.json")), email.to());
        assertEquals("Your order " + orderId("order-confirmed.json") + " is confirmed", email.subject());
    }

    @Test
    void confirmation_is_short_plain_text_with_the_total_and_without_the_shipping_address() {
        invoke(handler, "order-confirmed.json");

        ReceivedEmail email = ses.emails().get(0);
        assertNull(email.html(), "plain text only");
        assertTrue(email.text().contains("Total: 25.75 EUR"), email.text());
        assertTrue(email.text().contains("Items: 3 items"), email.text());
        assertTrue(email.text().contains("We will let you know when it ships."), email.text());
        assertFalse(email.text().contains("Example Street"), "no address in the body");
        assertFalse(email.text().contains("Ada"), "no name in the body");
        assertTrue(email.text().length() < 400, "short");
    }

    @Test
    void order_confirmed_is_recorded_as_sent_with_the_ses_message_id() {
        invoke(handler, "order-confirmed.json");

        Delivery delivery = record(orderId("order-confirmed.json"), MessageKind.ORDER_CONFIRMATION);
        assertEquals(DeliveryStatus.SENT, delivery.status());
        assertEquals(ses.emails().get(0).messageId(), delivery.providerMessageId().orElseThrow());
        assertEquals(eventId("order-confirmed.json"), delivery.eventId());
        assertEquals(1, delivery.attempts());
        assertEquals(ses.emails().get(0).subject(), delivery.subject().orElseThrow());
    }

    @Test
    void order_rejected_sends_one_email_naming_the_short_items_with_their_quantities_and_that_nothing_is_charged() {
        assertEquals("SENT", invoke(handler, "order-rejected.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(1, emails.size());
        ReceivedEmail email = emails.get(0);
        assertEquals(List.of(contactEmail("order-rejected.json")), email.to());
        assertEquals("Your order " + orderId("order-rejected.json") + " could not be accepted", email.subject());
        assertTrue(email.text().contains("SKU-5 (1 ordered)"), email.text());
        assertFalse(email.text().contains("SKU-1"), "only the items that could not be reserved: " + email.text());
        assertTrue(email.text().contains("nothing will be charged"), email.text());
        assertFalse(email.text().contains("is confirmed"), email.text());
        assertNull(email.html(), "plain text only");
        assertEquals(DeliveryStatus.SENT, record(orderId("order-rejected.json"), MessageKind.REJECTION_NOTICE).status());
        assertTrue(new DynamoDbDeliveries(dynamoDb.client(), table)
                .find(new OrderId(orderId("order-rejected.json")), MessageKind.ORDER_CONFIRMATION).isEmpty());
    }

    @Test
    void order_cancelled_after_the_confirmation_sends_one_cancellation_email_with_the_reason() {
        invoke(handler, "order-confirmed.json");
        assertEquals("SENT", invoke(handler, "order-cancelled.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(2, emails.size());
        ReceivedEmail cancellation = emails.get(1);
        assertEquals("Your order " + orderId("order-cancelled.json") + " is cancelled", cancellation.subject());
        assertTrue(cancellation.text().contains("Reason given: you found it cheaper elsewhere"), cancellation.text());
        assertEquals(DeliveryStatus.SENT, record(orderId("order-cancelled.json"), MessageKind.CANCELLATION_NOTICE).status());
    }

    @Test
    void a_duplicate_or_replay_of_each_type_sends_nothing_new() {
        for (String type : List.of("order-confirmed", "order-rejected", "order-cancelled", "parcel-shipped")) {
            assertEquals("SENT", invoke(handler, type + ".json"), type);

            assertEquals("ALREADY_HANDLED", invoke(handler, type + "-duplicate.json"), type);
            assertEquals("ALREADY_HANDLED", invoke(handler, type + "-replayed.json"), type);
            assertEquals("ALREADY_HANDLED", invoke(handler, type + ".json"), type);
        }
        assertEquals(4, ses.emails().size());
    }

    @Test
    void cancel_delivered_before_confirm_sends_the_cancellation_and_never_a_confirmation() {
        assertEquals("SENT", invoke(handler, "cancelled-before-confirmed.json"));
        assertEquals("SKIPPED_ORDER_CANCELLED", invoke(handler, "confirmed-after-cancel.json"));

        List<ReceivedEmail> emails = ses.emails();
        assertEquals(1, emails.size());
        assertTrue(emails.get(0).subject().endsWith("is cancelled"), emails.get(0).subject());
        Delivery confirmation = record(orderId("confirmed-after-cancel.json"), MessageKind.ORDER_CONFIRMATION);
        assertEquals(DeliveryStatus.SKIPPED, confirmation.status());
        assertEquals("order already cancelled", confirmation.skippedBecause().orElseThrow());
    }

    @Test
    void late_order_confirmed_delivered_again_after_the_cancellation_still_sends_nothing() {
        invoke(handler, "cancelled-before-confirmed.json");
        invoke(handler, "confirmed-after-cancel.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, "confirmed-after-cancel.json"));
        assertEquals(1, ses.emails().size());
    }

    @Test
    void order_placed_is_not_subscribed_so_it_fails_to_the_dead_letter_queue_and_sends_nothing() {
        ObjectNode event = (ObjectNode) sample("order-confirmed.json");
        event.put("detail-type", "OrderPlaced");
        ((ObjectNode) event.path("detail").path("metadata")).put("eventType", "OrderPlaced");

        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> invoke(handler, event));
        assertTrue(failure.getMessage().contains("OrderPlaced"), failure.getMessage());
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void a_malformed_event_of_each_type_fails_with_the_reason_and_sends_nothing() {
        assertTrue(failure("malformed-order-confirmed.json").contains("orderId"));
        assertTrue(failure("malformed-order-cancelled.json").contains("orderId"));
        assertTrue(failure("malformed-order-rejected.json").contains("shortSkus"));
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void a_rejection_naming_a_sku_that_is_on_no_line_fails_and_sends_nothing() {
        ObjectNode event = (ObjectNode) sample("order-rejected.json");
        ((ObjectNode) event.path("detail").path("data")).putArray("shortSkus").add("SKU-404");

        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> invoke(handler, event));
        assertTrue(failure.getMessage().contains("data.shortSkus[0]"), failure.getMessage());
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void unknown_detail_type_fails_and_sends_nothing() {
        assertTrue(failure("direct-unknown-detail-type.json").contains("OrderShipped"));
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void an_event_of_an_unknown_schema_major_version_fails_and_sends_nothing() {
        for (String type : List.of("order-confirmed", "order-rejected", "order-cancelled", "parcel-shipped")) {
            assertTrue(failure(type + "-unknown-major.json").contains("schemaVersion 2.0"), type);
        }
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void an_invalid_contact_email_fails_with_a_reason_that_does_not_quote_it() {
        ObjectNode event = (ObjectNode) sample("order-confirmed.json");
        ((ObjectNode) event.path("detail").path("data")).put("contactEmail", "ada at example.com");

        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> invoke(handler, event));
        assertTrue(failure.getMessage().contains("contactEmail"), failure.getMessage());
        assertFalse(failure.getMessage().contains("ada"), failure.getMessage());
        assertTrue(ses.emails().isEmpty());
    }

    @Test
    void the_priming_sample_is_a_valid_order_confirmed_that_passes_the_subscription_and_the_translator() {
        IncomingEvent event = BusEventHandler.SUBSCRIPTION.check(BusEventHandler.primingSample());
        ObjectNode detail = Json.object();
        detail.set("metadata", Json.node(event.metadata()));
        detail.set("data", event.data());

        assertEquals(List.of(), EventSchemas.violations("OrderConfirmed", detail));
        assertEquals("00000000-0000-0000-0000-000000000000", OrderEventTranslator.orderConfirmed(event).orderId().value());
    }

    private String failure(String sample) {
        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> invoke(handler, sample));
        assertFalse(failure.getMessage().contains("@example.com"), failure.getMessage());
        return failure.getMessage();
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
