package shop.inventory.domain;

/**
 * How an order's units move between a sku's counters when its reservation changes status: the one table of what each
 * change does to available, held and shipped, so the adapter never decides it.
 */
public enum StockMove {
    /** RESERVED: available - q, held + q; only while at least q are available. */
    RESERVE,
    /** RESERVED to RELEASED: available + q, held - q. */
    RELEASE,
    /** RESERVED to SHIPPED: held - q, shipped + q. The units left for good. */
    SHIP_HELD,
    /** RELEASED to SHIPPED_AFTER_RELEASE: the given-back units leave available: available - q, shipped + q. */
    SHIP_RELEASED;

    /** How {@code quantity} units change the counters. */
    public StockCounts delta(int quantity) {
        return switch (this) {
            case RESERVE -> new StockCounts(-quantity, quantity, 0);
            case RELEASE -> new StockCounts(quantity, -quantity, 0);
            case SHIP_HELD -> new StockCounts(0, -quantity, quantity);
            case SHIP_RELEASED -> new StockCounts(-quantity, 0, quantity);
        };
    }

    /** Only a reservation needs the units to be there; a parcel that shipped left whether or not they were. */
    public boolean needsAvailable() {
        return this == RESERVE;
    }
}
