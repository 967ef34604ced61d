package shop.notification.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.notification.handler.NotificationHarness.SENDER;
import static shop.notification.handler.NotificationHarness.invoke;
import static shop.notification.handler.NotificationHarness.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shop.testsupport.LocalDynamoDb;
import shop.localparts.SesV2Local;
import shop.localparts.SesV2Local.ReceivedEmail;
import shop.notification.adapter.dynamodb.DynamoDbDeliveries;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import shop.notification.testing.MutableClock;
import shop.platform.events.MalformedEventException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The "on its way" email on package's ParcelShipped, in and out of order with the cancellation, on dynalite and local SES. */
class ShipmentNotificationTest {

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
    void parcel_shipped_sends_one_on_its_way_email_with_the_carrier_and_the_tracking_number() {
        invoke(handler, "order-confirmed.json");
        ses.clear();

        assertEquals("SENT", invoke(handler, "parcel-shipped.json"));

        JsonNode data = sample("parcel-shipped.json").at("/detail/data");
        ReceivedEmail email = onlyEmail();
        assertEquals(List.of(data.path("contactEmail").asText()), email.to());
        assertEquals("Your order " + data.path("orderId").asText() + " is on its way", email.subject());
        assertTrue(email.text().contains("Carrier: " + data.path("carrier").asText()), email.text());
        assertTrue(email.text().contains("Tracking number: " + data.path("trackingNumber").asText()), email.text());
        assertTrue(email.text().contains("Items: 3 items"), email.text());
        assertEquals(DeliveryStatus.SENT, new DynamoDbDeliveries(dynamoDb.client(), table)
                .find(new OrderId(data.path("orderId").asText()), MessageKind.SHIPPING_NOTICE).orElseThrow().status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"parcel-shipped-duplicate.json", "parcel-shipped-replayed.json"})
    void a_duplicate_or_replayed_ParcelShipped_sends_nothing_more(String again) {
        invoke(handler, "parcel-shipped.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, again));

        assertEquals(1, ses.emails().size());
    }

    @Test
    void the_race_a_cancellation_handled_first_turns_the_email_into_shipped_anyway_and_a_return_expected() {
        invoke(handler, "order-confirmed.json");
        invoke(handler, "order-cancelled.json");
        ses.clear();

        assertEquals("SENT", invoke(handler, "parcel-shipped.json"));

        ReceivedEmail email = onlyEmail();
        assertTrue(email.subject().contains("cancelled order") && email.subject().contains("had already shipped"), email.subject());
        assertTrue(email.text().contains("a return is expected"), email.text());
        assertFalse(email.text().contains("on its way"), "no contradiction with the cancellation: " + email.text());
        assertTrue(email.text().contains("Tracking number: "), email.text());
    }

    @Test
    void ParcelShipped_before_any_order_event_still_tells_the_customer_once() {
        assertEquals("SENT", invoke(handler, "parcel-shipped.json"));
        invoke(handler, "order-confirmed.json");

        assertEquals("ALREADY_HANDLED", invoke(handler, "parcel-shipped-duplicate.json"));
        assertEquals(1, ses.emails().stream().filter(e -> e.subject().endsWith("is on its way")).count());
    }

    @Test
    void a_malformed_ParcelShipped_fails_with_a_reason_naming_the_field_and_sends_nothing() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> invoke(handler, "malformed-parcel-shipped.json"));

        assertTrue(e.getMessage().contains("trackingNumber") || e.getMessage().contains("orderId"), e.getMessage());
        assertFalse(e.getMessage().contains("@example.com"), e.getMessage());
        assertEquals(List.of(), ses.emails());
    }

    private static ReceivedEmail onlyEmail() {
        assertEquals(1, ses.emails().size(), "emails: " + ses.emails());
        return ses.emails().get(0);
    }
}
