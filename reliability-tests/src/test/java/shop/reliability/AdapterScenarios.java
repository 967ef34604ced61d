package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import shop.localparts.Concurrently;
import shop.localparts.TemplateTables;
import shop.notification.adapter.ses.SesEmails;
import shop.notification.domain.Email;
import shop.notification.domain.EmailAddress;
import shop.platform.aws.AwsClients;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The adapters' promises against one set of AWS endpoints: DynamoDB conditional writes never oversell and hold
 * once per order (inventory's DynamoDbStock), every PutEvents entry is accounted for (platform's publisher), and
 * SES accepts the notification's email (SesEmails). Run against the local parts here, and against a Docker-based
 * emulator (LocalStack, Floci) where Docker runs, so the same scenarios hold on both.
 */
abstract class AdapterScenarios {

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

    @Test
    void dynamodb_conditional_writes_never_oversell_under_concurrency_and_hold_once_per_order() throws Exception {
        try (DynamoDbClient dynamo = TemplateTables.localClient(dynamoDbEndpoint())) {
            String table = "inventory-" + UUID.randomUUID();
            TemplateTables.ofProject().create(dynamo, "InventoryTable", table);
            DynamoDbStock stock = new DynamoDbStock(dynamo, table);
            Sku sku = new Sku("SKU-5");
            stock.seed(new StockLevel(sku, 10));
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                orders.add(UUID.randomUUID().toString());
            }

            List<java.util.concurrent.Callable<Stock.Take>> calls = orders.stream()
                    .map(order -> (java.util.concurrent.Callable<Stock.Take>) () -> stock.take(sku, new OrderId(order), 1)).toList();
            List<Stock.Take> takes = Concurrently.call(calls);
            Stock.Take again = stock.take(sku, new OrderId(orders.get(0)), 1);

            assertEquals(10, takes.stream().filter(t -> t == Stock.Take.TAKEN).count());
            assertEquals(20, takes.stream().filter(t -> t == Stock.Take.SHORT).count());
            assertEquals(0, stock.available(sku));
            List<String> holders = new ArrayList<>();
            for (int i = 0; i < takes.size(); i++) {
                if (takes.get(i) == Stock.Take.TAKEN) {
                    holders.add(orders.get(i));
                }
            }
            assertTrue(again != Stock.Take.TAKEN, "a repeated take never takes more");
            assertTrue(stock.giveBack(sku, new OrderId(holders.get(0)), 1));
            assertFalse(stock.giveBack(sku, new OrderId(holders.get(0)), 1), "a duplicate give-back returns nothing more");
            assertEquals(Stock.Take.ALREADY_HELD, stock.take(sku, new OrderId(holders.get(1)), 1),
                    "with a unit free again, an order that holds the sku takes nothing more");
            assertEquals(1, stock.available(sku));
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
            eventsReceived(detailType).ifPresent(received -> assertEquals(25, received));
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
            subjectsReceivedBy(to).ifPresent(subjects -> assertEquals(List.of("Your order is confirmed"), subjects));
        }
    }
}
