package shop.order.application;

/**
 * The bus, as the order context's use cases see it: publishes an event that is already stored with the order that
 * owes it. What the bus does not take stays owed, and the outbox relay sends it later; nothing is thrown at the
 * caller, whose change stands.
 */
public interface OrderEvents {

    void publish(OwedEvent owed);
}
