package shop.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.platform.json.Json;
import shop.platform.text.Text;

/**
 * Checks an event's detail before it is owed: every string (names too) can be carried ({@link Text}) and the detail
 * conforms to its published schema, which platform's jar carries (built from events/schemas). Each schema is read
 * once per JVM, on first use (priming loads them at init).
 */
public final class EventContracts {

    static final String SCHEMAS = "/shop/platform/events/schemas/";

    private static final Map<String, EventSchema> LOADED = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Refuses {@code detail} with {@link UnsendableEventException} unless it can be published as {@code detailType}. */
    public static void check(String detailType, String schemaVersion, JsonNode detail) {
        List<String> violations = new ArrayList<>();
        text(detail, "", violations);
        if (violations.isEmpty()) {
            violations.addAll(schema(detailType, major(schemaVersion)).violations(detail));
        }
        if (!violations.isEmpty()) {
            throw new UnsendableEventException(detailType, violations);
        }
    }

    /** The schema of {@code detailType} at {@code major}, loaded once. */
    public static EventSchema schema(String detailType, int major) {
        return LOADED.computeIfAbsent(detailType + ".v" + major, EventContracts::load);
    }

    private static EventSchema load(String name) {
        try (InputStream in = EventContracts.class.getResourceAsStream(SCHEMAS + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("no published schema " + name + " in " + SCHEMAS + "; an event without one cannot be owed");
            }
            return new EventSchema(Json.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int major(String schemaVersion) {
        int dot = schemaVersion.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? schemaVersion : schemaVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new UnsendableEventException("event", List.of("/metadata/schemaVersion: must be major.minor"));
        }
    }

    private static void text(JsonNode node, String at, List<String> violations) {
        if (node.isTextual()) {
            String problem = Text.problem(node.textValue());
            if (problem != null) {
                violations.add(at + ": " + problem);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = Text.carriable(field.getKey()) ? field.getKey() : "(a name that is not valid text)";
                if (!Text.carriable(field.getKey())) {
                    violations.add(at + "/" + name + ": the name " + Text.problem(field.getKey()));
                }
                text(field.getValue(), at + "/" + name, violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                text(node.get(i), at + "/" + i, violations);
            }
        }
    }
}
