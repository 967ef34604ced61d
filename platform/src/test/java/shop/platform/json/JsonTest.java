package shop.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private enum Colour { RED }

    private record Line(String sku, int quantity, BigDecimal price, List<String> tags) {
    }

    @Test
    void a_document_reads_into_nodes_and_writes_back_the_same() throws Exception {
        String text = "{\"s\":\"a\\\"b\\n\",\"i\":7,\"l\":12345678901,\"big\":12345678901234567890123456789,"
                + "\"d\":19.99,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,{\"x\":[]}],\"o\":{}}";

        JsonNode node = Json.read(text);

        assertEquals(text, Json.string(node));
        assertEquals("a\"b\n", node.path("s").textValue());
        assertTrue(node.path("i").isInt() && node.path("l").isLong() && node.path("big").isBigInteger() && node.path("d").isDouble());
        assertEquals(new BigDecimal("19.99"), node.path("d").decimalValue());
        assertEquals(text, new String(Json.bytes(node), StandardCharsets.UTF_8));
        assertEquals(node, Json.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void empty_input_is_a_missing_node_and_malformed_json_throws() throws Exception {
        assertTrue(Json.read("").isMissingNode());
        assertThrows(JacksonException.class, () -> Json.read("{\"a\":"));
        assertThrows(JacksonException.class, () -> Json.read("{\"a\":1,\"a\":2}"), "a duplicate key is refused, not overwritten");
    }

    @Test
    void hostile_input_is_refused_before_it_costs_memory_or_stack() {
        assertThrows(JacksonException.class, () -> Json.read("[".repeat(40) + "]".repeat(40)));
        assertThrows(JacksonException.class, () -> Json.read("\"" + "x".repeat(70_000) + "\""));
        assertThrows(JacksonException.class, () -> Json.read("1" + "0".repeat(40)));
    }

    @Test
    void records_maps_lists_and_enums_become_nodes_and_other_types_are_refused() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("line", new Line("SKU-1", 2, new BigDecimal("9.50"), List.of("gift")));
        map.put("colour", Colour.RED);
        map.put("none", null);

        assertEquals("{\"line\":{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":9.50,\"tags\":[\"gift\"]},\"colour\":\"RED\",\"none\":null}",
                Json.string(map));
        assertThrows(IllegalArgumentException.class, () -> Json.node(new Object()));
    }

    @Test
    void writing_to_a_stream_leaves_it_open() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the caller's stream was closed");
            }
        };
        Json.write(out, Json.object().put("outcome", "OK"));
        assertEquals("{\"outcome\":\"OK\"}", out.toString(StandardCharsets.UTF_8));
    }
}
