package shop.inventory.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localparts.SampleEventContracts;

/** The consumer's side of the contract: the events inventory is tested with are events the producer may publish. */
class SampleEventContractTest {

    private static final String FOLDER = "inventory-service";

    @Test
    void every_sample_event_the_rule_delivers_is_valid_against_the_published_schema() {
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(FOLDER));
    }

    @Test
    void the_malformed_samples_break_the_schema() {
        assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER).isEmpty());
        assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER, "malformed-parcel-shipped.json").isEmpty());
    }

    @Test
    void the_duplicate_and_replayed_samples_are_redeliveries_of_the_first() {
        assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(FOLDER));
        assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(FOLDER, "parcel-shipped.json"));
    }
}
