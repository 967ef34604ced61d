package shop.crm.application;

/**
 * On OrderCancelled: the order is marked cancelled with its reason and time. If it is the first the CRM hears
 * of the order, the record is created from the cancellation's own placedAt, so nothing waits for the other events.
 */
public final class RecordCancellation {

    private final CustomerOrders orders;

    public RecordCancellation(CustomerOrders orders) {
        this.orders = orders;
    }

    public CrmOutcome handle(OrderCancelled event) {
        return CrmOutcome.of(orders.recordCancelled(event));
    }
}
