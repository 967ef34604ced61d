package shop.order.application;

import java.time.Clock;
import shop.order.application.OrderOutcome.Kind;
import shop.order.domain.OrderStatus;

/**
 * On StockReserved: a placed order becomes CONFIRMED and owes OrderConfirmed, in one conditional write. A duplicate
 * or replay finds it confirmed and changes nothing; an order cancelled first stays cancelled.
 */
public final class ConfirmOrder {

    private final StockDecisions decisions;
    private final Clock clock;

    public ConfirmOrder(Orders orders, OrderEvents events, Clock clock) {
        this.decisions = new StockDecisions(orders, events);
        this.clock = clock;
    }

    public OrderOutcome handle(StockReserved reserved) {
        return decisions.apply("StockReserved", reserved.orderId(), OrderStatus.CONFIRMED, reserved.correlationId(),
                placed -> placed.confirm(clock.instant()), OwedEvent.Fact.CONFIRMED, Kind.CONFIRMED);
    }
}
