package shop.order.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.platform.events.PendingEvent;

/**
 * Where orders live, each with its outbox: the events it still owes the bus. Every method that changes an
 * order is one conditional write of one item, so an order and the events it owes are never out of step.
 */
public interface Orders {

    /** Stores a new order and the events it owes. False if an order with this id already exists. */
    boolean add(Order order, List<PendingEvent> owed);

    Optional<Order> find(OrderId id);

    /** Stores the cancellation and the event it owes, if the stored order is still PLACED. False otherwise. */
    boolean cancel(Order cancelled, PendingEvent owed);

    /** Forgets events the bus has accepted. */
    void published(OrderId id, List<String> eventIds);

    /** The events an order still owes, oldest first. */
    List<PendingEvent> owedEvents(OrderId id);

    /** Orders that have owed events since before {@code owingSince}, at most {@code limit}. */
    List<OrderId> owingEvents(Instant owingSince, int limit);
}
