package shop.order.domain;

/**
 * Where an order stands: placed, then confirmed or rejected on inventory's answer, then shipped when the package
 * context says its parcel left; a placed or confirmed order can be cancelled by its customer. REJECTED, SHIPPED and
 * CANCELLED are final (a cancelled order whose parcel left anyway records the shipment: a return is expected).
 */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    REJECTED,
    SHIPPED,
    CANCELLED;

    /** A customer may cancel until the order is rejected, shipped (the parcel has left) or already cancelled. */
    public boolean isCancellable() {
        return this == PLACED || this == CONFIRMED;
    }
}
