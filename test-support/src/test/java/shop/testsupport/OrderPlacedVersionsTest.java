package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.localparts.ProjectRoot;

/**
 * The compatibility of OrderPlaced's versions, over every OrderPlaced sample of {@code events/}: 1.1 is a minor (every
 * 1.0 sample still valid against today's 1.x schema, the 1.1 ones too) and 2.0 a major (valid against the 2.x schema,
 * and no 1.x sample is a valid 2.0, nor a 2.0 sample a valid 1.x).
 */
class OrderPlacedVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_1_0_and_1_1_sample_is_valid_1x_and_every_2_0_sample_is_valid_2x_and_neither_passes_for_the_other() throws IOException {
        Map<String, Integer> samplesPerVersion = new TreeMap<>();
        for (Map.Entry<Path, JsonNode> sample : orderPlacedSamples().entrySet()) {
            JsonNode detail = sample.getValue().path("detail");
            String version = detail.at("/metadata/schemaVersion").asText();
            int major = EventSchemas.major(detail);
            int other = major == 1 ? 2 : 1;
            assertEquals(List.of(), EventSchemas.violations("OrderPlaced", detail), sample.getKey().toString());
            assertFalse(EventSchemas.schema("OrderPlaced", other).validate(detail).isEmpty(),
                    sample.getKey() + " (" + version + ") would also pass as " + other + ".x: the majors do not differ");
            samplesPerVersion.merge(version, 1, Integer::sum);
        }
        assertEquals(Set.of("1.0", "1.1", "2.0"), samplesPerVersion.keySet(), "samples of every version: " + samplesPerVersion);
    }

    /** The valid OrderPlaced samples (not malformed*, not *-unknown-major) of every folder of events/. */
    private static Map<Path, JsonNode> orderPlacedSamples() throws IOException {
        Path events = ProjectRoot.find().resolve("events");
        Map<Path, JsonNode> samples = new TreeMap<>();
        try (Stream<Path> files = Files.walk(events)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && !events.relativize(f).startsWith("schemas")).toList()) {
                String name = file.getFileName().toString();
                JsonNode event = JSON.readTree(file.toFile());
                if (event.path("detail-type").asText().equals("OrderPlaced") && !name.startsWith("malformed")
                        && !name.endsWith("-unknown-major.json")) {
                    samples.put(events.relativize(file), event);
                }
            }
        }
        return samples;
    }
}
