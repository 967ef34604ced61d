package shop.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What a function is invoked with: its sample events from events/, with fresh ids each time so that every invocation
 * does the real work (not the duplicate path). Consumers alternate the event that starts their work (OrderPlaced, or
 * OrderConfirmed for package and notification) and OrderCancelled of one order, so the stock that placing reserves is
 * released again and a long run does not turn into "out of stock" answers. StockDecisionFunction is measured end to
 * end only: each of its events needs a stored order of its own. NotificationFunction reads its events from an SQS
 * queue, so its event is wrapped as the one message of an SQS batch, as its event source mapping hands it over.
 */
record Workload(String functionId, List<JsonNode> samples, boolean eventBridge) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The hello-world floor gets the inventory consumer's OrderPlaced: same size of event as a real consumer. */
    static final String HELLO = "HelloWorldFloor";

    /** {@code Function@variant} measures a variant build of that function (see --jars) under its own label. */
    static Workload forFunction(String label, Path events) {
        String functionId = label.contains("@") ? label.substring(0, label.indexOf('@')) : label;
        Workload workload = forTemplateFunction(functionId, events);
        return new Workload(label, workload.samples(), workload.eventBridge());
    }

    private static Workload forTemplateFunction(String functionId, Path events) {
        return switch (functionId) {
            case "OrderApiFunction" -> new Workload(functionId, load(events, "order-service/place-order.json"), false);
            case "OutboxRelayFunction" -> new Workload(functionId, load(events, "order-service/outbox-relay-schedule.json"), false);
            case "InventoryFunction" -> consumer(functionId, events, "inventory-service", "order-placed.json");
            case "PackageFunction" -> consumer(functionId, events, "package-service", "order-confirmed.json");
            case "NotificationFunction" -> consumer(functionId, events, "notification-service", "order-confirmed.json");
            case "CrmFunction" -> consumer(functionId, events, "crm-service", "order-placed.json");
            case HELLO -> new Workload(functionId, load(events, "inventory-service/order-placed.json"), false);
            default -> throw new IllegalArgumentException("no workload for " + functionId
                    + "; known: OrderApiFunction, OutboxRelayFunction, InventoryFunction, PackageFunction, NotificationFunction, CrmFunction");
        };
    }

    /** A consumer alternates the event that starts its work ({@code first}: OrderPlaced or OrderConfirmed) and OrderCancelled. */
    private static Workload consumer(String functionId, Path events, String folder, String first) {
        return new Workload(functionId, load(events, folder + "/" + first, folder + "/order-cancelled.json"), true);
    }

    /** The n-th event of a run (0-based); events n and n+1 (n even) belong to the same fresh order. */
    byte[] event(int n) {
        JsonNode sample = samples.get(n % samples.size()).deepCopy();
        if (eventBridge) {
            String orderId = UUID.nameUUIDFromBytes((functionId + "/" + RUN + "/" + (n / samples.size())).getBytes()).toString();
            ObjectNode event = (ObjectNode) sample;
            event.put("id", UUID.randomUUID().toString());
            ((ObjectNode) event.path("detail").path("metadata")).put("eventId", UUID.randomUUID().toString());
            ((ObjectNode) event.path("detail").path("data")).put("orderId", orderId);
        }
        try {
            if (functionId.startsWith(QUEUE_READER)) {
                return JSON.writeValueAsBytes(queueBatch(JSON.writeValueAsString(sample)));
            }
            return JSON.writeValueAsBytes(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String RUN = UUID.randomUUID().toString();

    /** The consumer whose events wait in a queue (template: NotificationQueue's event source mapping). */
    private static final String QUEUE_READER = "NotificationFunction";

    /** {@code body} as the one message of the SQS event Lambda's event source mapping hands the function. */
    private static ObjectNode queueBatch(String body) {
        ObjectNode batch = JSON.createObjectNode();
        ObjectNode message = batch.putArray("Records").addObject();
        message.put("messageId", UUID.randomUUID().toString());
        message.put("receiptHandle", "benchmark-" + UUID.randomUUID());
        message.put("body", body);
        ObjectNode attributes = message.putObject("attributes");
        attributes.put("ApproximateReceiveCount", "1");
        attributes.put("SentTimestamp", Long.toString(System.currentTimeMillis()));
        attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
        message.putObject("messageAttributes");
        message.put("eventSource", "aws:sqs");
        message.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:shop-dev-notification-queue");
        message.put("awsRegion", "eu-west-1");
        return batch;
    }

    private static List<JsonNode> load(Path events, String... files) {
        try {
            List<JsonNode> nodes = new java.util.ArrayList<>();
            for (String file : files) {
                nodes.add(JSON.readTree(Files.readAllBytes(events.resolve(file))));
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sample event under " + events, e);
        }
    }
}
