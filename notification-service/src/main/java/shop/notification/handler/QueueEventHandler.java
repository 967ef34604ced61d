package shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.notification.adapter.ses.PacedEmails;
import shop.notification.adapter.sqs.ThrottleBackoff;
import shop.notification.application.SendingThrottledException;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;

/**
 * The NotificationFunction: the SQS envelope around {@link BusEventHandler}, the context's one dispatch. Lambda's SQS
 * event source hands it up to 10 messages of NotificationQueue, each body an EventBridge event as the rule sent it;
 * each body goes through BusEventHandler unchanged, and the answer lists the messages to hand back
 * (ReportBatchItemFailures): they return after the visibility timeout, and after 20 receives SQS moves them to the DLQ.
 *
 * <p>A body that is not a valid event, that the subscription refuses, or whose handling failed: that message alone is
 * handed back (BusEventHandler logged why, without personal data), and the others go on. SES throttled: that message
 * and every one not yet handled are handed back, kept out of sight longer the more often they were received
 * ({@link ThrottleBackoff}), and SES is not called again for this batch. Not enough time left for
 * one more paced send: the rest are handed back unsent. Messages received most often go first, so a backlog paced
 * below the batch size does not keep handing the same message back until it reaches the DLQ.
 */
public final class QueueEventHandler implements RequestStreamHandler {

    /**
     * What one message may take besides waiting for its turn to send: a claim, SES's answer (with the SDK's retries
     * of a throttle) and the record of the send. A message is started only with this much time left.
     */
    static final Duration MESSAGE_BUDGET = Duration.ofSeconds(5);

    private static final String THROTTLED = "SES throttled";
    private static final Logger LOG = LoggerFactory.getLogger(QueueEventHandler.class);

    private final BusEventHandler dispatch;
    private final PacedEmails emails;
    private final ThrottleBackoff backoff;

    /** Used by Lambda: the context's BusEventHandler, the instance's share of SES's send rate, the queue's backoff. */
    public QueueEventHandler() {
        this(new BusEventHandler(), Wiring.emails(), Wiring.throttleBackoff());
    }

    public QueueEventHandler(BusEventHandler dispatch, PacedEmails emails, ThrottleBackoff backoff) {
        this.dispatch = dispatch;
        this.emails = emails;
        this.backoff = backoff;
    }

    /** One SQS message: what is needed to hand it back (and keep it out of sight), and its body. */
    private record Message(String id, String receiptHandle, int receiveCount, byte[] body) {

        static List<Message> batch(InputStream input) throws IOException {
            JsonNode records = Json.read(input).path("Records");
            if (!records.isArray()) {
                throw new IllegalArgumentException("not an SQS event: no Records array");
            }
            List<Message> messages = new ArrayList<>();
            for (JsonNode record : records) {
                JsonNode id = record.path("messageId");
                if (!id.isTextual() || id.asText().isBlank()) {
                    throw new IllegalArgumentException("an SQS record without a messageId cannot be handed back");
                }
                messages.add(new Message(id.asText(), record.path("receiptHandle").asText(""),
                        record.path("attributes").path("ApproximateReceiveCount").asInt(1),
                        record.path("body").asText("").getBytes(StandardCharsets.UTF_8)));
            }
            messages.sort(Comparator.comparingInt(Message::receiveCount).reversed());
            return messages;
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<Message> handBack = new ArrayList<>();
        List<ThrottleBackoff.Postponed> postponed = new ArrayList<>();
        String stoppedBecause = null;
        for (Message message : Message.batch(input)) {
            if (stoppedBecause == null && context.getRemainingTimeInMillis() < MESSAGE_BUDGET.plus(emails.untilNextSend()).toMillis()) {
                stoppedBecause = "no time left for another paced send";
            }
            if (stoppedBecause != null) {
                handBack.add(message);
                if (stoppedBecause.equals(THROTTLED)) {
                    postponed.add(postponed(message));
                }
                continue;
            }
            try {
                dispatch.handleRequest(new ByteArrayInputStream(message.body()), OutputStream.nullOutputStream(), context);
            } catch (SendingThrottledException throttled) {
                stoppedBecause = THROTTLED;
                handBack.add(message);
                postponed.add(postponed(message));
                warn(message, stoppedBecause);
            } catch (MalformedEventException refused) {
                // the refusal names the field or the subscription, never a value (EventFields, Subscription)
                handBack.add(message);
                warn(message, refused.getMessage());
            } catch (RuntimeException | IOException failed) {
                // the class name only (BusEventHandler logged the reason): an SDK message could quote personal data
                handBack.add(message);
                warn(message, failed.getClass().getSimpleName());
            }
        }
        if (!postponed.isEmpty()) {
            backoff.postpone(postponed);
        }
        if (stoppedBecause != null) {
            LOG.atWarn().addKeyValue("handed_back", handBack.size()).addKeyValue("stopped_because", stoppedBecause)
                    .log("stopped the batch ({}): {} messages handed back to the queue", stoppedBecause, handBack.size());
        }
        ObjectNode answer = Json.object();
        ArrayNode failures = answer.putArray("batchItemFailures");
        handBack.forEach(message -> failures.addObject().put("itemIdentifier", message.id()));
        Json.write(output, answer);
    }

    private static ThrottleBackoff.Postponed postponed(Message message) {
        return new ThrottleBackoff.Postponed(message.id(), message.receiptHandle(), message.receiveCount());
    }

    private static void warn(Message message, String reason) {
        LOG.atWarn().addKeyValue("message_id", message.id()).addKeyValue("receive_count", message.receiveCount())
                .log("handing message {} back to the queue (receive {}): {}", message.id(), message.receiveCount(), reason);
    }
}
