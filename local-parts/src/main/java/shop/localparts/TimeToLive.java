package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * UpdateTimeToLive and DescribeTimeToLive, which dynalite lacks, and a sweeper that deletes expired items every
 * interval. AWS deletes expired items within a few days, not seconds: code must never count on the timing, only
 * on the item going away some time after its TTL (and on reads filtering expired items when that matters).
 */
final class TimeToLive implements AutoCloseable {

    /** AWS leaves alone items whose TTL is more than five years in the past (a value in milliseconds, say). */
    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final DynaliteWire wire;
    private final ItemLocks locks;
    private final Map<String, String> attributeByTable = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dynamodb-ttl-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    TimeToLive(DynaliteWire wire, ItemLocks locks, Duration sweepInterval) {
        this.wire = wire;
        this.locks = locks;
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    Answer update(JsonNode request) {
        String table = request.path("TableName").asText();
        JsonNode specification = request.path("TimeToLiveSpecification");
        String attribute = specification.path("AttributeName").asText("");
        if (attribute.isEmpty() || !specification.path("Enabled").isBoolean()) {
            throw Refusal.validation("1 validation error detected: TimeToLiveSpecification needs AttributeName and Enabled");
        }
        requireTable(table);
        boolean enable = specification.path("Enabled").asBoolean();
        if (enable == attributeByTable.containsKey(table)) {
            throw Refusal.validation("TimeToLive is already " + (enable ? "enabled" : "disabled"));
        }
        if (enable) {
            attributeByTable.put(table, attribute);
        } else {
            attributeByTable.remove(table);
        }
        ObjectNode body = Answer.JSON.createObjectNode();
        body.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enable);
        return Answer.ok(body);
    }

    Answer describe(JsonNode request) {
        String table = request.path("TableName").asText();
        requireTable(table);
        String attribute = attributeByTable.get(table);
        ObjectNode body = Answer.JSON.createObjectNode();
        ObjectNode description = body.putObject("TimeToLiveDescription").put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            description.put("AttributeName", attribute);
        }
        return Answer.ok(body);
    }

    /** A deleted table takes its TTL setting with it. */
    void forget(String table) {
        attributeByTable.remove(table);
    }

    private void requireTable(String table) {
        locked(() -> wire.require("DescribeTable", Answer.JSON.createObjectNode().put("TableName", table)));
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // a table deleted mid-sweep, dynalite stopping: the next sweep starts afresh
        }
    }

    void sweep() {
        long now = Instant.now().getEpochSecond();
        attributeByTable.forEach((table, attribute) -> sweep(table, attribute, now));
    }

    private void sweep(String table, String attribute, long now) {
        ObjectNode values = Answer.JSON.createObjectNode();
        values.putObject(":now").put("N", Long.toString(now));
        values.putObject(":oldest").put("N", Long.toString(now - FIVE_YEARS_SECONDS));
        ObjectNode scan = Answer.JSON.createObjectNode().put("TableName", table).put("ConsistentRead", true)
                .put("FilterExpression", "#ttl < :now AND #ttl > :oldest");
        scan.putObject("ExpressionAttributeNames").put("#ttl", attribute);
        scan.set("ExpressionAttributeValues", values);
        JsonNode page;
        do {
            page = locked(() -> wire.require("Scan", scan));
            for (JsonNode item : page.path("Items")) {
                ObjectNode delete = Answer.JSON.createObjectNode().put("TableName", table)
                        .put("ConditionExpression", "#ttl < :now AND #ttl > :oldest");
                delete.set("Key", wire.keyOf(table, item));
                delete.set("ExpressionAttributeNames", scan.get("ExpressionAttributeNames"));
                delete.set("ExpressionAttributeValues", values);
                // the item's own lock: a transaction on it is never seen half-way; refused when the TTL was extended meanwhile
                locks.items(List.of(DynaliteWire.identity(table, (ObjectNode) delete.get("Key"))), () -> wire.call("DeleteItem", delete));
            }
            scan.set("ExclusiveStartKey", page.get("LastEvaluatedKey"));
        } while (page.has("LastEvaluatedKey"));
    }

    /** Finding candidates may read an item a transaction is changing: harmless, as each delete checks the TTL again under the item's lock. */
    private <T> T locked(Supplier<T> call) {
        return locks.items(List.of(), call);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
