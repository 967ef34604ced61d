package shop.crm.domain;

/**
 * Why the shop rejected an order, as a code (OUT_OF_STOCK in OrderRejected v1.0). A validated code rather than an
 * enum, so that a reason added by a later 1.x schema is recorded under its own name (tolerant reader).
 */
public record RejectionReason(String code) {

    /** Inventory could not reserve every line. */
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

    public RejectionReason {
        if (code == null || !code.matches("[A-Z][A-Z_]{0,63}")) {
            throw new IllegalArgumentException("a rejection reason is a code such as OUT_OF_STOCK");
        }
    }

    public boolean isStock() {
        return OUT_OF_STOCK.equals(code);
    }
}
