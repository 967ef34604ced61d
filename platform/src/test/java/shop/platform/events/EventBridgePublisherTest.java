package shop.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.json.Json;
import shop.testsupport.CapturingEventBridge;

class EventBridgePublisherTest {

    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();
    private EventBridgePublisher publisher;

    @BeforeEach
    void reset() {
        publisher = new EventBridgePublisher(bus.client(), "shop-bus", 3, Duration.ofMillis(1));
    }

    @Test
    void publishes_every_event_and_reports_none_pending() {
        List<PendingEvent> events = events(3);

        PublishResult result = publisher.publish(events);

        assertTrue(result.complete());
        assertEquals(ids(events), result.publishedEventIds());
        assertEquals(3, bus.events().size());
        assertEquals("shop-bus", bus.events().get(0).busName());
        assertEquals("OrderPlaced", bus.events().get(0).detailType());
    }

    @Test
    void retries_only_the_entries_that_FailedEntryCount_reports() {
        bus.rejectNextEntries(2);
        List<PendingEvent> events = events(3);

        PublishResult result = publisher.publish(events);

        assertTrue(result.complete());
        assertEquals(3, bus.events().size(), "each event reaches the bus exactly once");
        assertEquals(2, bus.calls());
    }

    @Test
    void splits_more_than_ten_events_into_several_calls() {
        PublishResult result = publisher.publish(events(23));

        assertTrue(result.complete());
        assertEquals(23, bus.events().size());
        assertEquals(3, bus.calls());
    }

    @Test
    void returns_what_still_fails_after_every_attempt_so_the_outbox_keeps_it() {
        bus.failNextCalls(3);
        List<PendingEvent> events = events(2);

        PublishResult result = publisher.publish(events);

        assertEquals(List.of(), result.publishedEventIds());
        assertEquals(events, result.stillPending());
        assertEquals(0, bus.events().size());
    }

    @Test
    void a_call_that_fails_entirely_is_retried() {
        bus.failNextCalls(1);

        PublishResult result = publisher.publish(events(2));

        assertTrue(result.complete());
        assertEquals(2, bus.events().size());
    }

    @Test
    void ten_events_are_one_call_and_eleven_are_two() {
        assertTrue(publisher.publish(events(10)).complete());
        assertEquals(1, bus.calls(), "PutEvents takes ten entries: no second call, not even an empty one");

        bus.clear();
        assertTrue(publisher.publish(events(11)).complete());
        assertEquals(2, bus.calls());
    }

    @Test
    void one_attempt_is_a_publisher_that_does_not_retry_and_none_is_refused() {
        bus.failNextCalls(1);

        PublishResult result = new EventBridgePublisher(bus.client(), "shop-bus", 1, Duration.ofMillis(1)).publish(events(2));

        assertEquals(2, result.stillPending().size(), "one attempt, and it failed: both still owed");
        assertEquals(1, bus.calls());
        assertThrows(IllegalArgumentException.class, () -> new EventBridgePublisher(bus.client(), "shop-bus", 0, Duration.ofMillis(1)));
    }

    @Test
    void each_retry_waits_twice_as_long_as_the_one_before() {
        bus.failNextCalls(2);
        EventBridgePublisher patient = new EventBridgePublisher(bus.client(), "shop-bus", 3, Duration.ofMillis(300));

        long started = System.nanoTime();
        assertTrue(patient.publish(events(1)).complete());
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(waitedMillis >= 900, "300 ms before the second attempt, 600 ms before the third; waited " + waitedMillis + " ms");
    }

    private static List<PendingEvent> events(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    EventMetadata metadata = EventMetadata.newEvent("OrderPlaced", "1.0", Instant.now(), "corr-" + i, "order-service");
                    return new PendingEvent(metadata.eventId(), "shop.orders", "OrderPlaced",
                            Json.string(Map.of("metadata", metadata, "data", Map.of("orderId", "o-" + i))));
                })
                .toList();
    }

    private static List<String> ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::eventId).toList();
    }
}
