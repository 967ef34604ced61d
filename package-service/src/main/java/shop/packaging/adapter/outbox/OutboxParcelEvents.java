package shop.packaging.adapter.outbox;

import java.util.List;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.adapter.eventbridge.ParcelMessages;
import shop.packaging.application.ParcelEvents;
import shop.packaging.application.OwedEvent;
import shop.platform.outbox.Outbox;

/**
 * Publishes a parcel's owed event from its item's outbox (platform's {@link Outbox}: PutEvents, every entry checked,
 * the sent ones forgotten). The one class that needs both where the event is kept (the item's key, from the table
 * adapter) and what it says ({@link ParcelMessages}, the published language), so those two adapters never need each
 * other.
 */
public final class OutboxParcelEvents implements ParcelEvents {

    private final Outbox outbox;

    public OutboxParcelEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OwedEvent owed) {
        outbox.publish(DynamoDbParcels.key(owed.parcel().orderId()), List.of(ParcelMessages.of(owed)));
    }
}
