package shop.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.events.EventBridgePublisher;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sends what an item owes and forgets what the bus took; what it did not take stays in the item's outbox for the
 * relay. The one mechanism behind every producer's promise: a change that was stored always gets its events on the bus.
 * An event the bus refuses for good is parked on its item with the reason (never retried forever), counted by the
 * {@code OutboxEventsParked} metric, and republished when an operator asks ({@link #republishParked}).
 */
public final class Outbox {

    /** What one relay run did. */
    public record RelayReport(int itemsVisited, int eventsPublished, int eventsStillOwed, int eventsParked) {

        public RelayReport(int itemsVisited, int eventsPublished, int eventsStillOwed) {
            this(itemsVisited, eventsPublished, eventsStillOwed, 0);
        }
    }

    /**
     * Entry errors about the entry itself, parked at the first refusal: AWS would never accept these bytes from this
     * producer. Any other non-transient entry error is parked once the same one came back {@link #REFUSALS_BEFORE_PARKING} times.
     */
    static final Set<String> NEVER_ACCEPTED = Set.of("MalformedDetail", "InvalidArgument", "NotAuthorizedForSourceException",
            "AccessDeniedException", "ValidationException");
    static final int REFUSALS_BEFORE_PARKING = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final DynamoDbOutbox store;
    private final EventBridgePublisher publisher;
    private final ParkedMetric metric;
    private final Clock clock;

    public Outbox(DynamoDbOutbox store, EventBridgePublisher publisher) {
        this(store, publisher, ParkedMetric.fromEnvironment(), Clock.systemUTC());
    }

    public Outbox(DynamoDbOutbox store, EventBridgePublisher publisher, ParkedMetric metric, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.metric = metric;
        this.clock = clock;
    }

    /** Publishes {@code owed} (already stored in the item's outbox), forgets those the bus accepted, parks those it refused for good. */
    public PublishResult publish(Map<String, AttributeValue> key, List<PendingEvent> owed) {
        PublishResult result = publisher.publish(owed);
        if (!result.publishedEventIds().isEmpty()) {
            store.published(key, result.publishedEventIds());
        }
        List<PendingEvent> stillOwed = new ArrayList<>(result.stillPending());
        List<PublishResult.Refusal> parked = new ArrayList<>();
        for (PublishResult.Refusal refusal : result.refused()) {
            if (shouldPark(key, refusal)) {
                String reason = refusal.errorCode() + ": " + refusal.errorMessage();
                if (store.park(key, refusal.event().eventId(), reason, clock.instant())) {
                    parked.add(refusal);
                    metric.parked(refusal.event(), reason);
                    LOG.error("event {} ({}) parked: the bus refused it for good ({}); republish it once fixed",
                            refusal.event().eventId(), refusal.event().detailType(), refusal.errorCode());
                }
            } else {
                stillOwed.add(refusal.event());
            }
        }
        if (!stillOwed.isEmpty()) {
            LOG.warn("{} event(s) still owed after publishing; the outbox relay will retry them", stillOwed.size());
        }
        return new PublishResult(result.publishedEventIds(), stillOwed, parked);
    }

    private boolean shouldPark(Map<String, AttributeValue> key, PublishResult.Refusal refusal) {
        if (NEVER_ACCEPTED.contains(refusal.errorCode())) {
            return true;
        }
        return store.refusedAgain(key, refusal.event().eventId(), refusal.errorCode()) >= REFUSALS_BEFORE_PARKING;
    }

    /** One relay pass: every item owing events since before {@code owingSince} (at most {@code limit}) publishes them. */
    public RelayReport relay(Instant owingSince, int limit) {
        List<Map<String, AttributeValue>> owing = store.owing(owingSince, limit);
        int published = 0;
        int stillOwed = 0;
        int parked = 0;
        for (Map<String, AttributeValue> key : owing) {
            List<PendingEvent> owed = store.owed(key);
            if (owed.isEmpty()) {
                store.published(key, List.of()); // listed, owing nothing: take it off the index
                continue;
            }
            PublishResult result = publish(key, owed);
            published += result.publishedEventIds().size();
            stillOwed += result.stillPending().size();
            parked += result.refused().size();
        }
        RelayReport report = new RelayReport(owing.size(), published, stillOwed, parked);
        LOG.info("outbox relay: {} item(s) visited, {} event(s) published, {} still owed, {} parked", report.itemsVisited(),
                report.eventsPublished(), report.eventsStillOwed(), report.eventsParked());
        return report;
    }

    /** The parked events of this producer's table (an operator's question; a Scan). */
    public List<DynamoDbOutbox.Parked> parked() {
        return store.parked();
    }

    /**
     * Puts parked events back in their items' outboxes and publishes them now: {@code eventIds} empty means all of them.
     * One the bus refuses again is parked again, with the new reason. Returns what was published and parked.
     */
    public RelayReport republishParked(Set<String> eventIds) {
        int visited = 0;
        int published = 0;
        int stillOwed = 0;
        int parked = 0;
        for (DynamoDbOutbox.Parked event : store.parked()) {
            if (!eventIds.isEmpty() && !eventIds.contains(event.eventId())) {
                continue;
            }
            visited++;
            if (!store.unpark(event.key(), event.eventId(), clock.instant())) {
                continue;
            }
            LOG.info("event {} ({}) republished by an operator after: {}", event.eventId(), event.detailType(), event.reason());
            List<PendingEvent> owed = store.owed(event.key()).stream().filter(e -> e.eventId().equals(event.eventId())).toList();
            PublishResult result = publish(event.key(), owed);
            published += result.publishedEventIds().size();
            stillOwed += result.stillPending().size();
            parked += result.refused().size();
        }
        return new RelayReport(visited, published, stillOwed, parked);
    }
}
