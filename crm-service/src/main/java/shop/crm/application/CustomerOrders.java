package shop.crm.application;

import java.time.YearMonth;
import java.util.List;
import shop.crm.domain.CustomerId;
import shop.crm.domain.CustomerOrder;

/**
 * Port: every order the CRM has heard of, one record per order. Each event is applied by one conditional write
 * on that record, gated by a per-event-kind marker; everything else (timeline, insight) is read from the records.
 */
public interface CustomerOrders {

    /** Applies an OrderPlaced; false if this order's placing was applied before (a duplicate or replay). */
    boolean recordPlaced(OrderPlaced event);

    /** Applies an OrderConfirmed; false if this order's confirmation was applied before. */
    boolean recordConfirmed(OrderConfirmed event);

    /** Applies an OrderRejected; false if this order's rejection was applied before. */
    boolean recordRejected(OrderRejected event);

    /** Applies an OrderCancelled; false if this order's cancellation was applied before. */
    boolean recordCancelled(OrderCancelled event);

    /** Applies a ParcelShipped; false if this order's shipment was applied before. */
    boolean recordShipped(ParcelShipped event);

    /** The customer's orders; one known only by its shipment so far (its OrderPlaced still on the way) is left out. */
    List<CustomerOrder> ofCustomer(CustomerId customerId);

    /** The orders placed in {@code month} (UTC), whoever placed them. */
    List<CustomerOrder> placedIn(YearMonth month);
}
