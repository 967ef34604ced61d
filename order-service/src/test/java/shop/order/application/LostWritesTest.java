package shop.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.order.domain.CancellationReason;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderLine;
import shop.order.domain.OrderStatus;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;

/**
 * An order that keeps changing under a use case (every conditional write lost to another writer): the use case gives
 * up after three writes with an error asking for a retry, so the request or event is retried later, and owes nothing.
 */
class LostWritesTest {

    private static final CustomerId ALICE = new CustomerId("customer-alice");
    private static final Order CONFIRMED = Order.place(OrderId.generate(), ALICE,
            List.of(new OrderLine(new Sku("SKU-5"), 3, Money.of("0.75", "EUR"))),
            new ShippingAddress("Alice", "1 Street", null, "Berlin", "10115", "DE"), new EmailAddress("alice@example.com"),
            Instant.parse("2026-03-02T09:00:00Z")).confirm(Instant.parse("2026-03-02T09:01:00Z"));

    private final LosingOrders orders = new LosingOrders(CONFIRMED);
    private final InMemoryPorts.Events events = new InMemoryPorts.Events(new InMemoryPorts.Orders());

    @Test
    void a_shipment_whose_every_write_is_lost_gives_up_after_three() {
        ParcelShipped shipped = new ParcelShipped(UUID.randomUUID().toString(), CONFIRMED.id(),
                new Order.Shipment("DHL", "JD0001", Instant.parse("2026-03-03T10:00:00Z")));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ShipOrder(orders).handle(shipped));

        assertTrue(e.getMessage().endsWith("retry"), e.getMessage());
        assertEquals(3, orders.writes);
    }

    @Test
    void a_cancel_whose_every_write_is_lost_gives_up_after_three_and_publishes_nothing() {
        CancelOrder cancelOrder = new CancelOrder(orders, events, Clock.systemUTC());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cancelOrder.cancel(new CancelOrderCommand(ALICE, CONFIRMED.id(), CancellationReason.OTHER, "corr")));

        assertTrue(e.getMessage().endsWith("retry"), e.getMessage());
        assertEquals(3, orders.writes);
        assertEquals(List.of(), events.published);
    }

    /** A table where another writer always gets in first: every conditional write is lost, and the order read stays as given. */
    private static final class LosingOrders implements Orders {
        private final Order stored;
        int writes;

        LosingOrders(Order stored) {
            this.stored = stored;
        }

        @Override
        public boolean add(Order order, OwedEvent owed) {
            writes++;
            return false;
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return Optional.of(stored).filter(order -> order.id().equals(id));
        }

        @Override
        public boolean change(OrderStatus from, Order changed, OwedEvent owed) {
            writes++;
            return false;
        }

        @Override
        public boolean ship(OrderStatus from, Order shipped) {
            writes++;
            return false;
        }
    }
}
