package shop.order.adapter.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.order.application.PriceList;
import shop.order.domain.Money;
import shop.order.domain.Sku;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The price list table: one item per sku with its price as a decimal string and its currency. */
public final class DynamoDbPriceList implements PriceList {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPriceList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<Sku, Money> pricesOf(Set<Sku> skus) {
        Map<Sku, Money> prices = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>(skus.stream()
                .map(sku -> Map.of("sku", AttributeValue.fromS(sku.value()))).toList());
        // an order has at most 50 lines, under BatchGetItem's 100 keys; loop for keys it leaves unprocessed
        for (int attempt = 0; !keys.isEmpty() && attempt < 5; attempt++) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of()).forEach(item -> prices.put(new Sku(item.get("sku").s()),
                    Money.of(item.get("price").s(), item.get("currency").s())));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            keys = unprocessed == null ? List.of() : new ArrayList<>(unprocessed.keys());
        }
        if (!keys.isEmpty()) {
            throw new IllegalStateException("the price list did not answer for " + keys.size() + " sku(s)");
        }
        return prices;
    }

    /** Writes one price (used by the seed and the tests). */
    public void put(Sku sku, Money price, String name) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("sku", AttributeValue.fromS(sku.value()),
                "price", AttributeValue.fromS(price.amountText()), "currency", AttributeValue.fromS(price.currency()),
                "name", AttributeValue.fromS(name))));
    }
}
