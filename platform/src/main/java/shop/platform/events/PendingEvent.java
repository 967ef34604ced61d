package shop.platform.events;

import java.util.Objects;

/**
 * An event ready for {@code PutEvents}: kept in the producer's outbox until the bus has accepted it, so it
 * holds the exact bytes to send (the detail JSON), not objects that could serialise differently on a retry.
 */
public record PendingEvent(String eventId, String source, String detailType, String detail) {

    public PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(detail, "detail");
    }
}
