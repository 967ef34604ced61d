package shop.order.domain;

/** An order is placed, and may then be cancelled; nothing else changes its status in this context. */
public enum OrderStatus {
    PLACED,
    CANCELLED
}
