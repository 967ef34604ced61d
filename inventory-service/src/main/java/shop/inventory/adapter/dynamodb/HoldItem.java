package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import shop.inventory.domain.HoldState;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One order's hold of one sku ({@code ORDER#<id>}/{@code HOLD#<sku>}): the state it is in or moving to, the state it
 * came from (null: none), and whether the sku's counters already moved for it.
 */
record HoldItem(HoldState state, HoldState from, boolean counted, int quantity) {

    static HoldItem of(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        AttributeValue from = item.get("from");
        return new HoldItem(HoldState.valueOf(item.get("state").s()), from == null ? null : HoldState.valueOf(from.s()),
                item.get("counted").bool(), Integer.parseInt(item.get("quantity").n()));
    }

    /** A new hold moving to {@code state} from nothing, counters not yet moved: what a first take (or a late shipment) writes. */
    static Map<String, AttributeValue> starting(OrderId orderId, Sku sku, int quantity, HoldState state, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(InventoryKeys.hold(orderId, sku));
        item.put("orderId", s(orderId.value()));
        item.put("sku", s(sku.value()));
        item.put("quantity", n(quantity));
        item.put("state", s(state.name()));
        item.put("counted", AttributeValue.fromBool(false));
        item.put("updatedAt", s(now.toString()));
        return item;
    }
}
