package shop.inventory.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.application.Stock.Take;
import shop.inventory.domain.HoldState;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A hold's counter step against a real local DynamoDB, with the table left as a delivery leaves it when it dies
 * between two of the step's writes: the next call finishes exactly what is missing, never moves the counters twice.
 */
class DynamoDbStockTest {

    private static final Sku SKU = new Sku("SKU-1");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private String table;
    private DynamoDbStock stock;
    private final OrderId order = new OrderId(UUID.randomUUID().toString());

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        stock.seed(new StockLevel(SKU, 10));
    }

    @Test
    void take_give_back_and_settle_each_move_the_counters_once() {
        assertEquals(Take.TAKEN, stock.take(SKU, order, 3));
        assertEquals(Take.ALREADY_HELD, stock.take(SKU, order, 3));
        assertEquals(new StockCounts(7, 3, 0), stock.counts(SKU));
        assertTrue(stock.settle(SKU, order, 3));
        assertFalse(stock.settle(SKU, order, 3));
        assertFalse(stock.giveBack(SKU, order, 3), "a shipped hold gives nothing back");
        assertEquals(new StockCounts(7, 0, 3), stock.counts(SKU));
        assertEquals(Map.of(), pending(), "no counter step left in flight on the sku item");
    }

    @Test
    void a_take_that_died_after_writing_its_hold_is_finished_by_the_next_delivery() {
        put(HoldItem.starting(order, SKU, 3, HoldState.HELD, Instant.now()));

        assertEquals(Take.ALREADY_HELD, stock.take(SKU, order, 3));

        assertEquals(new StockCounts(7, 3, 0), stock.counts(SKU));
        assertEquals(HoldState.HELD, hold().state());
        assertTrue(hold().counted());
    }

    @Test
    void a_take_that_died_after_moving_the_counters_is_recorded_not_repeated() {
        put(HoldItem.starting(order, SKU, 3, HoldState.HELD, Instant.now()));
        moveCounters(-3, 3, 0, "HELD"); // as the step's counter write leaves the sku item

        assertEquals(Take.ALREADY_HELD, stock.take(SKU, order, 3));

        assertEquals(new StockCounts(7, 3, 0), stock.counts(SKU));
        assertTrue(hold().counted());
        assertEquals(Map.of(), pending());
    }

    @Test
    void a_give_back_after_a_step_whose_pending_entry_was_never_dropped_still_gives_back_once() {
        stock.take(SKU, order, 3);
        dynamoDb.client().updateItem(b -> b.tableName(table).key(InventoryKeys.stock(SKU))
                .updateExpression("SET #p.#o = :held").expressionAttributeNames(Map.of("#p", "pending", "#o", order.value()))
                .expressionAttributeValues(Map.of(":held", AttributeValue.fromS("HELD")))); // died before dropping it

        assertTrue(stock.giveBack(SKU, order, 3));
        assertFalse(stock.giveBack(SKU, order, 3));

        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU));
        assertEquals(HoldState.RELEASED, hold().state());
    }

    @Test
    void a_settle_that_died_after_moving_the_counters_is_not_applied_twice() {
        stock.take(SKU, order, 3);
        dynamoDb.client().updateItem(b -> b.tableName(table).key(InventoryKeys.hold(order, SKU))
                .updateExpression("SET #s = :shipped, #f = :held, counted = :false")
                .expressionAttributeNames(Map.of("#s", "state", "#f", "from"))
                .expressionAttributeValues(Map.of(":shipped", AttributeValue.fromS("SHIPPED"), ":held", AttributeValue.fromS("HELD"),
                        ":false", AttributeValue.fromBool(false))));
        moveCounters(0, -3, 3, "SHIPPED");

        assertFalse(stock.settle(SKU, order, 3), "already settled by the delivery that died");

        assertEquals(new StockCounts(7, 0, 3), stock.counts(SKU));
    }

    @Test
    void a_short_take_moves_nothing_and_a_take_asked_again_tries_again() {
        OrderId other = new OrderId(UUID.randomUUID().toString());
        assertEquals(Take.TAKEN, stock.take(SKU, other, 8));
        assertEquals(Take.SHORT, stock.take(SKU, order, 3));
        assertEquals(Take.SHORT, stock.take(SKU, order, 3));
        assertFalse(stock.giveBack(SKU, order, 3), "a short take holds nothing to give back");
        assertEquals(new StockCounts(2, 8, 0), stock.counts(SKU));

        assertTrue(stock.giveBack(SKU, other, 8));
        assertEquals(Take.TAKEN, stock.take(SKU, order, 3));

        assertEquals(new StockCounts(7, 3, 0), stock.counts(SKU));
    }

    @Test
    void a_line_shipped_that_was_never_held_leaves_available_once() {
        assertTrue(stock.settle(SKU, order, 2));
        assertFalse(stock.settle(SKU, order, 2));

        assertEquals(new StockCounts(8, 0, 2), stock.counts(SKU));
        assertEquals(HoldState.SHIPPED_AFTER_RELEASE, hold().state());
    }

    private void moveCounters(int available, int held, int shipped, String outcome) {
        dynamoDb.client().updateItem(b -> b.tableName(table).key(InventoryKeys.stock(SKU))
                .updateExpression("SET available = available + :a, held = held + :h, shipped = shipped + :s, "
                        + "#v.#b = if_not_exists(#v.#b, :zero) + :one, #p.#o = :outcome")
                .expressionAttributeNames(Map.of("#p", "pending", "#o", order.value(), "#v", "versions", "#b", SkuItem.bucket(order.value())))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("" + available), ":h", AttributeValue.fromN("" + held),
                        ":s", AttributeValue.fromN("" + shipped), ":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"), ":outcome", AttributeValue.fromS(outcome))));
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.client().putItem(b -> b.tableName(table).item(item));
    }

    private HoldItem hold() {
        return HoldItem.of(dynamoDb.client().getItem(b -> b.tableName(table).key(InventoryKeys.hold(order, SKU)).consistentRead(true)).item());
    }

    private Map<String, AttributeValue> pending() {
        return dynamoDb.client().getItem(b -> b.tableName(table).key(InventoryKeys.stock(SKU)).consistentRead(true)).item()
                .get("pending").m();
    }
}
