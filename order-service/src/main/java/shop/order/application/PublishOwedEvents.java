package shop.order.application;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.domain.OrderId;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;

/**
 * Publishes the events an order owes and then forgets those the bus accepted. What fails stays in the outbox
 * for the relay: the order is already stored, so the caller's answer stands and nothing is lost.
 */
public final class PublishOwedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PublishOwedEvents.class);

    private final Orders orders;
    private final OrderEvents events;

    public PublishOwedEvents(Orders orders, OrderEvents events) {
        this.orders = orders;
        this.events = events;
    }

    public PublishResult publish(OrderId orderId, List<PendingEvent> owed) {
        PublishResult result = events.publish(owed);
        if (!result.publishedEventIds().isEmpty()) {
            orders.published(orderId, result.publishedEventIds());
        }
        if (!result.complete()) {
            LOG.warn("order {} still owes {} event(s) after publishing; the outbox relay will retry", orderId,
                    result.stillPending().size());
        }
        return result;
    }
}
