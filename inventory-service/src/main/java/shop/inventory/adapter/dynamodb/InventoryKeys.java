package shop.inventory.adapter.dynamodb;

import java.util.Map;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The inventory table's keys: one item per sku ({@code SKU#..}/STOCK, counters only) and one per order ({@code ORDER#..}/RESERVATION). */
final class InventoryKeys {

    static final String PK = "pk";
    static final String SK = "sk";

    private InventoryKeys() {
    }

    static Map<String, AttributeValue> stock(Sku sku) {
        return Map.of(PK, s("SKU#" + sku.value()), SK, s("STOCK"));
    }

    static Map<String, AttributeValue> reservation(OrderId orderId) {
        return Map.of(PK, s("ORDER#" + orderId.value()), SK, s("RESERVATION"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
