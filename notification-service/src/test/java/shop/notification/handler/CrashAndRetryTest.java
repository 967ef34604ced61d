package shop.notification.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.notification.handler.NotificationHarness.SENDER;
import static shop.notification.handler.NotificationHarness.invoke;
import static shop.notification.handler.BusEventHandlerTest.orderId;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.FreePort;
import shop.localparts.SesV2Local;
import shop.notification.adapter.dynamodb.DynamoDbCancellations;
import shop.notification.adapter.dynamodb.DynamoDbDeliveries;
import shop.notification.adapter.ses.SesEmails;
import shop.notification.application.DeliveryInProgressException;
import shop.notification.application.Emails;
import shop.notification.application.SendOnce;
import shop.notification.domain.Delivery;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import shop.notification.testing.MutableClock;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * What happens when an invocation dies part-way: the claim's lease keeps redeliveries from sending while it may
 * still be live, and lets one resend once it has run out (the documented at-least-once window).
 */
class CrashAndRetryTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private static SesV2Local ses;
    private static SesV2Client sesClient;

    private String table;
    private MutableClock clock;

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
        clock = new MutableClock(Instant.parse("2026-03-02T09:15:02Z"));
    }

    @Test
    void a_crash_after_sending_blocks_redeliveries_during_the_lease_and_then_resends_exactly_once() {
        Emails realSes = new SesEmails(sesClient, SENDER);
        BusEventHandler crashingAfterSend = handlerSendingThrough(email -> {
            realSes.send(email);
            throw new IllegalStateException("function died before recording the send");
        });
        BusEventHandler handler = Wiring.handler(dynamoDb.client(), sesClient, table, SENDER, clock);

        assertThrows(IllegalStateException.class, () -> invoke(crashingAfterSend, "order-confirmed.json"));
        assertEquals(1, ses.emails().size());
        assertEquals(DeliveryStatus.SENDING, record().status());

        // a redelivery while the lease runs: the first invocation might still be live, so it waits (is retried)
        clock.advance(Wiring.SEND_LEASE.minusSeconds(1));
        assertThrows(DeliveryInProgressException.class, () -> invoke(handler, "order-confirmed-duplicate.json"));
        assertEquals(1, ses.emails().size());

        // after the lease: at least once, the email goes again and the record is settled
        clock.advance(Duration.ofSeconds(2));
        assertEquals("SENT", invoke(handler, "order-confirmed-replayed.json"));
        assertEquals(2, ses.emails().size());
        Delivery delivery = record();
        assertEquals(DeliveryStatus.SENT, delivery.status());
        assertEquals(2, delivery.attempts());
        assertEquals(ses.emails().get(1).messageId(), delivery.providerMessageId().orElseThrow());

        assertEquals("ALREADY_HANDLED", invoke(handler, "order-confirmed.json"));
        assertEquals(2, ses.emails().size());
    }

    @Test
    void ses_unreachable_fails_the_event_and_the_retry_after_the_lease_sends_exactly_one_email() {
        try (SesV2Client nowhere = NotificationHarness.sesClient("http://127.0.0.1:" + FreePort.find())) {
            BusEventHandler sesDown = Wiring.handler(dynamoDb.client(), nowhere, table, SENDER, clock);
            assertThrows(RuntimeException.class, () -> invoke(sesDown, "order-confirmed.json"));
        }
        assertTrue(ses.emails().isEmpty());

        clock.advance(Wiring.SEND_LEASE.plusSeconds(1));
        assertEquals("SENT", invoke(Wiring.handler(dynamoDb.client(), sesClient, table, SENDER, clock), "order-confirmed.json"));
        assertEquals(1, ses.emails().size());
    }

    private BusEventHandler handlerSendingThrough(Emails emails) {
        return Wiring.handler(new DynamoDbCancellations(dynamoDb.client(), table),
                new SendOnce(new DynamoDbDeliveries(dynamoDb.client(), table), emails, clock, Wiring.SEND_LEASE));
    }

    private Delivery record() {
        return new DynamoDbDeliveries(dynamoDb.client(), table)
                .find(new OrderId(orderId("order-confirmed.json")), MessageKind.ORDER_CONFIRMATION).orElseThrow();
    }
}
