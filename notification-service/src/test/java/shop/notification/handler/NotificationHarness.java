package shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import shop.localparts.LocalAwsClients;
import shop.testsupport.LambdaTestContext;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Shared steps of the handler tests: invoke with a sample file or a queue batch of them, build a local SES client. */
final class NotificationHarness {

    static final String SENDER = "orders@shop.example";
    static final ObjectMapper JSON = new ObjectMapper();

    private NotificationHarness() {
    }

    static String invoke(BusEventHandler handler, String sample) {
        return invoke(handler, SampleEvents.bytes("notification-service/" + sample));
    }

    static String invoke(BusEventHandler handler, JsonNode event) {
        try {
            return invoke(handler, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String invoke(BusEventHandler handler, byte[] event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output, new LambdaTestContext("notification-test"));
            return JSON.readTree(output.toByteArray()).path("outcome").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers an SQS event to the queue handler; answers the message ids it hands back (its batchItemFailures). */
    static List<String> deliver(QueueEventHandler handler, byte[] sqsEvent, Context context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(sqsEvent), output, context);
            List<String> handedBack = new ArrayList<>();
            JSON.readTree(output.toByteArray()).path("batchItemFailures")
                    .forEach(failure -> handedBack.add(failure.path("itemIdentifier").asText()));
            return handedBack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> deliver(QueueEventHandler handler, QueueBatch batch) {
        return deliver(handler, batch.bytes(), new LambdaTestContext("notification-test"));
    }

    /** An SQS event as Lambda's event source hands it over, each body a sample event of events/ or any text. */
    static final class QueueBatch {

        private final ObjectNode event = JSON.createObjectNode();
        private final ArrayNode records = event.putArray("Records");

        QueueBatch sample(String messageId, int receiveCount, String sample) {
            return body(messageId, receiveCount, new String(SampleEvents.bytes("notification-service/" + sample), StandardCharsets.UTF_8));
        }

        QueueBatch body(String messageId, int receiveCount, String body) {
            return received(messageId, "handle-" + messageId, receiveCount, body);
        }

        /** A message as a receive from a real queue gave it, with its receipt handle. */
        QueueBatch received(String messageId, String receiptHandle, int receiveCount, String body) {
            ObjectNode record = records.addObject().put("messageId", messageId).put("receiptHandle", receiptHandle)
                    .put("body", body).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:shop-dev-notification-queue");
            record.putObject("attributes").put("ApproximateReceiveCount", Integer.toString(receiveCount));
            record.putObject("messageAttributes");
            return this;
        }

        byte[] bytes() {
            try {
                return JSON.writeValueAsBytes(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static JsonNode sample(String name) {
        return SampleEvents.json("notification-service/" + name);
    }

    /** With the SDK's retries, as the function's SES client has them. */
    static SesV2Client sesClient(String endpoint) {
        return LocalAwsClients.retrying(SesV2Client.builder(), endpoint);
    }
}
