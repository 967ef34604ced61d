package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer's side of the contract, the same test in every consuming context: the sample events it is tested with
 * ({@code events/<module>/}) are events the producer may publish. Each consumer's {@code SampleEventContractTest}
 * extends this with its folder.
 */
public abstract class ConsumerSampleContract {

    private final String folder;

    protected ConsumerSampleContract(String folder) {
        this.folder = folder;
    }

    @Test
    void every_sample_the_rule_delivers_matches_its_published_schema() {
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(folder));
    }

    @Test
    void the_malformed_sample_breaks_its_schema() {
        assertFalse(SampleEventContracts.malformedSampleViolations(folder).isEmpty());
    }

    @Test
    void the_duplicate_and_the_replay_carry_the_original_event_id_under_another_eventbridge_id() {
        assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(folder));
    }
}
