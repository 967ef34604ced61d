package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.util.HashMap;
import java.util.Map;
import shop.inventory.domain.HoldState;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sku item as one consistent read saw it: counters, a version ({@code seq}) that every counter step moves, and
 * {@code pending}: the outcome of each counter step applied but not yet recorded on its hold, by order id. Pending
 * entries live for the few milliseconds between a step's two writes, so the item stays small however many orders
 * hold the sku.
 */
record SkuItem(boolean exists, boolean versioned, long seq, StockCounts counts, Map<String, String> pending) {

    static SkuItem of(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new SkuItem(false, false, 0, new StockCounts(0, 0, 0), Map.of());
        }
        Map<String, String> pending = new HashMap<>();
        item.getOrDefault("pending", AttributeValue.fromM(Map.of())).m().forEach((order, outcome) -> pending.put(order, outcome.s()));
        return new SkuItem(true, item.containsKey("seq"), number(item, "seq"),
                new StockCounts(number(item, "available"), number(item, "held"), number(item, "shipped")), pending);
    }

    /** The outcome of the last counter step for this order that is not yet recorded on its hold, or null. */
    HoldState pendingFor(String orderId) {
        String outcome = pending.get(orderId);
        return outcome == null ? null : HoldState.valueOf(outcome);
    }

    static Map<String, AttributeValue> seeded(StockLevel level) {
        Map<String, AttributeValue> item = new HashMap<>(InventoryKeys.stock(level.sku()));
        item.put("sku", s(level.sku().value()));
        item.put("available", n(level.available()));
        item.put("held", n(0));
        item.put("shipped", n(0));
        item.put("seq", n(0));
        item.put("pending", AttributeValue.fromM(Map.of()));
        return item;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
