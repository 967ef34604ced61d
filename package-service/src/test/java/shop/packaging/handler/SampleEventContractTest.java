package shop.packaging.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localparts.SampleEventContracts;

/** The consumer's side of the contract: the events the package context is tested with are events the producer may publish. */
class SampleEventContractTest {

    private static final String FOLDER = "package-service";

    @Test
    void every_sample_event_the_rule_delivers_is_valid_against_the_published_schema() {
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(FOLDER));
    }

    @Test
    void the_malformed_sample_breaks_the_schema() {
        assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER).isEmpty());
    }
}
