package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localparts.ProjectRoot;

/** The contract helper finds what the consumers' contract tests must fail on, and nothing in a sound folder. */
class SampleEventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void a_sound_folder_has_no_problems_though_its_malformed_and_direct_samples_break_the_schema() throws IOException {
        copySamples();

        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(folder));
    }

    @Test
    void a_consumer_that_subscribes_to_other_sources_is_told_which_of_its_samples_its_rule_would_never_deliver() throws IOException {
        copySamples();

        Map<String, List<String>> problems = SampleEventContracts.deliveredSampleProblems(folder, SampleEventContracts.REQUIRED,
                List.of("shop.inventory"));

        assertTrue(problems.containsKey("order-placed.json") && problems.containsKey("order-cancelled.json"), problems.toString());
        assertEquals(List.of("source shop.orders is not one of [shop.inventory]"), problems.get("order-placed.json"));
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(folder, SampleEventContracts.REQUIRED,
                List.of("shop.orders", "shop.packaging")));
    }

    @Test
    void a_delivered_sample_whose_detail_breaks_its_schema_is_reported_by_name() throws IOException {
        copySamples();
        ObjectNode cancelled = (ObjectNode) JSON.readTree(folder.resolve("order-cancelled.json").toFile());
        ((ObjectNode) cancelled.path("detail").path("data")).remove("orderId");
        JSON.writeValue(folder.resolve("order-cancelled.json").toFile(), cancelled);

        Map<String, List<String>> problems = SampleEventContracts.deliveredSampleProblems(folder);

        assertEquals(List.of("order-cancelled.json"), List.copyOf(problems.keySet()));
        assertTrue(problems.get("order-cancelled.json").toString().contains("orderId"), problems.toString());
    }

    @Test
    void a_delivered_sample_from_another_source_is_reported() throws IOException {
        copySamples();
        ObjectNode placed = (ObjectNode) JSON.readTree(folder.resolve("placed-after-cancel.json").toFile());
        placed.put("source", "shop.elsewhere");
        JSON.writeValue(folder.resolve("placed-after-cancel.json").toFile(), placed);

        assertEquals(Map.of("placed-after-cancel.json", List.of("source is 'shop.elsewhere', not shop.orders")),
                SampleEventContracts.deliveredSampleProblems(folder));
    }

    @Test
    void a_missing_required_sample_is_reported() throws IOException {
        copySamples();
        Files.delete(folder.resolve("cancelled-before-placed.json"));

        assertEquals(List.of("cancelled-before-placed.json"),
                List.copyOf(SampleEventContracts.deliveredSampleProblems(folder).keySet()));
    }

    @Test
    void an_unknown_major_sample_is_held_against_no_schema_but_must_not_claim_a_published_major() throws IOException {
        copySamples();
        ObjectNode cancelled = (ObjectNode) JSON.readTree(folder.resolve("order-cancelled.json").toFile());
        ((ObjectNode) cancelled.path("detail").path("metadata")).put("schemaVersion", "2.0");
        JSON.writeValue(folder.resolve("order-cancelled-unknown-major.json").toFile(), cancelled);
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(folder));

        ((ObjectNode) cancelled.path("detail").path("metadata")).put("schemaVersion", "1.1");
        JSON.writeValue(folder.resolve("order-cancelled-unknown-major.json").toFile(), cancelled);
        assertEquals(List.of("order-cancelled-unknown-major.json"),
                List.copyOf(SampleEventContracts.deliveredSampleProblems(folder).keySet()));
        Files.delete(folder.resolve("order-cancelled-unknown-major.json"));

        ObjectNode placed = (ObjectNode) JSON.readTree(folder.resolve("order-placed.json").toFile());
        ((ObjectNode) placed.path("detail").path("metadata")).put("schemaVersion", "3.0");
        JSON.writeValue(folder.resolve("order-placed-unknown-major.json").toFile(), placed);
        assertEquals(Map.of(), SampleEventContracts.deliveredSampleProblems(folder));
        ((ObjectNode) placed.path("detail").path("metadata")).put("schemaVersion", "1.0"); // OrderPlaced has 1.x and 2.x
        JSON.writeValue(folder.resolve("order-placed-unknown-major.json").toFile(), placed);
        assertEquals(List.of("order-placed-unknown-major.json"),
                List.copyOf(SampleEventContracts.deliveredSampleProblems(folder).keySet()));
    }

    @Test
    void a_sample_is_held_against_the_schema_of_the_major_it_claims() throws IOException {
        copySamples();
        ObjectNode placed = (ObjectNode) JSON.readTree(folder.resolve("order-placed.json").toFile());
        assertEquals("2.0", placed.at("/detail/metadata/schemaVersion").asText());
        ((ObjectNode) placed.path("detail").path("metadata")).put("schemaVersion", "1.0"); // a 2.0 body claiming 1.0
        JSON.writeValue(folder.resolve("order-placed.json").toFile(), placed);

        assertEquals(List.of("order-placed.json"), List.copyOf(SampleEventContracts.deliveredSampleProblems(folder).keySet()));
    }

    @Test
    void a_consumer_may_require_its_own_samples() throws IOException {
        copySamples();

        assertEquals(List.of("order-confirmed.json"), List.copyOf(SampleEventContracts.deliveredSampleProblems(folder,
                List.of("order-cancelled.json", "order-confirmed.json")).keySet()));
    }

    private void copySamples() throws IOException {
        try (Stream<Path> samples = Files.list(ProjectRoot.find().resolve("events/inventory-service"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, folder.resolve(sample.getFileName()));
            }
        }
    }
}
