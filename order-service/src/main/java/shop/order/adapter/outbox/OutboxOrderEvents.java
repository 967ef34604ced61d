package shop.order.adapter.outbox;

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
    private final OrderMessages messages;

    /** {@code messages}: the same as the table adapter's, so what is sent is exactly what was stored. */
    public OutboxOrderEvents(Outbox outbox, OrderMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @Override
    public void publish(OwedEvent owed) {
        outbox.publish(DynamoDbOrders.key(owed.order().id()), messages.of(owed));
    }
}
