package shop.crm.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import shop.crm.domain.CancellationInsight;
import shop.crm.domain.CustomerId;
import shop.crm.domain.CustomerOrder;
import shop.crm.domain.Timeline;

/**
 * Reads cancellation insight for one customer, or overall for the orders placed in a range of months (a cohort
 * view: an order counts in the month it was placed, cancelled or not), and a customer's timeline.
 */
public final class ReadCancellationInsight {

    /** The widest overall range one request may read: each month is one Query of the month's orders. */
    public static final int MAX_MONTHS = 36;

    private final CustomerOrders orders;

    public ReadCancellationInsight(CustomerOrders orders) {
        this.orders = orders;
    }

    public CancellationInsight forCustomer(CustomerId customerId) {
        return CancellationInsight.of(orders.ofCustomer(customerId));
    }

    public Timeline timeline(CustomerId customerId) {
        return Timeline.of(customerId, orders.ofCustomer(customerId));
    }

    public CancellationInsight overall(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new IllegalArgumentException("a range spans at most " + MAX_MONTHS + " months");
        }
        List<CustomerOrder> placed = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            placed.addAll(orders.placedIn(month));
        }
        return CancellationInsight.of(placed);
    }
}
