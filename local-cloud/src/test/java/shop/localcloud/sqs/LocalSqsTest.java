package shop.localcloud.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localcloud.cloudformation.Model.QueueSpec;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The template's queues in ElasticMQ: created dead-letter queue first, with the attributes SQS would give them, and redriving as SQS does. */
class LocalSqsTest {

    @Test
    void a_queue_listed_before_its_dead_letter_queue_is_created_with_its_redrive_and_redrives_after_max_receive_count() throws Exception {
        try (LocalSqs sqs = LocalSqs.start(0); SqsClient client = LocalSqs.client(sqs.endpoint())) {
            List<QueueSpec> queues = List.of(new QueueSpec("Work", "work", 90, 1_209_600, "Dead", 2), new QueueSpec("Dead", "dead"));

            Map<String, String> names = sqs.createAll(queues, 0.001);
            Map<String, String> attributes = client.getQueueAttributes(b -> b.queueUrl(sqs.queueUrl("work"))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            sqs.send("work", "poison", Map.of());
            List<String> counts = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<Message> got = client.receiveMessage(b -> b.queueUrl(sqs.queueUrl("work")).visibilityTimeout(0).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                got.forEach(m -> counts.add(m.attributesAsStrings().get("ApproximateReceiveCount")));
            }
            List<Message> dead = client.receiveMessage(b -> b.queueUrl(sqs.queueUrl("dead")).waitTimeSeconds(1)).messages();

            assertEquals(Map.of("Work", "work", "Dead", "dead"), names);
            assertEquals("1", attributes.get("VisibilityTimeout"), "90 s times 0.001, at least 1 s");
            assertEquals(null, attributes.get("MessageRetentionPeriod"), "ElasticMQ keeps no retention period (README): if it does now, say so there");
            assertEquals("{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dead\",\"maxReceiveCount\":2}",
                    attributes.get("RedrivePolicy").replace(" ", "").replace("\"2\"", "2"));
            assertEquals(List.of("1", "2"), counts, "received twice, then moved instead of a third receive");
            assertEquals(List.of("poison"), dead.stream().map(Message::body).toList());
        }
    }
}
