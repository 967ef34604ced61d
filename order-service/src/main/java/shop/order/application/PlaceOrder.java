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
 * Places an order: prices it from the price list, stores it with its OrderPlaced event (and the claim of its
 * Idempotency-Key, if any) in one write, then publishes. A repeated Idempotency-Key with the same request returns the
 * first order and creates nothing.
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
        List<OrderLine> lines = price(command.lines());
        Order order = Order.place(OrderId.generate(), command.customer(), lines, command.address(), command.email(), now);
        OwedEvent placed = OwedEvent.of(OwedEvent.Fact.PLACED, order, command.correlationId());
        if (command.idempotencyKey().isPresent()) {
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.placeOnce(command.customer(), command.idempotencyKey().get(),
                    command.fingerprint(), order, placed, now);
            if (earlier.isEmpty()) {
                return published(order, placed);
            }
            if (!earlier.get().requestFingerprint().equals(command.fingerprint())) {
                throw new IdempotencyKeyReused();
            }
            Optional<Order> existing = orders.find(earlier.get().orderId());
            if (existing.isPresent()) {
                return new Placed(existing.get(), false);
            }
            // a claim stored apart from its order (as before claims and orders were one write), whose request stopped
            // before storing the order: finish that work under the id the key stands for
            order = Order.place(earlier.get().orderId(), command.customer(), lines, command.address(), command.email(), now);
            placed = OwedEvent.of(OwedEvent.Fact.PLACED, order, command.correlationId());
        }
        if (!orders.add(order, placed)) {
            return new Placed(orders.find(order.id()).orElseThrow(), false);
        }
        return published(order, placed);
    }

    private Placed published(Order order, OwedEvent placed) {
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
