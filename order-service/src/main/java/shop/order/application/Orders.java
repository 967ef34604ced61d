package shop.order.application;

import java.util.Optional;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderStatus;

/**
 * Where orders live, each with the events it still owes the bus. Every method that changes an order is one
 * conditional write of one item, storing the change and the event it owes together, so they are never out of step.
 */
public interface Orders {

    /** Stores a new order and the event it owes. False if an order with this id already exists. */
    boolean add(Order order, OwedEvent owed);

    Optional<Order> find(OrderId id);

    /** Stores {@code changed} and the event it owes if the stored order is still {@code from}. False otherwise. */
    boolean change(OrderStatus from, Order changed, OwedEvent owed);

    /** Stores {@code shipped}'s shipment (it owes no event) if the order is still {@code from} and has none yet. */
    boolean ship(OrderStatus from, Order shipped);
}
