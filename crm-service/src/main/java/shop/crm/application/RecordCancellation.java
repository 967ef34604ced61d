package shop.crm.application;

import shop.crm.domain.OrderCancelled;

/**
 * On OrderCancelled: the order is marked cancelled with its reason and time. If it is the first the CRM hears
 * of the order, the record is created from the cancellation's own placedAt, so nothing waits for OrderPlaced.
 */
public final class RecordCancellation {

    private final CustomerOrders orders;

    public RecordCancellation(CustomerOrders orders) {
        this.orders = orders;
    }

    public Outcome handle(OrderCancelled event) {
        return Outcome.of(orders.recordCancelled(event));
    }
}
