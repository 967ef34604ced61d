package shop.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.PendingEvent;
import shop.testsupport.CapturingEventBridge;
import shop.testsupport.DynamoDbCalls;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox on a table with a hash and a range key (the inventory table of template.yaml, with its outbox index),
 * against dynalite and a local bus that fails on demand: a stored event always reaches the bus, once the bus takes it.
 */
class OutboxTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();

    private String table;
    private DynamoDbOutbox store;
    private Outbox outbox;

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        store = new DynamoDbOutbox(dynamoDb.client(), table, "pk", "sk");
        outbox = new Outbox(store, new EventBridgePublisher(bus.client(), "shop-test-bus", 2, Duration.ofMillis(1)));
    }

    @Test
    void an_event_stored_with_a_new_item_and_published_leaves_nothing_owed() {
        Map<String, AttributeValue> key = key("A");
        PendingEvent event = event();
        put(key, List.of(event));

        assertTrue(outbox.publish(key, List.of(event)).complete());

        assertEquals(1, bus.events().size());
        assertEquals(List.of(), store.owed(key));
        assertEquals(List.of(), store.owing(Instant.now(), 10), "off the index");
    }

    @Test
    void forgetting_everything_an_item_owes_is_one_write_that_also_takes_it_off_the_index() {
        Map<String, AttributeValue> key = key("E");
        PendingEvent first = event();
        PendingEvent second = event();
        put(key, List.of(first, second));

        try (DynamoDbCalls calls = new DynamoDbCalls(dynamoDb.endpoint())) {
            new DynamoDbOutbox(calls.client(), table, "pk", "sk").published(key, List.of(first.eventId(), second.eventId()));

            assertEquals(Map.of("UpdateItem", 1), calls.counts());
        }
        assertEquals(List.of(), store.owed(key));
        assertEquals(List.of(), store.owing(Instant.now().plusSeconds(1), 10), "off the index");
    }

    @Test
    void an_event_added_by_an_update_and_not_taken_by_the_bus_is_sent_by_the_relay_once() {
        Map<String, AttributeValue> key = key("B");
        put(key, List.of());
        PendingEvent event = event();
        OutboxItems.Update owe = OutboxItems.owe(List.of(event), Instant.now());
        dynamoDb.client().updateItem(b -> b.tableName(table).key(key).updateExpression("SET " + owe.setClauses())
                .expressionAttributeNames(owe.names()).expressionAttributeValues(owe.values()));
        bus.failNextCalls(2); // both attempts: the event stays owed

        assertFalse(outbox.publish(key, List.of(event)).complete());
        assertEquals(List.of(event), store.owed(key));
        assertEquals(List.of(key), store.owing(Instant.now().plusSeconds(1), 10));

        Outbox.RelayReport report = outbox.relay(Instant.now().plusSeconds(1), 10);

        assertEquals(new Outbox.RelayReport(1, 1, 0), report);
        assertEquals(1, bus.events().size());
        assertEquals(event.eventId(), bus.events().get(0).detail().path("metadata").path("eventId").asText());
        assertEquals(new Outbox.RelayReport(0, 0, 0), outbox.relay(Instant.now().plusSeconds(1), 10), "nothing left");
    }

    @Test
    void a_batch_the_bus_takes_only_in_part_forgets_only_what_it_took_and_the_relay_sends_the_rest_once() {
        Map<String, AttributeValue> key = key("F");
        PendingEvent first = event();
        PendingEvent second = event();
        PendingEvent third = event();
        put(key, List.of(first, second, third));
        // attempt 1: all three rejected inside a 200; attempt 2 (one call of three): the first rejected again, the others taken
        bus.rejectNextEntries(4);

        assertFalse(outbox.publish(key, List.of(first, second, third)).complete());

        assertEquals(List.of(first), store.owed(key), "only the event the bus never took is still owed");
        assertEquals(List.of(key), store.owing(Instant.now().plusSeconds(1), 10), "still on the index");
        assertEquals(new Outbox.RelayReport(1, 1, 0), outbox.relay(Instant.now().plusSeconds(1), 10));
        assertEquals(List.of(second.eventId(), third.eventId(), first.eventId()),
                bus.events().stream().map(e -> e.detail().path("metadata").path("eventId").asText()).toList(), "each on the bus once");
        assertEquals(List.of(), store.owed(key));
    }

    @Test
    void the_relay_leaves_events_younger_than_its_horizon_and_a_failing_run_reports_what_is_still_owed() throws Exception {
        Map<String, AttributeValue> key = key("C");
        put(key, List.of(event()));
        OutboxRelay relay = new OutboxRelay(outbox, java.time.Clock.systemUTC(), Duration.ofMinutes(1));

        assertEquals(new Outbox.RelayReport(0, 0, 0), relay.run(), "younger than the grace period");

        bus.failNextCalls(2);
        OutboxRelay now = new OutboxRelay(outbox, java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(2)),
                Duration.ofMinutes(1));
        assertThrows(IllegalStateException.class, () -> now.handle(new java.io.ByteArrayInputStream("{}".getBytes()),
                java.io.OutputStream.nullOutputStream(), null));
        assertEquals(1, store.owed(key).size(), "still owed after the failed run");
    }

    @Test
    void an_item_on_the_index_that_owes_nothing_is_taken_off_it_by_the_relay() {
        Map<String, AttributeValue> key = key("G");
        PendingEvent gone = event();
        put(key, List.of(gone));
        dynamoDb.client().updateItem(b -> b.tableName(table).key(key).updateExpression("REMOVE #map.#id")
                .expressionAttributeNames(Map.of("#map", OutboxItems.MAP, "#id", gone.eventId())));

        assertEquals(new Outbox.RelayReport(1, 0, 0), outbox.relay(Instant.now().plusSeconds(1), 10));

        assertEquals(List.of(), store.owing(Instant.now().plusSeconds(1), 10), "off the index");
        assertEquals(List.of(), bus.events());
    }

    @Test
    void a_relay_invocation_answers_its_report_and_succeeds_when_nothing_is_left_owed() throws Exception {
        Map<String, AttributeValue> key = key("H");
        put(key, List.of(event()));
        OutboxRelay relay = new OutboxRelay(outbox, java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(2)),
                Duration.ofMinutes(1));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        relay.handle(new java.io.ByteArrayInputStream("{}".getBytes()), out, null);

        assertEquals("{\"itemsVisited\":1,\"eventsPublished\":1,\"eventsStillOwed\":0,\"eventsParked\":0}", out.toString());
        assertEquals(1, bus.events().size());
    }

    @Test
    void a_new_event_owed_while_an_older_one_is_published_keeps_the_item_on_the_index() {
        Map<String, AttributeValue> key = key("D");
        PendingEvent first = event();
        put(key, List.of(first));
        PendingEvent second = event();
        OutboxItems.Update owe = OutboxItems.owe(List.of(second), Instant.now());
        dynamoDb.client().updateItem(b -> b.tableName(table).key(key).updateExpression("SET " + owe.setClauses())
                .expressionAttributeNames(owe.names()).expressionAttributeValues(owe.values()));

        store.published(key, List.of(first.eventId()));

        assertEquals(List.of(second), store.owed(key));
        assertEquals(List.of(key), store.owing(Instant.now().plusSeconds(1), 10));
    }

    @Test
    void publish_settings_build_the_outbox_on_their_bus_and_the_relay_with_their_grace() {
        PublishSettings settings = new PublishSettings("shop-orders-bus", 1, Duration.ZERO, Duration.ofMinutes(1));
        Outbox settled = settings.outbox(dynamoDb.client(), bus.client(), table, "pk", "sk");
        Map<String, AttributeValue> key = key("S");
        PendingEvent event = event();
        put(key, List.of(event));

        assertTrue(settled.publish(key, List.of(event)).complete());
        assertEquals("shop-orders-bus", bus.events().get(0).busName(), "the settings' bus, not another");

        PendingEvent later = event();
        put(key("T"), List.of(later));
        assertEquals(new Outbox.RelayReport(0, 0, 0), settings.relay(settled, java.time.Clock.systemUTC()).run(),
                "an event younger than the settings' grace is left to its request");
    }

    @Test
    void publish_settings_take_one_attempt_and_no_wait_at_the_least() {
        PublishSettings least = new PublishSettings("bus", 1, Duration.ZERO, Duration.ZERO);
        assertEquals(1, least.publishAttempts());
        assertThrows(IllegalArgumentException.class, () -> new PublishSettings(null, 1, Duration.ZERO, Duration.ZERO));
    }

    private void put(Map<String, AttributeValue> key, List<PendingEvent> owed) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        OutboxItems.addTo(item, owed, Instant.now());
        dynamoDb.client().putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", AttributeValue.fromS("ITEM#" + id), "sk", AttributeValue.fromS("STATE"));
    }

    private static PendingEvent event() {
        String id = UUID.randomUUID().toString();
        return new PendingEvent(id, "shop.test", "Tested", "{\"metadata\":{\"eventId\":\"" + id + "\"},\"data\":{}}");
    }
}
