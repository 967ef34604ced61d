package shop.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.order.application.OrderOutcome.Kind;
import shop.order.application.OrderProblems.ContradictoryDecision;
import shop.order.application.OrderProblems.DecisionForUnknownOrder;
import shop.order.application.OrderProblems.OrderNotCancellable;
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
 * Inventory's answer moves a placed order once; every later delivery of it, or of the other answer, is told apart; so
 * does package's ParcelShipped; and an order exists only for the customer who placed it.
 */
class StockDecisionsTest {

    private static final CustomerId ALICE = new CustomerId("customer-alice");

    private final InMemoryPorts.Orders orders = new InMemoryPorts.Orders();
    private final InMemoryPorts.Events events = new InMemoryPorts.Events(orders);
    private final ConfirmOrder confirmOrder = new ConfirmOrder(orders, events, Clock.systemUTC());
    private final RejectOrder rejectOrder = new RejectOrder(orders, events, Clock.systemUTC());
    private final CancelOrder cancelOrder = new CancelOrder(orders, events, Clock.systemUTC());
    private final ShipOrder shipOrder = new ShipOrder(orders);

    @Test
    void stock_reserved_confirms_a_placed_order_once_and_owes_one_OrderConfirmed() {
        OrderId id = placed();

        OrderOutcome first = confirmOrder.handle(reserved(id));
        OrderOutcome again = confirmOrder.handle(reserved(id));

        assertEquals(new OrderOutcome(Kind.CONFIRMED, OrderStatus.CONFIRMED), first);
        assertEquals(new OrderOutcome(Kind.DUPLICATE, OrderStatus.CONFIRMED), again);
        assertEquals(List.of(OwedEvent.Fact.CONFIRMED), facts());
    }

    @Test
    void stock_shortage_rejects_a_placed_order_with_its_short_skus_once() {
        OrderId id = placed();

        assertEquals(Kind.REJECTED, rejectOrder.handle(shortage(id)).kind());
        assertEquals(Kind.DUPLICATE, rejectOrder.handle(shortage(id)).kind());

        Order rejected = orders.find(id).orElseThrow();
        assertEquals(List.of(new Sku("SKU-5")), rejected.rejection().orElseThrow().shortSkus());
        assertEquals(List.of(OwedEvent.Fact.REJECTED), facts());
    }

    @Test
    void a_decision_for_a_cancelled_order_changes_nothing_and_owes_nothing() {
        OrderId id = placed();
        cancelOrder.cancel(new CancelOrderCommand(ALICE, id, CancellationReason.CHANGED_MIND, "corr"));

        assertEquals(new OrderOutcome(Kind.IGNORED_CANCELLED_ORDER, OrderStatus.CANCELLED), confirmOrder.handle(reserved(id)));
        assertEquals(Kind.IGNORED_CANCELLED_ORDER, rejectOrder.handle(shortage(id)).kind());
        assertEquals(List.of(OwedEvent.Fact.CANCELLED), facts());
    }

    @Test
    void a_decision_for_an_order_not_stored_fails_so_it_is_retried_and_then_dead_lettered() {
        OrderId unknown = OrderId.generate();

        DecisionForUnknownOrder e = assertThrows(DecisionForUnknownOrder.class, () -> confirmOrder.handle(reserved(unknown)));

        assertTrue(e.getMessage().contains(unknown.value()), e.getMessage());
        assertTrue(orders.orders.isEmpty());
    }

    @Test
    void a_decision_contrary_to_the_one_the_order_stands_by_fails_with_a_reason() {
        OrderId id = placed();
        confirmOrder.handle(reserved(id));

        ContradictoryDecision e = assertThrows(ContradictoryDecision.class, () -> rejectOrder.handle(shortage(id)));

        assertTrue(e.getMessage().contains("CONFIRMED"), e.getMessage());
        assertEquals(OrderStatus.CONFIRMED, orders.find(id).orElseThrow().status());
    }

    @Test
    void a_confirmed_order_can_be_cancelled_and_a_rejected_one_cannot() {
        OrderId confirmed = placed();
        confirmOrder.handle(reserved(confirmed));
        OrderId rejected = placed();
        rejectOrder.handle(shortage(rejected));

        Order cancelled = cancelOrder.cancel(new CancelOrderCommand(ALICE, confirmed, CancellationReason.OTHER, "corr"));
        OrderNotCancellable refused = assertThrows(OrderNotCancellable.class,
                () -> cancelOrder.cancel(new CancelOrderCommand(ALICE, rejected, CancellationReason.OTHER, "corr")));

        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(OrderStatus.REJECTED, refused.status());
        assertEquals(OrderStatus.REJECTED, orders.find(rejected).orElseThrow().status());
    }

