package shop.platform.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.platform.json.Json;

/** Builds the {@code detail} of a published event: {@code {"metadata": {...}, "data": {...}}} as DESIGN.md fixes it. */
public final class Envelopes {

    private Envelopes() {
    }

    /** {@code data}: a JSON node, a map or a record (see {@link Json#node}). */
    public static PendingEvent pending(String source, EventMetadata metadata, Object data) {
        ObjectNode detail = Json.object();
        detail.set("metadata", Json.node(metadata));
        detail.set("data", Json.node(data));
        return new PendingEvent(metadata.eventId(), source, metadata.eventType(), Json.string(detail));
    }
}
