package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The consumers' dead-letter queues in local-cloud's ElasticMQ, read with the AWS SDK's SQS client as an operator's
 * redrive script would. Each message is Lambda's invocation record: {@code requestPayload} is the event,
 * {@code responsePayload.errorMessage} why the function refused it.
 */
final class DeadLetters {

    /** The consumer functions and their DLQs (template: shop-${StageName}-<context>-dlq). */
    static final Map<String, String> QUEUES = Map.of("InventoryFunction", "shop-dev-inventory-dlq", "PackageFunction", "shop-dev-package-dlq",
            "NotificationFunction", "shop-dev-notification-dlq", "CrmFunction", "shop-dev-crm-dlq",
            "StockDecisionFunction", "shop-dev-order-stock-decisions-dlq");

    private DeadLetters() {
    }

    /** Receives and deletes every message of the queue. */
    static List<JsonNode> drain(Scenario scenario, String queue) {
        List<JsonNode> records = new ArrayList<>();
        try (SqsClient sqs = scenario.sqs()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            while (true) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return records;
                }
                for (Message message : messages) {
                    records.add(Scenario.JSON.readTree(message.body()));
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
