package shop.crm.application;

/** On OrderPlaced: the order enters the customer's history. */
public final class RecordOrderPlaced {

    private final CustomerOrders orders;

    public RecordOrderPlaced(CustomerOrders orders) {
        this.orders = orders;
    }

    public CrmOutcome handle(OrderPlaced event) {
        return CrmOutcome.of(orders.recordPlaced(event));
    }
}
