package shop.order.adapter.eventbridge;

import java.util.List;
import shop.order.adapter.dynamodb.DynamoDbOrders;
import shop.order.application.OrderEvents;
import shop.order.application.OwedEvent;
import shop.platform.outbox.Outbox;

/** Publishes an order's owed event through the platform's outbox: PutEvents, every entry checked, the sent ones forgotten. */
public final class EventBridgeOrderEvents implements OrderEvents {

    private final Outbox outbox;

    public EventBridgeOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OwedEvent owed) {
        outbox.publish(DynamoDbOrders.key(owed.order().id()), List.of(OrderMessages.of(owed)));
    }
}
