package shop.crm.application;

/** On OrderRejected: the shop let the customer down (stock). Creates the record if it is the first event heard. */
public final class RecordRejection {

    private final CustomerOrders orders;

    public RecordRejection(CustomerOrders orders) {
        this.orders = orders;
    }

    public CrmOutcome handle(OrderRejected event) {
        return CrmOutcome.of(orders.recordRejected(event));
    }
}
