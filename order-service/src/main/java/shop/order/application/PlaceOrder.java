package shop.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.application.OrderProblems.IdempotencyKeyReused;
import shop.order.application.OrderProblems.UnknownSkus;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderLine;
import shop.order.domain.Sku;

/**
 * Places an order: prices it from the price list, stores it with its OrderPlaced event in one write, then
 * publishes. A repeated Idempotency-Key with the same request returns the first order and creates nothing.
 */
public final class PlaceOrder {

    /** The order, and whether this call created it (false when an idempotent retry found it). */
    public record Placed(Order order, boolean created) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrder.class);

    private final Orders orders;
    private final PriceList priceList;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderEvents events;
    private final Clock clock;

    public PlaceOrder(Orders orders, PriceList priceList, IdempotencyKeys idempotencyKeys, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.priceList = priceList;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.clock = clock;
    }

    public Placed place(PlaceOrderCommand command) {
        Instant now = clock.instant();
        OrderId id = OrderId.generate();
        if (command.idempotencyKey().isPresent()) {
            var mine = new IdempotencyKeys.Claim(command.fingerprint(), id);
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(command.customer(), command.idempotencyKey().get(), mine, now);
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(mine.requestFingerprint())) {
                    throw new IdempotencyKeyReused();
                }
                id = earlier.get().orderId();
                Optional<Order> existing = orders.find(id);
                if (existing.isPresent()) {
                    return new Placed(existing.get(), false);
                }
                // the first request claimed the key but stopped before storing its order: finish its work
            }
        }
        Order order = Order.place(id, command.customer(), price(command.lines()), command.address(), command.email(), now);
        OwedEvent placed = OwedEvent.of(OwedEvent.Fact.PLACED, order, command.correlationId());
        if (!orders.add(order, placed)) {
            return new Placed(orders.find(id).orElseThrow(), false);
        }
        LOG.info("order {} placed with {} line(s)", order.id(), order.lines().size());
        events.publish(placed);
        return new Placed(order, true);
    }

    private List<OrderLine> price(List<PlaceOrderCommand.RequestedLine> requested) {
        Set<Sku> skus = requested.stream().map(PlaceOrderCommand.RequestedLine::sku).collect(Collectors.toSet());
        Map<Sku, Money> prices = priceList.pricesOf(skus);
        List<String> unknown = requested.stream().map(PlaceOrderCommand.RequestedLine::sku)
                .filter(sku -> !prices.containsKey(sku)).map(Sku::value).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSkus(unknown);
        }
        return requested.stream().map(line -> new OrderLine(line.sku(), line.quantity(), prices.get(line.sku()))).toList();
    }
}
