package shop.inventory.adapter.dynamodb;

import java.util.Map;
import shop.inventory.application.Stock;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stock as counters on one small item per sku ({@code available}, {@code held}, {@code shipped}), so a sku has no cap
 * on open orders and no order rewrites a growing item; {@link DynamoDbReservations} moves them in its transactions.
 */
public final class DynamoDbStock implements Stock {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStock(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public StockCounts counts(Sku sku) {
        return SkuItem.counts(dynamo.getItem(b -> b.tableName(table).key(InventoryKeys.stock(sku)).consistentRead(true)).item());
    }

    @Override
    public boolean seed(StockLevel level) {
        Map<String, AttributeValue> item = SkuItem.seeded(level);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }
}
