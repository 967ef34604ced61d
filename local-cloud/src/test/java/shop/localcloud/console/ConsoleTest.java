package shop.localcloud.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localparts.ProjectRoot;

/** The console's JSON API over HTTP, on the real template: flow, stream, journey, dead-letter redrive and replay. */
class ConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream FLOW = new ByteArrayOutputStream();

    @TempDir
    static Path dir;
    static LocalCloud started;
    static CloudView cloud;

    @BeforeAll
    static void start() {
        Options options = Options.defaults(ProjectRoot.find()).withDataDir(dir.resolve("data")).withPorts(0, 0, 0).withRetryScale(0.001);
        started = LocalCloud.start(options, new PrintStream(FLOW, true, StandardCharsets.UTF_8));
        cloud = started.view();
    }

    @AfterAll
    static void stop() {
        started.close();
    }

    private static JsonNode call(String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.edgeEndpoint() + Console.PATH + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String placeOrder() throws Exception {
        String customer = "console-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/orders"))
                .header("Authorization", "Bearer " + cloud.token(customer)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(shop.localcloud.shop.ShopClient.orderBody(customer + "@example.com", "SKU-2", "1")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, placed.statusCode(), placed.body());
        assertTrue(cloud.awaitIdle(120_000));
        return JSON.readTree(placed.body()).path("orderId").asText();
    }

    @Test
    void the_page_and_the_flow_come_from_local_cloud() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.edgeEndpoint() + "/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("console.js"));

        JsonNode flow = call("GET", "/api/flow");
        assertEquals(cloud.spec().rules().size(), flow.path("rules").size());
        assertEquals(FlowGraph.of(cloud.spec()).json().path("edges"), flow.path("edges"));
    }

    @Test
    void an_orders_journey_has_every_event_of_its_conversation_and_one_delivery_per_matching_rule_and_the_stream_has_it_too() throws Exception {
        String order = placeOrder();

        JsonNode journey = call("GET", "/api/journey?id=" + order);
        java.util.List<String> types = new java.util.ArrayList<>();
        journey.path("events").forEach(e -> types.add(e.path("detailType").asText()));
        // OrderPlaced twice: the order context publishes 1.1 and 2.0 of it side by side (README "How to change an event")
        java.util.List<String> conversation = java.util.List.of("OrderPlaced", "OrderPlaced", "StockReserved", "OrderConfirmed");
        assertEquals(conversation, types.stream().sorted(java.util.Comparator.comparing(conversation::indexOf)).toList(), journey.toString());
        java.util.Map<String, Long> deliveredPerType = new java.util.TreeMap<>();
        for (JsonNode event : journey.path("events")) {
            String shortId = event.path("eventId").asText().substring(0, 8);
            long delivered = 0;
            for (JsonNode line : journey.path("deliveries")) {
                // a rule hands its event to a function (DELIVER) or to the queue a function reads (QUEUED: notification)
                String kind = line.path("kind").asText();
                delivered += (kind.equals("DELIVER") || kind.equals("QUEUED")) && line.path("text").asText().contains(shortId) ? 1 : 0;
            }
            deliveredPerType.merge(event.path("detailType").asText(), delivered, Long::sum);
        }
        // each rule that names a type takes one version of it (inventory's OrderPlaced rule 2.x, crm's 1.x): one delivery per rule
        for (String detailType : new java.util.TreeSet<>(conversation)) {
            assertEquals(cloud.spec().rules().stream().filter(r -> r.patternJson().contains("\"" + detailType + "\"")).count(),
                    deliveredPerType.get(detailType), detailType + ": " + journey);
        }
        String eventId = journey.path("events").path(0).path("eventId").asText();

        JsonNode stream = call("GET", "/api/stream?after=0");
        assertTrue(stream.path("lines").toString().contains(eventId.substring(0, 8)));
        long next = stream.path("next").asLong();
        for (JsonNode line : call("GET", "/api/stream?after=" + next).path("lines")) {
            assertTrue(line.path("seq").asLong() > next, "polling from next never repeats a line");
        }
    }

    @Test
    void an_event_a_producer_parked_is_listed_with_its_reason() throws Exception {
        String table = cloud.tables().get("OrdersTable");
        String eventId = UUID.randomUUID().toString();
        cloud.dynamo().putItem(b -> b.tableName(table).item(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ORDER#parked-test"),
                "outboxParked", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(java.util.Map.of(eventId,
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(java.util.Map.of(
                                "detailType", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OrderPlaced"),
                                "reason", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MalformedDetail: Detail is malformed."),
                                "parkedAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-12-04T21:00:00Z"))))))));

        JsonNode parked = call("GET", "/api/parked");

        assertEquals(1, parked.size(), parked.toString());
        assertEquals("OrdersTable", parked.at("/0/table").asText());
        assertEquals("ORDER#parked-test", parked.at("/0/key/pk").asText());
        assertEquals(eventId, parked.at("/0/eventId").asText());
        assertEquals("MalformedDetail: Detail is malformed.", parked.at("/0/reason").asText());
    }

    @Test
    void a_dead_letter_is_listed_and_redriven_to_its_function() throws Exception {
        String queue = cloud.spec().queues().stream().filter(q -> cloud.spec().rules().stream()
                .anyMatch(r -> q.logicalId().equals(r.deadLetterQueue()))).findFirst().orElseThrow().name();
        String target = cloud.spec().rules().stream().filter(r -> cloud.spec().queue(r.deadLetterQueue()).name().equals(queue))
                .findFirst().orElseThrow().functionId();
        // what EventBridge writes to a rule's DLQ: the event, with the rule and target as attributes
        String event = "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"NotUnderstood\",\"source\":\"console.test\","
                + "\"account\":\"123456789012\",\"time\":\"" + Instant.now().toString().substring(0, 19) + "Z\",\"region\":\"eu-west-1\","
                + "\"resources\":[],\"detail\":{}}";
        try (var sqs = shop.localcloud.sqs.LocalSqs.client(cloud.sqsEndpoint())) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(event).messageAttributes(java.util.Map.of(
                    "TARGET_ARN", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType("String")
                            .stringValue("arn:aws:lambda:eu-west-1:123456789012:function:" + target).build())));
        }

        JsonNode listed = call("GET", "/api/queues");
        JsonNode message = null;
        for (JsonNode q : listed) {
            if (q.path("name").asText().equals(queue) && q.path("messages").size() > 0) {
                message = q.path("messages").path(0);
            }
        }
        assertTrue(message != null, "the message is listed: " + listed);
        assertEquals(target, message.path("target").asText());

        JsonNode redriven = call("POST", "/api/redrive?queue=" + queue + "&messageId=" + message.path("messageId").asText());
        assertEquals("redriven to " + target, redriven.path("outcome").asText());
        assertTrue(cloud.awaitIdle(120_000));
        assertTrue(FLOW.toString(StandardCharsets.UTF_8).contains(target + " <- NotUnderstood "), "the function got the event again");
    }

    @Test
    void a_replay_by_time_range_sends_the_archived_events_again() throws Exception {
        Instant from = Instant.now().minusSeconds(2);
        placeOrder();

        JsonNode replay = call("POST", "/api/replay?from=" + from + "&to=" + Instant.now().plusSeconds(1));
        assertTrue(cloud.awaitIdle(120_000));
        assertTrue(replay.path("count").asInt() >= 1, replay.toString());
        assertTrue(FLOW.toString(StandardCharsets.UTF_8).contains("(replay " + replay.path("name").asText() + ")"));
    }
}
