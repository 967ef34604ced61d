package shop.inventory.application;

import java.util.List;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;

/** Makes a rejected order visible to operators: called once per order that could not be reserved. */
public interface ShortageMetrics {

    void shortage(OrderId orderId, List<Sku> shortSkus);
}
