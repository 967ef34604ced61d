package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.testsupport.SampleEvents;

/**
 * Malformed and unknown events sent straight to each consumer (an asynchronous invoke, as `aws lambda invoke
 * --invocation-type Event` does; into its queue for notification, which reads one): each is retried, then lands in that
 * consumer's DLQ with the reason (Lambda's invocation record; for the queue, SQS's redrive after 20 receives, the
 * reason in the function's log for each receive), and nothing of it is applied anywhere. And an OrderPlaced of a major no one publishes (3.0) put on the bus: every rule that takes
 * OrderPlaced names the majors it asks for, so no rule hands it on; it is in the archive and in no DLQ.
 */
class MalformedEventsTest {

    /** Each consumer, its folder of samples, and the valid sample the broken variants are made from. */
    static final Map<String, List<String>> MODULES = Map.of(
            "InventoryFunction", List.of("inventory-service", "order-placed.json"),
            "StockDecisionFunction", List.of("order-service", "stock-reserved.json"),
            "PackageFunction", List.of("package-service", "order-confirmed.json"),
            "NotificationFunction", List.of("notification-service", "order-confirmed.json"),
            "CrmFunction", List.of("crm-service", "order-placed.json"));

    @Test
    void each_malformed_or_unknown_event_ends_in_that_consumers_dlq_with_a_reason_and_nothing_is_applied() throws Exception {
        // retries after 0.6 and 1.2 s: the event-age limit (3600 s scaled to 36 s) leaves room for all three attempts
        try (Scenario scenario = Scenario.start("bad-events", options -> options.withRetryScale(0.01))) {
            Map<String, Integer> stockBefore = ContextState.read(scenario).stock();
            Map<String, List<String>> sent = new LinkedHashMap<>();
            Map<String, String> queuedMessageIds = new LinkedHashMap<>();
            try (var sqs = scenario.sqs()) {
                String queueUrl = sqs.getQueueUrl(b -> b.queueName(NOTIFICATION_QUEUE)).queueUrl();
                for (var consumer : MODULES.entrySet()) {
                    for (ObjectNode event : variants(consumer.getValue().get(0), consumer.getValue().get(1))) {
                        if (consumer.getKey().equals("NotificationFunction")) {
                            queuedMessageIds.put(event.path("id").asText(),
                                    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(event.toString())).messageId());
                        } else {
                            scenario.cloud.invokeAsync(consumer.getKey(), event);
                        }
                        sent.computeIfAbsent(consumer.getKey(), k -> new ArrayList<>()).add(event.path("id").asText());
                    }
                }
            }
            // an OrderPlaced of a major no one publishes, put on the bus as the order context would put it: inventory's
            // rule asks for 2.x and crm's for 1.x, so neither hands it on (the DLQs below hold exactly what was sent)
            ObjectNode nextMajor = (ObjectNode) SampleEvents.json("inventory-service/order-placed.json");
            ((ObjectNode) nextMajor.at("/detail/metadata")).put("schemaVersion", "3.0").put("eventId", UUID.randomUUID().toString());
            String busEventId = scenario.bus.put(scenario.busName(), List.of(nextMajor)).at("/Entries/0/EventId").asText();
            assertFalse(busEventId.isBlank(), "the bus took the OrderPlaced 3.0");
            scenario.settle();

            int total = 0;
            for (var consumer : MODULES.entrySet()) {
                List<JsonNode> records = DeadLetters.drain(scenario, DeadLetters.QUEUES.get(consumer.getKey()));
                if (consumer.getKey().equals("NotificationFunction")) {
                    assertRedrivenWithReasons(scenario, records, sent.get(consumer.getKey()), queuedMessageIds);
                    total += records.size();
                    continue;
                }
                List<String> ids = records.stream().map(r -> r.path("requestPayload").path("id").asText()).sorted().toList();
                assertEquals(sent.get(consumer.getKey()).stream().sorted().toList(), ids, consumer.getKey() + "'s DLQ holds exactly what it was sent");
                for (JsonNode record : records) {
                    String reason = record.path("responsePayload").path("errorMessage").asText();
                    assertFalse(reason.isBlank(), "a reason: " + record);
                    assertFalse(reason.contains("@"), "the reason names no email: " + reason);
                    assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt(), "retried before dead-lettering");
                }
                total += records.size();
            }
            ContextState state = ContextState.read(scenario);
            System.out.printf("[reliability] malformed events: %d sent straight to " + MODULES.size() + " consumers, %d in their DLQs"
                    + " with a reason; an OrderPlaced 3.0 put on the bus matched no rule%n", sent.values().stream().mapToInt(List::size).sum(), total);
            assertEquals(stockBefore, state.stock(), "no stock moved");
            for (String table : List.of("OrdersTable", "PackageTable", "NotificationTable", "CrmTable")) {
                assertEquals(List.of(), scenario.scan(table).stream().filter(i -> !i.get("pk").s().startsWith("PRICE#")).toList(),
                        table + " holds nothing of these events");
            }
            assertTrue(scenario.scan("InventoryTable").stream().allMatch(i -> i.get("sk").s().equals("STOCK")
                    && (!i.containsKey("held") || i.get("held").n().equals("0"))), "no reservation, no hold, nothing held");
            assertEquals(0, scenario.cloud.emails().size(), "no email sent");
        }
    }

    /** Notification's queue (template: shop-${StageName}-notification-queue), which redrives to its DLQ after 20 receives. */
    static final String NOTIFICATION_QUEUE = "shop-dev-notification-queue";

    /**
     * SQS redrives the message itself (the event as sent, no invocation record): the DLQ holds exactly what was sent, and
     * the function logged why it handed each back, on every one of its 20 receives.
     */
    private static void assertRedrivenWithReasons(Scenario scenario, List<JsonNode> records, List<String> sentIds,
                                                  Map<String, String> messageIds) throws java.io.IOException {
        assertEquals(sentIds.stream().sorted().toList(), records.stream().map(r -> r.path("id").asText()).sorted().toList(),
                "notification's DLQ holds exactly what was queued for it");
        List<String> log = java.nio.file.Files.readAllLines(scenario.functionLogs().resolve("NotificationFunction.log"));
        for (String eventId : sentIds) {
            String prefix = "handing message " + messageIds.get(eventId) + " back to the queue (receive 20): ";
            String line = log.stream().filter(l -> l.contains(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no reason logged on the 20th receive of " + eventId));
            String reason = line.substring(line.indexOf(prefix) + prefix.length());
            assertTrue(reason.contains(" "), "a reason, not only an exception's name: " + line);
            assertFalse(reason.contains("@"), "the reason names no email: " + reason);
        }
    }

    /**
     * The consumer's own malformed, unknown-type and unknown-major samples (every {@code malformed*}, {@code direct-unknown-*}
     * and {@code *-unknown-major} file of its folder), and broken variants of one of its valid samples.
     */
    private static List<ObjectNode> variants(String module, String valid) throws Exception {
        List<ObjectNode> events = new ArrayList<>();
        try (var files = java.nio.file.Files.list(shop.localparts.ProjectRoot.find().resolve("events").resolve(module))) {
            for (String name : files.map(f -> f.getFileName().toString()).sorted().toList()) {
                if (name.startsWith("malformed") || name.startsWith("direct-unknown") || name.endsWith("-unknown-major.json")) {
                    events.add((ObjectNode) SampleEvents.json(module + "/" + name));
                }
            }
        }
        ObjectNode placed = (ObjectNode) SampleEvents.json(module + "/" + valid);
        ObjectNode noMetadata = placed.deepCopy();
        ((ObjectNode) noMetadata.path("detail")).remove("metadata");
        events.add(noMetadata);
        ObjectNode mismatch = placed.deepCopy();
        mismatch.put("detail-type", "OrderCancelled");
        events.add(mismatch);
        ObjectNode dataNotObject = placed.deepCopy();
        ((ObjectNode) dataNotObject.path("detail")).putArray("data").add("x");
        events.add(dataNotObject);
        ObjectNode noDetail = placed.deepCopy();
        noDetail.remove("detail");
        events.add(noDetail);
        for (ObjectNode event : events) {
            event.put("id", UUID.randomUUID().toString());
        }
        return events;
    }
}
