package shop.order.domain;

/** Why the shop refused an order it had accepted: a closed list, so the API and CRM can count reasons. */
public enum RejectionReason {
    /** Inventory could not hold every line; nothing is charged. */
    OUT_OF_STOCK
}
