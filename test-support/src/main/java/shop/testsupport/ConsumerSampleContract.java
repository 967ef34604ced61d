package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer's side of the contract, the same test in every consuming context: the sample events it is tested with
 * ({@code events/<module>/}, the files {@code sam local invoke -e} takes) are events its producers may publish
 * ({@code events/schemas/}), and the kinds of delivery every consumer must survive are there for each type it reads.
 * Each consumer's {@code SampleEventContractTest} extends this with its folder, the sources it subscribes to, and the
 * types (kebab-case, e.g. {@code order-confirmed}) whose first delivery, duplicate and replay it keeps.
 */
public abstract class ConsumerSampleContract {

    private final String folder;
    private final List<String> sources;
    private final List<String> types;

    protected ConsumerSampleContract(String folder, List<String> sources, String... types) {
        this.folder = folder;
        this.sources = List.copyOf(sources);
        this.types = List.of(types);
    }

    @Test
    void every_sample_the_rule_delivers_is_from_a_subscribed_source_and_valid_against_its_schema() {
        List<String> required = new ArrayList<>(List.of("direct-unknown-detail-type.json"));
        types.forEach(type -> required.addAll(List.of(type + ".json", type + "-duplicate.json", type + "-replayed.json")));
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(folder, required, sources));
    }

    @Test
    void every_malformed_sample_breaks_its_schema() {
        List<String> malformed = names().stream().filter(name -> name.startsWith("malformed")).toList();
        assertFalse(malformed.isEmpty(), "events/" + folder + " keeps at least one malformed sample");
        for (String name : malformed) {
            assertFalse(SampleEventContracts.malformedSampleViolations(folder, name).isEmpty(), name + " is valid, not malformed");
        }
    }

    @Test
    void each_duplicate_and_replay_carries_its_first_deliverys_event_id_under_another_eventbridge_id() {
        for (String type : types) {
            assertEquals(List.of(), SampleEventContracts.duplicateAndReplayProblems(folder, type + ".json"), type);
        }
    }

    private List<String> names() {
        return SampleEventContracts.sampleNames(SampleEventContracts.folder(folder));
    }
}
