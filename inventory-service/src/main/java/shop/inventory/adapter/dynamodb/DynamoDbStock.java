package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.util.HashMap;
import java.util.Map;
import shop.inventory.application.Stock;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stock as one item per sku: {@code available} units and a map {@code heldFor} of orderId to the quantity that
 * order holds. Taking and giving back are each one conditional update of that item, so two orders racing for the
 * last unit cannot both win, and an order can hold a sku only once.
 */
public final class DynamoDbStock implements Stock {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStock(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Take take(Sku sku, OrderId orderId, int quantity) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.stock(sku))
                    .updateExpression("SET available = available - :q, heldFor.#order = :q")
                    .conditionExpression("attribute_exists(pk) AND available >= :q AND attribute_not_exists(heldFor.#order)")
                    .expressionAttributeNames(Map.of("#order", orderId.value()))
                    .expressionAttributeValues(Map.of(":q", n(quantity))));
            return Take.TAKEN;
        } catch (ConditionalCheckFailedException notTaken) {
            Map<String, AttributeValue> item = read(sku);
            boolean held = item.containsKey("heldFor") && item.get("heldFor").m().containsKey(orderId.value());
            return held ? Take.ALREADY_HELD : Take.SHORT;
        }
    }

    @Override
    public boolean giveBack(Sku sku, OrderId orderId, int quantity) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.stock(sku))
                    .updateExpression("SET available = available + :q REMOVE heldFor.#order")
                    .conditionExpression("heldFor.#order = :q")
                    .expressionAttributeNames(Map.of("#order", orderId.value()))
                    .expressionAttributeValues(Map.of(":q", n(quantity))));
            return true;
        } catch (ConditionalCheckFailedException notHeld) {
            return false;
        }
    }

    @Override
    public int available(Sku sku) {
        AttributeValue available = read(sku).get("available");
        return available == null ? 0 : Integer.parseInt(available.n());
    }

    @Override
    public boolean seed(StockLevel level) {
        Map<String, AttributeValue> item = new HashMap<>(InventoryKeys.stock(level.sku()));
        item.put("sku", s(level.sku().value()));
        item.put("available", n(level.available()));
        item.put("heldFor", AttributeValue.fromM(Map.of()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    private Map<String, AttributeValue> read(Sku sku) {
        return dynamo.getItem(b -> b.tableName(table).key(InventoryKeys.stock(sku)).consistentRead(true)).item();
    }
}
