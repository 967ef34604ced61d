package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import shop.inventory.domain.StockMove;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A sku item: its three counters and nothing else, so it stays a few dozen bytes however many orders hold the sku.
 * Each reservation change moves them with one Update action inside its transaction.
 */
final class SkuItem {

    private SkuItem() {
    }

    static StockCounts counts(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new StockCounts(0, 0, 0);
        }
        return new StockCounts(number(item, "available"), number(item, "held"), number(item, "shipped"));
    }

    static Map<String, AttributeValue> seeded(StockLevel level) {
        Map<String, AttributeValue> item = new HashMap<>(InventoryKeys.stock(level.sku()));
        item.put("sku", s(level.sku().value()));
        item.put("available", n(level.available()));
        item.put("held", n(0));
        item.put("shipped", n(0));
        return item;
    }

    /** One Update action per line: the line's units move as {@code move} says; a reservation only while enough are available. */
    static List<TransactWriteItem> moves(String table, List<StockLine> lines, StockMove move) {
        return lines.stream().map(line -> move(table, line.sku(), move.delta(line.quantity()), move.needsAvailable())).toList();
    }

    private static TransactWriteItem move(String table, Sku sku, StockCounts delta, boolean needsAvailable) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":da", n(delta.available()), ":dh", n(delta.held()),
                ":ds", n(delta.shipped()), ":zero", n(0)));
        if (needsAvailable) {
            values.put(":need", n(-delta.available()));
        }
        String condition = needsAvailable ? "available >= :need" : "attribute_exists(pk)";
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(InventoryKeys.stock(sku))
                .updateExpression("SET available = if_not_exists(available, :zero) + :da, held = if_not_exists(held, :zero) + :dh, "
                        + "shipped = if_not_exists(shipped, :zero) + :ds")
                .conditionExpression(condition)
                .expressionAttributeValues(values)).build();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
