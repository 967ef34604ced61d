package shop.inventory.application;

import java.util.List;
import shop.inventory.domain.StockLevel;

/** Writes the starting stock at deploy time; skus that already exist keep their live stock and reservations. */
public final class SeedStock {

    /** How many skus were written and how many were already there. */
    public record Seeded(int written, int kept) {
    }

    private final Stock stock;

    public SeedStock(Stock stock) {
        this.stock = stock;
    }

    public Seeded handle(List<StockLevel> levels) {
        int written = 0;
        for (StockLevel level : levels) {
            if (stock.seed(level)) {
                written++;
            }
        }
        return new Seeded(written, levels.size() - written);
    }
}
