package shop.inventory.application;

import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;

/**
 * Stock per sku (counters only) and each order's hold of a sku. Every method is idempotent per order and sku: a
 * duplicate, a concurrent delivery or a redelivery after a crash moves the counters once.
 */
public interface Stock {

    enum Take { TAKEN, ALREADY_HELD, SHORT }

    /** Holds {@code quantity} for the order if that many are available; SHORT if not; ALREADY_HELD if the order's hold of this sku is already held (or released, or shipped). */
    Take take(Sku sku, OrderId orderId, int quantity);

    /** Gives back what the order holds of this sku; false if it holds nothing (already given back, shipped, never taken). */
    boolean giveBack(Sku sku, OrderId orderId, int quantity);

    /**
     * The order's units of this sku left in a parcel: a held line moves from held to shipped; a line given back (or
     * never held) leaves available for shipped. False if this line was already settled.
     */
    boolean settle(Sku sku, OrderId orderId, int quantity);

    /** Units available now, 0 for a sku the inventory does not know. */
    int available(Sku sku);

    /** Available, held and shipped of a sku; all 0 for a sku the inventory does not know. */
    StockCounts counts(Sku sku);

    /** Writes a sku's starting stock unless the sku already exists (a redeploy never overwrites live stock). */
    boolean seed(StockLevel level);
}
