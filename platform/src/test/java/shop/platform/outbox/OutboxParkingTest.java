package shop.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.LocalAwsClients;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.PendingEvent;
import shop.platform.json.Json;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Issue 21: an event the bus refuses for good is parked with its reason, counted, off the relay's way, and republished
 * when an operator asks; the relay's run succeeds. The bus is a loopback PutEvents endpoint answering each entry as told.
 */
class OutboxParkingTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    private static HttpServer bus;
    private static EventBridgeClient events;
    /** The entry error the bus answers; null: it accepts. */
    private static volatile String refuseWith;
    private static final AtomicInteger accepted = new AtomicInteger();
    private static final AtomicInteger refused = new AtomicInteger();

    private String table;
    private DynamoDbOutbox store;
    private Outbox outbox;
    private ByteArrayOutputStream metricLines;

    @BeforeAll
    static void startBus() throws IOException {
        bus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bus.createContext("/", exchange -> {
            JsonNode request = Json.read(exchange.getRequestBody().readAllBytes());
            ObjectNode response = Json.object();
            ArrayNode entries = response.putArray("Entries");
            int failed = 0;
            for (JsonNode ignored : request.path("Entries")) {
                if (refuseWith == null) {
                    accepted.incrementAndGet();
                    entries.addObject().put("EventId", UUID.randomUUID().toString());
                } else {
                    refused.incrementAndGet();
                    failed++;
                    entries.addObject().put("ErrorCode", refuseWith).put("ErrorMessage", "Detail is malformed.");
                }
            }
            response.put("FailedEntryCount", failed);
            byte[] body = Json.bytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        bus.start();
        events = LocalAwsClients.at(EventBridgeClient.builder(), "http://127.0.0.1:" + bus.getAddress().getPort());
    }

    @AfterAll
    static void stopBus() {
        events.close();
        bus.stop(0);
    }

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        store = new DynamoDbOutbox(dynamoDb.client(), table, "pk", "sk");
        metricLines = new ByteArrayOutputStream();
        outbox = new Outbox(store, new EventBridgePublisher(events, "shop-test-bus", 3, Duration.ofMillis(1)),
                new ParkedMetric("shop", "test-relay", new PrintStream(metricLines, true, StandardCharsets.UTF_8), Clock.systemUTC()),
                Clock.systemUTC());
        refuseWith = null;
        accepted.set(0);
        refused.set(0);
    }

    @Test
    void a_MalformedDetail_is_parked_at_once_counted_and_the_relay_run_succeeds_then_an_operator_republishes_it() throws IOException {
        Map<String, AttributeValue> key = key("A");
        PendingEvent event = event();
        put(key, List.of(event));
        refuseWith = "MalformedDetail";
        OutboxRelay relay = new OutboxRelay(outbox, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)), Duration.ofMinutes(1));

        JsonNode report = assertDoesNotThrow(() -> invoke(relay, "{}"), "a parked event does not fail the run");

        assertEquals(1, report.path("eventsParked").asInt(), report.toString());
        assertEquals(0, report.path("eventsStillOwed").asInt());
        assertEquals(1, refused.get(), "sent once: not retried inside the call either");
        assertEquals(List.of(), store.owed(key));
        assertEquals(List.of(), store.owing(Instant.now().plusSeconds(600), 10), "off the relay's index");
        JsonNode metric = Json.read(metricLines.toString(StandardCharsets.UTF_8));
        assertEquals(1, metric.path("OutboxEventsParked").asInt());
        assertEquals("OutboxEventsParked", metric.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertEquals(event.eventId(), metric.path("eventId").asText());
        assertEquals("MalformedDetail: Detail is malformed.", metric.path("reason").asText());

        assertEquals(0, invoke(relay, "{}").path("itemsVisited").asInt(), "the next runs leave it alone");
        assertEquals(1, refused.get());
        JsonNode listed = invoke(relay, "{\"listParked\": true}").path("parked");
        assertEquals(1, listed.size());
        assertEquals(event.eventId(), listed.get(0).path("eventId").asText());
        assertEquals("ITEM#A", listed.get(0).path("key").path("pk").asText());
        assertEquals("MalformedDetail: Detail is malformed.", listed.get(0).path("reason").asText());

        refuseWith = null; // the operator fixed what the bus refused
        JsonNode republished = invoke(relay, "{\"republishParked\": [\"" + event.eventId() + "\"]}");

        assertEquals(1, republished.path("eventsPublished").asInt(), republished.toString());
        assertEquals(1, accepted.get());
        assertEquals(0, invoke(relay, "{\"listParked\": true}").path("parked").size());
        assertEquals(List.of(), store.owed(key));
    }

    @Test
    void another_non_transient_entry_error_is_parked_after_the_same_one_came_back_five_times() {
        Map<String, AttributeValue> key = key("B");
        put(key, List.of(event()));
        refuseWith = "SomethingNew";

        for (int run = 1; run < Outbox.REFUSALS_BEFORE_PARKING; run++) {
            assertEquals(new Outbox.RelayReport(1, 0, 1, 0), outbox.relay(Instant.now().plusSeconds(1), 10), "run " + run);
        }
        assertEquals(new Outbox.RelayReport(1, 0, 0, 1), outbox.relay(Instant.now().plusSeconds(1), 10));
        assertEquals(1, store.parked().size());
        assertTrue(store.parked().get(0).reason().startsWith("SomethingNew"));
    }

    @Test
    void a_transient_entry_error_is_never_parked() {
        Map<String, AttributeValue> key = key("C");
        put(key, List.of(event()));
        refuseWith = "ThrottlingException";

        for (int run = 0; run < Outbox.REFUSALS_BEFORE_PARKING + 1; run++) {
            outbox.relay(Instant.now().plusSeconds(1), 10);
        }

        assertEquals(0, store.parked().size());
        assertEquals(1, store.owed(key).size());
    }

    @Test
    void an_operator_republishes_the_named_events_or_all_and_one_refused_again_is_parked_again_with_its_new_reason() {
        Map<String, AttributeValue> x = key("X");
        Map<String, AttributeValue> y = key("Y");
        PendingEvent first = event();
        PendingEvent second = event();
        put(x, List.of(first));
        put(y, List.of(second));
        refuseWith = "MalformedDetail";
        assertEquals(new Outbox.RelayReport(2, 0, 0, 2), outbox.relay(Instant.now().plusSeconds(1), 10));
        PendingEvent fresh = event(); // y owes a new event beside its parked one: republishing sends the parked one only
        OutboxItems.Update owe = OutboxItems.owe(List.of(fresh), Instant.now());
        dynamoDb.client().updateItem(b -> b.tableName(table).key(y).updateExpression("SET " + owe.setClauses())
                .expressionAttributeNames(owe.names()).expressionAttributeValues(owe.values()));

        refuseWith = null;
        assertEquals(new Outbox.RelayReport(1, 1, 0, 0), outbox.republishParked(java.util.Set.of(first.eventId())),
                "only the named event");
        assertEquals(List.of(second.eventId()), store.parked().stream().map(DynamoDbOutbox.Parked::eventId).toList());
        assertEquals(List.of(fresh), store.owed(y), "the parked event went alone; the new one stays owed for its own publish");

        refuseWith = "InvalidArgument";
        assertEquals(new Outbox.RelayReport(1, 0, 0, 1), outbox.republishParked(java.util.Set.of()), "all: the one left, refused again");
        assertTrue(store.parked().get(0).reason().startsWith("InvalidArgument"), store.parked().get(0).reason());
        assertEquals(1, accepted.get());
    }

    @Test
    void a_republished_event_the_bus_only_throttles_is_owed_again_for_the_relay_and_reported_so() {
        Map<String, AttributeValue> key = key("W");
        PendingEvent event = event();
        put(key, List.of(event));
        refuseWith = "MalformedDetail";
        assertEquals(new Outbox.RelayReport(1, 0, 0, 1), outbox.relay(Instant.now().plusSeconds(1), 10));

        refuseWith = "ThrottlingException"; // transient: every attempt of the publisher throttled
        assertEquals(new Outbox.RelayReport(1, 0, 1, 0), outbox.republishParked(java.util.Set.of()),
                "unparked, not taken: still owed, not parked again");
        assertEquals(List.of(), store.parked());
        assertEquals(List.of(event), store.owed(key), "the relay sends it on a later run");
    }

    @Test
    void parking_an_event_no_longer_owed_or_unparking_one_not_parked_changes_nothing() {
        Map<String, AttributeValue> key = key("Z");
        PendingEvent owed = event();
        put(key, List.of(owed));

        assertFalse(store.park(key, "not-owed-here", "MalformedDetail", Instant.now()));
        assertFalse(store.unpark(key, owed.eventId(), Instant.now()), "owed, not parked");

        assertEquals(List.of(owed), store.owed(key));
        assertEquals(List.of(), store.parked());
    }

    private JsonNode invoke(OutboxRelay relay, String request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        relay.handle(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.read(out.toByteArray());
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
