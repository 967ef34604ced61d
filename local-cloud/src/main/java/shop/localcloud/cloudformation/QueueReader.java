package shop.localcloud.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import shop.localcloud.cloudformation.Model.QueueSourceSpec;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.common.UserError;

/**
 * Reads what puts messages into the template's queues and takes them out: an {@code AWS::SQS::Queue}'s visibility
 * timeout, retention and redrive policy; an {@code AWS::Events::Rule} whose target is a queue (or a function); and
 * Lambda's event source mappings from a queue (a SAM {@code SQS} event, or an {@code AWS::Lambda::EventSourceMapping}).
 */
final class QueueReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Intrinsics intrinsics;
    private final BinaryOperator<String> queueIdOf;
    private final UnaryOperator<String> functionIdOf;

    /**
     * @param queueIdOf    the logical id of the queue an ARN or URL names (arguments: the ARN or URL, where it is used)
     * @param functionIdOf the logical id of the function an ARN or name names, null if it names none
     */
    QueueReader(Intrinsics intrinsics, BinaryOperator<String> queueIdOf, UnaryOperator<String> functionIdOf) {
        this.intrinsics = intrinsics;
        this.queueIdOf = queueIdOf;
        this.functionIdOf = functionIdOf;
    }

    @SuppressWarnings("unchecked")
    QueueSpec queue(String id, String name, Map<String, Object> properties) {
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(properties, id);
        if (p.get("FifoQueue") != null && Boolean.parseBoolean(String.valueOf(p.get("FifoQueue")))) {
            throw new UserError("template.yaml: " + id + " is a FIFO queue; local-cloud runs standard queues only");
        }
        String deadLetterQueue = null;
        int maxReceiveCount = 0;
        Object redrive = p.get("RedrivePolicy");
        if (redrive instanceof String text && !text.isBlank()) {
            try {
                redrive = JSON.convertValue(JSON.readTree(text), Map.class);
            } catch (JsonProcessingException e) {
                throw new UserError("template.yaml: " + id + ".RedrivePolicy is not JSON: " + e.getOriginalMessage());
            }
        }
        if (redrive instanceof Map<?, ?> policy) {
            Object target = policy.get("deadLetterTargetArn");
            if (target == null || policy.get("maxReceiveCount") == null) {
                throw new UserError("template.yaml: " + id + ".RedrivePolicy needs deadLetterTargetArn and maxReceiveCount");
            }
            deadLetterQueue = queueIdOf.apply(String.valueOf(target), id + ".RedrivePolicy");
            maxReceiveCount = integer(policy.get("maxReceiveCount"), id + ".RedrivePolicy.maxReceiveCount", 1, 1000);
        }
        return new QueueSpec(id, name,
                p.get("VisibilityTimeout") == null ? QueueSpec.DEFAULT_VISIBILITY_TIMEOUT
                        : integer(p.get("VisibilityTimeout"), id + ".VisibilityTimeout", 0, 43_200),
                p.get("MessageRetentionPeriod") == null ? QueueSpec.DEFAULT_RETENTION
                        : integer(p.get("MessageRetentionPeriod"), id + ".MessageRetentionPeriod", 60, 1_209_600),
                deadLetterQueue, maxReceiveCount);
    }

    /** An {@code AWS::Events::Rule}; null when its State is not ENABLED (EventBridge does not route it). */
    @SuppressWarnings("unchecked")
    RuleSpec rule(String id, Map<String, Object> properties) {
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(properties, id);
        if (!"ENABLED".equals(String.valueOf(p.getOrDefault("State", "ENABLED")))) {
            return null;
        }
        if (p.get("EventPattern") == null) {
            throw new UserError("template.yaml: " + id + " has no EventPattern; local-cloud runs pattern rules (schedules are SAM Schedule events)");
        }
        if (!(p.get("Targets") instanceof List<?> targets) || targets.size() != 1 || !(targets.get(0) instanceof Map<?, ?>)) {
            throw new UserError("template.yaml: " + id + ".Targets must hold exactly one target; local-cloud runs one target per rule");
        }
        Map<String, Object> target = (Map<String, Object>) targets.get(0);
        String where = id + ".Targets[0]";
        String arn = String.valueOf(target.get("Arn"));
        String functionId = functionIdOf.apply(arn);
        String queueId = functionId == null ? queueIdOf.apply(arn, where + ".Arn") : null;
        Map<String, Object> retry = target.get("RetryPolicy") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        String deadLetterQueue = target.get("DeadLetterConfig") instanceof Map<?, ?> dead && dead.get("Arn") != null
                ? queueIdOf.apply(String.valueOf(dead.get("Arn")), where + ".DeadLetterConfig") : null;
        String pattern;
        try {
            pattern = JSON.writeValueAsString(p.get("EventPattern") instanceof String text ? JSON.readTree(text) : p.get("EventPattern"));
        } catch (JsonProcessingException e) {
            throw new UserError("template.yaml: " + id + ".EventPattern is not valid JSON: " + e.getOriginalMessage());
        }
        String bus = p.get("EventBusName") == null ? "default" : String.valueOf(p.get("EventBusName"));
        return new RuleSpec(p.get("Name") == null ? id : String.valueOf(p.get("Name")), functionId, queueId,
                bus.substring(bus.lastIndexOf('/') + 1), pattern,
                integer(retry.getOrDefault("MaximumRetryAttempts", 185), where + ".RetryPolicy.MaximumRetryAttempts", 0, 185),
                integer(retry.getOrDefault("MaximumEventAgeInSeconds", 86_400), where + ".RetryPolicy.MaximumEventAgeInSeconds", 60, 86_400),
                deadLetterQueue);
    }

    /** A SAM {@code Type: SQS} event of {@code functionId}, its properties resolved. */
    QueueSourceSpec sqsEvent(String functionId, String eventName, Map<String, Object> p, String where) {
        return source(functionId + eventName, functionId, queueIdOf.apply(String.valueOf(p.get("Queue")), where + ".Queue"), p, where);
    }

    /** An {@code AWS::Lambda::EventSourceMapping} from a queue of the template; null when its source is not one. */
    @SuppressWarnings("unchecked")
    QueueSourceSpec mapping(String id, Map<String, Object> properties) {
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(properties, id);
        String source = String.valueOf(p.get("EventSourceArn"));
        if (!source.startsWith("arn:aws:sqs:")) {
            throw new UserError("template.yaml: " + id + " reads " + source + "; local-cloud runs event source mappings from SQS queues only");
        }
        String functionId = functionIdOf.apply(String.valueOf(p.get("FunctionName")));
        if (functionId == null) {
            throw new UserError("template.yaml: " + id + ".FunctionName " + p.get("FunctionName") + " is not a function of the template");
        }
        return source(id, functionId, queueIdOf.apply(source, id + ".EventSourceArn"), p, id);
    }

    private QueueSourceSpec source(String name, String functionId, String queueId, Map<String, Object> p, String where) {
        Object types = p.getOrDefault("FunctionResponseTypes", List.of());
        boolean reportFailures = types instanceof List<?> list && list.contains("ReportBatchItemFailures");
        Integer maximumConcurrency = p.get("ScalingConfig") instanceof Map<?, ?> scaling && scaling.get("MaximumConcurrency") != null
                ? integer(scaling.get("MaximumConcurrency"), where + ".ScalingConfig.MaximumConcurrency", 2, 1000) : null;
        return new QueueSourceSpec(name, functionId, queueId,
                integer(p.getOrDefault("BatchSize", 10), where + ".BatchSize", 1, 10_000),
                integer(p.getOrDefault("MaximumBatchingWindowInSeconds", 0), where + ".MaximumBatchingWindowInSeconds", 0, 300),
                reportFailures, maximumConcurrency, !"false".equalsIgnoreCase(String.valueOf(p.getOrDefault("Enabled", "true"))));
    }

    private static int integer(Object value, String where, int min, int max) {
        int number;
        try {
            number = value instanceof JsonNode node ? node.asInt() : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new UserError("template.yaml: " + where + " must be a whole number, not " + value);
        }
        if (number < min || number > max) {
            throw new UserError("template.yaml: " + where + " must be " + min + " to " + max + ", not " + number);
        }
        return number;
    }
}
