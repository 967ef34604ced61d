package shop.localcloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import shop.localcloud.cloudformation.Model;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The two documents of an SQS event source mapping: the event Lambda hands the function (the standard SQS event, one
 * record per message) and what Lambda makes of the function's answer under {@code ReportBatchItemFailures}.
 */
final class SqsBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsBatches() {
    }

    /** {@code {"Records":[...]}} as Lambda builds it from received messages, system and message attributes included. */
    static ObjectNode event(List<Message> messages, String queueArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", Model.REGION);
        }
        return event;
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        node.putArray("stringListValues");
        node.putArray("binaryListValues");
        node.put("dataType", value.dataType());
        return node;
    }

    /**
     * The message ids a successful invocation asks to keep (its {@code batchItemFailures}); null when Lambda treats the
     * answer as a failure of the whole batch: not JSON, or an item identifier that is missing, empty or not a message
     * of the batch. No answer, an empty answer, an answer without the list (a JSON value that is not an object: not
     * verified against AWS) or an empty or null list: none kept (the whole batch succeeded).
     */
    static Set<String> itemFailures(byte[] payload, Set<String> messageIds) {
        if (payload == null || payload.length == 0) {
            return Set.of();
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
        JsonNode failures = answer == null ? null : answer.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> kept = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || !messageIds.contains(id.asText())) {
                return null;
            }
            kept.add(id.asText());
        }
        return kept;
    }
}
