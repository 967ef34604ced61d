package shop.crm.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localparts.SampleEventContracts;

/** Holds this consumer's sample events against the published language, events/schemas. */
class SampleEventContractTest {

    private static final String FOLDER = "crm-service";
    private static final List<String> TYPES = List.of("order-placed", "order-confirmed", "order-rejected", "order-cancelled", "parcel-shipped");

    @Test
    void every_sample_the_rule_delivers_except_the_malformed_ones_matches_its_published_schema() {
        List<String> required = new ArrayList<>(List.of("cancelled-before-confirmed.json", "confirmed-after-cancel.json",
                "placed-after-cancel.json", "rejected-order-placed.json", "direct-unknown-detail-type.json"));
        for (String type : TYPES) {
            required.addAll(List.of(type + ".json", type + "-duplicate.json", type + "-replayed.json",
                    type + "-unknown-major.json", "malformed-" + type + ".json"));
        }
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(FOLDER, required));
    }

    @Test
    void the_malformed_sample_of_each_type_breaks_its_schema() {
        for (String type : TYPES) {
            assertFalse(SampleEventContracts.malformedSampleViolations(FOLDER, "malformed-" + type + ".json").isEmpty(), type);
        }
    }

    @Test
    void the_duplicates_and_the_replays_carry_the_original_event_id_under_another_eventbridge_id() {
        for (String type : TYPES) {
            assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(FOLDER, type + ".json"));
        }
    }
}
