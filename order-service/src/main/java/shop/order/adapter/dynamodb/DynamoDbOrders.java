package shop.order.adapter.dynamodb;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import shop.order.adapter.eventbridge.OrderMessages;
import shop.order.application.Orders;
import shop.order.application.OwedEvent;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderStatus;
import shop.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Orders in DynamoDB, each item carrying its outbox (platform's {@link OutboxItems}): every change is one
 * conditional write that stores the order's new state and the event it owes, so neither exists without the other.
 */
public final class DynamoDbOrders implements Orders {

    private final DynamoDbClient dynamo;
    private final String table;
    private final OrderMessages messages;

    /** {@code messages}: what each owed event says on the bus (for a placed order, every OrderPlaced version owed). */
    public DynamoDbOrders(DynamoDbClient dynamo, String table, OrderMessages messages) {
        this.dynamo = dynamo;
        this.table = table;
        this.messages = messages;
    }

    /** The key of an order's item, which is also where its outbox is. */
    public static Map<String, AttributeValue> key(OrderId id) {
        return OrderItems.key(id);
    }

    /** A new order's item, carrying the events it owes (one per OrderPlaced version) in its outbox. */
    static Map<String, AttributeValue> newItem(Order order, OwedEvent owed, OrderMessages messages) {
        Map<String, AttributeValue> item = OrderItems.toItem(order);
        OutboxItems.addTo(item, messages.of(owed), order.placedAt());
        return item;
    }

    @Override
    public boolean add(Order order, OwedEvent owed) {
        Map<String, AttributeValue> item = newItem(order, owed, messages);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Order> find(OrderId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(OrderItems.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderItems.fromItem(item));
    }

    @Override
    public boolean change(OrderStatus from, Order changed, OwedEvent owed) {
        OutboxItems.Update outbox = OutboxItems.owe(messages.of(owed), OrderItems.changedAt(changed));
        Map<String, String> names = new HashMap<>(outbox.names());
        Map<String, AttributeValue> values = new HashMap<>(outbox.values());
        StringBuilder set = new StringBuilder("SET #status = :to, ");
        int i = 0;
        for (Map.Entry<String, AttributeValue> field : OrderItems.fieldsSetBy(changed).entrySet()) {
            names.put("#f" + i, field.getKey());
            values.put(":f" + i, field.getValue());
            set.append("#f").append(i).append(" = :f").append(i).append(", ");
            i++;
        }
        set.append(outbox.setClauses());
        names.put("#status", "status");
        values.put(":from", OrderItems.s(from.name()));
        values.put(":to", OrderItems.s(changed.status().name()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(OrderItems.key(changed.id()))
                    .conditionExpression("#status = :from")
                    .updateExpression(set.toString())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notFromAnyMore) {
            return false;
        }
    }

    @Override
    public boolean ship(OrderStatus from, Order shipped) {
        Order.Shipment how = shipped.shipment().orElseThrow();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(OrderItems.key(shipped.id()))
                    .conditionExpression("#status = :from AND attribute_not_exists(shippedAt)")
                    .updateExpression("SET #status = :to, shippedAt = :at, carrier = :carrier, trackingNumber = :tracking")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":from", OrderItems.s(from.name()),
                            ":to", OrderItems.s(shipped.status().name()), ":at", OrderItems.s(how.shippedAt().toString()),
                            ":carrier", OrderItems.s(how.carrier()), ":tracking", OrderItems.s(how.trackingNumber()))));
            return true;
        } catch (ConditionalCheckFailedException changedOrShippedAlready) {
            return false;
        }
    }
}