    @Test
    void a_shipment_ships_a_confirmed_order_once_and_owes_nothing() {
        OrderId id = placed();
        confirmOrder.handle(reserved(id));
        ParcelShipped shipped = shipped(id);

        assertEquals(new OrderOutcome(Kind.SHIPPED, OrderStatus.SHIPPED), shipOrder.handle(shipped));
        assertEquals(new OrderOutcome(Kind.DUPLICATE, OrderStatus.SHIPPED), shipOrder.handle(shipped(id)));

        Order order = orders.find(id).orElseThrow();
        assertEquals(shipped.shipment(), order.shipment().orElseThrow());
        assertEquals(List.of(OwedEvent.Fact.CONFIRMED), facts(), "shipping owes no event");
        assertThrows(OrderNotCancellable.class, () -> cancelOrder.cancel(new CancelOrderCommand(ALICE, id, CancellationReason.OTHER, "corr")));
    }

    @Test
    void a_shipment_of_an_order_cancelled_meanwhile_keeps_it_cancelled_with_a_return_expected() {
        OrderId id = placed();
        confirmOrder.handle(reserved(id));
        cancelOrder.cancel(new CancelOrderCommand(ALICE, id, CancellationReason.CHANGED_MIND, "corr"));

        assertEquals(new OrderOutcome(Kind.RETURN_EXPECTED, OrderStatus.CANCELLED), shipOrder.handle(shipped(id)));
        assertEquals(new OrderOutcome(Kind.DUPLICATE, OrderStatus.CANCELLED), shipOrder.handle(shipped(id)));

        assertTrue(orders.find(id).orElseThrow().returnExpected());
        assertEquals(List.of(OwedEvent.Fact.CONFIRMED, OwedEvent.Fact.CANCELLED), facts());
    }

    @Test
    void a_shipment_of_an_order_never_confirmed_or_never_stored_fails_with_a_reason() {
        OrderId placed = placed();
        OrderId unknown = OrderId.generate();

        ContradictoryDecision contrary = assertThrows(ContradictoryDecision.class, () -> shipOrder.handle(shipped(placed)));
        assertThrows(DecisionForUnknownOrder.class, () -> shipOrder.handle(shipped(unknown)));

        assertTrue(contrary.getMessage().contains("PLACED"), contrary.getMessage());
        assertEquals(OrderStatus.PLACED, orders.find(placed).orElseThrow().status());
        assertTrue(orders.find(placed).orElseThrow().shipment().isEmpty());
    }

    @Test
    void to_another_customer_an_order_does_not_exist_and_cannot_be_cancelled() {
        OrderId id = placed();
        CustomerId mallory = new CustomerId("customer-mallory");

        assertThrows(OrderProblems.OrderNotFound.class, () -> new GetOrder(orders).get(mallory, id));
        assertThrows(OrderProblems.OrderNotFound.class,
                () -> cancelOrder.cancel(new CancelOrderCommand(mallory, id, CancellationReason.OTHER, "corr")));

        assertEquals(OrderStatus.PLACED, orders.find(id).orElseThrow().status());
        assertEquals(List.of(), facts());
        assertEquals(id, new GetOrder(orders).get(ALICE, id).id());
    }

    private OrderId placed() {
        Order order = Order.place(OrderId.generate(), ALICE, List.of(new OrderLine(new Sku("SKU-5"), 3, Money.of("0.75", "EUR"))),
                new ShippingAddress("Alice", "1 Street", null, "Berlin", "10115", "DE"), new EmailAddress("alice@example.com"),
                Instant.now());
        orders.orders.put(order.id(), order);
        return order.id();
    }

    private List<OwedEvent.Fact> facts() {
        return events.published.stream().map(OwedEvent::fact).toList();
    }

    private static StockReserved reserved(OrderId id) {
        return new StockReserved(UUID.randomUUID().toString(), id, "corr");
    }

    private static ParcelShipped shipped(OrderId id) {
        return new ParcelShipped(UUID.randomUUID().toString(), id, new Order.Shipment("DHL", "JJD000390007", Instant.now()));
    }

    private static StockShortage shortage(OrderId id) {
        return new StockShortage(UUID.randomUUID().toString(), id, List.of(new Sku("SKU-5")), "corr");
    }
}
