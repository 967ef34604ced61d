package shop.order.domain;

/**
 * Where an order stands: placed, then confirmed or rejected on inventory's answer; a placed or confirmed order can
 * be cancelled by its customer. REJECTED and CANCELLED are final.
 */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    REJECTED,
    CANCELLED;

    /** A customer may cancel until the order is rejected or already cancelled (shipping is part 2). */
    public boolean isCancellable() {
        return this == PLACED || this == CONFIRMED;
    }
}
