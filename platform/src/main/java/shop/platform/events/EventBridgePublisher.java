package shop.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts events on the bus and checks every entry of every response: a 200 from {@code PutEvents} can still
 * carry failed entries ({@code FailedEntryCount > 0}). Failed entries are retried with exponential backoff;
 * whatever still fails is returned so that the caller keeps it in its outbox for the relay.
 */
public final class EventBridgePublisher {

    /**
     * Entry errors that say "try again later" (EventBridge API reference, PutEventsResultEntry): everything else is
     * about the entry itself (MalformedDetail, InvalidArgument, NotAuthorizedForSourceException, ...), and sending the
     * same bytes again meets the same answer.
     */
    static final Set<String> TRANSIENT_ENTRY_ERRORS = Set.of("InternalFailure", "InternalException", "ThrottlingException",
            "ServiceUnavailable");

    /** PutEvents accepts at most ten entries per call. */
    static final int MAX_ENTRIES_PER_CALL = 10;

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgePublisher.class);

    private final EventBridgeClient client;
    private final String busName;
    private final int attempts;
    private final Duration firstBackoff;

    public EventBridgePublisher(EventBridgeClient client, String busName, int attempts, Duration firstBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.client = client;
        this.busName = busName;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    public PublishResult publish(List<PendingEvent> events) {
        List<String> published = new ArrayList<>();
        List<PublishResult.Refusal> refused = new ArrayList<>();
        List<PendingEvent> pending = new ArrayList<>(events);
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(firstBackoff.multipliedBy(1L << (attempt - 2)));
            }
            List<PendingEvent> failed = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += MAX_ENTRIES_PER_CALL) {
                List<PendingEvent> batch = pending.subList(from, Math.min(from + MAX_ENTRIES_PER_CALL, pending.size()));
                putBatch(batch, published, failed, refused, attempt);
            }
            pending = failed;
        }
        return new PublishResult(published, pending, refused);
    }

    private void putBatch(List<PendingEvent> batch, List<String> published, List<PendingEvent> failed,
                          List<PublishResult.Refusal> refused, int attempt) {
        PutEventsResponse response;
        try {
            response = client.putEvents(PutEventsRequest.builder().entries(batch.stream().map(this::entry).toList()).build());
        } catch (SdkException e) {
            LOG.warn("PutEvents call failed on attempt {} for {} entries: {}", attempt, batch.size(), e.getMessage());
            failed.addAll(batch);
            return;
        }
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < batch.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result != null && result.errorCode() == null && result.eventId() != null) {
                published.add(batch.get(i).eventId());
            } else if (result != null && result.errorCode() != null && !TRANSIENT_ENTRY_ERRORS.contains(result.errorCode())) {
                LOG.warn("PutEvents entry {} ({}) refused on attempt {}: {} {}", batch.get(i).eventId(), batch.get(i).detailType(),
                        attempt, result.errorCode(), result.errorMessage());
                refused.add(new PublishResult.Refusal(batch.get(i), result.errorCode(), String.valueOf(result.errorMessage())));
            } else {
                LOG.warn("PutEvents entry {} rejected on attempt {}: {}", batch.get(i).eventId(), attempt,
                        result == null ? "no result entry" : result.errorCode() + " " + result.errorMessage());
                failed.add(batch.get(i));
            }
        }
    }

    private PutEventsRequestEntry entry(PendingEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(event.source())
                .detailType(event.detailType())
                .detail(event.detail())
                .build();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
