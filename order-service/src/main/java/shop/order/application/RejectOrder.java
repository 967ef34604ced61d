package shop.order.application;

import java.time.Clock;
import shop.order.application.OrderOutcome.Kind;
import shop.order.domain.OrderStatus;

/**
 * On StockShortage: a placed order becomes REJECTED (OUT_OF_STOCK, with the short skus) and owes OrderRejected, in
 * one conditional write. A duplicate or replay finds it rejected and changes nothing; an order cancelled first stays
 * cancelled.
 */
public final class RejectOrder {

    private final StockDecisions decisions;
    private final Clock clock;

    public RejectOrder(Orders orders, OrderEvents events, Clock clock) {
        this.decisions = new StockDecisions(orders, events);
        this.clock = clock;
    }

    public OrderOutcome handle(StockShortage shortage) {
        return decisions.apply("StockShortage", shortage.orderId(), OrderStatus.REJECTED, shortage.correlationId(),
                placed -> placed.reject(shortage.shortSkus(), clock.instant()), OwedEvent.Fact.REJECTED, Kind.REJECTED);
    }
}
