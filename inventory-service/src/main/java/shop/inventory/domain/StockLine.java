package shop.inventory.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A quantity of one sku that an order needs held for it. */
public record StockLine(Sku sku, int quantity) {

    /** Upper bound of a merged line: 50 lines of 100 units each, as the OrderPlaced schema allows. */
    public static final int MAX_QUANTITY = 5_000;

    public StockLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY);
        }
    }

    /**
     * One line per sku, in sku order: an order listing a sku twice holds the sum, and every order takes skus in
     * the same order, which keeps the work per order predictable.
     */
    public static List<StockLine> mergeBySku(List<StockLine> lines) {
        Map<Sku, Integer> merged = new TreeMap<>();
        lines.forEach(line -> merged.merge(line.sku(), line.quantity(), Integer::sum));
        return merged.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }
}
