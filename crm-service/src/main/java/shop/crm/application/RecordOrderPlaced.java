package shop.crm.application;

import shop.crm.domain.OrderPlaced;

/** On OrderPlaced: the order enters the customer's history. */
public final class RecordOrderPlaced {

    private final CustomerOrders orders;

    public RecordOrderPlaced(CustomerOrders orders) {
        this.orders = orders;
    }

    public Outcome handle(OrderPlaced event) {
        return Outcome.of(orders.recordPlaced(event));
    }
}
