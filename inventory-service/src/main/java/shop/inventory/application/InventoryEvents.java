package shop.inventory.application;

/**
 * The bus, as the inventory's use cases see it: publishes a decision already stored with the reservation it
 * decided. What the bus does not take stays owed, and the outbox relay sends it later; nothing is thrown.
 */
public interface InventoryEvents {

    void publish(OwedEvent decision);
}
