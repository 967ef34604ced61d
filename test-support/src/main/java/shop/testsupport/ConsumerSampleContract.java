package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.localparts.ProjectRoot;

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
        Map<String, List<String>> problems = new TreeMap<>();
        List<String> names = names();
        List<String> required = new ArrayList<>(List.of("direct-unknown-detail-type.json"));
        types.forEach(type -> required.addAll(List.of(type + ".json", type + "-duplicate.json", type + "-replayed.json")));
        required.stream().filter(name -> !names.contains(name)).forEach(name -> problems.put(name, List.of("missing")));
        for (String name : names) {
            JsonNode event = SampleEvents.json(folder + "/" + name);
            if (!event.path("source").asText().startsWith("shop.") || name.startsWith("malformed") || name.startsWith("direct-")) {
                continue; // not an event of the published language (an API request, a schedule), or meant to be refused
            }
            List<String> found = new ArrayList<>();
            if (!sources.contains(event.path("source").asText())) {
                found.add("source " + event.path("source").asText() + " is not one of " + sources);
            }
            if (name.endsWith("-unknown-major.json")) {
                if (event.at("/detail/metadata/schemaVersion").asText().startsWith("1.")) {
                    found.add("its schemaVersion is 1.x, not an unknown major");
                }
            } else {
                found.addAll(EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")));
            }
            if (!found.isEmpty()) {
                problems.put(name, found);
            }
        }
        assertEquals(Map.of(), problems);
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
        Path dir = ProjectRoot.find().resolve("events").resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
