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
 * its function again (both as asynchronous invocations; a rule's target queue gets the event with SendMessage), a
 * message SQS's redrive moved here goes back to the queue it came from, as SQS's own redrive does; then the message is
 * deleted.
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
                m.put("target", target(message).or(() -> queueTarget(message, queue.name()).map(q -> "queue " + q)).orElse(""));
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
                java.util.Optional<String> queue = function.isPresent() ? java.util.Optional.empty() : queueTarget(message, queueName);
                if (function.isEmpty() && queue.isEmpty()) {
                    outcome = "message " + messageId + " is neither a rule's DLQ message, a Lambda failure record nor a message a queue redrove here";
                    continue;
                }
                if (function.isPresent()) {
                    JsonNode payload = payload(message);
                    deliveries.invokeAsync(function.get(), payload, Deliveries.label(payload) + " (redrive)");
                    outcome = "redriven to " + function.get();
                } else {
                    String source = sqs.getQueueUrl(b -> b.queueName(queue.get())).queueUrl();
                    sqs.sendMessage(b -> b.queueUrl(source).messageBody(message.body()));
                    outcome = "redriven to queue " + queue.get();
                }
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
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

    /** The queue a message goes back to: a rule's target queue (TARGET_ARN), or the queue whose redrive moved it here. */
    private java.util.Optional<String> queueTarget(Message message, String queueName) {
        if (message.messageAttributes().containsKey("TARGET_ARN")) {
            String arn = message.messageAttributes().get("TARGET_ARN").stringValue();
            return arn.startsWith("arn:aws:sqs:") ? java.util.Optional.of(arn.substring(arn.lastIndexOf(':') + 1)) : java.util.Optional.empty();
        }
        if (record(message).has("requestContext")) {
            return java.util.Optional.empty(); // a Lambda failure record: its function is the target
        }
        String deadLetters = queues.stream().filter(q -> q.name().equals(queueName)).map(QueueSpec::logicalId).findFirst().orElse("");
        return queues.stream().filter(q -> deadLetters.equals(q.deadLetterQueue())).map(QueueSpec::name).findFirst();
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
