package shop.crm.application;

/**
 * On ParcelShipped: the order's SHIPPED entry. It may come before the order's own events (different producers, no
 * order between them); the record then waits for OrderPlaced's placedAt before the timeline shows it.
 */
public final class RecordShipment {

    private final CustomerOrders orders;

    public RecordShipment(CustomerOrders orders) {
        this.orders = orders;
    }

    public CrmOutcome handle(ParcelShipped event) {
        return CrmOutcome.of(orders.recordShipped(event));
    }
}
