package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.common.Flow;
import shop.localcloud.sqs.LocalSqs;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * EventBridge's SQS target: the whole event, as EventBridge sends it, is the body of one SendMessage. A send that
 * fails is retried with backoff within the rule's RetryPolicy, then goes to the rule's DLQ; a queue that does not exist
 * goes to the DLQ at once, as EventBridge does for a target resource that is gone (no retry helps until someone acts).
 */
final class QueueTargets {

    /** Where what could not be delivered goes: the DLQ write of {@link Deliveries}, which also ends the delivery. */
    interface DeadLetters {
        void send(String queueId, String body, Map<String, String> attributes, String text);
    }

    private final LocalSqs sqs;
    private final Map<String, String> queueNames;
    private final ScheduledExecutorService timer;
    private final Flow flow;
    private final double retryScale;
    private final DeadLetters deadLetters;
    private final Runnable delivered;

    QueueTargets(LocalSqs sqs, Map<String, String> queueNames, ScheduledExecutorService timer, Flow flow, double retryScale,
                 DeadLetters deadLetters, Runnable delivered) {
        this.sqs = sqs;
        this.queueNames = queueNames;
        this.timer = timer;
        this.flow = flow;
        this.retryScale = retryScale;
        this.deadLetters = deadLetters;
        this.delivered = delivered;
    }

    /** Sends {@code event} to the rule's queue: attempt {@code attempt}, the first made {@code firstNanos}. */
    void send(RuleSpec rule, ObjectNode event, int attempt, long firstNanos) {
        String queue = queueNames.getOrDefault(rule.queueId(), rule.queueId());
        String label = Deliveries.label(event);
        String reason;
        String code;
        try {
            sqs.send(queue, event.toString(), Map.of());
            flow.line("QUEUED", queue + " <- " + label + " from rule " + rule.name());
            delivered.run();
            return;
        } catch (QueueDoesNotExistException e) {
            deadLetter(rule, event, queue, "RESOURCE_NOT_FOUND", "Queue " + queue + " does not exist", label);
            return;
        } catch (SqsException e) {
            code = e.statusCode() == 403 ? "NO_PERMISSIONS" : "SQS_ERROR";
            reason = e.awsErrorDetails() == null ? String.valueOf(e.getMessage()) : e.awsErrorDetails().errorMessage();
        } catch (RuntimeException e) {
            code = "SQS_ERROR";
            reason = String.valueOf(e.getMessage());
        }
        long delay = RuleRetries.nextDelayMillis(rule, attempt, firstNanos, retryScale);
        if (delay >= 0) {
            flow.line("RETRY", rule.name() + " could not send " + label + " to " + queue + " (" + Flow.clip(reason, 120)
                    + "), again in " + delay + " ms");
            timer.schedule(() -> send(rule, event, attempt + 1, firstNanos), delay, TimeUnit.MILLISECONDS);
            return;
        }
        deadLetter(rule, event, queue, code, reason, label);
    }

    private void deadLetter(RuleSpec rule, ObjectNode event, String queue, String code, String reason, String label) {
        Map<String, String> attributes = RuleRetries.deadLetterAttributes(rule, "arn:aws:sqs:" + Model.REGION + ":" + Model.ACCOUNT + ":" + queue,
                code, Flow.clip(reason, 250));
        deadLetters.send(rule.deadLetterQueue(), event.toString(), attributes, label + " from rule " + rule.name() + ": " + Flow.clip(reason, 120));
    }
}
