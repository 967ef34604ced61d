package shop.inventory.domain;

/**
 * Where one order's hold of one sku stands. Each change moves the sku's counters once: the hold item records the
 * state it is moving to and whether the counters already moved, so a delivery that died between the two writes is
 * finished by the next one, never applied twice.
 */
public enum HoldState {
    /** The units are held for the order: available - q, held + q. */
    HELD,
    /** Not enough units when the order asked: nothing moved. */
    SHORT,
    /** Given back (order rejected or cancelled): available + q, held - q. */
    RELEASED,
    /** Shipped while held: held - q, shipped + q. The units left for good. */
    SHIPPED,
    /** Shipped after the units were given back (the cancel came first): available - q, shipped + q. */
    SHIPPED_AFTER_RELEASE;

    /** How {@code quantity} units moving into this state (from the one before it) change the counters. */
    public StockCounts delta(int quantity) {
        return switch (this) {
            case HELD -> new StockCounts(-quantity, quantity, 0);
            case SHORT -> new StockCounts(0, 0, 0);
            case RELEASED -> new StockCounts(quantity, -quantity, 0);
            case SHIPPED -> new StockCounts(0, -quantity, quantity);
            case SHIPPED_AFTER_RELEASE -> new StockCounts(-quantity, 0, quantity);
        };
    }

    /** Whether a counter step that ended in {@code outcome} is the step towards this state (a take may end SHORT). */
    public boolean reachedBy(HoldState outcome) {
        return outcome == this || (this == HELD && outcome == SHORT);
    }
}
