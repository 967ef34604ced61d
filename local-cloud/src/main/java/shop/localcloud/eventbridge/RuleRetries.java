package shop.localcloud.eventbridge;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.localcloud.cloudformation.Model.RuleSpec;

/**
 * A rule's RetryPolicy and DeadLetterConfig, as EventBridge applies them to a target it could not hand an event to,
 * whether the target is a function or a queue: backoff from 2 s doubling to 1 min (scaled by {@code retryScale}) while
 * attempts and the event's age allow, then the rule's DLQ with the attributes EventBridge sets on its dead letters.
 */
final class RuleRetries {

    private RuleRetries() {
    }

    /** How long until attempt {@code attempt + 1}, or -1 when the rule's attempts or maximum event age are spent. */
    static long nextDelayMillis(RuleSpec rule, int attempt, long firstNanos, double retryScale) {
        long ageMillis = (System.nanoTime() - firstNanos) / 1_000_000L;
        if (attempt > rule.maximumRetryAttempts() || ageMillis >= rule.maximumEventAgeSeconds() * 1000L * retryScale) {
            return -1;
        }
        return Math.max(1, Math.round(Math.min(60_000L, 1000L << Math.min(attempt, 6)) * retryScale));
    }

    /** The message attributes of a rule's dead letter: which rule, which target, and why. */
    static Map<String, String> deadLetterAttributes(RuleSpec rule, String targetArn, String errorCode, String errorMessage) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RULE_ARN", rule.arn());
        attributes.put("TARGET_ARN", targetArn);
        attributes.put("ERROR_CODE", errorCode);
        attributes.put("ERROR_MESSAGE", errorMessage);
        return attributes;
    }
}
