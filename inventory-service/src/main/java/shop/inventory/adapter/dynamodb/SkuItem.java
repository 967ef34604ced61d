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
 * A sku item as one consistent read saw it (hasMaps: false for an item seeded before holds had their own items):
 * counters, {@code versions}: one version per bucket of orders (an order's
 * bucket is its id's hash, of {@link #BUCKETS}) that each counter step of an order in that bucket moves, and
 * {@code pending}: the outcome of each counter step applied but not yet recorded on its hold, by order id. Pending
 * entries live for the few milliseconds between a step's two writes, and there are {@link #BUCKETS} versions at
 * most, so the item stays small however many orders hold the sku; orders in different buckets never conflict.
 */
record SkuItem(boolean exists, boolean hasMaps, Map<String, Long> versions, StockCounts counts, Map<String, String> pending) {

    /** Enough that 200 orders racing for one sku rarely share a bucket; few enough that the item stays under 1 KB or so. */
    static final int BUCKETS = 64;

    static SkuItem of(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new SkuItem(false, false, Map.of(), new StockCounts(0, 0, 0), Map.of());
        }
        Map<String, String> pending = new HashMap<>();
        item.getOrDefault("pending", AttributeValue.fromM(Map.of())).m().forEach((order, outcome) -> pending.put(order, outcome.s()));
        Map<String, Long> versions = new HashMap<>();
        item.getOrDefault("versions", AttributeValue.fromM(Map.of())).m().forEach((bucket, version) -> versions.put(bucket, Long.parseLong(version.n())));
        return new SkuItem(true, item.containsKey("versions") && item.containsKey("pending"), versions, new StockCounts(number(item, "available"), number(item, "held"), number(item, "shipped")), pending);
    }

    /** The bucket of versions an order's counter steps move. */
    static String bucket(String orderId) {
        return "b" + Math.floorMod(orderId.hashCode(), BUCKETS);
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
        item.put("versions", AttributeValue.fromM(Map.of()));
        item.put("pending", AttributeValue.fromM(Map.of()));
        return item;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
