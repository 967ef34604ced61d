package shop.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What arrived on an emulator's bus, read the way AWS offers: a rule on the bus sends every shop.orders event to an SQS
 * queue, and the queue is read. Works on any endpoint that serves EventBridge rules with SQS targets.
 */
final class BusArrivals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final Map<String, Integer> received = new HashMap<>();

    private BusArrivals(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Creates {@code bus} with a rule that sends every shop.orders event to a new queue. */
    static BusArrivals on(EventBridgeClient events, SqsClient sqs, String bus) {
        events.createEventBus(b -> b.name(bus));
        String queueUrl = sqs.createQueue(b -> b.queueName(bus + "-arrivals")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(b -> b.eventBusName(bus).name("all-order-events").eventPattern("{\"source\":[\"shop.orders\"]}"));
        events.putTargets(b -> b.eventBusName(bus).rule("all-order-events").targets(Target.builder().id("arrivals").arn(queueArn).build()));
        return new BusArrivals(sqs, queueUrl);
    }

    /** How many events of {@code detailType} arrived so far (reads and deletes what is in the queue). */
    synchronized int count(String detailType) {
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message message : batch) {
                received.merge(detailType(message.body()), 1, Integer::sum);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return received.getOrDefault(detailType, 0);
    }

    private static String detailType(String event) {
        try {
            return JSON.readTree(event).path("detail-type").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the rule delivered something that is not an event: " + event, e);
        }
    }
}
