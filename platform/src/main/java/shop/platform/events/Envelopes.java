package shop.platform.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.platform.json.Json;

/**
 * Builds the {@code detail} of a published event: {@code {"metadata": {...}, "data": {...}}} as DESIGN.md fixes it,
 * checked against its published schema ({@link EventContracts}) before anyone can owe it.
 */
public final class Envelopes {

    private Envelopes() {
    }

    /**
     * {@code data}: a JSON node, a map or a record (see {@link Json#node}). Throws {@link UnsendableEventException}
     * for a detail that could never be published, so the producer refuses the change instead of storing the event.
     */
    public static PendingEvent pending(String source, EventMetadata metadata, Object data) {
        ObjectNode detail = Json.object();
        detail.set("metadata", Json.node(metadata));
        detail.set("data", Json.node(data));
        EventContracts.check(metadata.eventType(), metadata.schemaVersion(), detail);
        return new PendingEvent(metadata.eventId(), source, metadata.eventType(), Json.string(detail));
    }
}
