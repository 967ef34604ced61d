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
import shop.order.domain.OrderId;
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
