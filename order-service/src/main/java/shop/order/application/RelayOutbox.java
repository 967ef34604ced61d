package shop.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.domain.OrderId;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;

/**
 * Publishes what orders still owe the bus: events whose PutEvents failed, or whose function died between
 * storing the order and publishing. Runs on a schedule. Events younger than the grace period are left to the
 * request still publishing them; a duplicate would be harmless, as consumers deduplicate, but needless.
 */
public final class RelayOutbox {

    /** What one run did. */
    public record Report(int ordersVisited, int eventsPublished, int eventsStillOwed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RelayOutbox.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final PublishOwedEvents publisher;
    private final Clock clock;
    private final Duration grace;

    public RelayOutbox(Orders orders, OrderEvents events, Clock clock, Duration grace) {
        this.orders = orders;
        this.publisher = new PublishOwedEvents(orders, events);
        this.clock = clock;
        this.grace = grace;
    }

    public Report relay() {
        List<OrderId> owing = orders.owingEvents(clock.instant().minus(grace), BATCH);
        int published = 0;
        int stillOwed = 0;
        for (OrderId id : owing) {
            List<PendingEvent> owed = orders.owedEvents(id);
            if (owed.isEmpty()) {
                orders.published(id, List.of());
                continue;
            }
            PublishResult result = publisher.publish(id, owed);
            published += result.publishedEventIds().size();
            stillOwed += result.stillPending().size();
        }
        Report report = new Report(owing.size(), published, stillOwed);
        LOG.info("outbox relay: {} order(s) visited, {} event(s) published, {} still owed", report.ordersVisited(),
                report.eventsPublished(), report.eventsStillOwed());
        return report;
    }
}
