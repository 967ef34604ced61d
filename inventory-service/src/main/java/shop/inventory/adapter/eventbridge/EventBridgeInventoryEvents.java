package shop.inventory.adapter.eventbridge;

import java.util.List;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.application.InventoryEvents;
import shop.inventory.application.OwedEvent;
import shop.platform.outbox.Outbox;

/** Publishes a stored decision through the platform's outbox: PutEvents, every entry checked, the sent one forgotten. */
public final class EventBridgeInventoryEvents implements InventoryEvents {

    private final Outbox outbox;

    public EventBridgeInventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OwedEvent decision) {
        outbox.publish(DynamoDbReservations.key(decision.reservation().orderId()), List.of(InventoryMessages.of(decision)));
    }
}
