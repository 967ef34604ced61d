package shop.order.adapter.outbox;

import java.util.List;
import shop.order.adapter.dynamodb.DynamoDbOrders;
import shop.order.adapter.eventbridge.OrderMessages;
import shop.order.application.OrderEvents;
import shop.order.application.OwedEvent;
import shop.platform.outbox.Outbox;

/**
 * Publishes an order's owed event from its item's outbox (platform's {@link Outbox}: PutEvents, every entry checked,
 * the sent ones forgotten). The one class that needs both where the event is kept (the item's key, from the table
 * adapter) and what it says ({@link OrderMessages}, the published language), so those two adapters never need each
 * other.
 */
public final class OutboxOrderEvents implements OrderEvents {

    private final Outbox outbox;

    public OutboxOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OwedEvent owed) {
        outbox.publish(DynamoDbOrders.key(owed.order().id()), List.of(OrderMessages.of(owed)));
    }
}
