package shop.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.platform.events.PendingEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The outboxes of one producer's table: which items owe events (the sparse index), what one item owes, and
 * forgetting what the bus took. Each call touches one item, conditionally, so it never races the producer's own
 * writes into a wrong state: an event added meanwhile keeps the item listed.
 */
public final class DynamoDbOutbox {

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<String> keyAttributes;

    /** {@code keyAttributes}: the table's key (hash, then range if any), read back from the index's KEYS_ONLY items. */
    public DynamoDbOutbox(DynamoDbClient dynamo, String table, String... keyAttributes) {
        if (keyAttributes.length == 0) {
            throw new IllegalArgumentException("a table has at least a hash key");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.keyAttributes = List.of(keyAttributes);
    }

    /**
     * Forgets events the bus has accepted; once nothing is owed, the item leaves the index. The usual case (the item owes
     * exactly these events) is one conditional write that also takes the item off the index; otherwise two.
     */
    public void published(Map<String, AttributeValue> key, List<String> eventIds) {
        if (!eventIds.isEmpty() && forgetAll(key, eventIds)) {
            return;
        }
        Map<String, AttributeValue> remaining;
        if (eventIds.isEmpty()) {
            remaining = Map.of();
        } else {
            Map<String, String> names = eventNames(eventIds);
            names.put("#k", keyAttributes.get(0));
            remaining = dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("attribute_exists(#k)")
                    .updateExpression("REMOVE " + String.join(", ", paths(eventIds)))
                    .expressionAttributeNames(names)
                    .returnValues(ReturnValue.ALL_NEW)).attributes().get(OutboxItems.MAP).m();
        }
        if (remaining.isEmpty()) {
            try {
                // only if nothing was added meanwhile: a change racing the publish keeps the item listed
                dynamo.updateItem(b -> b.tableName(table).key(key)
                        .conditionExpression("attribute_exists(#k) AND size(" + OutboxItems.MAP + ") = :zero")
                        .updateExpression("REMOVE " + OutboxItems.PENDING + ", " + OutboxItems.SINCE)
                        .expressionAttributeNames(Map.of("#k", keyAttributes.get(0)))
                        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
            } catch (ConditionalCheckFailedException somethingOwedAgain) {
                // the newer event keeps outboxPending set; its own writer or the relay publishes it
            }
        }
    }

    /** Empties the outbox and unlists the item in one write, if the outbox holds exactly these events; false if not. */
    private boolean forgetAll(Map<String, AttributeValue> key, List<String> eventIds) {
        Map<String, String> names = eventNames(eventIds);
        List<String> paths = paths(eventIds);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("size(" + OutboxItems.MAP + ") = :owed AND attribute_exists("
                            + String.join(") AND attribute_exists(", paths) + ")")
                    .updateExpression("REMOVE " + String.join(", ", paths) + ", " + OutboxItems.PENDING + ", " + OutboxItems.SINCE)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":owed", AttributeValue.fromN(Integer.toString(eventIds.size())))));
            return true;
        } catch (ConditionalCheckFailedException moreOwedOrGone) {
            return false; // another event was added meanwhile (or the item is gone): forget these alone, as before
        }
    }

    private static Map<String, String> eventNames(List<String> eventIds) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < eventIds.size(); i++) {
            names.put("#e" + i, eventIds.get(i));
        }
        return names;
    }

    private static List<String> paths(List<String> eventIds) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < eventIds.size(); i++) {
            paths.add(OutboxItems.MAP + ".#e" + i);
        }
        return paths;
    }

    /** The events an item still owes, oldest first. */
    public List<PendingEvent> owed(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key)
                .consistentRead(true).projectionExpression(OutboxItems.MAP)).item();
        if (item == null || !item.containsKey(OutboxItems.MAP)) {
            return List.of();
        }
        return item.get(OutboxItems.MAP).m().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().m().get("at").s()))
                .map(e -> OutboxItems.event(e.getKey(), e.getValue().m()))
                .toList();
    }

    /** The keys of items that have owed events since before {@code owingSince}, oldest first, at most {@code limit}. */
    public List<Map<String, AttributeValue>> owing(Instant owingSince, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(OutboxItems.INDEX).limit(limit)
                        .keyConditionExpression(OutboxItems.PENDING + " = :pending AND " + OutboxItems.SINCE + " <= :since")
                        .expressionAttributeValues(Map.of(":pending", OutboxItems.PENDING_VALUE,
                                ":since", AttributeValue.fromS(owingSince.toString()))))
                .items().stream().map(this::keyOf).toList();
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> indexItem) {
        Map<String, AttributeValue> key = new HashMap<>();
        keyAttributes.forEach(name -> key.put(name, indexItem.get(name)));
        return key;
    }
}
