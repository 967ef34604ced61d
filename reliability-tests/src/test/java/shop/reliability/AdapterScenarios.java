package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.Reservations.Attempt;
import shop.inventory.application.OwedEvent;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import shop.inventory.domain.Transition;
import shop.localparts.TemplateTables;
import shop.notification.adapter.ses.SesEmails;
import shop.notification.domain.Email;
import shop.notification.domain.EmailAddress;
import shop.platform.aws.AwsClients;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;
import shop.testsupport.Concurrently;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The adapters' promises against one set of AWS endpoints: DynamoDB transactions never oversell and hold
 * once per order (inventory's DynamoDbReservations), every PutEvents entry is accounted for (platform's publisher), and
 * SES accepts the notification's email (SesEmails); and two limits of AWS the adapters rely on or meet (at most
 * 10 entries per PutEvents, no email from an unverified sender). Run against the local parts, against moto_server,
 * and against a Docker-based emulator (LocalStack, Floci) where Docker runs; RELIABILITY.md puts them side by side.
 */
abstract class AdapterScenarios {

    private static final Sku SKU = new Sku("SKU-5");

    /** DynamoDB, EventBridge and SES v2 endpoints (one URL each, may be the same). */
    abstract String dynamoDbEndpoint();

    abstract String eventBridgeEndpoint();

    abstract String sesEndpoint();

    /** Creates the bus if the endpoint needs it; answers its name. */
    abstract String bus(EventBridgeClient events);

    /** Subjects of the emails the endpoint received for the address: every endpoint must tell, or arrival goes unchecked. */
    abstract List<String> subjectsReceivedBy(String address);

    /** How many events of the detail-type the bus received: every endpoint must tell. */
    abstract int eventsReceived(String detailType);

    /** Prepares SES to send from the address (an emulator may want the identity verified). */
    void verifySender(SesV2Client ses, String sender) {
    }

    /**
     * Whether this endpoint refuses SendEmail from a sender that is no verified identity, as SES does ("Email address
     * is not verified", HTTP 400 MessageRejected). Always asserted: an endpoint that changes fails the scenario.
     */
    abstract boolean refusesUnverifiedSender();

    /** What the scenario saw, one line per scenario, for RELIABILITY.md's side-by-side table. */
    void report(String scenario, String observed) {
        System.out.println("[" + getClass().getSimpleName() + "] " + scenario + ": " + observed);
    }

    @Test
    void dynamodb_transactions_hold_once_per_order_and_never_take_what_is_not_there() {
        try (DynamoDbClient dynamo = TemplateTables.localClient(dynamoDbEndpoint())) {
            Inventory inventory = inventoryIn(dynamo, 1);
            OrderId first = new OrderId(UUID.randomUUID().toString());
            OrderId second = new OrderId(UUID.randomUUID().toString());

            assertEquals(new Attempt.Reserved(), inventory.reserve(first));
            assertEquals(ReservationStatus.RESERVED, ((Attempt.Known) inventory.reserve(first)).reservation().status(),
                    "a repeated reservation takes nothing more");
            assertEquals(new Attempt.Short(List.of(SKU)), inventory.reserve(second), "no unit left: the transaction says which sku");
            assertTrue(inventory.release(first));
            assertFalse(inventory.release(first), "a duplicate release gives nothing more back");
            assertEquals(new Attempt.Reserved(), inventory.reserve(second), "the unit given back can be reserved");
            assertEquals(new StockCounts(0, 1, 0), inventory.stock.counts(SKU));
            report("DynamoDbReservations, one at a time", "Reserved, Known, Short [SKU-5], released once (not twice), Reserved by the second order");
        }
    }

