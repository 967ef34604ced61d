package shop.platform.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import shop.platform.json.Json;

/**
 * An EventBridge event as Lambda hands it to a rule target. The envelope and {@code detail.metadata} are
 * checked here, once for every consumer; {@code detail.data} is left as JSON for the consumer to read into
 * its own types (tolerant reader). {@code replayName} is present when the event comes from an archive replay.
 */
public record IncomingEvent(String id, String source, String detailType, String time, Optional<String> replayName,
                            EventMetadata metadata, JsonNode data) {

    public static IncomingEvent read(InputStream input) {
        JsonNode root;
        try {
            root = Json.read(input);
        } catch (JacksonException e) {
            throw new MalformedEventException("event is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MalformedEventException("event could not be read", e);
        }
        return from(root);
    }

    public static IncomingEvent from(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("event is not a JSON object");
        }
        JsonNode detail = root.path("detail");
        if (!detail.isObject()) {
            throw new MalformedEventException("event has no detail object");
        }
        JsonNode metadata = detail.path("metadata");
        if (!metadata.isObject()) {
            throw new MalformedEventException("event detail has no metadata object");
        }
        JsonNode data = detail.path("data");
        if (!data.isObject()) {
            throw new MalformedEventException("event detail has no data object");
        }
        String detailType = text(root, "detail-type");
        EventMetadata parsed = new EventMetadata(text(metadata, "eventId"), text(metadata, "eventType"),
                text(metadata, "schemaVersion"), text(metadata, "occurredAt"), text(metadata, "correlationId"),
                text(metadata, "producer"));
        if (!parsed.eventType().equals(detailType)) {
            throw new MalformedEventException("detail-type " + detailType + " differs from metadata.eventType "
                    + parsed.eventType());
        }
        JsonNode replay = root.path("replay-name");
        return new IncomingEvent(text(root, "id"), text(root, "source"), detailType, text(root, "time"),
                replay.isTextual() ? Optional.of(replay.asText()) : Optional.empty(), parsed, data);
    }

    /** The major part of {@code schemaVersion}: consumers accept the majors they were written for. */
    public int schemaMajorVersion() {
        String version = metadata.schemaVersion();
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new MalformedEventException("schemaVersion " + version + " is not of the form MAJOR.MINOR");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("event field " + field + " is missing or not a string");
        }
        return value.asText();
    }
}
