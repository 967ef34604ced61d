package shop.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sends what an item owes and forgets what the bus took; what it did not take stays in the item's outbox for the
 * relay. The one mechanism behind every producer's promise: a change that was stored always gets its events on the bus.
 */
public final class Outbox {

    /** What one relay run did. */
    public record RelayReport(int itemsVisited, int eventsPublished, int eventsStillOwed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final DynamoDbOutbox store;
    private final EventBridgePublisher publisher;

    public Outbox(DynamoDbOutbox store, EventBridgePublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** Publishes {@code owed} (already stored in the item's outbox), then forgets those the bus accepted. */
    public PublishResult publish(Map<String, AttributeValue> key, List<PendingEvent> owed) {
        PublishResult result = publisher.publish(owed);
        if (!result.publishedEventIds().isEmpty()) {
            store.published(key, result.publishedEventIds());
        }
        if (!result.complete()) {
            LOG.warn("{} event(s) still owed after publishing; the outbox relay will retry them", result.stillPending().size());
        }
        return result;
    }

    /** One relay pass: every item owing events since before {@code owingSince} (at most {@code limit}) publishes them. */
    public RelayReport relay(Instant owingSince, int limit) {
        List<Map<String, AttributeValue>> owing = store.owing(owingSince, limit);
        int published = 0;
        int stillOwed = 0;
        for (Map<String, AttributeValue> key : owing) {
            List<PendingEvent> owed = store.owed(key);
            if (owed.isEmpty()) {
                store.published(key, List.of()); // listed, owing nothing: take it off the index
                continue;
            }
            PublishResult result = publish(key, owed);
            published += result.publishedEventIds().size();
            stillOwed += result.stillPending().size();
        }
        RelayReport report = new RelayReport(owing.size(), published, stillOwed);
        LOG.info("outbox relay: {} item(s) visited, {} event(s) published, {} still owed", report.itemsVisited(),
                report.eventsPublished(), report.eventsStillOwed());
        return report;
    }
}
