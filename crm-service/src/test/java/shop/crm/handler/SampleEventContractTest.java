package shop.crm.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.localparts.EventSchemas;
import shop.localparts.SampleEvents;

/** Holds this consumer's sample events against the published language, events/schemas. */
class SampleEventContractTest {

    private static final String FOLDER = "crm-service";

    @Test
    void every_sample_the_rule_delivers_except_the_malformed_one_matches_its_published_schema() throws IOException {
        List<String> samples = samples().filter(name -> !name.startsWith("direct-") && !name.startsWith("malformed"))
                .toList();
        assertTrue(samples.size() >= 6, "the brief's samples are all there: " + samples);
        for (String name : samples) {
            JsonNode event = SampleEvents.json(FOLDER + "/" + name);
            assertEquals("shop.orders", event.path("source").asText(), name);
            assertEquals(List.of(), EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")), name);
        }
    }

    @Test
    void the_malformed_sample_breaks_its_schema() {
        JsonNode event = SampleEvents.json(FOLDER + "/malformed.json");
        assertFalse(EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")).isEmpty());
    }

    @Test
    void the_duplicate_and_the_replay_carry_the_original_event_id_under_another_eventbridge_id() {
        JsonNode original = SampleEvents.json(FOLDER + "/order-placed.json");
        for (String name : List.of("order-placed-duplicate.json", "order-placed-replayed.json")) {
            JsonNode copy = SampleEvents.json(FOLDER + "/" + name);
            assertEquals(original.path("detail"), copy.path("detail"), name);
            assertFalse(original.path("id").equals(copy.path("id")), name);
        }
        assertTrue(SampleEvents.json(FOLDER + "/order-placed-replayed.json").path("replay-name").isTextual());
    }

    private static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(SampleEvents.path(FOLDER + "/order-placed.json").getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }
}
