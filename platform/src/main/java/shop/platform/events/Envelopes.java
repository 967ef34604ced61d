package shop.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.platform.json.Json;

/** Builds the {@code detail} of a published event: {@code {"metadata": {...}, "data": {...}}} as DESIGN.md fixes it. */
public final class Envelopes {

    private Envelopes() {
    }

    public static PendingEvent pending(String source, EventMetadata metadata, Object data) {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.set("metadata", Json.MAPPER.valueToTree(metadata));
        detail.set("data", data instanceof JsonNode node ? node : Json.MAPPER.valueToTree(data));
        try {
            return new PendingEvent(metadata.eventId(), source, metadata.eventType(),
                    Json.MAPPER.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event detail could not be written as JSON", e);
        }
    }
}
