package shop.inventory.domain;

/**
 * A sku's counters, all a sku item keeps: units free to reserve, units held for open orders, units shipped. Their sum
 * only changes when stock is seeded, which is how "never oversold" is checked. Available may go below zero only when
 * a parcel ships after its order's units were given back and taken by others (the race a cancel can lose).
 */
public record StockCounts(long available, long held, long shipped) {

    public long total() {
        return available + held + shipped;
    }
}
