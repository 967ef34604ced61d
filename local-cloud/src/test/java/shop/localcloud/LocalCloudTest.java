package shop.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.common.Flow;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The local cloud with fixture functions, through the real AWS SDK clients and plain HTTP. */
class LocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static TestSystem system;
    static EventBridgeClient events;

    @BeforeAll
    static void start() {
        system = new TestSystem(dir);
        events = LocalAwsClients.retrying(EventBridgeClient.builder(), system.cloud.eventsEndpoint());
    }

    @AfterAll
    static void stop() {
        events.close();
        system.close();
    }

    private static PutEventsRequestEntry entry(String detailType, String detail) {
        return PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("test.app").detailType(detailType).detail(detail).build();
    }

    @Test
    void put_events_answers_per_entry_and_reports_invalid_entries_as_eventbridge_does() {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("Greeting", "{\"to\":\"valid\"}"),
                PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("test.app").detail("{}").build(),
                entry("Greeting", "[1,2]"),
                entry("Greeting", "not json"),
                entry("Greeting", "{}").toBuilder().eventBusName("no-such-bus").build()));

        assertEquals(4, response.failedEntryCount());
        assertFalse(response.entries().get(0).eventId().isEmpty());
        assertEquals("InvalidArgument", response.entries().get(1).errorCode());
        assertTrue(response.entries().get(1).errorMessage().contains("DetailType is a required argument"));
        assertEquals("MalformedDetail", response.entries().get(2).errorCode());
        assertEquals("MalformedDetail", response.entries().get(3).errorCode());
        assertEquals("InvalidArgument", response.entries().get(4).errorCode());
    }

    @Test
    void put_events_refuses_more_than_ten_entries_or_more_than_256_kb() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11).mapToObj(i -> entry("Nobody", "{}")).toList();
        String big = "{\"text\":\"" + "x".repeat(200 * 1024) + "\"}";

        EventBridgeException tooMany = assertThrows(EventBridgeException.class, () -> events.putEvents(b -> b.entries(eleven)));
        EventBridgeException tooBig = assertThrows(EventBridgeException.class,
                () -> events.putEvents(b -> b.entries(entry("Nobody", big), entry("Nobody", big))));

        assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
        assertEquals("ValidationException", tooBig.awsErrorDetails().errorCode());
        assertTrue(tooBig.getMessage().contains("over the limit"));
    }

    @Test
    void an_event_reaches_exactly_the_functions_whose_rule_pattern_matches_it() throws Exception {
        String marker = UUID.randomUUID().toString();
        PutEventsResponse response = events.putEvents(b -> b.entries(entry("Greeting", "{\"marker\":\"" + marker + "\"}"),
                entry("Unrelated", "{\"marker\":\"" + marker + "\"}")));
        system.settle();

        String greeting = Flow.shortId(response.entries().get(0).eventId());
        String unrelated = Flow.shortId(response.entries().get(1).eventId());
        assertEquals(1, system.flowLinesContaining("EVENT", greeting, "-> HelloFunction/Greetings"));
        assertEquals(1, system.flowLinesContaining("DELIVER", "HelloFunction <- Greeting " + greeting, "ok"));
        assertEquals(1, system.flowLinesContaining("EVENT", unrelated, "no rule matched"));
        assertEquals(0, system.flowLinesContaining("FailingFunction", greeting));
    }

    @Test
    void a_function_that_keeps_failing_is_retried_then_its_event_is_in_the_dlq_for_the_sqs_api() throws Exception {
        String marker = UUID.randomUUID().toString();
        PutEventsResponse response = events.putEvents(b -> b.entries(entry("Doomed", "{\"marker\":\"" + marker + "\"}")));
        system.settle();

        String id = Flow.shortId(response.entries().get(0).eventId());
        assertEquals(3, system.flowLinesContaining("FAILED", "FailingFunction <- Doomed " + id, "cannot process this event"),
                "1 attempt + 2 retries (EventInvokeConfig)");
        assertEquals(1, system.flowLinesContaining("DLQ", "FailingDeadLetterQueue <- Doomed " + id));
        try (SqsClient sqs = LocalSqs.client(system.cloud.sqsEndpoint())) {
            String url = sqs.getQueueUrl(b -> b.queueName("FailingDeadLetterQueue")).queueUrl();
            JsonNode record = null;
            for (int i = 0; i < 5 && record == null; i++) {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
                    JsonNode body = JSON.readTree(message.body());
                    if (body.path("requestPayload").path("detail").path("marker").asText().equals(marker)) {
                        record = body;
                    }
                }
            }
            assertTrue(record != null, "the failed event is in FailingDeadLetterQueue");
            assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
            assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt());
            assertEquals("cannot process this event", record.path("responsePayload").path("errorMessage").asText());
            assertEquals(response.entries().get(0).eventId(), record.path("requestPayload").path("id").asText());
        }
    }

    @Test
    void a_replay_sends_archived_events_again_with_replay_name_and_does_not_archive_them_again() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        PutEventsResponse response = events.putEvents(b -> b.entries(entry("Greeting", "{\"replayed\":true}")));
        system.settle();
        Path archive = system.dir.resolve("data").resolve("archive.jsonl");
        long archived = Files.lines(archive).count();
        String name = "replay-" + UUID.randomUUID().toString().substring(0, 8);

        events.startReplay(b -> b.replayName(name).eventSourceArn("arn:aws:events:eu-west-1:123456789012:archive/local")
                .eventStartTime(from).eventEndTime(Instant.now().plusSeconds(1))
                .destination(d -> d.arn("arn:aws:events:eu-west-1:123456789012:event-bus/shop-test-bus")));
        TestSystem.awaitReplay(events, name);
        system.settle();

        String id = Flow.shortId(response.entries().get(0).eventId());
        assertEquals(1, system.flowLinesContaining("DELIVER", "HelloFunction <- Greeting " + id + " (replay " + name + ")", "ok"));
        String log = Files.readString(system.dir.resolve("data").resolve("logs").resolve("HelloFunction.log"));
        assertTrue(log.contains("\"replay-name\":\"" + name + "\""), "the function received replay-name");
        assertEquals(archived, Files.lines(archive).count(), "replayed events are not archived again");
    }

    @Test
    void an_http_request_becomes_an_api_gateway_v2_event_for_the_routes_function() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/hello/bob?x=1&y=2"))
                .header("X-Local-Customer", "alice").header("X-Custom", "Value").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        JsonNode event = JSON.readTree(response.body()).path("hello");
        assertEquals("2.0", event.path("version").asText());
        assertEquals("GET /hello/{name}", event.path("routeKey").asText());
        assertEquals("/hello/bob", event.path("rawPath").asText());
        assertEquals("bob", event.path("pathParameters").path("name").asText());
        assertEquals("2", event.path("queryStringParameters").path("y").asText());
        assertEquals("Value", event.path("headers").path("x-custom").asText());
        assertEquals("alice", event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText());
        assertEquals("GET", event.path("requestContext").path("http").path("method").asText());
        assertFalse(event.path("requestContext").path("requestId").asText().isEmpty());
    }

    @Test
    void a_post_carries_its_body_and_a_bearer_jwt_gives_its_subject() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/hello"))
                .header("Authorization", "Bearer " + system.cloud.token("carol")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode event = JSON.readTree(response.body()).path("hello");
        assertEquals("POST /hello", event.path("routeKey").asText());
        assertEquals("{\"a\":1}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        assertEquals("carol", claims.path("sub").asText());
        assertEquals("https://issuer.example/test", claims.path("iss").asText());
        assertEquals("test-client", claims.path("client_id").asText());
    }

    @Test
    void a_request_without_identity_has_no_claims_and_an_unknown_route_is_a_404_problem() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/hello/x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(JSON.readTree(anonymous.body()).path("hello").path("requestContext").path("authorizer").isMissingNode());
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, JSON.readTree(unknown.body()).path("status").asInt());
    }

    @Test
    void functions_get_the_templates_resolved_environment_and_custom_resources_are_created_at_start() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/hello/env")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals("eu-west-1/TestTable/shop-test-bus/test", JSON.readTree(response.body()).path("greeting").asText());
        assertEquals(1, system.flowLinesContaining("CREATE", "Seed (Custom::Seed) by SeedFunction", "seeded hi"));
        assertEquals(List.of("SomeAlarm (AWS::CloudWatch::Alarm)"), system.cloud.spec().ignored());
    }

    @Test
    void a_request_larger_than_lambda_accepts_is_refused_with_413_before_any_function_runs() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/hello"))
                .header("X-Local-Customer", "alice")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("\"" + "x".repeat(7 * 1024 * 1024) + "\""))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }
}
