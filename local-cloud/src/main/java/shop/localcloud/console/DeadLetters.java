package shop.localcloud.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.eventbridge.Deliveries;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The template's queues as the console shows them (each message, peeked without consuming it), and redrive: the
 * event of a rule's DLQ message goes to the rule's target again, the request payload of a Lambda failure record to
 * its function again (both as asynchronous invocations), then the message is deleted.
 */
final class DeadLetters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<QueueSpec> queues;
    private final SqsClient sqs;
    private final Deliveries deliveries;

    DeadLetters(List<QueueSpec> queues, SqsClient sqs, Deliveries deliveries) {
        this.queues = List.copyOf(queues);
        this.sqs = sqs;
        this.deliveries = deliveries;
    }

    ArrayNode list() {
        ArrayNode list = JSON.createArrayNode();
        for (QueueSpec queue : queues) {
            ObjectNode node = list.addObject().put("logicalId", queue.logicalId()).put("name", queue.name());
            ArrayNode messages = node.putArray("messages");
            for (Message message : peek(queue.name())) {
                ObjectNode m = messages.addObject().put("messageId", message.messageId()).put("body", message.body());
                ObjectNode attributes = m.putObject("attributes");
                message.messageAttributes().forEach((k, v) -> attributes.put(k, v.stringValue()));
                m.put("target", target(message).orElse(""));
            }
        }
        return list;
    }

    /** Redrives one message; the function it went to, or an explanation why it cannot be redriven. */
    String redrive(String queueName, String messageId) {
        String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        String outcome = "message " + messageId + " is not in " + queueName + " (or is being redriven)";
        for (Message message : received) {
            if (message.messageId().equals(messageId)) {
                java.util.Optional<String> function = target(message);
                if (function.isEmpty()) {
                    outcome = "message " + messageId + " is neither a rule's DLQ message nor a Lambda failure record";
                    continue;
                }
                JsonNode payload = payload(message);
                deliveries.invokeAsync(function.get(), payload, Deliveries.label(payload) + " (redrive)");
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                outcome = "redriven to " + function.get();
            } else {
                sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
        return outcome;
    }

    private List<Message> peek(String queueName) {
        String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0).messageAttributeNames("All"))
                .messages();
    }

    /** The function a DLQ message came from: TARGET_ARN (EventBridge) or requestContext.functionArn (Lambda). */
    private static java.util.Optional<String> target(Message message) {
        String arn = message.messageAttributes().containsKey("TARGET_ARN") ? message.messageAttributes().get("TARGET_ARN").stringValue()
                : record(message).path("requestContext").path("functionArn").asText("");
        if (!arn.contains(":function:")) {
            return java.util.Optional.empty();
        }
        String id = arn.substring(arn.indexOf(":function:") + ":function:".length());
        return java.util.Optional.of(id.contains(":") ? id.substring(0, id.indexOf(':')) : id);
    }

    private static JsonNode payload(Message message) {
        return message.messageAttributes().containsKey("TARGET_ARN") ? record(message) : record(message).path("requestPayload");
    }

    private static JsonNode record(Message message) {
        try {
            return JSON.readTree(message.body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
