package shop.packaging.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localparts.SampleEventContracts;

/** The consumer's side of the contract: the events the package context is tested with are events the producer may publish. */
class SampleEventContractTest {

    private static final String FOLDER = "package-service";
    private static final List<String> REQUIRED = List.of("order-confirmed.json", "order-confirmed-duplicate.json",
            "order-confirmed-replayed.json", "order-confirmed-unknown-major.json", "order-cancelled.json",
            "order-cancelled-duplicate.json", "order-cancelled-replayed.json", "order-cancelled-unknown-major.json",
            "cancelled-before-confirmed.json", "confirmed-after-cancel.json", "malformed-order-confirmed.json",
            "malformed-order-cancelled.json", "direct-unknown-detail-type.json");

    @Test
    void every_sample_event_the_rule_delivers_is_valid_against_the_published_schema() {
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(FOLDER, REQUIRED));
    }

    @Test
    void the_malformed_samples_break_the_schema() {
        assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER, "malformed-order-confirmed.json").isEmpty());
        assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER, "malformed-order-cancelled.json").isEmpty());
    }

    @Test
    void the_duplicates_and_replays_carry_the_original_event_id_under_another_eventbridge_id() {
        assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(FOLDER, "order-confirmed.json"));
        assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(FOLDER, "order-cancelled.json"));
    }
}
