package shop.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One event's JSON Schema (events/schemas, draft 2020-12), checked in the producer before an event is owed. It
 * knows exactly the keywords the published schemas use and refuses to load a schema with any other, so a schema
 * that grows a keyword fails the build instead of passing events unchecked. Written here rather than using a
 * general validator at run time: that one brings its own ObjectMapper and YAML parser into every cold start
 * (EventSchemaTest holds both to the same verdicts on every sample event).
 */
public final class EventSchema {

    private static final Set<String> KNOWN = Set.of("$schema", "$id", "$defs", "$ref", "title", "description", "type",
            "required", "properties", "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern",
            "minimum", "maximum", "const", "enum", "format");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JsonNode root;
    private final Map<JsonNode, Pattern> patterns = new HashMap<>();

    /** {@code schema}: the parsed schema file; refused if it uses a keyword this class does not check. */
    public EventSchema(JsonNode schema) {
        this.root = schema;
        checkKnown(schema, "#");
    }

    /** The violations of {@code value}, each as {@code /json/pointer: reason}; empty when it conforms. */
    public List<String> violations(JsonNode value) {
        List<String> found = new ArrayList<>();
        check(root, value, "", found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, at, found);
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            found.add(at + ": must be " + schema.get("const"));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            found.add(at + ": must be one of " + schema.get("enum"));
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            found.add(at + ": must be " + schema.get("type").asText());
            return;
        }
        if (value.isObject()) {
            object(schema, value, at, found);
        } else if (value.isArray()) {
            array(schema, value, at, found);
        } else if (value.isTextual()) {
            string(schema, value.textValue(), at, found);
        } else if (value.isNumber()) {
            number(schema, value, at, found);
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> found) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                found.add(at + "/" + name.asText() + ": is required");
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (value.has(property.getKey())) {
                check(property.getValue(), value.get(property.getKey()), at + "/" + property.getKey(), found);
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, String at, List<String> found) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            found.add(at + ": must have at least " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            found.add(at + ": must have at most " + schema.get("maxItems").asInt() + " items");
        }
        if (schema.path("uniqueItems").asBoolean(false) && new HashSet<JsonNode>(toList(value)).size() < value.size()) {
            found.add(at + ": must not repeat an item");
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, found);
            }
        }
    }

    private void string(JsonNode schema, String text, String at, List<String> found) {
        int length = text.codePointCount(0, text.length()); // JSON Schema counts characters, not UTF-16 units
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            found.add(at + ": must have at least " + schema.get("minLength").asInt() + " characters");
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            found.add(at + ": must have at most " + schema.get("maxLength").asInt() + " characters");
        }
        if (schema.has("pattern") && !pattern(schema).matcher(text).find()) {
            found.add(at + ": must match " + schema.get("pattern").asText());
        }
        if (schema.has("format") && !hasFormat(text, schema.get("format").asText())) {
            found.add(at + ": must be a " + schema.get("format").asText());
        }
    }

    private static void number(JsonNode schema, JsonNode value, String at, List<String> found) {
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            found.add(at + ": must be at least " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            found.add(at + ": must be at most " + schema.get("maximum"));
        }
    }

    private synchronized Pattern pattern(JsonNode schema) {
        return patterns.computeIfAbsent(schema, s -> Pattern.compile(s.get("pattern").asText()));
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private static boolean hasFormat(String text, String format) {
        switch (format) {
            case "uuid":
                return text.length() == 36 && parses(() -> UUID.fromString(text));
            case "date-time":
                return parses(() -> OffsetDateTime.parse(text));
            case "email":
                return EMAIL.matcher(text).matches();
            default:
                throw new IllegalStateException("unknown format " + format);
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolved reference " + ref);
        }
        return target;
    }

    private static void checkKnown(JsonNode schema, String at) {
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            if (keyword.startsWith("x-")) {
                continue;
            }
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException("schema keyword " + keyword + " at " + at + " is not checked by EventSchema; add it");
            }
            if (keyword.equals("properties") || keyword.equals("$defs")) {
                field.getValue().properties().forEach(p -> checkKnown(p.getValue(), at + "/" + keyword + "/" + p.getKey()));
            } else if (keyword.equals("items")) {
                checkKnown(field.getValue(), at + "/items");
            } else if (keyword.equals("type")) {
                hasType(com.fasterxml.jackson.databind.node.NullNode.getInstance(), field.getValue().asText()); // refuses an unknown type at load
            } else if (keyword.equals("format")) {
                hasFormat("", field.getValue().asText()); // refuses an unknown format at load
            }
        }
    }
}
