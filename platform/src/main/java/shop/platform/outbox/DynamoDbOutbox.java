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

    /**
     * Moves an owed event the bus refused for good into the item's {@code outboxParked} map, with the reason, so the
     * relay stops sending it; returns false if it was no longer owed (published or parked meanwhile). Two writes:
     * the map first (a crash after it leaves an empty map, harmless), then the move, conditional on the event still owed.
     */
    public boolean park(Map<String, AttributeValue> key, String eventId, String reason, Instant at) {
        String k = keyAttributes.get(0);
        dynamo.updateItem(b -> b.tableName(table).key(key).conditionExpression("attribute_exists(#k)")
                .updateExpression("SET " + OutboxItems.PARKED + " = if_not_exists(" + OutboxItems.PARKED + ", :empty)")
                .expressionAttributeNames(Map.of("#k", k))
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        Map<String, AttributeValue> entry = owedEntry(key, eventId);
        if (entry == null) {
            return false;
        }
        Map<String, AttributeValue> parked = new HashMap<>(entry);
        parked.put("reason", AttributeValue.fromS(reason));
        parked.put("parkedAt", AttributeValue.fromS(at.toString()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("attribute_exists(" + OutboxItems.MAP + ".#e)")
                    .updateExpression("SET " + OutboxItems.PARKED + ".#e = :parked REMOVE " + OutboxItems.MAP + ".#e")
                    .expressionAttributeNames(Map.of("#e", eventId))
                    .expressionAttributeValues(Map.of(":parked", AttributeValue.fromM(parked))));
        } catch (ConditionalCheckFailedException goneMeanwhile) {
            return false;
        }
        published(key, List.of()); // nothing else owed: the item leaves the relay's index
        return true;
    }

    /**
     * Records that the bus refused an owed event with {@code errorCode}; returns how many times in a row it refused it
     * with that code (a different code starts again at 1). 0 if the event is no longer owed.
     */
    public int refusedAgain(Map<String, AttributeValue> key, String eventId, String errorCode) {
        Map<String, AttributeValue> entry = owedEntry(key, eventId);
        if (entry == null) {
            return 0;
        }
        boolean same = entry.containsKey("lastError") && errorCode.equals(entry.get("lastError").s());
        int count = same && entry.containsKey("refusals") ? Integer.parseInt(entry.get("refusals").n()) + 1 : 1;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("attribute_exists(" + OutboxItems.MAP + ".#e)")
                    .updateExpression("SET " + OutboxItems.MAP + ".#e.lastError = :code, " + OutboxItems.MAP + ".#e.refusals = :n")
                    .expressionAttributeNames(Map.of("#e", eventId))
                    .expressionAttributeValues(Map.of(":code", AttributeValue.fromS(errorCode), ":n", AttributeValue.fromN(Integer.toString(count)))));
        } catch (ConditionalCheckFailedException goneMeanwhile) {
            return 0;
        }
        return count;
    }

    /** Puts a parked event back in the item's outbox (listed for the relay again); false if it is not parked there. */
    public boolean unpark(Map<String, AttributeValue> key, String eventId, Instant at) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)
                .projectionExpression(OutboxItems.PARKED)).item();
        AttributeValue parked = item == null || !item.containsKey(OutboxItems.PARKED) ? null : item.get(OutboxItems.PARKED).m().get(eventId);
        if (parked == null) {
            return false;
        }
        Map<String, AttributeValue> entry = new HashMap<>(parked.m());
        entry.keySet().retainAll(List.of("source", "detailType", "detail", "at"));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("attribute_exists(" + OutboxItems.PARKED + ".#e)")
                    .updateExpression("SET " + OutboxItems.MAP + ".#e = :entry, " + OutboxItems.PENDING + " = :pending, "
                            + OutboxItems.SINCE + " = if_not_exists(" + OutboxItems.SINCE + ", :at) REMOVE " + OutboxItems.PARKED + ".#e")
                    .expressionAttributeNames(Map.of("#e", eventId))
                    .expressionAttributeValues(Map.of(":entry", AttributeValue.fromM(entry), ":pending", OutboxItems.PENDING_VALUE,
                            ":at", AttributeValue.fromS(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException goneMeanwhile) {
            return false;
        }
    }

    /**
     * Every parked event of the table, with its item's key and reason. A Scan: this runs only when an operator asks
     * (the parked metric's alarm says when), never on the relay's schedule, so it costs nothing while nothing is parked.
     */
    public List<Parked> parked() {
        List<Parked> found = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)
                        .filterExpression("attribute_exists(" + OutboxItems.PARKED + ") AND size(" + OutboxItems.PARKED + ") > :zero")
                        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))))
                .items().forEach(item -> item.get(OutboxItems.PARKED).m().forEach((eventId, entry) -> found.add(new Parked(
                        keyOf(item), eventId, entry.m().get("detailType").s(), entry.m().get("reason").s(),
                        entry.m().get("parkedAt").s()))));
        return found;
    }

    /** An event the bus refused for good, parked on its item until an operator republishes it. */
    public record Parked(Map<String, AttributeValue> key, String eventId, String detailType, String reason, String parkedAt) {
    }

    private Map<String, AttributeValue> owedEntry(Map<String, AttributeValue> key, String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key)
                .consistentRead(true).projectionExpression(OutboxItems.MAP)).item();
        if (item == null || !item.containsKey(OutboxItems.MAP)) {
            return null;
        }
        AttributeValue entry = item.get(OutboxItems.MAP).m().get(eventId);
        return entry == null ? null : entry.m();
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
