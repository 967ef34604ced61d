package shop.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.order.application.OrderProblems.UnknownSkus;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderStatus;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;

class PlaceOrderTest {

    private final InMemoryPorts.Orders orders = new InMemoryPorts.Orders();
    private final InMemoryPorts.Keys keys = new InMemoryPorts.Keys(orders);
    private final InMemoryPorts.Events events = new InMemoryPorts.Events(orders);
    private final PlaceOrder placeOrder = new PlaceOrder(orders, new InMemoryPorts.Prices(), keys, events, Clock.systemUTC());

    @Test
    void a_retry_finishes_the_order_of_a_first_request_that_stopped_after_claiming_its_key() {
        PlaceOrderCommand command = command(Optional.of("checkout-12345678"));
        OrderId claimedBeforeTheCrash = OrderId.generate();
        keys.claimedOnly(command.customer(), "checkout-12345678", new IdempotencyKeys.Claim(command.fingerprint(), claimedBeforeTheCrash));

        PlaceOrder.Placed placed = placeOrder.place(command);

        assertTrue(placed.created());
        assertEquals(claimedBeforeTheCrash, placed.order().id(), "the order the key stands for");
        assertEquals(1, events.published.size());
    }

    @Test
    void a_retry_that_loses_the_race_to_finish_a_claimed_order_answers_with_the_order_the_other_one_stored() {
        PlaceOrderCommand command = command(Optional.of("checkout-12345678"));
        OrderId claimed = OrderId.generate();
        keys.claimedOnly(command.customer(), "checkout-12345678", new IdempotencyKeys.Claim(command.fingerprint(), claimed));
        // another retry of the same request stores the claimed order between this one's read and its write
        Orders racing = new Orders() {
            @Override
            public boolean add(Order order, OwedEvent owed) {
                orders.add(order, owed);
                return orders.add(order, owed);
            }

            @Override
            public Optional<Order> find(OrderId id) {
                return orders.find(id);
            }

            @Override
            public boolean change(OrderStatus from, Order changed, OwedEvent owed) {
                return orders.change(from, changed, owed);
            }

            @Override
            public boolean ship(OrderStatus from, Order shipped) {
                return orders.ship(from, shipped);
            }
        };

        PlaceOrder.Placed placed = new PlaceOrder(racing, new InMemoryPorts.Prices(), keys, events, Clock.systemUTC()).place(command);

        assertFalse(placed.created());
        assertEquals(claimed, placed.order().id());
        assertEquals(List.of(), events.published, "the other request owes and publishes its OrderPlaced");
    }

    @Test
    void an_order_of_50_lines_is_placed_and_one_of_51_cannot_be_asked_for() {
        List<PlaceOrderCommand.RequestedLine> fifty = java.util.stream.IntStream.rangeClosed(1, 50)
                .mapToObj(i -> new PlaceOrderCommand.RequestedLine(new Sku("SKU-" + i), 1)).toList();
        List<PlaceOrderCommand.RequestedLine> fiftyOne = java.util.stream.IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new PlaceOrderCommand.RequestedLine(new Sku("SKU-" + i), 1)).toList();

        PlaceOrder.Placed placed = placeOrder.place(new PlaceOrderCommand(new CustomerId("c"), fifty, address(),
                new EmailAddress("a@example.com"), Optional.empty(), "corr"));

        assertEquals(50, placed.order().lines().size());
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrderCommand(new CustomerId("c"), fiftyOne, address(),
                new EmailAddress("a@example.com"), Optional.empty(), "corr"));
    }

    @Test
    void an_unknown_sku_stores_and_publishes_nothing() {
        PlaceOrderCommand command = new PlaceOrderCommand(new CustomerId("c"),
                List.of(new PlaceOrderCommand.RequestedLine(new Sku("SKU-1"), 1), new PlaceOrderCommand.RequestedLine(new Sku("NOPE"), 1)),
                address(), new EmailAddress("a@example.com"), Optional.empty(), "corr");

        UnknownSkus refused = assertThrows(UnknownSkus.class, () -> placeOrder.place(command));

        assertEquals(List.of("NOPE"), refused.skus());
        assertTrue(orders.orders.isEmpty());
        assertTrue(events.published.isEmpty());
    }

    @Test
    void when_the_bus_is_down_the_order_is_placed_and_its_OrderPlaced_stays_owed() {
        events.busDown = true;

        PlaceOrder.Placed placed = placeOrder.place(command(Optional.empty()));

        assertTrue(placed.created());
        List<OwedEvent> owed = orders.owed(placed.order().id());
        assertEquals(1, owed.size());
        assertEquals(OwedEvent.Fact.PLACED, owed.get(0).fact());
        assertTrue(events.published.isEmpty());
    }

    @Test
    void the_fingerprint_ignores_nothing_that_matters() {
        PlaceOrderCommand one = command(Optional.empty());
        PlaceOrderCommand other = new PlaceOrderCommand(one.customer(),
                List.of(new PlaceOrderCommand.RequestedLine(new Sku("SKU-1"), 3)), one.address(), one.email(), Optional.empty(), "x");

        assertEquals(one.fingerprint(), command(Optional.of("k-12345678")).fingerprint());
        assertFalse(one.fingerprint().equals(other.fingerprint()));
    }

    private static PlaceOrderCommand command(Optional<String> key) {
        return new PlaceOrderCommand(new CustomerId("customer-alice"), List.of(new PlaceOrderCommand.RequestedLine(new Sku("SKU-1"), 2)),
                address(), new EmailAddress("alice@example.com"), key, "corr-1");
    }

    private static ShippingAddress address() {
        return new ShippingAddress("Alice", "1 Street", null, "Berlin", "10115", "DE");
    }
}
