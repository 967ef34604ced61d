package shop.inventory.application;

import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;

/** Stock per sku, and which orders hold how much of it. Each method is one conditional write to one sku's item. */
public interface Stock {

    enum Take { TAKEN, ALREADY_HELD, SHORT }

    /** Takes {@code quantity} for the order if that many are available and the order holds none of this sku yet. */
    Take take(Sku sku, OrderId orderId, int quantity);

    /** Gives back what the order holds of this sku; false if it holds nothing (already given back, or never taken). */
    boolean giveBack(Sku sku, OrderId orderId, int quantity);

    /** Units available now, 0 for a sku the inventory does not know. */
    int available(Sku sku);

    /** Writes a sku's starting stock unless the sku already exists (a redeploy never overwrites live stock). */
    boolean seed(StockLevel level);
}
