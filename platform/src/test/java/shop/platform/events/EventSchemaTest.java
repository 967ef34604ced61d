package shop.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.localparts.ProjectRoot;
import shop.platform.json.Json;
import shop.testsupport.EventSchemas;

/** The producer's own schema check agrees with a general JSON Schema validator (networknt, format assertions on). */
class EventSchemaTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void agrees_with_networknt_on_every_sample_event_and_on_each_mutation_of_the_valid_ones() throws IOException {
        int compared = 0;
        int invalid = 0;
        for (JsonNode sample : samples()) {
            String type = sample.path("detail-type").asText();
            int major = EventSchemas.major(sample.path("detail")); // a mutated schemaVersion is held against the sample's
            List<JsonNode> cases = new ArrayList<>(List.of(sample.path("detail")));
            if (EventSchemas.violations(type, sample.path("detail")).isEmpty()) {
                cases.addAll(mutations(sample.path("detail")));
            }
            for (JsonNode detail : cases) {
                boolean general = EventSchemas.schema(type, major).validate(detail).isEmpty();
                boolean ours = EventContracts.schema(type, major).violations(detail).isEmpty();
                assertEquals(general, ours, type + ": networknt says " + (general ? "valid" : "invalid") + " for " + detail);
                compared++;
                invalid += general ? 0 : 1;
            }
        }
        System.out.println("[EventSchemaTest] " + compared + " details compared, " + invalid + " of them invalid");
        assertTrue(compared > 500 && invalid > 300, "too few cases: " + compared + "/" + invalid);
    }

    /** Not an assertion of speed: what the producer's check costs, printed for the report (issue 21). */
    @Test
    void prints_what_the_check_costs_per_event() throws IOException {
        JsonNode placed = Json.read(Files.readAllBytes(ProjectRoot.find().resolve("events/crm-service/order-placed.json"))).path("detail");
        long t0 = System.nanoTime();
        EventSchema fresh = new EventSchema(Json.read(Files.readAllBytes(ProjectRoot.find().resolve("events/schemas/OrderPlaced.v1.schema.json"))));
        long load = System.nanoTime() - t0;
        for (int i = 0; i < 20_000; i++) { // warm
            EventContracts.check("OrderPlaced", "1.0", placed);
        }
        int rounds = 50_000;
        long t1 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            EventContracts.check("OrderPlaced", "1.0", placed);
        }
        long each = (System.nanoTime() - t1) / rounds;
        System.out.printf("[EventSchemaTest] OrderPlaced schema read and loaded in %.2f ms (first, cold); check (text + schema) %.1f us"
                + " per event, warm%n", load / 1e6, each / 1e3);
        assertTrue(fresh.violations(placed).isEmpty());
    }

    @Test
    void a_schema_with_a_keyword_it_does_not_check_is_refused_at_load() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new EventSchema(Json.read("{\"type\":\"object\",\"oneOf\":[]}")));
        assertThrows(IllegalStateException.class, () -> new EventSchema(Json.read("{\"type\":\"string\",\"format\":\"ipv4\"}")));
    }

    @Test
    void an_event_whose_text_cannot_be_carried_or_that_breaks_its_schema_is_never_built() {
        EventMetadata metadata = EventMetadata.newEvent("OrderCancelled", "1.0", java.time.Instant.parse("2026-01-01T00:00:00Z"),
                "corr-1", "order-service");
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("orderId", "0559dd75-4e5e-5f50-a974-d4d5b4d51ed7",
                "customerId", "A\ud800B", "placedAt", "2026-01-01T00:00:00Z", "cancelledAt", "2026-01-01T00:01:00Z",
                "reason", "OTHER", "contactEmail", "a@example.com"));
        UnsendableEventException surrogate = assertThrows(UnsendableEventException.class,
                () -> Envelopes.pending("shop.orders", metadata, data));
        assertEquals(List.of("/data/customerId: must be valid Unicode (it holds a lone surrogate)"), surrogate.violations());

        data.put("customerId", "alice");
        data.put("reason", "BORED");
        UnsendableEventException schema = assertThrows(UnsendableEventException.class,
                () -> Envelopes.pending("shop.orders", metadata, data));
        assertTrue(schema.violations().get(0).startsWith("/data/reason: must be one of"), schema.violations().toString());
        assertFalse(schema.getMessage().contains("a@example.com"));

        data.put("reason", "OTHER");
        assertEquals("OrderCancelled", Envelopes.pending("shop.orders", metadata, data).detailType());
    }

    private static List<JsonNode> samples() throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ProjectRoot.find().resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("schemas")).sorted().toList()) {
                JsonNode event = Json.read(Files.readAllBytes(file));
                String type = event.path("detail-type").asText("");
                if (event.path("detail").isObject() && EventSchemas.published(type, EventSchemas.major(event.path("detail")))) {
                    samples.add(event);
                }
            }
        }
        return samples;
    }

    /** Each field removed, and each value replaced by a wrong one of several kinds. */
    private static List<JsonNode> mutations(JsonNode detail) {
        List<JsonNode> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        pointers(detail, "", pointers);
        for (String pointer : pointers) {
            int slash = pointer.lastIndexOf('/');
            String parentPath = pointer.substring(0, slash);
            String last = pointer.substring(slash + 1);
            for (JsonNode replacement : List.of(NODES.textNode(""), NODES.textNode("x".repeat(300)), NODES.numberNode(0),
                    NODES.numberNode(101), NODES.numberNode(1.5), NODES.textNode("sku-1"), NODES.textNode("2026-13-01"),
                    NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(), NODES.textNode("12.5"))) {
                JsonNode copy = detail.deepCopy();
                JsonNode parent = copy.at(parentPath);
                if (parent instanceof ObjectNode object) {
                    object.set(last, replacement);
                } else if (parent instanceof ArrayNode array) {
                    array.set(Integer.parseInt(last), replacement);
                }
                out.add(copy);
            }
            JsonNode copy = detail.deepCopy();
            if (copy.at(parentPath) instanceof ObjectNode object) {
                object.remove(last);
                out.add(copy);
            }
        }
        return out;
    }

    private static void pointers(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(at + "/" + name);
                pointers(node.get(name), at + "/" + name, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                pointers(node.get(i), at + "/" + i, out);
            }
        }
    }
}
