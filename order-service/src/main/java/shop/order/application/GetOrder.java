package shop.order.application;

import shop.order.application.OrderProblems.OrderNotFound;
import shop.order.domain.CustomerId;
import shop.order.domain.Order;
import shop.order.domain.OrderId;

/** Reads an order for the customer who placed it; to anyone else it does not exist. */
public final class GetOrder {

    private final Orders orders;

    public GetOrder(Orders orders) {
        this.orders = orders;
    }

    public Order get(CustomerId customer, OrderId id) {
        return orders.find(id).filter(order -> order.isOwnedBy(customer))
                .orElseThrow(() -> new OrderNotFound(id.value()));
    }
}
