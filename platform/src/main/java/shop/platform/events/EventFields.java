package shop.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object of an event (or a request) into plain values, the same strict way for every
 * consumer: a string is present and not blank, an integer is integral and fits an int, a list is a non-empty array, a
 * timestamp is ISO-8601. A refusal is a {@link MalformedEventException} that names the field by its path
 * ({@code data.lines[0].sku}), never its value: events carry personal data.
 */
public final class EventFields {

    private final JsonNode node;
    private final String path;

    private EventFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The {@code detail.data} of {@code event}, named {@code data} in refusals. */
    public static EventFields data(IncomingEvent event) {
        return of(event.data(), "data");
    }

    /** {@code node}, which must be a JSON object, named {@code path} in refusals. */
    public static EventFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(path + " is missing or not an object");
        }
        return new EventFields(node, path);
    }

    /** Where this object is, as refusals name it. */
    public String path() {
        return path;
    }

    /** A string field that is present and not blank. */
    public String text(String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException(where(field) + " is missing or not a string");
        }
        return value.asText();
    }

    /** A string field that may be absent; absent, null or blank are all empty. */
    public Optional<String> optionalText(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedEventException(where(field) + " is not a string");
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    /** An integer field: an integral JSON number that fits an int (2.5, "2" and 2^31 are refused). */
    public int integer(String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedEventException(where(field) + " is missing or not an integer");
        }
        return value.intValue();
    }

    /** An integer field that may be absent (a field a later minor version added); absent or null is empty. */
    public Optional<Integer> optionalInteger(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedEventException(where(field) + " is not an integer");
        }
        return Optional.of(value.intValue());
    }

    /** An ISO-8601 UTC timestamp ({@code 2026-01-01T00:00:00Z}). */
    public Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(where(field) + " is not an ISO-8601 UTC timestamp");
        }
    }

    /** A nested object. */
    public EventFields object(String field) {
        return of(node.path(field), where(field));
    }

    /** A non-empty array of objects, each named by its index ({@code data.lines[0]}). */
    public List<EventFields> objects(String field) {
        JsonNode array = array(field);
        List<EventFields> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            objects.add(of(array.get(i), where(field) + "[" + i + "]"));
        }
        return objects;
    }

    /** A non-empty array of strings, none blank. */
    public List<String> texts(String field) {
        JsonNode array = array(field);
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new MalformedEventException(where(field) + "[" + i + "] is not a string");
            }
            texts.add(value.asText());
        }
        return texts;
    }

    /**
     * What {@code build} makes of this object's {@code field}, or a refusal naming the field when the context's own
     * type refuses it: a domain type's messages name fields and limits, never values, so they are safe to log.
     */
    public <T> T valid(String field, Supplier<T> build) {
        return validated(where(field), build);
    }

    /** As {@link #valid(String, Supplier)}, for a value that is named {@code what} as a whole (a command, an event). */
    public static <T> T validated(String what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new MalformedEventException(what + " is invalid: " + invalid.getMessage());
        }
    }

    private JsonNode array(String field) {
        JsonNode array = node.path(field);
        if (!array.isArray() || array.isEmpty()) {
            throw new MalformedEventException(where(field) + " is missing or empty");
        }
        return array;
    }

    private String where(String field) {
        return path + "." + field;
    }
}
