package shop.benchmarks.startup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import shop.platform.json.Json;

/**
 * Run in a fresh JVM by {@link shop.benchmarks.JsonStartup}: what the first event costs in JSON work alone, done
 * with an ObjectMapper (the functions before step 10), with platform's {@code Json} (now: Jackson's streaming parser
 * building Jackson's tree nodes), or with the streaming API alone (the floor of the library). Prints
 * {@code elapsed_us=<n>} from the start of {@code main}.
 */
public final class JsonStartupProbe {

    private JsonStartupProbe() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String answer = switch (args[0]) {
            case "platform" -> platform(event);
            case "mapper" -> mapper(event);
            case "streaming" -> streaming(event);
            case "none" -> "{}";
            default -> throw new IllegalArgumentException("mode platform | mapper | streaming | none, not " + args[0]);
        };
        long elapsed = System.nanoTime() - start;
        System.out.println("elapsed_us=" + elapsed / 1000 + " answer=" + answer);
    }

    /** As the functions do it now: platform's Json, a tree built by the streaming parser, no ObjectMapper. */
    private static String platform(byte[] event) throws IOException {
        JsonNode tree = Json.read(event);
        String orderId = tree.path("detail").path("data").path("orderId").asText();
        int lines = tree.path("detail").path("data").path("lines").size();
        return Json.string(Json.object().put("orderId", orderId).put("lines", lines));
    }

    /** As the functions did it before step 10: a Jackson ObjectMapper reads the tree and writes the answer. */
    private static String mapper(byte[] event) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().build();
        JsonNode tree = mapper.readTree(event);
        String orderId = tree.path("detail").path("data").path("orderId").asText();
        int lines = tree.path("detail").path("data").path("lines").size();
        return mapper.writeValueAsString(mapper.createObjectNode().put("orderId", orderId).put("lines", lines));
    }

    private static String streaming(byte[] event) throws IOException {
        JsonFactory factory = new JsonFactory();
        String orderId = null;
        int lines = 0;
        try (JsonParser parser = factory.createParser(event)) {
            int depth = 0;
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case FIELD_NAME -> field = parser.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if ("lines".equals(field) && token == JsonToken.START_ARRAY) {
                            lines = countElements(parser);
                            depth--;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> {
                        if ("orderId".equals(field) && orderId == null) {
                            orderId = parser.getText();
                        }
                    }
                    default -> { }
                }
            }
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("orderId", orderId);
            generator.writeNumberField("lines", lines);
            generator.writeEndObject();
        }
        return out.toString();
    }

    private static int countElements(JsonParser parser) throws IOException {
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            count++;
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
        }
        return count;
    }
}
