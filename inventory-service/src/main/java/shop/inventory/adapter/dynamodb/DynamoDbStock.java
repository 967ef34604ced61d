package shop.inventory.adapter.dynamodb;

import java.time.Clock;
import java.util.Map;
import shop.inventory.application.Stock;
import shop.inventory.domain.HoldState;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stock as counters on one small item per sku ({@code available}, {@code held}, {@code shipped}) and one item per
 * order and sku for the hold, so a sku has no cap on open orders and no order rewrites a growing item. A hold
 * changes state with one conditional write, and its counter step follows ({@link CounterSteps}): exactly once,
 * finished by whichever delivery comes next if this one dies in between.
 */
public final class DynamoDbStock implements Stock {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final CounterSteps steps;

    public DynamoDbStock(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbStock(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.steps = new CounterSteps(dynamo, table);
    }

    /** The hold item a first take writes: for filling a table with open orders the way takes do (tests, benchmarks). */
    public static Map<String, AttributeValue> heldItem(OrderId orderId, Sku sku, int quantity, java.time.Instant now) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(HoldItem.starting(orderId, sku, quantity, HoldState.HELD, now));
        item.put("counted", AttributeValue.fromBool(true));
        return item;
    }

    @Override
    public Take take(Sku sku, OrderId orderId, int quantity) {
        boolean taken = putIfAbsent(HoldItem.starting(orderId, sku, quantity, HoldState.HELD, clock.instant()));
        HoldItem hold = steps.finish(sku, orderId);
        if (!taken && hold.state() == HoldState.SHORT) { // asked again: a take that found too few held nothing, so try again
            taken = move(sku, orderId, HoldState.SHORT, HoldState.HELD);
            hold = steps.finish(sku, orderId);
        }
        if (hold.state() == HoldState.SHORT) {
            return Take.SHORT;
        }
        return taken && hold.state() == HoldState.HELD ? Take.TAKEN : Take.ALREADY_HELD;
    }

    @Override
    public boolean giveBack(Sku sku, OrderId orderId, int quantity) {
        return move(sku, orderId, HoldState.HELD, HoldState.RELEASED);
    }

    @Override
    public boolean settle(Sku sku, OrderId orderId, int quantity) {
        for (int attempt = 0; attempt < 3; attempt++) {
            HoldItem hold = steps.finish(sku, orderId);
            if (hold == null) { // never held (given back before it was taken): the units leave available
                if (putIfAbsent(HoldItem.starting(orderId, sku, quantity, HoldState.SHIPPED_AFTER_RELEASE, clock.instant()))) {
                    steps.finish(sku, orderId);
                    return true;
                }
                continue;
            }
            switch (hold.state()) {
                case HELD -> {
                    if (move(sku, orderId, HoldState.HELD, HoldState.SHIPPED)) {
                        return true;
                    }
                }
                case RELEASED, SHORT -> {
                    if (move(sku, orderId, hold.state(), HoldState.SHIPPED_AFTER_RELEASE)) {
                        return true;
                    }
                }
                case SHIPPED, SHIPPED_AFTER_RELEASE -> {
                    return false;
                }
            }
        }
        throw new IllegalStateException("hold of order " + orderId + " on " + sku + " kept changing while settling; retry");
    }

    @Override
    public int available(Sku sku) {
        return (int) counts(sku).available();
    }

    @Override
    public StockCounts counts(Sku sku) {
        return SkuItem.of(dynamo.getItem(b -> b.tableName(table).key(InventoryKeys.stock(sku)).consistentRead(true)).item()).counts();
    }

    @Override
    public boolean seed(StockLevel level) {
        return putIfAbsent(SkuItem.seeded(level));
    }

    /** Conditional writes on sku items that lost a race and were retried, since this adapter was built. */
    public long conflicts() {
        return steps.conflicts();
    }

    /** Finishes the hold's step under way, then moves it {@code from} to {@code to} and moves the counters; false if it was not in {@code from}. */
    private boolean move(Sku sku, OrderId orderId, HoldState from, HoldState to) {
        HoldItem hold = steps.finish(sku, orderId);
        if (hold == null || hold.state() != from) {
            return false;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.hold(orderId, sku))
                    .updateExpression("SET #state = :to, #from = :from, counted = :false, updatedAt = :now")
                    .conditionExpression("#state = :from AND counted = :true")
                    .expressionAttributeNames(Map.of("#state", "state", "#from", "from"))
                    .expressionAttributeValues(Map.of(":to", InventoryKeys.s(to.name()), ":from", InventoryKeys.s(from.name()),
                            ":true", AttributeValue.fromBool(true), ":false", AttributeValue.fromBool(false),
                            ":now", InventoryKeys.s(clock.instant().toString()))));
        } catch (ConditionalCheckFailedException movedByAnother) {
            steps.finish(sku, orderId); // another delivery made this move (or another one) first: help it finish
            return false;
        }
        steps.finish(sku, orderId);
        return true;
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }
}