    @Test
    void concurrent_transactions_never_oversell_where_the_endpoint_applies_them_atomically_as_DynamoDB_does() throws Exception {
        try (DynamoDbClient dynamo = TemplateTables.localClient(dynamoDbEndpoint())) {
            Inventory inventory = inventoryIn(dynamo, 10);
            List<java.util.concurrent.Callable<Attempt>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                OrderId order = new OrderId(UUID.randomUUID().toString());
                calls.add(() -> inventory.reserve(order));
            }

            List<Attempt> attempts = Concurrently.call(calls);

            long reserved = attempts.stream().filter(Attempt.Reserved.class::isInstance).count();
            long shortOf = attempts.stream().filter(Attempt.Short.class::isInstance).count();
            StockCounts after = inventory.stock.counts(SKU);
            report("DynamoDbReservations, 30 concurrent reservations of 10 units", reserved + " reserved, " + shortOf + " short, "
                    + after.available() + " available after" + (reserved > 10 ? ": OVERSOLD by " + (reserved - 10) : ""));
            assertEquals(30, reserved + shortOf, "every reservation is Reserved or Short: " + attempts);
            assertEquals(10, reserved, "DynamoDB applies each TransactWriteItems atomically: exactly the 10 units are reserved");
            assertEquals(new StockCounts(0, 10, 0), after);
        }
    }

    /** Inventory's adapters on a fresh table of the endpoint, with one sku of {@code units} units. */
    private static Inventory inventoryIn(DynamoDbClient dynamo, int units) {
        String table = "inventory-" + UUID.randomUUID();
        TemplateTables.ofProject().create(dynamo, "InventoryTable", table);
        Inventory inventory = new Inventory(new DynamoDbStock(dynamo, table), new DynamoDbReservations(dynamo, table, Clock.systemUTC()));
        inventory.stock.seed(new StockLevel(SKU, units));
        return inventory;
    }

    /** The two adapters the scenarios drive, with an order of one unit of SKU-5. */
    private record Inventory(DynamoDbStock stock, DynamoDbReservations reservations) {

        Attempt reserve(OrderId order) {
            return reservations.reserve(OwedEvent.of(OwedEvent.Kind.RESERVED, new Reservation(order, ReservationStatus.RESERVED,
                    List.of(new StockLine(SKU, 1)), List.of()), Instant.now(), "corr-" + order), "placed-" + order);
        }

        boolean release(OrderId order) {
            Reservation reservation = reservations.find(order).orElseThrow();
            return Transition.onCancel(reservation.status()).map(release -> reservations.apply(reservation, release, "cancel-" + order))
                    .orElse(false);
        }
    }

    @Test
    void every_event_of_a_batch_larger_than_put_events_takes_is_published_and_accounted_for() {
        try (EventBridgeClient events = AwsClients.build(EventBridgeClient.builder().endpointOverride(URI.create(eventBridgeEndpoint())))) {
            String bus = bus(events);
            EventBridgePublisher publisher = new EventBridgePublisher(events, bus, 3, Duration.ofMillis(50));
            String detailType = "AdapterTest" + UUID.randomUUID().toString().substring(0, 8);
            List<PendingEvent> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String id = UUID.randomUUID().toString();
                batch.add(new PendingEvent(id, "shop.orders", detailType, "{\"metadata\":{\"eventId\":\"" + id + "\"},\"data\":{\"n\":" + i + "}}"));
            }

            PublishResult result = publisher.publish(batch);

            assertTrue(result.complete(), "nothing left pending: " + result.stillPending());
            assertEquals(batch.stream().map(PendingEvent::eventId).sorted().toList(), result.publishedEventIds().stream().sorted().toList());
            int received = eventsReceived(detailType);
            report("EventBridgePublisher", result.publishedEventIds().size() + "/25 published, " + received + " received");
            assertEquals(25, received, "every published event arrived on the bus");
        }
    }

    @Test
    void a_put_events_call_of_more_than_ten_entries_is_refused_whole_as_EventBridge_refuses_it() {
        try (EventBridgeClient events = AwsClients.build(EventBridgeClient.builder().endpointOverride(URI.create(eventBridgeEndpoint())))) {
            String bus = bus(events);
            List<PutEventsRequestEntry> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add(PutEventsRequestEntry.builder().eventBusName(bus).source("shop.orders").detailType("AdapterTestEleven")
                        .detail("{\"n\":" + i + "}").build());
            }

            EventBridgeException refused = assertThrows(EventBridgeException.class, () -> events.putEvents(b -> b.entries(eleven)),
                    "EventBridge takes at most 10 entries per PutEvents call; an endpoint that takes 11 hides a publisher that batches wrong");

            assertEquals(400, refused.statusCode());
            assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
            report("PutEvents of 11 entries", "refused, HTTP " + refused.statusCode() + " " + refused.awsErrorDetails().errorCode());
        }
    }

    @Test
    void ses_accepts_the_notification_email_and_the_recipient_receives_it() {
        try (SesV2Client ses = AwsClients.build(SesV2Client.builder().endpointOverride(URI.create(sesEndpoint())))) {
            String sender = "orders@shop.example";
            verifySender(ses, sender);
            String to = "adapter-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

            String messageId = new SesEmails(ses, sender).send(new Email(new EmailAddress(to), "Your order is confirmed", "Thank you."));

            List<String> received = subjectsReceivedBy(to);
            report("SesEmails", "message id " + (messageId.isBlank() ? "blank" : "given") + ", " + received.size() + " email(s) received");
            assertFalse(messageId.isBlank());
            assertEquals(List.of("Your order is confirmed"), received, "what the endpoint received for the recipient");
        }
    }

    @Test
    void ses_and_the_adapter_answer_a_sender_that_is_no_verified_identity_as_this_endpoint_is_known_to() {
        try (SesV2Client ses = AwsClients.build(SesV2Client.builder().endpointOverride(URI.create(sesEndpoint())))) {
            String unverified = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@unverified.example";
            String to = "unverified-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Email email = new Email(new EmailAddress(to), "Your order is confirmed", "Thank you.");

            String outcome;
            try {
                new SesEmails(ses, unverified).send(email);
                outcome = "accepted";
            } catch (SesEmails.EmailNotSentException refused) {
                assertTrue(refused.getMessage().contains("MessageRejected") && refused.getMessage().contains("HTTP 400"), refused.getMessage());
                outcome = "refused";
            }

            report("SendEmail from an unverified sender", outcome + " (SES: refused, HTTP 400 MessageRejected)");
            assertEquals(refusesUnverifiedSender() ? "refused" : "accepted", outcome,
                    "this endpoint changed how it treats an unverified sender: update RELIABILITY.md and the expectation");
            assertEquals(outcome.equals("accepted") ? 1 : 0, subjectsReceivedBy(to).size(), "an accepted email arrives, a refused one does not");
        }
    }
}
