package shop.inventory.application;

import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;

/** Stock per sku, as counters on one small item per sku; reservations move them (see {@link Reservations}). */
public interface Stock {

    /** Available, held and shipped of a sku; all 0 for a sku the inventory does not know. */
    StockCounts counts(Sku sku);

    /** Writes a sku's starting stock unless the sku already exists (a redeploy never overwrites live stock). */
    boolean seed(StockLevel level);
}
