package shop.order.adapter.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.order.application.Orders;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.platform.events.PendingEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Orders in DynamoDB, each item carrying its outbox: a map of the events it still owes the bus. The sparse
 * attribute {@code outboxPending} is present exactly while that map is not empty, so the {@code outbox} index
 * lists only the orders the relay has to look at.
 */
public final class DynamoDbOrders implements Orders {

    static final String OUTBOX_INDEX = "outbox";
    private static final AttributeValue PENDING = OrderItems.s("PENDING");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOrders(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean add(Order order, List<PendingEvent> owed) {
        Map<String, AttributeValue> item = OrderItems.toItem(order);
        Map<String, AttributeValue> outbox = new HashMap<>();
        owed.forEach(event -> outbox.put(event.eventId(), entry(event, order.placedAt())));
        item.put("outbox", AttributeValue.fromM(outbox));
        if (!owed.isEmpty()) {
            item.put("outboxPending", PENDING);
            item.put("outboxSince", OrderItems.s(order.placedAt().toString()));
        }
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
    public boolean cancel(Order cancelled, PendingEvent owed) {
        Order.Cancellation cancellation = cancelled.cancellation().orElseThrow();
        String since = cancellation.cancelledAt().toString();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(OrderItems.key(cancelled.id()))
                    .conditionExpression("#status = :placed AND customerId = :customer")
                    .updateExpression("SET #status = :cancelled, cancelledAt = :at, cancellationReason = :reason, "
                            + "outbox.#event = :entry, outboxPending = :pending, outboxSince = if_not_exists(outboxSince, :at)")
                    .expressionAttributeNames(Map.of("#status", "status", "#event", owed.eventId()))
                    .expressionAttributeValues(Map.of(
                            ":placed", OrderItems.s("PLACED"),
                            ":cancelled", OrderItems.s("CANCELLED"),
                            ":customer", OrderItems.s(cancelled.customerId().value()),
                            ":at", OrderItems.s(since),
                            ":reason", OrderItems.s(cancellation.reason().name()),
                            ":entry", entry(owed, cancellation.cancelledAt()),
                            ":pending", PENDING)));
            return true;
        } catch (ConditionalCheckFailedException notPlacedAnyMore) {
            return false;
        }
    }

    @Override
    public void published(OrderId id, List<String> eventIds) {
        Map<String, AttributeValue> remaining;
        if (eventIds.isEmpty()) {
            remaining = Map.of();
        } else {
            Map<String, String> names = new HashMap<>();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < eventIds.size(); i++) {
                names.put("#e" + i, eventIds.get(i));
                paths.add("outbox.#e" + i);
            }
            remaining = dynamo.updateItem(b -> b.tableName(table).key(OrderItems.key(id))
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("REMOVE " + String.join(", ", paths))
                    .expressionAttributeNames(names)
                    .returnValues(ReturnValue.ALL_NEW)).attributes().get("outbox").m();
        }
        if (remaining.isEmpty()) {
            try {
                // only if nothing was added meanwhile (a cancel racing the publish keeps the order listed)
                dynamo.updateItem(b -> b.tableName(table).key(OrderItems.key(id))
                        .conditionExpression("attribute_exists(pk) AND size(outbox) = :zero")
                        .updateExpression("REMOVE outboxPending, outboxSince")
                        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
            } catch (ConditionalCheckFailedException somethingOwedAgain) {
                // the newer event keeps outboxPending set; the relay or its own request publishes it
            }
        }
    }

    @Override
    public List<PendingEvent> owedEvents(OrderId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(OrderItems.key(id))
                .consistentRead(true).projectionExpression("outbox")).item();
        if (item == null || !item.containsKey("outbox")) {
            return List.of();
        }
        return item.get("outbox").m().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().m().get("at").s()))
                .map(e -> {
                    Map<String, AttributeValue> entry = e.getValue().m();
                    return new PendingEvent(e.getKey(), entry.get("source").s(), entry.get("detailType").s(), entry.get("detail").s());
                }).toList();
    }

    @Override
    public List<OrderId> owingEvents(Instant owingSince, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(OUTBOX_INDEX).limit(limit)
                        .keyConditionExpression("outboxPending = :pending AND outboxSince <= :since")
                        .expressionAttributeValues(Map.of(":pending", PENDING, ":since", OrderItems.s(owingSince.toString()))))
                .items().stream().map(item -> new OrderId(item.get(OrderItems.PK).s().substring("ORDER#".length()))).toList();
    }

    private static AttributeValue entry(PendingEvent event, Instant at) {
        return AttributeValue.fromM(Map.of(
                "source", OrderItems.s(event.source()),
                "detailType", OrderItems.s(event.detailType()),
                "detail", OrderItems.s(event.detail()),
                "at", OrderItems.s(at.toString())));
    }
}
