package shop.localcloud.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localcloud.cloudformation.Model.RuleSpec;

class RuleRetriesTest {

    private static final RuleSpec RULE = new RuleSpec("Rule", "Fn", "bus", "{}", 3, 60, "Dlq");

    @Test
    void backoff_doubles_from_two_seconds_scaled_until_the_attempts_are_spent() {
        long now = System.nanoTime();
        assertEquals(List.of(2_000L, 4_000L, 8_000L, -1L), List.of(RuleRetries.nextDelayMillis(RULE, 1, now, 1.0),
                RuleRetries.nextDelayMillis(RULE, 2, now, 1.0), RuleRetries.nextDelayMillis(RULE, 3, now, 1.0),
                RuleRetries.nextDelayMillis(RULE, 4, now, 1.0)));
        assertEquals(100L, RuleRetries.nextDelayMillis(RULE, 1, now, 0.05));
        assertEquals(60_000L, RuleRetries.nextDelayMillis(new RuleSpec("Rule", "Fn", "bus", "{}", 185, 86_400, "Dlq"), 9, now, 1.0));
    }

    @Test
    void an_event_older_than_the_maximum_age_is_not_retried() {
        long sixtyOneSecondsAgo = System.nanoTime() - 61_000_000_000L;
        assertEquals(-1L, RuleRetries.nextDelayMillis(RULE, 1, sixtyOneSecondsAgo, 1.0));
        assertEquals(-1L, RuleRetries.nextDelayMillis(RULE, 1, System.nanoTime() - 4_000_000_000L, 0.05), "60 s scaled to 3 s");
    }

    @Test
    void a_dead_letter_names_its_rule_target_and_reason() {
        assertEquals(Map.of("RULE_ARN", RULE.arn(), "TARGET_ARN", "arn:t", "ERROR_CODE", "THROTTLING", "ERROR_MESSAGE", "Rate Exceeded."),
                RuleRetries.deadLetterAttributes(RULE, "arn:t", "THROTTLING", "Rate Exceeded."));
    }
}
