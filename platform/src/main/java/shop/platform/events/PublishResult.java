package shop.platform.events;

import java.util.List;

/**
 * What one publish attempt achieved: the events the bus accepted, those still owed after transient failures (left in
 * the outbox for the relay), and those it refused with an entry error that no retry changes (the outbox parks them).
 */
public record PublishResult(List<String> publishedEventIds, List<PendingEvent> stillPending, List<Refusal> refused) {

    /** An entry the bus refused with {@code errorCode}, which a retry of the same bytes would meet again. */
    public record Refusal(PendingEvent event, String errorCode, String errorMessage) {
    }

    public PublishResult {
        publishedEventIds = List.copyOf(publishedEventIds);
        stillPending = List.copyOf(stillPending);
        refused = List.copyOf(refused);
    }

    public PublishResult(List<String> publishedEventIds, List<PendingEvent> stillPending) {
        this(publishedEventIds, stillPending, List.of());
    }

    /** Every event accepted: nothing pending, nothing refused. */
    public boolean complete() {
        return stillPending.isEmpty() && refused.isEmpty();
    }
}
