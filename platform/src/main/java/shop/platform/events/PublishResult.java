package shop.platform.events;

import java.util.List;

/** What one publish attempt achieved: the events the bus accepted, and those still owed (left in the outbox). */
public record PublishResult(List<String> publishedEventIds, List<PendingEvent> stillPending) {

    public PublishResult {
        publishedEventIds = List.copyOf(publishedEventIds);
        stillPending = List.copyOf(stillPending);
    }

    public boolean complete() {
        return stillPending.isEmpty();
    }
}
