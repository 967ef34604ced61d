package shop.inventory.adapter.outbox;

import java.util.List;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.eventbridge.InventoryMessages;
import shop.inventory.application.InventoryEvents;
import shop.inventory.application.OwedEvent;
import shop.platform.outbox.Outbox;

/**
 * Publishes a stored decision from its reservation item's outbox (platform's {@link Outbox}: PutEvents, every entry
 * checked, the sent one forgotten). The one class that needs both where the event is kept (the item's key, from the
 * table adapter) and what it says ({@link InventoryMessages}, the published language), so those two never need each
 * other.
 */
public final class OutboxInventoryEvents implements InventoryEvents {

    private final Outbox outbox;

    public OutboxInventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OwedEvent decision) {
        outbox.publish(DynamoDbReservations.key(decision.reservation().orderId()), List.of(InventoryMessages.of(decision)));
    }
}
