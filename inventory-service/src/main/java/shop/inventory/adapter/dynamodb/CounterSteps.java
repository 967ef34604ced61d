package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import shop.inventory.domain.HoldState;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Moves a sku's counters for one hold exactly once, with one conditional write per step and no transaction:
 * <ol>
 * <li>the hold item says which state it is moving to, with {@code counted = false} (written by the caller);</li>
 * <li>read the sku item, THEN the hold; if the sku's {@code pending} entry for the order already names that step's
 *     outcome, the counters moved; otherwise move them, conditional on the version of the order's bucket being the
 *     one read (and, for a take, on enough units), and record the outcome in {@code pending} in the same write;</li>
 * <li>record the outcome on the hold ({@code counted = true}), then drop the pending entry.</li>
 * </ol>
 * Why it is never twice: a pending entry is dropped only after its hold is counted, and a delivery reads the sku
 * before the hold, so one that sees an uncounted hold and no pending entry read the sku before any write of that
 * step, and the version condition refuses it if one has happened since. A refused write is a conflict: re-read and
 * retry. Versions are per bucket of orders, not one per sku, so orders racing for a hot sku conflict only when their
 * ids share a bucket, not every time.
 */
final class CounterSteps {

    /** Under 200 orders racing for one sku a step can lose many times; after this the event is retried later. */
    private static final int ATTEMPTS = 400;

    private final DynamoDbClient dynamo;
    private final String table;
    private final AtomicLong conflicts = new AtomicLong();

    CounterSteps(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The hold as it was stored, after finishing its counter step if one was under way; null when there is no hold. */
    HoldItem finish(Sku sku, OrderId orderId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SkuItem counters = SkuItem.of(get(InventoryKeys.stock(sku)));
            HoldItem hold = HoldItem.of(get(InventoryKeys.hold(orderId, sku)));
            if (hold == null || hold.counted()) {
                return hold;
            }
            HoldState pending = counters.pendingFor(orderId.value());
            HoldState outcome;
            if (pending != null && hold.state().reachedBy(pending)) {
                outcome = pending;
            } else if (!counters.exists()) {
                outcome = HoldState.SHORT; // a sku the inventory does not know: nothing to move
            } else {
                outcome = hold.state() == HoldState.HELD && counters.counts().available() < hold.quantity()
                        ? HoldState.SHORT : hold.state();
                if (!apply(sku, orderId, counters, outcome, outcome.delta(hold.quantity()))) {
                    conflicts.incrementAndGet();
                    pause(attempt);
                    continue;
                }
            }
            record(orderId, sku, hold.state(), outcome);
            forget(sku, orderId, outcome);
            return new HoldItem(outcome, hold.from(), true, hold.quantity());
        }
        throw new IllegalStateException("hold of order " + orderId + " on " + sku + " lost " + ATTEMPTS + " races; retry later");
    }

    /** Conditional writes on sku items refused because another step moved the item first, since this adapter was built. */
    long conflicts() {
        return conflicts.get();
    }

    private boolean apply(Sku sku, OrderId orderId, SkuItem counters, HoldState outcome, StockCounts delta) {
        String bucket = SkuItem.bucket(orderId.value());
        Long version = counters.versions().get(bucket);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":da", n(delta.available()), ":dh", n(delta.held()),
                ":ds", n(delta.shipped()), ":zero", n(0), ":next", n(version == null ? 1 : version + 1), ":outcome", s(outcome.name())));
        StringBuilder condition = new StringBuilder("attribute_exists(pk) AND ")
                .append(version == null ? "attribute_not_exists(#versions.#bucket)" : "#versions.#bucket = :version");
        if (version != null) {
            values.put(":version", n(version));
        }
        if (delta.available() < 0 && outcome == HoldState.HELD) {
            condition.append(" AND available >= :need"); // other buckets take units too: the read is not enough
            values.put(":need", n(-delta.available()));
        }
        if (!counters.hasMaps()) {
            ensureMaps(sku);
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.stock(sku))
                    .updateExpression("SET available = available + :da, held = if_not_exists(held, :zero) + :dh, "
                            + "shipped = if_not_exists(shipped, :zero) + :ds, #versions.#bucket = :next, #pending.#order = :outcome")
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(Map.of("#pending", "pending", "#order", orderId.value(), "#versions", "versions", "#bucket", bucket))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** A sku item written before holds had their own items has no pending or versions map yet. */
    private void ensureMaps(Sku sku) {
        dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.stock(sku))
                .updateExpression("SET #pending = if_not_exists(#pending, :empty), #versions = if_not_exists(#versions, :empty)")
                .expressionAttributeNames(Map.of("#pending", "pending", "#versions", "versions"))
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
    }

    private void record(OrderId orderId, Sku sku, HoldState target, HoldState outcome) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.hold(orderId, sku))
                    .updateExpression("SET #state = :outcome, counted = :true")
                    .conditionExpression("#state = :target AND counted = :false")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":outcome", s(outcome.name()), ":target", s(target.name()),
                            ":true", AttributeValue.fromBool(true), ":false", AttributeValue.fromBool(false))));
        } catch (ConditionalCheckFailedException recordedByAnother) {
            // a concurrent delivery recorded it first: the next read sees it counted
        }
    }

    private void forget(Sku sku, OrderId orderId, HoldState outcome) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.stock(sku))
                    .updateExpression("REMOVE #pending.#order")
                    .conditionExpression("#pending.#order = :outcome")
                    .expressionAttributeNames(Map.of("#pending", "pending", "#order", orderId.value()))
                    .expressionAttributeValues(Map.of(":outcome", s(outcome.name()))));
        } catch (ConditionalCheckFailedException goneOrNewer) {
            // dropped by a concurrent delivery, or already replaced by the hold's next step
        }
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(50, 2L << Math.min(attempt, 5))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a stock step", e);
        }
    }
}
