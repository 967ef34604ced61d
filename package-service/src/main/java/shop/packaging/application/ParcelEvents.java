package shop.packaging.application;

/**
 * The bus, as the package context's use cases see it: publishes an event already stored with the parcel that owes
 * it. What the bus does not take stays owed and the outbox relay sends it later; the caller's change stands.
 */
public interface ParcelEvents {

    void publish(OwedEvent owed);
}
