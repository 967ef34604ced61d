package shop.packaging.adapter.eventbridge;

import java.util.List;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.application.ParcelEvents;
import shop.packaging.application.OwedEvent;
import shop.platform.outbox.Outbox;

/** Publishes a parcel's owed event through the platform's outbox: PutEvents, every entry checked, the sent ones forgotten. */
public final class EventBridgeParcelEvents implements ParcelEvents {

    private final Outbox outbox;

    public EventBridgeParcelEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OwedEvent owed) {
        outbox.publish(DynamoDbParcels.key(owed.parcel().orderId()), List.of(ParcelMessages.of(owed)));
    }
}
