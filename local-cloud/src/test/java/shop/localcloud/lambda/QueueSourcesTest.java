package shop.localcloud.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.QueueTemplate;
import shop.localcloud.TestSystem;
import shop.localcloud.common.Faults;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A rule hands events to a queue and Lambda's event source mapping hands the queue's messages, in batches, to a
 * function, as in AWS: every event once; a message the function reports in batchItemFailures comes back (and only it);
 * one it always reports goes to the DLQ after maxReceiveCount receives; an itemIdentifier that is no message of the
 * batch fails the whole batch; never more invocations at once than MaximumConcurrency; an event whose queue is gone
 * goes to the rule's DLQ. One system for all of them: each test uses its own detail-type and looks only at its events.
 */
class QueueSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static TestSystem system;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        system = new TestSystem(dir, QueueTemplate.TEMPLATE, options -> options.withConcurrency(4));
        sqs = LocalSqs.client(system.cloud.sqsEndpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        system.close();
    }

    /** One message as the function saw it. */
    record Seen(String invocation, String messageId, int receives, String eventId) {
    }

    @Test
    void every_event_reaches_the_function_once_in_batches_as_the_standard_sqs_event_with_the_whole_event_as_body() throws Exception {
        List<String> ids = put("Work", "ok", 12);
        system.settle();

        Map<String, List<Seen>> seen = seenByEvent("work.txt", ids);
        assertEquals(ids.size(), seen.size(), "every event reached the function: " + seen);
        seen.forEach((id, times) -> assertEquals(1, times.size(), id + " once: " + times));
        Map<String, Long> batches = seen.values().stream().flatMap(List::stream).collect(Collectors.groupingBy(Seen::invocation, Collectors.counting()));
        assertTrue(batches.values().stream().allMatch(n -> n <= 5), "BatchSize 5: " + batches);
        assertTrue(batches.size() < ids.size(), "12 events in fewer invocations, gathered within the batching window: " + batches);

        JsonNode record = recordOf(ids.get(0));
        assertEquals("aws:sqs", record.path("eventSource").asText());
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:work-queue", record.path("eventSourceARN").asText());
        assertEquals("eu-west-1", record.path("awsRegion").asText());
        assertEquals("1", record.path("attributes").path("ApproximateReceiveCount").asText());
        assertTrue(record.path("attributes").path("SentTimestamp").asLong() > 0, record.toString());
        assertTrue(record.path("attributes").path("ApproximateFirstReceiveTimestamp").asLong() > 0, record.toString());
        assertTrue(record.path("messageAttributes").isObject() && record.path("md5OfBody").asText().length() == 32, record.toString());
        JsonNode body = JSON.readTree(record.path("body").asText());
        for (String field : List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail")) {
            assertTrue(body.has(field), "the body is the whole EventBridge event: " + field + " in " + body);
        }
        assertEquals("Work", body.path("detail-type").asText());
    }

    @Test
    void a_message_reported_in_batch_item_failures_comes_back_with_receive_count_2_and_the_others_do_not() throws Exception {
        List<String> ids = put("Retry", List.of("fail-once", "ok", "ok", "ok"));
        String failing = ids.get(0);
        List<String> ok = ids.subList(1, 4);
        system.settle();

        Map<String, List<Seen>> seen = seenByEvent("work.txt", concat(ok, List.of(failing)));
        assertEquals(List.of(1, 2), seen.get(failing).stream().map(Seen::receives).toList(), "reported once, processed on its 2nd receive");
        ok.forEach(id -> assertEquals(List.of(1), seen.get(id).stream().map(Seen::receives).toList(), id + " was deleted after its batch"));
        assertEquals(0, dlqMessages("work-dlq", failing).size());
    }

    @Test
    void a_message_always_reported_failed_is_redriven_to_the_dead_letter_queue_after_max_receive_count() throws Exception {
        List<String> ids = put("Poison", List.of("poison", "ok", "ok"));
        String poison = ids.get(0);
        List<String> ok = ids.subList(1, 3);
        system.settle();

        Map<String, List<Seen>> seen = seenByEvent("work.txt", concat(ok, List.of(poison)));
        assertEquals(List.of(1, 2, 3), seen.get(poison).stream().map(Seen::receives).toList(), "maxReceiveCount 3");
        List<Message> dead = dlqMessages("work-dlq", poison);
        assertEquals(1, dead.size(), "the poison message is in the queue's DLQ");
        assertEquals(poison, JSON.readTree(dead.get(0).body()).path("id").asText());
        ok.forEach(id -> assertEquals(1, seen.get(id).size(), id));
        assertTrue(system.flowLinesContaining("DLQ", "work-dlq <- Poison " + poison.substring(0, 8)) > 0, String.join("\n", system.flowLines()));
    }

    @Test
    void a_message_redriven_from_the_queues_dead_letter_queue_in_the_console_goes_back_to_the_queue_and_is_read_again() throws Exception {
        String id = put("Cure", List.of("until-cured")).get(0);
        system.settle();
        List<Message> dead = dlqMessages("work-dlq", id);
        assertEquals(1, dead.size(), "after 3 receives in the DLQ");
        Files.writeString(dir.resolve("work.txt.cured"), "the bug is fixed");

        HttpResponse<String> redrive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.cloud.edgeEndpoint()
                + "/console/api/redrive?queue=work-dlq&messageId=" + dead.get(0).messageId())).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        system.settle();

        assertTrue(redrive.body().contains("redriven to queue work-queue"), redrive.body());
        assertEquals(List.of(1, 1, 2, 3), seenByEvent("work.txt", List.of(id)).get(id).stream().map(Seen::receives).toList(),
                "3 receives, then one more as a new message of work-queue, which succeeded");
        assertEquals(0, dlqMessages("work-dlq", id).size());
    }

    @Test
    void a_hold_back_naming_the_function_that_reads_the_queue_holds_the_event_back_on_its_way_into_the_queue() throws Exception {
        system.cloud.injectFaults(Faults.NONE.holdingBack("Held", 3000, "WorkFunction"));
        String first = put("Held", "ok", 1).get(0);
        system.cloud.injectFaults(Faults.NONE);
        String second = put("Held", "ok", 1).get(0);
        system.settle();

        List<String> order = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("work.txt"))) {
            String[] parts = line.split(" ");
            if (parts[0].equals("RECORD") && List.of(first, second).contains(parts[4])) {
                order.add(parts[4]);
            }
        }
        assertEquals(List.of(second, first), order, "the held-back event reached WorkFunction after the one put later");
    }

    @Test
    void an_item_identifier_that_is_no_message_of_the_batch_fails_the_whole_batch() throws Exception {
        List<String> ids = put("Bogus", List.of("bogus-once", "ok", "ok", "ok"));
        String bogus = ids.get(0);
        system.settle();

        Map<String, List<Seen>> seen = seenByEvent("work.txt", ids);
        String firstBatch = seen.get(bogus).get(0).invocation();
        List<String> batchMates = seen.entrySet().stream().filter(e -> e.getValue().get(0).invocation().equals(firstBatch))
                .map(Map.Entry::getKey).toList();
        assertTrue(batchMates.size() > 1 || seen.get(bogus).size() == 2, "the bogus answer failed its batch: " + seen);
        for (String id : batchMates) {
            assertEquals(List.of(1, 2), seen.get(id).stream().map(Seen::receives).toList(), id + " shared the failed batch: none was deleted");
        }
        assertEquals(0, dlqMessages("work-dlq", bogus).size());
    }

    @Test
    void never_more_invocations_at_once_than_maximum_concurrency_though_the_function_may_run_four() throws Exception {
        List<String> ids = put("Slow", "slow", 10);
        system.settle();

        List<long[]> invocations = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("slow.txt"))) {
            String[] parts = line.split(" ");
            if (parts[0].equals("INVOKE")) {
                invocations.add(new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
            }
        }
        assertEquals(ids.size(), invocations.size(), "BatchSize 1: one invocation per event");
        int most = 0;
        for (long[] a : invocations) {
            long at = a[0];
            most = Math.max(most, (int) invocations.stream().filter(b -> b[0] <= at && at < b[1]).count());
        }
        assertTrue(most <= 2, "at most MaximumConcurrency (2) invocations at once, not " + most);
    }

    @Test
    void an_event_whose_target_queue_is_gone_goes_to_the_rules_dead_letter_queue_with_the_reason() throws Exception {
        sqs.deleteQueue(b -> b.queueUrl(system.cloud.sqsEndpoint() + "/123456789012/gone-queue"));
        String id = put("Gone", "ok", 1).get(0);
        system.settle();

        List<Message> dead = dlqMessages("rule-dlq", id);
        assertEquals(1, dead.size(), String.join("\n", system.flowLines()));
        assertEquals("Gone", JSON.readTree(dead.get(0).body()).path("detail-type").asText(), "the DLQ holds the event itself");
        assertEquals("RESOURCE_NOT_FOUND", dead.get(0).messageAttributes().get("ERROR_CODE").stringValue());
        assertEquals("arn:aws:events:eu-west-1:123456789012:rule/queue-bus/GoneRule", dead.get(0).messageAttributes().get("RULE_ARN").stringValue());
        assertEquals(0, system.flowLinesContaining("RETRY", id.substring(0, 8)), "a target that is gone is not retried");
    }

    @Test
    void eventbridges_api_lists_the_queue_as_the_rules_target_with_its_retry_policy_and_dead_letter_queue() {
        try (EventBridgeClient events = LocalAwsClients.retrying(EventBridgeClient.builder(), system.cloud.edgeEndpoint())) {
            Target target = events.listTargetsByRule(b -> b.eventBusName("queue-bus").rule("WorkRule")).targets().get(0);

            assertEquals("arn:aws:sqs:eu-west-1:123456789012:work-queue", target.arn());
            assertEquals(2, target.retryPolicy().maximumRetryAttempts());
            assertEquals("arn:aws:sqs:eu-west-1:123456789012:rule-dlq", target.deadLetterConfig().arn());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> put(String detailType, String mode, int count) throws IOException {
        return put(detailType, java.util.Collections.nCopies(count, mode));
    }

    /** One event per mode, in PutEvents calls of up to 10 entries; answers their event ids in that order. */
    private static List<String> put(String detailType, List<String> modes) throws IOException {
        List<String> ids = new ArrayList<>();
        int count = modes.size();
        for (int start = 0; start < count; start += 10) {
            StringBuilder entries = new StringBuilder();
            for (int i = start; i < Math.min(count, start + 10); i++) {
                entries.append(i == start ? "" : ",").append("{\"Source\":\"test.queue\",\"DetailType\":\"").append(detailType)
                        .append("\",\"Detail\":\"{\\\"mode\\\":\\\"").append(modes.get(i)).append("\\\",\\\"n\\\":").append(i)
                        .append("}\",\"EventBusName\":\"queue-bus\"}");
            }
            JsonNode response = system.cloud.putEvents(JSON.readTree("{\"Entries\":[" + entries + "]}"));
            assertEquals(0, response.path("FailedEntryCount").asInt(), response.toString());
            response.path("Entries").forEach(e -> ids.add(e.path("EventId").asText()));
        }
        return ids;
    }

    /** What the function saw of these events, each in the order of its receives. */
    private static Map<String, List<Seen>> seenByEvent(String file, List<String> eventIds) throws IOException {
        Map<String, List<Seen>> seen = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(file))) {
            String[] parts = line.split(" ");
            if (parts[0].equals("RECORD") && eventIds.contains(parts[4])) {
                seen.computeIfAbsent(parts[4], k -> new ArrayList<>()).add(new Seen(parts[1], parts[2], Integer.parseInt(parts[3]), parts[4]));
            }
        }
        seen.values().forEach(times -> times.sort(java.util.Comparator.comparingInt(Seen::receives)));
        return seen;
    }

    private static JsonNode recordOf(String eventId) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("work.txt.events"))) {
            for (JsonNode record : JSON.readTree(line).path("Records")) {
                if (record.path("body").asText().contains(eventId)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record of " + eventId);
    }

    private static List<Message> dlqMessages(String queue, String eventId) {
        Map<String, Message> found = new HashMap<>();
        String url = system.cloud.sqsEndpoint() + "/123456789012/" + queue;
        for (int i = 0; i < 3; i++) {
            sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0).messageAttributeNames("All"))
                    .messages().stream().filter(m -> m.body().contains(eventId)).forEach(m -> found.put(m.messageId(), m));
        }
        return List.copyOf(found.values());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
