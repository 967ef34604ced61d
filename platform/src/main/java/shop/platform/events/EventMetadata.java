package shop.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code detail.metadata} block every event on the bus carries: who produced it, when, and the id that
 * consumers deduplicate on. The eventId is set once by the producer and never changes across retries or replays.
 */
public record EventMetadata(String eventId, String eventType, String schemaVersion, String occurredAt,
                            String correlationId, String producer) {

    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(producer, "producer");
    }

    public static EventMetadata newEvent(String eventType, String schemaVersion, Instant occurredAt,
                                         String correlationId, String producer) {
        return new EventMetadata(UUID.randomUUID().toString(), eventType, schemaVersion, occurredAt.toString(),
                correlationId, producer);
    }
}
