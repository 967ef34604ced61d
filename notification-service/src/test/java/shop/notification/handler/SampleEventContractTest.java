package shop.notification.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localparts.SampleEventContracts;

/** Holds this consumer's sample events against the published language, events/schemas. */
class SampleEventContractTest {

    private static final String FOLDER = "notification-service";

    @Test
    void every_sample_the_rule_delivers_except_the_malformed_one_matches_its_published_schema() {
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(FOLDER));
    }

    @Test
    void the_malformed_sample_breaks_its_schema() {
        assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER).isEmpty());
    }

    @Test
    void the_duplicate_and_the_replay_carry_the_original_event_id_under_another_eventbridge_id() {
        assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(FOLDER));
    }
}
