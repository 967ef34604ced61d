package shop.packaging.handler;

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

/** The consumer's side of the contract: the events the package context is tested with are events the producer may publish. */
class SampleEventContractTest {

    @Test
    void every_sample_event_the_rule_delivers_is_valid_against_the_published_schema() throws IOException {
        List<Path> samples = samples();
        assertTrue(samples.size() >= 7, "samples: " + samples);
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            if (name.equals("malformed.json") || name.startsWith("direct-")) {
                continue;
            }
            JsonNode event = SampleEvents.json("package-service/" + name);
            assertEquals("shop.orders", event.path("source").asText(), name);
            assertEquals(List.of(), EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")), name);
        }
    }

    @Test
    void the_malformed_sample_breaks_the_schema() {
        JsonNode event = SampleEvents.json("package-service/malformed.json");

        assertFalse(EventSchemas.violations("OrderPlaced", event.path("detail")).isEmpty());
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SampleEvents.path("package-service/order-placed.json").getParent())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
