package shop.crm.application;

/** On OrderConfirmed: the order converted. Creates the record if it is the first the CRM hears of the order. */
public final class RecordConfirmation {

    private final CustomerOrders orders;

    public RecordConfirmation(CustomerOrders orders) {
        this.orders = orders;
    }

    public CrmOutcome handle(OrderConfirmed event) {
        return CrmOutcome.of(orders.recordConfirmed(event));
    }
}
