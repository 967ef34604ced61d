package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.Stock;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
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
 * The adapters' promises against one set of AWS endpoints: DynamoDB conditional writes never oversell and hold
 * once per order (inventory's DynamoDbStock), every PutEvents entry is accounted for (platform's publisher), and
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

    /** Subjects of the emails the endpoint received for the address, if it can tell. */
    abstract Optional<List<String>> subjectsReceivedBy(String address);

    /** How many events the bus received, if it can tell. */
    abstract Optional<Integer> eventsReceived(String detailType);

    /** Prepares SES to send from the address (an emulator may want the identity verified). */
    void verifySender(SesV2Client ses, String sender) {
    }

    /**
     * Whether this endpoint refuses SendEmail from a sender that is no verified identity, as SES does ("Email address
     * is not verified", HTTP 400 MessageRejected); empty where that has not been seen.
     */
    abstract Optional<Boolean> refusesUnverifiedSender();

    /** What the scenario saw, one line per scenario, for RELIABILITY.md's side-by-side table. */
    void report(String scenario, String observed) {
        System.out.println("[" + getClass().getSimpleName() + "] " + scenario + ": " + observed);
    }

    @Test
    void dynamodb_conditional_writes_hold_once_per_order_and_never_take_what_is_not_there() {
        try (DynamoDbClient dynamo = TemplateTables.localClient(dynamoDbEndpoint())) {
            DynamoDbStock stock = stockIn(dynamo, 1);
            OrderId first = new OrderId(UUID.randomUUID().toString());
            OrderId second = new OrderId(UUID.randomUUID().toString());

            assertEquals(Stock.Take.TAKEN, stock.take(SKU, first, 1));
            assertEquals(Stock.Take.ALREADY_HELD, stock.take(SKU, first, 1), "a repeated take takes nothing more");
            assertEquals(Stock.Take.SHORT, stock.take(SKU, second, 1), "no unit left");
            assertTrue(stock.giveBack(SKU, first, 1));
            assertFalse(stock.giveBack(SKU, first, 1), "a duplicate give-back returns nothing more");
            assertEquals(Stock.Take.TAKEN, stock.take(SKU, second, 1), "the unit given back can be taken");
            assertEquals(0, stock.available(SKU));
            report("DynamoDbStock, one at a time", "TAKEN, ALREADY_HELD, SHORT, given back once (not twice), TAKEN by the second order");
        }
    }

    @Test
    void concurrent_conditional_writes_never_oversell_where_the_endpoint_applies_them_one_at_a_time_as_DynamoDB_does() throws Exception {
        try (DynamoDbClient dynamo = TemplateTables.localClient(dynamoDbEndpoint())) {
            DynamoDbStock stock = stockIn(dynamo, 10);
            List<java.util.concurrent.Callable<Stock.Take>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                OrderId order = new OrderId(UUID.randomUUID().toString());
                calls.add(() -> stock.take(SKU, order, 1));
            }

            List<Stock.Take> takes = Concurrently.call(calls);

            long taken = takes.stream().filter(t -> t == Stock.Take.TAKEN).count();
            long shortOf = takes.stream().filter(t -> t == Stock.Take.SHORT).count();
            int available = stock.available(SKU);
            report("DynamoDbStock, 30 concurrent takes of 10 units", taken + " taken, " + shortOf + " short, " + available
                    + " available after" + (taken > 10 ? ": OVERSOLD by " + (taken - 10) : ""));
            assertEquals(30, taken + shortOf, "every take is TAKEN or SHORT: " + takes);
            assertTrue(taken >= 10, "units left unsold while orders were turned away: " + taken + " taken");
            if (appliesConditionalWritesOneAtATime()) {
                assertEquals(10, taken, "oversold: DynamoDB applies each conditional UpdateItem atomically");
                assertEquals(0, available);
            }
        }
    }

    /**
     * Whether concurrent conditional writes to one item are applied one at a time, each condition checked against
     * the latest item, as DynamoDB does. moto_server's threaded form does not (RELIABILITY.md), which is why moto runs
     * on one thread here; an emulator that does not can say so, and the concurrent scenario then asserts only what still holds.
     */
    boolean appliesConditionalWritesOneAtATime() {
        return true;
    }

    private static DynamoDbStock stockIn(DynamoDbClient dynamo, int units) {
        String table = "inventory-" + UUID.randomUUID();
        TemplateTables.ofProject().create(dynamo, "InventoryTable", table);
        DynamoDbStock stock = new DynamoDbStock(dynamo, table);
        stock.seed(new StockLevel(SKU, units));
        return stock;
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
            Optional<Integer> received = eventsReceived(detailType);
            received.ifPresent(count -> assertEquals(25, count));
            report("EventBridgePublisher", result.publishedEventIds().size() + "/25 published, "
                    + received.map(count -> count + " received").orElse("arrival not observable"));
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

            assertFalse(messageId.isBlank());
            Optional<List<String>> subjects = subjectsReceivedBy(to);
            subjects.ifPresent(received -> assertEquals(List.of("Your order is confirmed"), received));
            report("SesEmails", "message id " + (messageId.isBlank() ? "blank" : "given") + ", "
                    + subjects.map(received -> received.size() + " email(s) received").orElse("arrival not observable"));
        }
    }

    @Test
    void ses_and_the_adapter_answer_a_sender_that_is_no_verified_identity_as_this_endpoint_is_known_to() {
        try (SesV2Client ses = AwsClients.build(SesV2Client.builder().endpointOverride(URI.create(sesEndpoint())))) {
            String unverified = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@unverified.example";
            Email email = new Email(new EmailAddress("adapter@example.com"), "Your order is confirmed", "Thank you.");

            String outcome;
            try {
                new SesEmails(ses, unverified).send(email);
                outcome = "accepted";
            } catch (SesEmails.EmailNotSentException refused) {
                assertTrue(refused.getMessage().contains("MessageRejected") && refused.getMessage().contains("HTTP 400"), refused.getMessage());
                outcome = "refused";
            }

            report("SendEmail from an unverified sender", outcome + " (SES: refused, HTTP 400 MessageRejected)");
            String seen = outcome;
            refusesUnverifiedSender().ifPresent(refuses -> assertEquals(refuses ? "refused" : "accepted", seen,
                    "this endpoint changed how it treats an unverified sender: update RELIABILITY.md and the expectation"));
        }
    }
}
